/**
 * Manifests copied from a live cluster (`kubectl get -o yaml`) carry what the cluster wrote: a uid, a
 * resourceVersion, a status, a controller's ownership; and objects nobody writes by hand (Events, the
 * Pods and ReplicaSets controllers make). Applied, they roll workloads back to the dumped state or
 * re-create controller-owned objects. A warning at the field's line says so before anything runs.
 */
import type { Diagnostic } from '../diagnostics.js';
import { isRecord } from './kube-object.js';
import type { Manifest } from './load-manifests.js';
import { objectRefOf } from './validate-object.js';

const SERVER_WRITTEN = ['uid', 'resourceVersion', 'creationTimestamp', 'managedFields', 'selfLink'];

export function liveStateWarnings(manifest: Manifest): Diagnostic[] {
  const obj = manifest.object;
  const meta = isRecord(obj.metadata) ? obj.metadata : {};
  const object = objectRefOf(manifest);
  const warn = (code: string, message: string, path: (string | number)[], hint: string): Diagnostic => ({
    severity: 'warning',
    code,
    message,
    hint,
    source: manifest.locate(path),
    object,
  });
  const out: Diagnostic[] = [];
  if (obj.kind === 'Event' && (obj.apiVersion === 'v1' || obj.apiVersion === 'events.k8s.io/v1'))
    out.push(
      warn(
        'event-in-manifests',
        'an Event is a record the cluster writes, not a manifest',
        ['kind'],
        'remove it',
      ),
    );
  const owners = Array.isArray(meta.ownerReferences) ? meta.ownerReferences : [];
  if (owners.some((o) => isRecord(o) && o.controller === true))
    out.push(
      warn(
        'controller-owned',
        'this object belongs to a controller (metadata.ownerReferences with controller: true): the controller makes and deletes it',
        ['metadata', 'ownerReferences'],
        'keep only the object that owns it (the Deployment, the Job…) in the manifests',
      ),
    );
  const written = SERVER_WRITTEN.filter((k) => k in meta);
  if (written.length || 'status' in obj)
    out.push(
      warn(
        'live-state-fields',
        `has fields the cluster writes (${[...written.map((k) => `metadata.${k}`), ...('status' in obj ? ['status'] : [])].join(', ')}): it looks copied from a live cluster (kubectl get -o yaml)`,
        written.length ? ['metadata', written[0]!] : ['status'],
        'remove them; a stale resourceVersion makes the apply fail, and status is ignored',
      ),
    );
  return out;
}
