/**
 * Manifests must come from the checked-out repository: a path that leaves GITHUB_WORKSPACE (`../`, an
 * absolute path, a link pointing out) is refused, so a workflow input cannot make the action read and
 * apply arbitrary files from the runner.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { ActionInputError } from './inputs.js';

function inside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

export function checkManifestPaths(inputs: readonly string[], workspace: string): void {
  const root = realOrSelf(path.resolve(workspace));
  for (const input of inputs) {
    // For a glob, the part before the first wildcard is what must stay inside.
    const fixed = input.split(/[*?[{]/)[0]!;
    const resolved = path.resolve(root, fixed || '.');
    if (!inside(root, resolved) || !inside(root, realOrSelf(resolved))) {
      throw new ActionInputError(
        `manifest path "${input}" is outside the workspace (${root}); only files of the checked-out repository can be synced`,
      );
    }
  }
}

export function checkFilesInside(files: readonly string[], workspace: string): void {
  const root = realOrSelf(path.resolve(workspace));
  for (const f of files) {
    if (!inside(root, realOrSelf(path.resolve(root, f))))
      throw new ActionInputError(
        `manifest "${f}" resolves outside the workspace (${root}) through a link; refusing to read it`,
      );
  }
}
