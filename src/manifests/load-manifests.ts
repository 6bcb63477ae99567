/**
 * Turns the paths a user gives (files, directories, globs) into objects, each remembering the file and line
 * it came from. Loading never stops at the first problem: every error in every file is collected, so one
 * CI run shows them all.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { stat, glob, lstat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { isRecord, type KubeObject } from './kube-object.js';
import {
  KUSTOMIZATION_FILES,
  kustomizationIn,
  kustomizeSourceName,
  renderKustomization,
} from './kustomize.js';
import { brokenLinkWarning, followLink } from './symlinks.js';
import { binaryFileProblem, explainSyntaxError } from './text-problems.js';
import { hasManifestExtension, walkDirectory } from './walk-directory.js';
import {
  LineIndex,
  YamlAliasBombError,
  YamlSyntaxError,
  formatCount,
  nodeAt,
  offsetAt,
  parseYamlDocuments,
  type ParseOptions,
  type PositionNode,
} from './yaml-documents.js';

export { MANIFEST_EXTENSIONS } from './walk-directory.js';

export interface Manifest {
  object: KubeObject;
  /** Where the object starts. */
  source: SourceLocation;
  /** Where a field of this object is written (the object's start when the field is not there). */
  locate(fieldPath: readonly (string | number)[]): SourceLocation;
}

export interface LoadResult {
  manifests: Manifest[];
  diagnostics: Diagnostic[];
  /** Files read, as displayed in diagnostics. */
  files: string[];
}

export interface LoadOptions {
  /** Paths and diagnostics are relative to this directory. Default: process.cwd(). */
  cwd?: string;
  /** For the kubectl that renders kustomizations (PATH, HOOK_SYNC_KUBECTL). Default: process.env. */
  env?: NodeJS.ProcessEnv;
}

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Expands the user's paths into an ordered, de-duplicated list of absolute file paths; an entry that is a
 * Kustomize directory stays a directory, listed in `kustomizations` too, to be rendered.
 */
export async function resolveManifestPaths(
  inputs: readonly string[],
  cwd: string,
): Promise<{ files: string[]; kustomizations: Map<string, string>; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const found: string[] = [];
  /** Directory → its kustomization file's name. */
  const kustomizations = new Map<string, string>();
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    if (GLOB_CHARS.test(input)) {
      const matches: string[] = [];
      for await (const match of glob(input, { cwd })) {
        const full = path.resolve(cwd, match);
        if (!hasManifestExtension(full)) continue;
        if (!(await lstat(full)).isSymbolicLink()) {
          if ((await stat(full)).isFile()) matches.push(full);
          continue;
        }
        // A pattern matches broken links too: warn and go on, as for a directory.
        const target = await followLink(full);
        if (target.kind === 'file') matches.push(full);
        const warning = await brokenLinkWarning(full, displayPath(full, cwd), target);
        if (warning) diagnostics.push(warning);
      }
      matches.sort();
      if (matches.length === 0) {
        diagnostics.push({
          severity: 'error',
          code: 'no-manifests',
          message: `the pattern "${input}" matched no .yaml, .yml or .json file`,
          hint: `check the pattern against the files under ${cwd}`,
        });
      }
      found.push(...matches);
      continue;
    }
    let info;
    try {
      info = await stat(abs);
    } catch {
      diagnostics.push({
        severity: 'error',
        code: 'path-not-found',
        message: `no such file or directory: ${input}`,
        hint: `paths are resolved from ${cwd}`,
      });
      continue;
    }
    const kustomization = info.isDirectory() ? await kustomizationIn(abs) : undefined;
    if (kustomization) {
      kustomizations.set(abs, kustomization);
      found.push(abs);
    } else if (info.isDirectory()) {
      const before = found.length;
      const warnings = diagnostics.length;
      await walkDirectory(abs, found, { display: (f) => displayPath(f, cwd), diagnostics });
      if (found.length === before) {
        const skipped = diagnostics.slice(warnings).some((d) => d.code === 'kustomization-skipped');
        diagnostics.push({
          severity: 'error',
          code: 'no-manifests',
          message: `the directory "${input}" holds no .yaml, .yml or .json file${skipped ? ' outside its Kustomize directories' : ''}`,
          hint: skipped
            ? 'name each Kustomize directory to render as a manifests entry of its own'
            : 'point at the directory that holds the manifests',
        });
      }
    } else {
      found.push(abs);
    }
  }
  const seen = new Set<string>();
  const files: string[] = [];
  // One system call a file, in turn (as the files are read, below): a thousand promises through the thread
  // pool cost more than the calls themselves.
  for (const file of found) {
    let real = file;
    try {
      real = realpathSync.native(file);
    } catch {
      // Gone or unreadable: reading it says so, with the file's name.
    }
    if (seen.has(real)) continue;
    seen.add(real);
    files.push(file);
  }
  return { files, kustomizations, diagnostics };
}

export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** A directory as shown: `.` for the working directory itself. */
function displayDirectory(dir: string, cwd: string): string {
  return path.relative(cwd, dir) === '' ? '.' : displayPath(dir, cwd);
}

/** A kustomization named as a file (by a glob, say): it is the render's input, not an object. */
function kustomizationFileWarning(display: string): Diagnostic {
  return {
    severity: 'warning',
    code: 'kustomization-skipped',
    message: 'a kustomization is not a Kubernetes object and was not applied',
    hint: `to render it with "kubectl kustomize", name its directory ("${path.dirname(display)}") as a manifests entry`,
    source: { file: display, line: 1 },
  };
}

