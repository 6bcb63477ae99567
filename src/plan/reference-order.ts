/**
 * A task whose pods read a ConfigMap, Secret or ServiceAccount that the same sync only creates later (a
 * PreSync migration reading a Secret of the Sync phase) will wait on CreateContainerConfigError — or hang
 * forever under Argo CD. Found in the plan, before any cluster is touched, as a warning: the object may
 * already exist in the cluster from an earlier sync.
 */
import type { Diagnostic } from '../diagnostics.js';
import { formatLocation } from '../diagnostics.js';
import { isRecord } from '../manifests/kube-object.js';
import type { SyncTask } from './sync-task.js';

type Rec = Record<string, unknown>;

interface Reference {
  kind: 'ConfigMap' | 'Secret' | 'ServiceAccount';
  name: string;
}

/** The pod template's spec of a workload or hook (the spec itself for a Pod). */
export function podSpecOf(task: Pick<SyncTask, 'kind' | 'object'>): Rec | undefined {
  const spec = task.object.spec;
  if (!isRecord(spec)) return undefined;
  if (task.kind === 'Pod') return spec;
  if (task.kind === 'CronJob') {
    const job = isRecord(spec.jobTemplate) ? spec.jobTemplate.spec : undefined;
    return isRecord(job) && isRecord(job.template) && isRecord(job.template.spec)
      ? job.template.spec
      : undefined;
  }
  return isRecord(spec.template) && isRecord(spec.template.spec) ? spec.template.spec : undefined;
}

function list(value: unknown): Rec[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** References of a pod spec; optional ones only when asked (a pod starts without them). */
export function podReferences(pod: Rec, includeOptional = false): Reference[] {
  const refs: Reference[] = [];
  const add = (kind: Reference['kind'], ref: unknown, nameField = 'name') => {
    if (isRecord(ref) && typeof ref[nameField] === 'string' && (includeOptional || ref.optional !== true))
      refs.push({ kind, name: ref[nameField] as string });
  };
  for (const c of [...list(pod.initContainers), ...list(pod.containers)]) {
    for (const e of list(c.env)) {
      const from = isRecord(e.valueFrom) ? e.valueFrom : {};
      add('ConfigMap', from.configMapKeyRef);
      add('Secret', from.secretKeyRef);
    }
    for (const f of list(c.envFrom)) {
      add('ConfigMap', f.configMapRef);
      add('Secret', f.secretRef);
    }
  }
  for (const v of list(pod.volumes)) {
    add('ConfigMap', v.configMap);
    add('Secret', v.secret, 'secretName');
    for (const s of list(isRecord(v.projected) ? v.projected.sources : undefined)) {
      add('ConfigMap', s.configMap);
      add('Secret', s.secret);
    }
  }
  if (typeof pod.serviceAccountName === 'string' && pod.serviceAccountName !== 'default')
    refs.push({ kind: 'ServiceAccount', name: pod.serviceAccountName });
  return refs;
}

export function referenceOrderWarnings(tasks: readonly SyncTask[]): Diagnostic[] {
  const position = new Map<string, number>();
  tasks.forEach((t, i) => {
    if (t.group !== '') return;
    const key = `${t.kind}/${t.namespace}/${t.name}`;
    if (!position.has(key)) position.set(key, i);
  });
  const warnings: Diagnostic[] = [];
  tasks.forEach((task, i) => {
    const pod = podSpecOf(task);
    if (!pod) return;
    const seen = new Set<string>();
    for (const ref of podReferences(pod)) {
      const key = `${ref.kind}/${task.namespace}/${ref.name}`;
      const at = position.get(key);
      if (at === undefined || at <= i || seen.has(key)) continue;
      seen.add(key);
      const later = tasks[at]!;
      warnings.push({
        severity: 'warning',
        code: 'reference-created-later',
        message: `${task.hook ? `this ${task.phase} hook` : `this ${task.kind}`} needs ${ref.kind} "${ref.name}", which this sync creates only later (${later.phase} wave ${later.wave}, ${formatLocation(later.source)}); unless it already exists in the cluster, its pods wait with CreateContainerConfigError`,
        hint: `create the ${ref.kind} first: make it a ${task.phase === 'Sync' ? `lower sync-wave than ${task.wave}` : `${task.phase} hook in an earlier wave`}`,
        source: task.source,
        object: { kind: task.kind, name: task.name, namespace: task.namespace || undefined },
      });
    }
  });
  return warnings;
}
