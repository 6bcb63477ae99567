/** Where the CLI writes; tests pass buffers instead of the process streams. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/**
 * A reader that went away (`hook-sync sync … | head`) must not stop a sync halfway, with its lock held
 * and its hooks running: the rest of the output is dropped and the sync goes on to its end.
 */
function ignoreClosedReader(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

export function processIo(): CliIo {
  return {
    stdout: ignoreClosedReader(process.stdout),
    stderr: ignoreClosedReader(process.stderr),
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
