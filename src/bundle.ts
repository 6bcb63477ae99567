/**
 * The one bundle both faces load (dist/hook-sync.js): the action and the CLI share every module. Each face
 * is imported when called, so a run parses only its own face's code and what it shares with the other
 * (the build emits them as chunks, see scripts/build.mjs).
 */
import type { CliIo } from './cli/io.js';
import { keepYoungGenerationSmall } from './heap-tuning.js';

export { processIo } from './cli/io.js';

export async function runAction(): Promise<void> {
  keepYoungGenerationSmall();
  const { run } = await import('./action/main.js');
  return run();
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // Not for the embedded cluster's server (`hook-sync cluster`): its throughput matters, not its footprint.
  if (argv[0] !== 'cluster') keepYoungGenerationSmall();
  const { main } = await import('./cli/main.js');
  return main(argv, io);
}
