/**
 * Which pods speak for a hook or workload, among objects at hand (a `kubectl get -o yaml` dump, a watch
 * cache): only those of its current revision. A Deployment fixed after a failed rollout still owns the old
 * ReplicaSet's broken pods for a while; judging by them would fail the fix with the old failure's reason.
 */
import { field, str, type Json } from './object-fields.js';

const DEPLOYMENT_REVISION = 'deployment.kubernetes.io/revision';
const REVISION_HASH_LABEL = 'controller-revision-hash';

function owners(obj: unknown): string[] {
  const refs = field(obj, 'metadata.ownerReferences');
  return Array.isArray(refs) ? refs.map((r: Json) => String(r.uid)) : [];
}

function ownedBy(uid: string) {
  return (o: unknown) => owners(o).includes(uid);
}

/** The controller has seen the latest spec; before that, which revision is current is not known. */
function generationObserved(obj: unknown): boolean {
  const generation = Number(field(obj, 'metadata.generation') ?? 0);
  const observed = field(obj, 'status.observedGeneration');
  return observed !== undefined && Number(observed) >= generation;
}

/** Annotation and label keys hold dots, so they are read by key, not by a dotted path. */
function keyOf(obj: unknown, map: 'annotations' | 'labels', key: string): string | undefined {
  const values = field(obj, `metadata.${map}`) as Json | undefined;
  const value = values?.[key];
  return typeof value === 'string' ? value : undefined;
}

function revisionOf(rs: unknown): number {
  return Number(keyOf(rs, 'annotations', DEPLOYMENT_REVISION) ?? 0);
}

/** The Deployment's current ReplicaSet: the one its revision annotation names (the newest, lacking one). */
export function currentReplicaSet(deployment: unknown, objects: readonly unknown[]): unknown {
  if (!generationObserved(deployment)) return undefined;
  const replicaSets = objects.filter(
    (o) => str(o, 'kind') === 'ReplicaSet' && ownedBy(str(deployment, 'metadata.uid'))(o),
  );
  const wanted = keyOf(deployment, 'annotations', DEPLOYMENT_REVISION);
  if (wanted !== undefined) return replicaSets.find((rs) => revisionOf(rs) === Number(wanted));
  return replicaSets.sort((a, b) => revisionOf(b) - revisionOf(a))[0];
}

/** What a pod copies from its template unchanged: a fix to any of it is a new revision. */
function containerImages(containers: unknown): string {
  return Array.isArray(containers)
    ? JSON.stringify(
        containers.map((c: Json) => [c.name, c.image, c.command, c.args, c.env, c.envFrom, c.volumeMounts]),
      )
    : '';
}

/**
 * A DaemonSet's status names no revision: a pod is current when its containers are the template's (name,
 * image, command, args, env, envFrom, mounts). Admission that rewrites these (an image-digest webhook)
 * leaves no pod current, and fail-fast then waits instead of failing early.
 */
function runsTemplate(pod: unknown, template: unknown): boolean {
  return (
    containerImages(field(pod, 'spec.containers')) === containerImages(field(template, 'spec.containers')) &&
    containerImages(field(pod, 'spec.initContainers')) ===
      containerImages(field(template, 'spec.initContainers'))
  );
}

/** Pods of the current revision of a Job, Pod, ReplicaSet, StatefulSet, DaemonSet or Deployment. */
export function podsOf(obj: unknown, objects: readonly unknown[]): unknown[] {
  const kind = str(obj, 'kind');
  const uid = str(obj, 'metadata.uid');
  const namespace = str(obj, 'metadata.namespace');
  if (kind === 'Pod') return [obj];
  const pods = objects.filter((o) => str(o, 'kind') === 'Pod' && str(o, 'metadata.namespace') === namespace);
  switch (kind) {
    case 'Deployment': {
      const rs = currentReplicaSet(obj, objects);
      return rs ? pods.filter(ownedBy(str(rs, 'metadata.uid'))) : [];
    }
    case 'StatefulSet': {
      const revision = str(obj, 'status.updateRevision');
      if (!generationObserved(obj) || !revision) return [];
      return pods.filter((p) => ownedBy(uid)(p) && keyOf(p, 'labels', REVISION_HASH_LABEL) === revision);
    }
    case 'DaemonSet':
      if (!generationObserved(obj)) return [];
      return pods.filter((p) => ownedBy(uid)(p) && runsTemplate(p, field(obj, 'spec.template')));
    default:
      // Job, ReplicaSet, Argo Workflow: the pods it owns, by uid (a selector could match another's pods).
      return pods.filter(ownedBy(uid));
  }
}
