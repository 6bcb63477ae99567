/** Which pods belong to a hook or workload, among objects at hand (a `kubectl get -o yaml` dump, a watch cache). */
import { field, str, type Json } from './object-fields.js';

function owners(obj: unknown): string[] {
  const refs = field(obj, 'metadata.ownerReferences');
  return Array.isArray(refs) ? refs.map((r: Json) => String(r.uid)) : [];
}

function matchesSelector(pod: unknown, selector: unknown): boolean {
  const labels = (field(pod, 'metadata.labels') ?? {}) as Record<string, string>;
  const matchLabels = (field(selector, 'matchLabels') ?? {}) as Record<string, string>;
  const entries = Object.entries(matchLabels);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

/** Pods of a Job, Pod, ReplicaSet, StatefulSet, DaemonSet or Deployment (through its ReplicaSets or selector). */
export function podsOf(obj: unknown, objects: readonly unknown[]): unknown[] {
  const kind = str(obj, 'kind');
  const uid = str(obj, 'metadata.uid');
  const namespace = str(obj, 'metadata.namespace');
  const pods = objects.filter((o) => str(o, 'kind') === 'Pod' && str(o, 'metadata.namespace') === namespace);
  if (kind === 'Pod') return [obj];
  if (kind === 'Deployment') {
    const replicaSets = objects
      .filter((o) => str(o, 'kind') === 'ReplicaSet' && owners(o).includes(uid))
      .map((rs) => str(rs, 'metadata.uid'));
    const owned = pods.filter((p) => owners(p).some((o) => replicaSets.includes(o)));
    return owned.length ? owned : pods.filter((p) => matchesSelector(p, field(obj, 'spec.selector')));
  }
  const owned = pods.filter((p) => owners(p).includes(uid));
  return owned.length ? owned : pods.filter((p) => matchesSelector(p, field(obj, 'spec.selector')));
}
