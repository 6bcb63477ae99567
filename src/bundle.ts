/** The one bundle both faces load (dist/hook-sync.js): the action and the CLI share every module. */
export { run as runAction } from './action/main.js';
export { main as runCli } from './cli/main.js';
export { processIo } from './cli/io.js';
