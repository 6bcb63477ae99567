/**
 * The manifest files under a directory, in name order. Linked files are followed; linked directories are
 * not (as Argo CD), so a link cycle cannot loop. Links that are skipped are reported as warnings: a
 * dangling link, a loop of links, a link back to a directory that contains it (a directory cycle), and
 * any other linked directory, whose manifests would otherwise go missing without a word.
 */
import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { kustomizationAmong } from './kustomize.js';
import { brokenLinkWarning, followLink, linkText } from './symlinks.js';

export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

export function hasManifestExtension(file: string): boolean {
  return MANIFEST_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

export interface WalkContext {
  /** How a path is shown in diagnostics. */
  display: (file: string) => string;
  diagnostics: Diagnostic[];
}

/** True when `ancestor` is `dir` itself or one of the directories holding it. */
function contains(ancestor: string, dir: string): boolean {
  return dir === ancestor || dir.startsWith(ancestor.endsWith(path.sep) ? ancestor : ancestor + path.sep);
}

async function linkedDirectoryWarning(link: string, dir: string, ctx: WalkContext): Promise<Diagnostic> {
  const [target, realDir, text] = await Promise.all([realpath(link), realpath(dir), linkText(link)]);
  if (contains(target, realDir)) {
    return {
      severity: 'warning',
      code: 'symlink-directory-cycle',
      message: `"${ctx.display(link)}" links to "${text}", a directory that contains the link (a directory cycle); not followed`,
      hint: 'remove the link',
    };
  }
  return {
    severity: 'warning',
    code: 'symlink-directory-skipped',
    message: `"${ctx.display(link)}" links to the directory "${text}"; linked directories are not followed, so its manifests are not loaded`,
    hint: 'name it as a path of its own to load it',
  };
}

/**
 * A Kustomize directory met on the walk is skipped whole: its files are a render's inputs (patches, a base
 * without the overlay's changes), not objects to apply as they are. Only a directory named as an entry of
 * its own is rendered, so pointing at `deploy/` never applies a base and each of its overlays at once.
 */
function nestedKustomizationWarning(dir: string, file: string, ctx: WalkContext): Diagnostic {
  const shown = ctx.display(dir);
  return {
    severity: 'warning',
    code: 'kustomization-skipped',
    message: `"${shown}" holds a ${file}: it is a Kustomize directory, so none of its files were loaded`,
    hint: `to render it with "kubectl kustomize", name "${shown}" as a manifests entry of its own`,
    source: { file: ctx.display(path.join(dir, file)), line: 1 },
  };
}

export async function walkDirectory(dir: string, out: string[], ctx: WalkContext): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  const kustomization = kustomizationAmong(entries.map((e) => e.name));
  if (kustomization) {
    ctx.diagnostics.push(nestedKustomizationWarning(dir, kustomization, ctx));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    // Hidden entries (.git, .github) are never manifests a user meant to apply.
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walkDirectory(full, out, ctx);
    else if (entry.isFile() && hasManifestExtension(entry.name)) out.push(full);
    else if (entry.isSymbolicLink()) {
      const target = await followLink(full);
      if (target.kind === 'file') {
        if (hasManifestExtension(entry.name)) out.push(full);
      } else if (target.kind === 'directory') {
        ctx.diagnostics.push(await linkedDirectoryWarning(full, dir, ctx));
      } else if (hasManifestExtension(entry.name) || path.extname(entry.name) === '') {
        // A broken link named like a manifest, or like a directory, was meant to be read.
        const warning = await brokenLinkWarning(full, ctx.display(full), target);
        if (warning) ctx.diagnostics.push(warning);
      }
    }
  }
}
