/** `argocd.argoproj.io/sync-options: Key=value,Key=value`, as Argo CD spells them. */
import { ARGO_SYNC_OPTIONS, type AnnotationProblem } from './annotations.js';

export const KNOWN_SYNC_OPTIONS = [
  'Prune',
  'PruneLast',
  'PrunePropagationPolicy',
  'Delete',
  'Replace',
  'Force',
  'ServerSideApply',
  'Validate',
  'SkipDryRunOnMissingResource',
  'CreateNamespace',
  'ApplyOutOfSyncOnly',
  'RespectIgnoreDifferences',
  'FailOnSharedResource',
  'ClientSideApplyMigration',
] as const;

export type SyncOptions = Readonly<Record<string, string>>;

export function parseSyncOptions(annotations: Readonly<Record<string, string>>): {
  options: SyncOptions;
  problems: AnnotationProblem[];
} {
  const raw = annotations[ARGO_SYNC_OPTIONS];
  const options: Record<string, string> = {};
  const problems: AnnotationProblem[] = [];
  if (raw === undefined) return { options, problems };
  for (const part of raw.split(',')) {
    const entry = part.trim();
    if (!entry) continue;
    const eq = entry.indexOf('=');
    if (eq <= 0) {
      problems.push({
        annotation: ARGO_SYNC_OPTIONS,
        severity: 'warning',
        code: 'malformed-sync-option',
        message: `sync option "${entry}" is not of the form Key=value and is ignored`,
        hint: 'write for example "Prune=false"',
      });
      continue;
    }
    const key = entry.slice(0, eq).trim();
    const value = entry.slice(eq + 1).trim();
    if (!(KNOWN_SYNC_OPTIONS as readonly string[]).includes(key)) {
      problems.push({
        annotation: ARGO_SYNC_OPTIONS,
        severity: 'warning',
        code: 'unknown-sync-option',
        message: `unknown sync option "${key}" is ignored`,
        hint: `known options: ${KNOWN_SYNC_OPTIONS.join(', ')}`,
      });
      continue;
    }
    options[key] = value;
  }
  return { options, problems };
}
