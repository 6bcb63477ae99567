/** ReplicaSets keep `replicas` pods; status counts them as ready and available. */
import type { Obj } from '../object-store.js';
import { PodOwnerController, ownedBy, splitKey } from './controller.js';
import { createPodFromTemplate, podActive, podReady } from './pod-template.js';

type Rec = Record<string, unknown>;

export class ReplicaSetController extends PodOwnerController {
  protected readonly primary = 'apps/ReplicaSet';
  readonly name = 'replicaset-controller';

  reconcile(key: string): void {
    const api = this.ctx.api;
    const rsType = api.registry.byKind('apps', 'ReplicaSet')!;
    const podType = api.registry.byKind('', 'Pod')!;
    const { namespace, name } = splitKey(key);
    const stored = api.tryGet(rsType, namespace, name);
    if (!stored || stored.metadata.deletionTimestamp) return;
    const rs = api.present(rsType, stored);
    const spec = (rs.spec ?? {}) as Rec;
    const desired = Number(spec.replicas ?? 1);
    const pods = api.store.list('/Pod', namespace).filter((p) => ownedBy(p, rs) && podActive(p));
    if (pods.length < desired) {
      for (let i = pods.length; i < desired; i++)
        createPodFromTemplate(this.ctx, rs, 'apps/v1', 'ReplicaSet', { generateName: `${name}-` });
    } else if (pods.length > desired) {
      // Not-ready pods go first, then the newest, as the real controller ranks them.
      const victims = [...pods]
        .sort(
          (a, b) =>
            Number(podReady(a)) - Number(podReady(b)) ||
            Date.parse(b.metadata.creationTimestamp) - Date.parse(a.metadata.creationTimestamp),
        )
        .slice(0, pods.length - desired);
      for (const p of victims) {
        try {
          api.delete(podType, namespace, p.metadata.name, { propagationPolicy: 'Background' });
          this.ctx.events.record(
            rs,
            'Normal',
            'SuccessfulDelete',
            `Deleted pod: ${p.metadata.name}`,
            'replicaset-controller',
          );
        } catch {
          /* gone */
        }
      }
    }
    const current = api.store.list('/Pod', namespace).filter((p: Obj) => ownedBy(p, rs) && podActive(p));
    const ready = current.filter(podReady).length;
    const status: Rec = {
      replicas: current.length,
      fullyLabeledReplicas: current.length,
      readyReplicas: ready || undefined,
      availableReplicas: ready || undefined,
      observedGeneration: rs.metadata.generation,
    };
    for (const k of Object.keys(status)) if (status[k] === undefined) delete status[k];
    api.writeStatus(rsType, stored, status);
  }
}