function isKustomization(obj: Record<string, unknown>): boolean {
  return (
    obj.kind === 'Kustomization' &&
    typeof obj.apiVersion === 'string' &&
    obj.apiVersion.startsWith('kustomize.config.k8s.io/')
  );
}

/**
 * Parses one file's text into manifests; problems go to `diagnostics`. `options.duplicateKeys` is for
 * reading what tools print (`hook-sync health`); manifests keep the default, which refuses them.
 */
export function parseManifestText(
  text: string,
  file: string,
  diagnostics: Diagnostic[],
  options: ParseOptions = {},
): Manifest[] {
  const lines = new LineIndex(text);
  const at = (offset: number | undefined): SourceLocation => {
    const { line } = lines.position(offset ?? 0);
    return { file, line };
  };
  const binary = binaryFileProblem(text, file);
  if (binary) {
    diagnostics.push(binary);
    return [];
  }
  let documents;
  try {
    documents = parseYamlDocuments(text, options);
  } catch (err) {
    if (err instanceof YamlAliasBombError) {
      diagnostics.push({
        severity: 'error',
        code: 'yaml-alias-bomb',
        message: `YAML aliases expand to too many nodes: ${formatCount(err.nodes)} (at most ${formatCount(err.budget)} in this file)`,
        hint: 'nested aliases like these, a "billion laughs" alias bomb, would exhaust memory: write the repeated parts out, or alias fewer levels deep',
        source: at(err.offset),
      });
      return [];
    }
    if (!(err instanceof YamlSyntaxError)) throw err;
    // Strict JSON that YAML rejects (tab indentation, for one) is still a valid manifest file.
    let jsonError: unknown;
    if (file.toLowerCase().endsWith('.json')) {
      try {
        documents = [{ value: JSON.parse(text) as unknown, root: undefined }];
      } catch (e) {
        jsonError = e;
      }
    }
    if (!documents) {
      const explained = explainSyntaxError(err.reason, text, err.line, err.column, jsonError);
      diagnostics.push({
        severity: 'error',
        code: 'yaml-syntax',
        message: explained.message,
        hint: explained.hint,
        source: { file, line: explained.line, column: explained.column },
      });
      return [];
    }
  }

  const manifests: Manifest[] = [];
  const add = (value: unknown, root: PositionNode | undefined) => {
    const source = at(root?.offset);
    if (!isRecord(value)) {
      diagnostics.push({
        severity: 'error',
        code: 'not-an-object',
        message: `a YAML document must be a Kubernetes object (a mapping with apiVersion and kind), found ${Array.isArray(value) ? 'a list' : typeof value}`,
        hint: 'remove it, or separate objects with "---"',
        source,
      });
      return;
    }
    if (isKustomization(value)) {
      diagnostics.push({
        severity: 'warning',
        code: 'kustomization-skipped',
        message: 'a kustomization is not a Kubernetes object and was not applied',
        hint: `to render it with "kubectl kustomize", name its directory as a manifests entry`,
        source,
      });
      return;
    }
    manifests.push({
      object: value as KubeObject,
      source,
      locate: (fieldPath) => at(offsetAt(root, fieldPath)),
    });
  };

  for (const doc of documents) {
    for (const dup of doc.duplicateKeys ?? []) {
      diagnostics.push({
        severity: 'warning',
        code: 'duplicate-key',
        message: `the key "${dup.key}" is written twice in one mapping; the last one is used`,
        source: { ...at(dup.offset), column: lines.position(dup.offset).column },
      });
    }
    const value = doc.value;
    if (value === null || value === undefined) continue; // empty document, trailing ---
    if (
      isRecord(value) &&
      typeof value.kind === 'string' &&
      value.kind.endsWith('List') &&
      Array.isArray(value.items)
    ) {
      const itemsNode = nodeAt(doc.root, ['items']);
      value.items.forEach((item, i) => add(item, itemsNode?.items?.[i] ?? doc.root));
      continue;
    }
    add(value, doc.root);
  }
  return manifests;
}

/** Loads every manifest under `inputs`. Never throws for bad input: problems are in `diagnostics`. */
export async function loadManifests(
  inputs: readonly string[],
  options: LoadOptions = {},
): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  const { files, kustomizations, diagnostics } = await resolveManifestPaths(inputs, cwd);
  const manifests: Manifest[] = [];
  const shown: string[] = [];
  for (const file of files) {
    const kustomization = kustomizations.get(file);
    if (kustomization) {
      const dir = displayDirectory(file, cwd);
      shown.push(dir);
      const rendered = await renderKustomization(file, dir, kustomization, { cwd, env: options.env });
      if (rendered.ok) {
        diagnostics.push(...rendered.warnings);
        manifests.push(...parseManifestText(rendered.text, kustomizeSourceName(dir), diagnostics));
      } else diagnostics.push(rendered.diagnostic);
      continue;
    }
    const display = displayPath(file, cwd);
    shown.push(display);
    if (KUSTOMIZATION_FILES.includes(path.basename(file))) {
      diagnostics.push(kustomizationFileWarning(display));
      continue;
    }
    let text: string;
    try {
      // Read synchronously: nothing else runs before the plan exists, and fs/promises' readFile (open,
      // stat, read, close, each a trip through the thread pool) took half a second for 1,000 small files.
      text = readFileSync(file, 'utf8');
    } catch (err) {
      diagnostics.push({
        severity: 'error',
        code: 'unreadable-file',
        message: `cannot read the file: ${(err as Error).message}`,
        source: { file: display, line: 1 },
      });
      continue;
    }
    manifests.push(...parseManifestText(text, display, diagnostics));
  }
  return { manifests, diagnostics, files: shown };
}
