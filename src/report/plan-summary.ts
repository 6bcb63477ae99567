/**
 * A plan for reviewers (the action's `operation: plan`): in the job summary and the sticky PR comment, the
 * order the sync would run in, each hook with its delete policies, the warnings at their file and line,
 * and — when a cluster was given — what would change there, field by field. Secret values are never shown.
 */
import { formatLocation } from '../diagnostics.js';
import { formatChange } from '../diff/object-diff.js';
import type { Change, TaskPreview } from '../diff/live-preview.js';
import type { InventoryObject } from '../lifecycle/inventory.js';
import { revisionPrefix } from '../plan/hook-names.js';
import { taskRef, type Plan, type SyncTask } from '../plan/sync-task.js';
import { imagesMarkdown } from './image-substitutions.js';
import { cell, code, escapeHtml, pre } from './markdown.js';

export interface PlanContext {
  app: string;
  /** Absent: no cluster was given, so no live diff. */
  previews?: TaskPreview[];
  context?: string;
  runUrl?: string;
  /** What the app's inventory holds and the manifests no longer do, and whether the sync prunes it. */
  leaving?: { objects: readonly InventoryObject[]; prune: boolean };
}

const CHANGE_TEXT: Record<Change['change'], string> = {
  create: '➕ created',
  update: '✏️ changed',
  unchanged: '· unchanged',
  run: '▶️ runs',
  unknown: '❔ not known yet',
  refused: '❌ refused',
};

export function planCommentMarker(app: string, header = ''): string {
  return `<!-- hook-sync:plan app=${encodeURIComponent(app)} header=${encodeURIComponent(header)} -->`;
}

function objectName(t: SyncTask): string {
  return `${t.kind} ${t.namespace ? `${t.namespace}/` : ''}${t.name}`;
}

function role(t: SyncTask): string {
  if (!t.hook)
    return t.movedFrom ? `resource (moved from ${t.movedFrom.phase} wave ${t.movedFrom.wave})` : 'resource';
  return `hook; deleted: ${t.deletePolicies.join(', ')}`;
}

function changeCell(p: TaskPreview | undefined): string {
  if (!p) return '—';
  const { preview } = p;
  if (preview.change === 'update')
    return `${CHANGE_TEXT.update} (${preview.fields.length} field${preview.fields.length === 1 ? '' : 's'})`;
  return CHANGE_TEXT[preview.change];
}

function tally(previews: TaskPreview[]): string {
  const counts = new Map<string, number>();
  for (const { preview } of previews) counts.set(preview.change, (counts.get(preview.change) ?? 0) + 1);
  const words: [Change['change'], string][] = [
    ['create', 'created'],
    ['update', 'changed'],
    ['unchanged', 'unchanged'],
    ['run', 'hook runs'],
    ['refused', 'refused by the server'],
    ['unknown', 'not known until the sync creates their kind or namespace'],
  ];
  return words
    .filter(([k]) => counts.get(k))
    .map(([k, w]) => `${counts.get(k)} ${w}`)
    .join(' · ');
}

/** The whole plan in Markdown; `compact` for the PR comment (no per-field lists beyond a few lines each). */
export function renderPlanMarkdown(plan: Plan, ctx: PlanContext, compact = false): string {
  const hooks = plan.tasks.filter((t) => t.hook).length;
  const byTask = new Map(ctx.previews?.map((p) => [taskRef(p.task), p]) ?? []);
  const out: string[] = [
    `## 📋 hook-sync plan: ${escapeHtml(ctx.app)}`,
    '',
    `Revision ${code(revisionPrefix(plan.revision) || '(none)')} · namespace ${code(plan.namespace)} · ${plan.tasks.length} tasks (${hooks} hooks)` +
      (ctx.runUrl ? ` · <a href="${escapeHtml(ctx.runUrl)}">workflow run</a>` : ''),
    '',
  ];
  if (ctx.previews)
    out.push(
      `**In the cluster${ctx.context ? ` (context ${code(ctx.context)})` : ''}**: ${tally(ctx.previews) || 'nothing to do'}`,
      '',
    );
  else out.push('_No cluster was given: the order only, no live diff._', '');
  if (plan.warnings.length) {
    out.push(`### ⚠️ Warnings (${plan.warnings.length})`, '');
    for (const w of plan.warnings)
      out.push(
        `- ${w.source ? `${code(formatLocation(w.source))} ` : ''}${escapeHtml(w.message)}${w.hint ? ` (${escapeHtml(w.hint)})` : ''}`,
      );
    out.push('');
  }
  out.push(...imagesMarkdown(plan.images));
  out.push(
    '### Order',
    '',
    '| Phase | Wave | Object | Role | Change | Manifest |',
    '|---|---|---|---|---|---|',
  );
  for (const t of plan.tasks)
    out.push(
      `| ${t.phase} | ${t.wave} | ${cell(objectName(t))} | ${cell(role(t))} | ${changeCell(byTask.get(taskRef(t)))} | ${code(formatLocation(t.source))} |`,
    );
  if (ctx.leaving?.objects.length) {
    const { objects, prune } = ctx.leaving;
    out.push(
      '',
      `### ${prune ? 'Would be pruned' : 'Left the manifests (prune is off: they stay)'} (${objects.length})`,
      '',
    );
    for (const o of objects)
      out.push(
        `- ${escapeHtml(`${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`)} (wave ${o.wave}${o.prune === 'false' ? ', kept: Prune=false' : ''})`,
      );
  }
  const details = (ctx.previews ?? []).filter(
    (p) => p.preview.change === 'update' || p.preview.change === 'refused' || p.preview.change === 'unknown',
  );
  if (details.length) {
    out.push('', '### What would change', '');
    for (const { task, preview } of details) {
      const lines =
        preview.change === 'update'
          ? preview.fields.map(formatChange)
          : 'message' in preview
            ? [preview.message]
            : [];
      const shown = compact ? lines.slice(0, 10) : lines;
      if (shown.length < lines.length) shown.push(`… ${lines.length - shown.length} more`);
      out.push(
        `<details open><summary>${escapeHtml(objectName(task))}: ${CHANGE_TEXT[preview.change]}</summary>`,
        '',
        pre(shown),
        '',
        '</details>',
        '',
      );
    }
  }
  return out.join('\n') + '\n';
}
