/**
 * The action run in process from its sources, with a runner's environment: what it printed (workflow
 * commands included), its outputs, its summary and its exit code.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../../src/action/main.js';

export interface ActionRun {
  stdout: string;
  output: Record<string, string>;
  /** The raw GITHUB_OUTPUT file (to check nothing secret is in any of it). */
  outputs: string;
  /** The job summary written. */
  summary: string;
  exitCode: number | undefined;
  workspace: string;
}

// @actions/core remembers the summary file of its first write: one file for every run, emptied before each.
const runner = mkdtempSync(path.join(tmpdir(), 'hook-sync-runner-'));
const files = { summary: path.join(runner, 'summary.md'), output: path.join(runner, 'output.txt') };

function outputsOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^(\S+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]!] = m[3]!;
  return out;
}

/**
 * Runs `run()` in a runner's environment: `env` on top of the step summary and output files; everything
 * restored after. What it printed, its outputs, its summary and its exit code.
 */
export async function runWithEnvironment(env: Record<string, string>): Promise<Omit<ActionRun, 'workspace'>> {
  writeFileSync(files.summary, '');
  writeFileSync(files.output, '');
  const all = { GITHUB_STEP_SUMMARY: files.summary, GITHUB_OUTPUT: files.output, ...env };
  const saved = { ...process.env };
  Object.assign(process.env, all);
  let stdout = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  }) as typeof process.stdout.write;
  try {
    await run();
  } finally {
    process.stdout.write = write;
    for (const k of Object.keys(all)) delete process.env[k];
    Object.assign(process.env, saved);
  }
  const exitCode = process.exitCode === undefined ? undefined : Number(process.exitCode);
  process.exitCode = undefined; // the action's, not jest's
  const outputs = readFileSync(files.output, 'utf8');
  return {
    stdout,
    outputs,
    output: outputsOf(outputs),
    summary: readFileSync(files.summary, 'utf8'),
    exitCode,
  };
}

/** `manifests`: workspace path → content; `inputs`: the action's inputs by name. No PR comment. */
export async function runAction(
  manifests: Record<string, string>,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<ActionRun> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'hook-sync-workspace-'));
  for (const [file, text] of Object.entries(manifests)) {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), text);
  }
  writeFileSync(path.join(workspace, 'event.json'), '{}');
  const result = await runWithEnvironment({
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: 'c0ffee1234567890c0ffee1234567890c0ffee12',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: path.join(workspace, 'event.json'),
    INPUT_COMMENT: 'false',
    INPUT_TIMEOUT: '2m',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...env,
  });
  return { ...result, workspace };
}
