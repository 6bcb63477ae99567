import type { SourceLocation, Diagnostic } from '../diagnostics.js';
import type { DeletePolicy } from '../hooks/delete-policy.js';
import type { Operation, Phase } from '../hooks/phase.js';
import type { SyncOptions } from '../hooks/sync-options.js';
import type { KubeObject } from '../manifests/kube-object.js';
import type { ImageSubstitution } from '../manifests/image-overrides.js';

/** One thing the engine will do to one object in one phase: apply a resource or run a hook. */
export interface SyncTask {
  phase: Phase;
  wave: number;
  apiVersion: string;
  group: string;
  kind: string;
  /** Empty for cluster-scoped kinds. */
  namespace: string;
  /** The name the object gets in the cluster (generated for `generateName` hooks). */
  name: string;
  hook: boolean;
  /** For hooks; empty for resources. */
  deletePolicies: DeletePolicy[];
  /** For hooks: the name as written, or its generateName — the same across reruns of a revision. */
  hookIdentity?: string;
  syncOptions: SyncOptions;
  source: SourceLocation;
  /** The object exactly as it will be sent: the user's fields, plus the final name and namespace. */
  object: KubeObject;
  /** Set when ordering moved a Namespace or CRD ahead of what needs it: where it was written. */
  movedFrom?: { phase: Phase; wave: number };
}

export interface Plan {
  operation: Operation;
  revision: string;
  /** Operation start, Unix seconds: part of generated hook names. */
  startedAt: number;
  /** Namespace given to namespaced objects that name none. */
  namespace: string;
  /** In execution order. */
  tasks: SyncTask[];
  warnings: Diagnostic[];
  /** Container images the `images` overrides changed, on objects of this plan (absent: none). */
  images?: ImageSubstitution[];
}

/** `group/Kind/namespace/name`, the identity used in messages and results. */
export function taskRef(task: Pick<SyncTask, 'group' | 'kind' | 'namespace' | 'name'>): string {
  return `${task.group}/${task.kind}/${task.namespace}/${task.name}`;
}

/** What identifies a task in every document hook-sync writes (the plan's and the result's). */
export interface TaskIdentity {
  phase: Phase;
  wave: number;
  group: string;
  kind: string;
  namespace: string;
  name: string;
  hook: boolean;
}

export function taskIdentity(t: SyncTask): TaskIdentity {
  return {
    phase: t.phase,
    wave: t.wave,
    group: t.group,
    kind: t.kind,
    namespace: t.namespace,
    name: t.name,
    hook: t.hook,
  };
}
