/** Who the CLI is and which application it works on, when not told. */
import { execFileSync } from 'node:child_process';
import { hostname, userInfo } from 'node:os';
import path from 'node:path';

/** The checkout's folder name (as the action defaults to the repository's name), else the folder's. */
export function defaultAppName(cwd: string): string {
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], {
      cwd,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
    if (top) return path.basename(top);
  } catch {
    // not a git checkout
  }
  return path.basename(path.resolve(cwd)) || 'app';
}

/** `user@host`, recorded in the application's history for runs from a laptop. */
export function localIdentity(): string {
  let user = 'someone';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (some containers)
  }
  return `${user}@${hostname()}`;
}
