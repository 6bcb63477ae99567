/**
 * `argocd.argoproj.io/sync-options: Key=value,Key=value`, as Argo CD spells them, read into what the engine
 * acts on. An option hook-sync cannot honour on one object is a warning, never silence.
 */
import { ARGO_SYNC_OPTIONS, type AnnotationProblem } from './annotations.js';
import { nearest } from './nearest.js';

/** Options that change how one object is applied, pruned or deleted. */
const OBJECT_OPTIONS = {
  Prune: ['true', 'false', 'confirm'],
  PruneLast: ['true', 'false'],
  Delete: ['true', 'false', 'confirm'],
  Replace: ['true', 'false'],
  Force: ['true', 'false'],
  ServerSideApply: ['true', 'false'],
  Validate: ['true', 'false'],
  SkipDryRunOnMissingResource: ['true', 'false'],
} as const satisfies Record<string, readonly string[]>;

/** Argo CD reads these from the Application, not from an object: on an object they do nothing there either. */
const APPLICATION_OPTIONS = [
  'PrunePropagationPolicy',
  'CreateNamespace',
  'ApplyOutOfSyncOnly',
  'RespectIgnoreDifferences',
  'FailOnSharedResource',
  'ClientSideApplyMigration',
] as const;

type OptionName = keyof typeof OBJECT_OPTIONS;

/** What the engine does differently for one object. Absent keys are Argo CD's defaults. */
export interface SyncOptions {
  /** `Replace=true`: PUT (or create) instead of apply, so fields other writers added are removed. */
  readonly replace: boolean;
  /** `Force=true`: with Replace, delete and re-create; with apply, re-create when the change is refused. */
  readonly force: boolean;
  /** `ServerSideApply=false` asks for client-side apply; hook-sync applies server-side otherwise. */
  readonly serverSideApply: boolean;
  /** `Validate=false`: the API server ignores unknown fields (`fieldValidation=Ignore`) instead of refusing. */
  readonly validate: boolean;
  /** The kind may only appear during the sync: no dry run, discovery resolved again at its wave. */
  readonly skipDryRunOnMissingResource: boolean;
  /** `PruneLast=true`: pruned after every other prune. */
  readonly pruneLast: boolean;
  /** `Prune=false`: never pruned (reported as kept); `confirm` is Argo CD's manual approval. */
  readonly prune: 'true' | 'false' | 'confirm';
  /** `Delete=false`: kept when the application is deleted. */
  readonly delete: 'true' | 'false' | 'confirm';
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
  replace: false,
  force: false,
  serverSideApply: true,
  validate: true,
  skipDryRunOnMissingResource: false,
  pruneLast: false,
  prune: 'true',
  delete: 'true',
};

function problem(code: string, message: string, hint: string): AnnotationProblem {
  return { annotation: ARGO_SYNC_OPTIONS, severity: 'warning', code, message, hint };
}

export function parseSyncOptions(annotations: Readonly<Record<string, string>>): {
  options: SyncOptions;
  problems: AnnotationProblem[];
} {
  const raw = annotations[ARGO_SYNC_OPTIONS];
  const problems: AnnotationProblem[] = [];
  if (raw === undefined) return { options: DEFAULT_SYNC_OPTIONS, problems };
  const values: Partial<Record<OptionName, string>> = {};
  for (const part of raw.split(',')) {
    const entry = part.trim();
    if (!entry) continue;
    const eq = entry.indexOf('=');
    if (eq <= 0) {
      problems.push(
        problem(
          'malformed-sync-option',
          `sync option "${entry}" is not of the form Key=value and is ignored`,
          'write for example "Prune=false"',
        ),
      );
      continue;
    }
    const key = entry.slice(0, eq).trim();
    const value = entry.slice(eq + 1).trim();
    if ((APPLICATION_OPTIONS as readonly string[]).includes(key)) {
      problems.push(
        problem(
          'application-sync-option',
          `sync option "${key}" applies to a whole application in Argo CD, not to one object, and is ignored here`,
          key === 'CreateNamespace'
            ? 'use the create-namespace input (or a Namespace manifest) instead'
            : 'remove it from the annotation',
        ),
      );
      continue;
    }
    if (!(key in OBJECT_OPTIONS)) {
      const match = nearest(key, Object.keys(OBJECT_OPTIONS));
      problems.push(
        problem(
          'unknown-sync-option',
          `unknown sync option "${key}" is ignored`,
          match
            ? `did you mean "${match}=${value}"?`
            : `known options: ${Object.keys(OBJECT_OPTIONS).join(', ')}`,
        ),
      );
      continue;
    }
    const allowed = OBJECT_OPTIONS[key as OptionName] as readonly string[];
    if (!allowed.includes(value)) {
      const match = nearest(value, allowed);
      problems.push(
        problem(
          'malformed-sync-option',
          `sync option ${key}=${value} is not understood and is ignored`,
          match
            ? `did you mean "${key}=${match}"?`
            : `write ${allowed.map((v) => `${key}=${v}`).join(' or ')}`,
        ),
      );
      continue;
    }
    values[key as OptionName] = value;
  }
  const options: SyncOptions = {
    replace: values.Replace === 'true',
    force: values.Force === 'true',
    serverSideApply: values.ServerSideApply !== 'false',
    validate: values.Validate !== 'false',
    skipDryRunOnMissingResource: values.SkipDryRunOnMissingResource === 'true',
    pruneLast: values.PruneLast === 'true',
    prune: (values.Prune as SyncOptions['prune'] | undefined) ?? 'true',
    delete: (values.Delete as SyncOptions['delete'] | undefined) ?? 'true',
  };
  return { options, problems };
}
