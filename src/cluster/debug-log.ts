/**
 * Debug lines from the cluster client (each retry and its reason, each resumed stream). Shown with
 * HOOK_SYNC_DEBUG=1, and in a GitHub Actions run with debug logging on (as `::debug::` lines). They name
 * methods, paths and reasons only: never a header, a body or a credential.
 */
export type DebugSink = (message: string) => void;

/** Escaped as the Actions runner reads workflow commands. */
function actionsCommand(message: string): string {
  return message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function debugSinkFromEnv(env: NodeJS.ProcessEnv = process.env): DebugSink | undefined {
  if (env.GITHUB_ACTIONS === 'true' && env.RUNNER_DEBUG === '1')
    return (m) => void process.stdout.write(`::debug::${actionsCommand(m)}\n`);
  if (env.HOOK_SYNC_DEBUG && env.HOOK_SYNC_DEBUG !== '0')
    return (m) => void process.stderr.write(`debug: ${m}\n`);
  return undefined;
}
