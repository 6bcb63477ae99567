/**
 * Kustomize input: a manifests entry that is a directory holding a kustomization is rendered with
 * `kubectl kustomize <dir>` (kubectl is on GitHub's runners; `HOOK_SYNC_KUBECTL` names another binary),
 * and its output is loaded like a manifests file named `<dir> (kustomize)`, lines counted in that output.
 * Problems come back as diagnostics at the kustomization file, so nothing reaches a cluster.
 */
import { execFile } from 'node:child_process';
import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';

/** The names kustomize itself looks for, in its order. */
export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export const KUBECTL_ENV = 'HOOK_SYNC_KUBECTL';

/** Remote bases are fetched by kustomize: generous, but a hung fetch must not hang the job. */
const RENDER_TIMEOUT_MS = 5 * 60_000;
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;
const MAX_MESSAGE_CHARS = 600;

/** The kustomization file among a directory's entry names, if any. */
export function kustomizationAmong(names: Iterable<string>): string | undefined {
  const present = new Set(names);
  return KUSTOMIZATION_FILES.find((n) => present.has(n));
}

/** The kustomization file of `dir`, if it holds one. */
export async function kustomizationIn(dir: string): Promise<string | undefined> {
  try {
    return kustomizationAmong(await readdir(dir));
  } catch {
    return undefined;
  }
}

/** How objects rendered from `shownDir` name their source: `overlays/preview (kustomize)`. */
export function kustomizeSourceName(shownDir: string): string {
  return `${shownDir} (kustomize)`;
}

export interface RenderOptions {
  /** Shown paths are relative to it; absolute paths in kubectl's messages are shortened with it. */
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

export type RenderResult =
  { ok: true; text: string; warnings: Diagnostic[] } | { ok: false; diagnostic: Diagnostic };

interface ExecOutcome {
  error: (Error & { code?: unknown; killed?: boolean; signal?: string | null }) | null;
  stdout: string;
  stderr: string;
}

/**
 * The action's inputs (`INPUT_KUBECONFIG`, `INPUT_GITHUB-TOKEN`) are credentials a render never needs:
 * kept out of kubectl's environment.
 */
function renderEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('INPUT_')));
}

function run(binary: string, args: string[], env: NodeJS.ProcessEnv): Promise<ExecOutcome> {
  return new Promise((resolve) => {
    execFile(
      binary,
      args,
      {
        env: renderEnvironment(env),
        maxBuffer: MAX_OUTPUT_BYTES,
        timeout: RENDER_TIMEOUT_MS,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => resolve({ error, stdout, stderr }),
    );
  });
}

/**
 * kubectl's own message, trimmed: the text of klog's `err="…"` (kubectl 1.30 and later) or of an
 * `error: …` line, on one line, absolute paths under the working directory made relative, cut to a length
 * an annotation can show.
 */
export function kubectlMessage(stderr: string, cwd: string, realCwd = cwd): string {
  let text = stderr.trim();
  const klog = /\berr="((?:[^"\\]|\\.)*)"/.exec(text);
  if (klog)
    text = klog[1]!
      .replace(/\\(["\\])/g, '$1')
      .replace(/\\n/g, '\n')
      .replace(/\\t/g, '\t');
  else text = text.replace(/^error:\s*/i, '');
  for (const root of new Set([realCwd, cwd])) text = text.split(root + path.sep).join('');
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…` : text;
}

/** What kustomize says on a successful render (`# Warning: 'commonLabels' is deprecated…`), one line each. */
function renderWarnings(stderr: string, shownDir: string, at: SourceLocation): Diagnostic[] {
  return stderr
    .split('\n')
    .map((l) => l.replace(/^#?\s*(warning:\s*)?/i, '').trim())
    .filter(Boolean)
    .slice(0, 10)
    .map((message) => ({
      severity: 'warning' as const,
      code: 'kustomize-warning',
      message: `"kubectl kustomize ${shownDir}": ${message}`,
      source: at,
    }));
}

/** Renders the kustomization in `dir` (absolute); `shownDir` is how the user knows it. */
export async function renderKustomization(
  dir: string,
  shownDir: string,
  file: string,
  options: RenderOptions,
): Promise<RenderResult> {
  const env = options.env ?? process.env;
  const override = env[KUBECTL_ENV]?.trim();
  const binary = override || 'kubectl';
  const at: SourceLocation = { file: path.join(shownDir, file), line: 1 };
  const fail = (code: string, message: string, hint: string): RenderResult => ({
    ok: false,
    diagnostic: { severity: 'error', code, message, hint, source: at },
  });
  const { error, stdout, stderr } = await run(binary, ['kustomize', dir], env);
  if (!error) return { ok: true, text: stdout, warnings: renderWarnings(stderr, shownDir, at) };

  const renderYourself = `render it yourself ("kubectl kustomize ${shownDir} > rendered.yaml", or "kustomize build ${shownDir}") and pass the rendered file instead`;
  if (error.code === 'ENOENT' || error.code === 'EACCES')
    return fail(
      'kubectl-not-found',
      `"${shownDir}" holds a ${file}: rendering it needs kubectl, and ${override ? `"${binary}" (from ${KUBECTL_ENV})` : '"kubectl"'} ${error.code === 'ENOENT' ? (override ? 'does not exist' : 'was not found on the PATH') : 'cannot be run (permission denied)'}`,
      `install kubectl (https://kubernetes.io/docs/tasks/tools/; GitHub's hosted runners have it), set ${KUBECTL_ENV} to its path, or ${renderYourself}`,
    );
  if (error.killed || error.signal)
    return fail(
      'kustomize-failed',
      `"kubectl kustomize ${shownDir}" did not finish${error.killed ? ` within ${RENDER_TIMEOUT_MS / 60_000} minutes` : ` (${error.signal})`}`,
      `check the remote bases of the kustomization, or ${renderYourself}`,
    );
  if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
    return fail(
      'kustomize-failed',
      `"kubectl kustomize ${shownDir}" printed more than ${MAX_OUTPUT_BYTES / 1024 / 1024} MiB`,
      'split the kustomization into smaller ones, each a manifests entry of its own',
    );
  const realCwd = await realpath(options.cwd).catch(() => options.cwd);
  return fail(
    'kustomize-failed',
    `"kubectl kustomize ${shownDir}" failed: ${kubectlMessage(stderr, options.cwd, realCwd) || `exit code ${String(error.code)}`}`,
    `fix the kustomization; "kubectl kustomize ${shownDir}" shows the same error`,
  );
}
