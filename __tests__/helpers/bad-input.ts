/** Running a bad input through `hook-sync sync` (or `delete`) and checking what a user is told, and that nothing moved. */
import { expect } from '@jest/globals';
import path from 'node:path';
import type { EmbeddedCluster } from '../../src/embedded-cluster/embedded-cluster.js';
import { runCli, ROOT } from './cli.js';
import { clusterSnapshot } from './cluster-snapshot.js';

export const BAD_INPUT = path.join(ROOT, '__tests__', 'fixtures', 'bad-input');

export interface BadInputCase {
  /** What the user did wrong. */
  name: string;
  /** After the command. */
  argv: string[];
  /** Default `sync`. */
  command?: 'sync' | 'delete';
  /** 2: refused before the cluster is asked; 1: the cluster refused it (a dry run, a 403, TLS…). */
  exit: 1 | 2;
  /** All on one line of the output: the cause, the object or file:line, what to do. */
  says: (string | RegExp)[];
  env?: NodeJS.ProcessEnv;
  /** Relative paths in argv and in messages are from here (default: the fixtures). */
  cwd?: string;
}

/** The first line of `output` holding every needle; fails naming them when there is none. */
export function lineSaying(output: string, needles: readonly (string | RegExp)[]): string {
  const has = (line: string, n: string | RegExp) => (typeof n === 'string' ? line.includes(n) : n.test(line));
  const line = output.split('\n').find((l) => needles.every((n) => has(l, n)));
  if (line === undefined)
    throw new Error(`no line says all of ${needles.map(String).join(' | ')} in:\n${output}`);
  return line;
}

/**
 * Runs `hook-sync sync` (or `delete`) with the case's arguments and checks the exit code, the message, and that the
 * cluster holds exactly the objects (and resourceVersions) it held before; for exit 2, that not one
 * request reached it.
 */
export async function expectRefused(cluster: EmbeddedCluster, c: BadInputCase): Promise<string> {
  const before = clusterSnapshot(cluster);
  const requests = cluster.requests.length;
  const r = await runCli([c.command ?? 'sync', ...c.argv], c.cwd ?? BAD_INPUT, c.env ?? {});
  const output = r.stdout + r.stderr;
  if (r.code !== c.exit) throw new Error(`exit ${r.code}, expected ${c.exit}; the output:\n${output}`);
  lineSaying(output, c.says);
  expect(clusterSnapshot(cluster)).toEqual(before);
  if (c.exit === 2) expect(cluster.requests.length).toBe(requests);
  return output;
}
