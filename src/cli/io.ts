/** Where the CLI writes; tests pass buffers instead of the process streams. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
  };
}

export const EXIT = {
  ok: 0,
  failed: 1,
  invalid: 2,
  cancelled: 130,
} as const;

/** A mistake in the command line itself. */
export class UsageError extends Error {
  override name = 'UsageError';
}
