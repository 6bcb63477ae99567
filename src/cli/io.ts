/** Where the CLI writes; tests pass buffers instead of the process streams. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/**
 * The process's output, written once per turn of the event loop: a sync of thousands of objects prints a
 * line per task change, and each write to a pipe or a file is a system call of its own (3,000 of them for
 * 1,000 ConfigMaps). Order across stdout and stderr is kept; what is pending is written at exit too.
 *
 * A reader that went away (`hook-sync sync … | head`) must not stop a sync halfway, with its lock held
 * and its hooks running: the rest of the output is dropped and the sync goes on to its end.
 */
class BatchedOutput {
  private readonly pending: { stream: NodeJS.WriteStream; text: string }[] = [];
  private readonly closed = new Set<NodeJS.WriteStream>();
  private scheduled = false;

  constructor(streams: NodeJS.WriteStream[]) {
    for (const stream of streams)
      stream.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EPIPE') throw err;
        this.closed.add(stream);
      });
    process.on('exit', () => this.flush());
  }

  writer(stream: NodeJS.WriteStream): (text: string) => void {
    return (text) => {
      if (this.closed.has(stream)) return;
      const last = this.pending.at(-1);
      if (last?.stream === stream) last.text += text;
      else this.pending.push({ stream, text });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    };
  }

  private flush(): void {
    this.scheduled = false;
    for (const { stream, text } of this.pending.splice(0)) if (!this.closed.has(stream)) stream.write(text);
  }
}

export function processIo(): CliIo {
  const output = new BatchedOutput([process.stdout, process.stderr]);
  return {
    stdout: output.writer(process.stdout),
    stderr: output.writer(process.stderr),
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
