/** The revision hook names are derived from: explicit, else the CI's commit, else the checkout's HEAD. */
import { execFileSync } from 'node:child_process';

export function resolveRevision(explicit: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  if (explicit) return explicit;
  if (env.GITHUB_SHA) return env.GITHUB_SHA;
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return 'local';
  }
}
