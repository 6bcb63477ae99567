import { execFile } from 'node:child_process';
import path from 'node:path';
import { main } from '../../src/cli/main.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Runs the CLI in-process with captured output. */
export async function runCli(argv: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env,
    cwd,
  });
  return { code, stdout, stderr };
}

/** Runs the bundled CLI (dist/cli.js) as a user would, on this process's Node. */
export function runDistCli(
  argv: string[],
  cwd = ROOT,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'dist', 'cli.js'), ...argv],
      { cwd },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
