/** How a plan is shown: a human listing grouped by phase and wave, and the `--json` contract. */
import { formatDiagnostic, formatLocation, type Diagnostic } from '../diagnostics.js';
import type { Phase } from '../hooks/phase.js';
import { revisionPrefix } from '../plan/hook-names.js';
import { taskIdentity, type Plan, type SyncTask, type TaskIdentity } from '../plan/sync-task.js';
import { imagesJson, imagesText, type ImageSubstitutionJson } from './image-substitutions.js';

export interface PlanJsonTask extends TaskIdentity {
  deletePolicies: string[];
  /** `file:line`. */
  source: string;
}

export interface PlanJson {
  tasks: PlanJsonTask[];
  warnings: PlanJsonDiagnostic[];
  /** Present when `images` overrides changed container images. */
  images?: ImageSubstitutionJson[];
}

export interface PlanJsonDiagnostic {
  severity: string;
  code: string;
  message: string;
  hint?: string;
  source?: string;
  object?: { kind: string; name: string; namespace?: string };
}

export function diagnosticJson(d: Diagnostic): PlanJsonDiagnostic {
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.hint ? { hint: d.hint } : {}),
    ...(d.source ? { source: formatLocation(d.source) } : {}),
    ...(d.object ? { object: d.object } : {}),
  };
}

export function planJson(plan: Plan): PlanJson {
  return {
    tasks: plan.tasks.map((t) => ({
      ...taskIdentity(t),
      deletePolicies: [...t.deletePolicies],
      source: formatLocation(t.source),
    })),
    warnings: plan.warnings.map(diagnosticJson),
    ...(plan.images?.length ? { images: imagesJson(plan.images) } : {}),
  };
}

function objectColumn(t: SyncTask): string {
  const kind = t.group ? `${t.kind}.${t.group}` : t.kind;
  return t.namespace ? `${kind} ${t.namespace}/${t.name}` : `${kind} ${t.name}`;
}

function roleColumn(t: SyncTask): string {
  if (!t.hook)
    return t.movedFrom ? `resource (moved from ${t.movedFrom.phase} wave ${t.movedFrom.wave})` : 'resource';
  return `hook, delete: ${t.deletePolicies.join(',')}`;
}

/** Human listing: a heading per phase, a sub-heading per wave, one aligned line per task. */
export function renderPlanText(plan: Plan): string {
  const lines: string[] = [];
  const hooks = plan.tasks.filter((t) => t.hook).length;
  lines.push(
    `Plan: ${plan.operation}, revision ${revisionPrefix(plan.revision) || '(none)'}, namespace ${plan.namespace}: ` +
      `${plan.tasks.length} task${plan.tasks.length === 1 ? '' : 's'} (${hooks} hook${hooks === 1 ? '' : 's'})`,
  );
  if (plan.tasks.length === 0) lines.push('', 'Nothing to do.');
  const objWidth = Math.max(0, ...plan.tasks.map((t) => objectColumn(t).length));
  const roleWidth = Math.max(0, ...plan.tasks.map((t) => roleColumn(t).length));
  let phase: Phase | undefined;
  let wave: number | undefined;
  for (const t of plan.tasks) {
    if (t.phase !== phase) {
      lines.push('', t.phase);
      phase = t.phase;
      wave = undefined;
    }
    if (t.wave !== wave) {
      lines.push(`  wave ${t.wave}`);
      wave = t.wave;
    }
    lines.push(
      `    ${objectColumn(t).padEnd(objWidth)}  ${roleColumn(t).padEnd(roleWidth)}  ${formatLocation(t.source)}`.trimEnd(),
    );
  }
  const images = imagesText(plan.images);
  if (images.length) lines.push('', ...images);
  if (plan.warnings.length > 0) {
    lines.push('', `Warnings (${plan.warnings.length}):`);
    for (const w of plan.warnings) lines.push(`  ${formatDiagnostic(w)}`);
  }
  return lines.join('\n') + '\n';
}
