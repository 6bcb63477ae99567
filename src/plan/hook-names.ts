/**
 * Names for hooks written with `generateName`: the revision, phase and operation start are appended, so the
 * same operation always produces the same names (a rerun finds its own objects) and two operations never
 * collide.
 */
import type { Phase } from '../hooks/phase.js';

export function revisionPrefix(revision: string): string {
  return revision.length >= 8 ? revision.slice(0, 7) : revision;
}

export function generatedHookName(
  generateName: string,
  revision: string,
  phase: Phase,
  startedAtUnix: number,
): string {
  return generateName + `${revisionPrefix(revision)}-${phase}-${startedAtUnix}`.toLowerCase();
}
