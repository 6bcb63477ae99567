/**
 * The options `sync` and `delete` share that can be wrong in ways worth saying exactly: durations out of
 * range, an app name that cannot be one, a --json file that could not be written after the sync ran.
 * Everything here is checked before the cluster is asked anything.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkDuration } from '../duration.js';
import { LOCK_TTL_LIMITS, appNameProblem } from '../lifecycle/input-limits.js';
import { UsageError } from './io.js';

/**
 * `--timeout -5s` as `--timeout=-5s`: the argument parser takes a value starting with "-" for another
 * option and says something about ambiguity; joined, the value gets the duration check's message.
 */
export function joinNegativeValues(argv: readonly string[], options: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (options.includes(arg) && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

export interface CheckedOptions {
  timeoutMs: number;
  lockTtlMs?: number;
}

export function checkOperationOptions(values: {
  timeout: string;
  'lock-ttl'?: string;
  app?: string;
  json?: string;
  cwd: string;
}): CheckedOptions {
  const timeout = checkDuration(values.timeout);
  if (timeout.problem !== undefined) throw new UsageError(`--timeout ${timeout.problem}`);
  let lockTtlMs: number | undefined;
  if (values['lock-ttl'] !== undefined) {
    const ttl = checkDuration(values['lock-ttl'], LOCK_TTL_LIMITS);
    if (ttl.problem !== undefined) throw new UsageError(`--lock-ttl ${ttl.problem}`);
    lockTtlMs = ttl.ms;
  }
  if (values.app !== undefined) {
    const problem = appNameProblem(values.app);
    if (problem) throw new UsageError(`--app ${problem}`);
  }
  if (values.json !== undefined) {
    const file = path.resolve(values.cwd, values.json);
    const dir = path.dirname(file);
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      throw new UsageError(`--json ${values.json}: the folder ${dir} does not exist; create it first`);
    if (existsSync(file) && statSync(file).isDirectory())
      throw new UsageError(`--json ${values.json} is a folder; name a file`);
  }
  return { timeoutMs: timeout.ms, lockTtlMs };
}
