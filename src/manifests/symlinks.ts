/**
 * Symbolic links met while looking for manifests. A link that leads nowhere is skipped, never silently:
 * the user meant something by it, so the warning says which link and what is wrong with it.
 */
import { readlink, stat } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics.js';

export type LinkTarget =
  | { kind: 'file' }
  | { kind: 'directory' }
  /** The chain of links ends at nothing. */
  | { kind: 'dangling' }
  /** The chain of links never ends (ELOOP): a link to itself, or links pointing at each other. */
  | { kind: 'loop' }
  | { kind: 'unreadable'; reason: string };

/** Follows a link the way reading it would (stat follows the whole chain). */
export async function followLink(link: string): Promise<LinkTarget> {
  try {
    const info = await stat(link);
    return info.isDirectory() ? { kind: 'directory' } : { kind: 'file' };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'dangling' };
    if (code === 'ELOOP') return { kind: 'loop' };
    return { kind: 'unreadable', reason: (err as Error).message };
  }
}

/** What the link says, for messages: it is what the user wrote with `ln -s`. */
export async function linkText(link: string): Promise<string> {
  return readlink(link).catch(() => '?');
}

/** The warning for a link that cannot be read as a file; undefined for one that can. */
export async function brokenLinkWarning(
  link: string,
  display: string,
  target: LinkTarget,
): Promise<Diagnostic | undefined> {
  const hint = 'fix the link or remove it';
  switch (target.kind) {
    case 'dangling':
      return {
        severity: 'warning',
        code: 'dangling-symlink',
        message: `"${display}" is a dangling symbolic link: its target "${await linkText(link)}" does not exist; skipped`,
        hint,
      };
    case 'loop':
      return {
        severity: 'warning',
        code: 'symlink-loop',
        message: `"${display}" is a symbolic link loop: following it leads back to a link already followed; skipped`,
        hint,
      };
    case 'unreadable':
      return {
        severity: 'warning',
        code: 'unreadable-symlink',
        message: `"${display}" is a symbolic link that cannot be followed (${target.reason}); skipped`,
        hint,
      };
    default:
      return undefined;
  }
}
