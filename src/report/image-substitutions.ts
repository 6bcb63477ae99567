/**
 * What the `images` overrides changed, for every face: a Markdown table (the plan's summary and comment,
 * the sync's job summary), text lines (the CLI) and the JSON of the plan document.
 */
import { formatLocation, type ObjectRef } from '../diagnostics.js';
import type { ImageSubstitution } from '../manifests/image-overrides.js';
import { cell, code } from './markdown.js';

export interface ImageSubstitutionJson {
  kind: string;
  namespace?: string;
  name: string;
  container: string;
  field: ImageSubstitution['field'];
  from: string;
  to: string;
  /** `file:line` of the image field. */
  source: string;
}

function objectText(o: ObjectRef): string {
  return `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
}

const FIELD_NOTE: Record<ImageSubstitution['field'], string> = {
  containers: '',
  initContainers: ' (init)',
  ephemeralContainers: ' (ephemeral)',
};

function containerText(s: ImageSubstitution): string {
  return `${s.container}${FIELD_NOTE[s.field]}`;
}

function heading(count: number): string {
  return `Images (${count} substituted)`;
}

/** A section for Markdown reports; nothing when no image was substituted. */
export function imagesMarkdown(substitutions: readonly ImageSubstitution[] | undefined): string[] {
  if (!substitutions?.length) return [];
  return [
    `### ${heading(substitutions.length)}`,
    '',
    '| Object | Container | Image | Manifest |',
    '|---|---|---|---|',
    ...substitutions.map(
      (s) =>
        `| ${cell(objectText(s.object))} | ${cell(containerText(s))} | ${code(s.from)} → ${code(s.to)} | ${code(formatLocation(s.source))} |`,
    ),
    '',
  ];
}

/** Lines for the CLI; nothing when no image was substituted. */
export function imagesText(substitutions: readonly ImageSubstitution[] | undefined): string[] {
  if (!substitutions?.length) return [];
  const rows = substitutions.map((s) => [
    `${objectText(s.object)} ${containerText(s)}`,
    `${s.from} → ${s.to}`,
    formatLocation(s.source),
  ]);
  const width = (i: number) => Math.max(...rows.map((r) => r[i]!.length));
  const [w0, w1] = [width(0), width(1)];
  return [
    `${heading(substitutions.length)}:`,
    ...rows.map(([what, change, where]) =>
      `  ${what!.padEnd(w0)}  ${change!.padEnd(w1)}  ${where}`.trimEnd(),
    ),
  ];
}

export function imagesJson(substitutions: readonly ImageSubstitution[]): ImageSubstitutionJson[] {
  return substitutions.map((s) => ({
    kind: s.object.kind,
    ...(s.object.namespace ? { namespace: s.object.namespace } : {}),
    name: s.object.name,
    container: s.container,
    field: s.field,
    from: s.from,
    to: s.to,
    source: formatLocation(s.source),
  }));
}
