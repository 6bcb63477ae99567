/**
 * The action run in process from its sources, with a runner's environment: what it printed (workflow
 * commands included), its outputs and its exit code. No PR comment (comment: false): no GitHub needed.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../../src/action/main.js';

export interface ActionRun {
  stdout: string;
  output: Record<string, string>;
  exitCode: number | undefined;
  workspace: string;
}

const runner = mkdtempSync(path.join(tmpdir(), 'hook-sync-runner-'));
const files = { summary: path.join(runner, 'summary.md'), output: path.join(runner, 'output.txt') };

function outputsOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^(\S+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]!] = m[3]!;
  return out;
}

/** `manifests`: workspace path → content; `inputs`: the action's inputs by name. */
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
  writeFileSync(files.summary, '');
  writeFileSync(files.output, '');
  writeFileSync(path.join(workspace, 'event.json'), '{}');
  const all: Record<string, string> = {
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: 'c0ffee1234567890c0ffee1234567890c0ffee12',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: path.join(workspace, 'event.json'),
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    INPUT_COMMENT: 'false',
    INPUT_TIMEOUT: '2m',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...env,
  };
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
  return { stdout, output: outputsOf(readFileSync(files.output, 'utf8')), exitCode, workspace };
}
