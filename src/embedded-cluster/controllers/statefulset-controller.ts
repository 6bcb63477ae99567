/**
 * StatefulSets: pods `<name>-0 … <name>-N-1`, created in order (OrderedReady waits for each to be Ready),
 * PVCs from volumeClaimTemplates, rolling updates from the highest ordinal down to the partition, and the
 * revision fields (`currentRevision`, `updateRevision`) health checks compare.
 */
import type { Obj } from '../object-store.js';
import { templateHash } from '../random.js';
import { PodOwnerController, ownedBy, splitKey } from './controller.js';
import { createPodFromTemplate, podActive, podReady } from './pod-template.js';

type Rec = Record<string, unknown>;
const REVISION_LABEL = 'controller-revision-hash';

export class StatefulSetController extends PodOwnerController {
  protected readonly primary = 'apps/StatefulSet';
  readonly name = 'statefulset-controller';

  reconcile(key: string): void {
    const api = this.ctx.api;
    const stsType = api.registry.byKind('apps', 'StatefulSet')!;
    const podType = api.registry.byKind('', 'Pod')!;
    const pvcType = api.registry.byKind('', 'PersistentVolumeClaim')!;
    const { namespace, name } = splitKey(key);
    const stored = api.tryGet(stsType, namespace, name);
    if (!stored || stored.metadata.deletionTimestamp) return;
    const sts = api.present(stsType, stored);
    const spec = (sts.spec ?? {}) as Rec;
    const replicas = Number(spec.replicas ?? 1);
    const updateRevision = `${name}-${templateHash(spec.template)}`;
    const ordered = spec.podManagementPolicy !== 'Parallel';
    const strategy = (spec.updateStrategy ?? {}) as Rec;
    const partition = Number(((strategy.rollingUpdate ?? {}) as Rec).partition ?? 0);
    const pods = () => api.store.list('/Pod', namespace).filter((p) => ownedBy(p, sts));
    const byOrdinal = new Map<number, Obj>();
    for (const p of pods()) byOrdinal.set(Number(p.metadata.name.slice(name.length + 1)), p);

    let acted = false;
    for (let i = 0; i < replicas && !acted; i++) {
      const pod = byOrdinal.get(i);
      if (pod) {
        if (ordered && (!podReady(pod) || !podActive(pod))) break;
        continue;
      }
      const volumes: Rec[] = [];
      for (const tpl of (spec.volumeClaimTemplates ?? []) as Rec[]) {
        const tname = String(((tpl.metadata ?? {}) as Rec).name);
        const claim = `${tname}-${name}-${i}`;
        if (!api.tryGet(pvcType, namespace, claim)) {
          try {
            api.create(
              pvcType,
              namespace,
              {
                apiVersion: 'v1',
                kind: 'PersistentVolumeClaim',
                metadata: { name: claim, namespace, labels: (spec.selector as Rec | undefined)?.matchLabels },
                spec: tpl.spec,
              },
              { fieldManager: 'kube-controller-manager' },
            );
          } catch {
            /* exists */
          }
        }
        volumes.push({ name: tname, persistentVolumeClaim: { claimName: claim } });
      }
      const templateSpec = ((spec.template as Rec | undefined)?.spec ?? {}) as Rec;
      createPodFromTemplate(this.ctx, sts, 'apps/v1', 'StatefulSet', {
        name: `${name}-${i}`,
        hostname: `${name}-${i}`,
        labels: {
          [REVISION_LABEL]: updateRevision,
          'statefulset.kubernetes.io/pod-name': `${name}-${i}`,
          'apps.kubernetes.io/pod-index': String(i),
        },
        specPatch: volumes.length
          ? { volumes: [...((templateSpec.volumes ?? []) as Rec[]), ...volumes], subdomain: spec.serviceName }
          : { subdomain: spec.serviceName },
      });
      acted = ordered;
    }
    // Scale down, highest ordinal first.
    const extra = [...byOrdinal.entries()].filter(([i]) => i >= replicas).sort(([a], [b]) => b - a);
    for (const [, p] of ordered ? extra.slice(0, 1) : extra) {
      if (p.metadata.deletionTimestamp) continue;
      try {
        api.delete(podType, namespace, p.metadata.name, { propagationPolicy: 'Background' });
      } catch {
        /* gone */
      }
    }
    // Rolling update: when everything is Ready, replace the highest outdated ordinal at or above the partition.
    if (strategy.type !== 'OnDelete') {
      const current = pods();
      const allReady = current.length === replicas && current.every((p) => podReady(p) && podActive(p));
      if (allReady) {
        const outdated = current
          .map((p) => ({ p, i: Number(p.metadata.name.slice(name.length + 1)) }))
          .filter(({ p, i }) => i >= partition && p.metadata.labels?.[REVISION_LABEL] !== updateRevision)
          .sort((a, b) => b.i - a.i)[0];
        if (outdated)
          api.delete(podType, namespace, outdated.p.metadata.name, { propagationPolicy: 'Background' });
      }
    }
    const now = pods().filter(podActive);
    const updated = now.filter((p) => p.metadata.labels?.[REVISION_LABEL] === updateRevision).length;
    const previous = (sts.status ?? {}) as Rec;
    const currentRevision =
      updated === replicas && now.length === replicas
        ? updateRevision
        : String(previous.currentRevision ?? updateRevision);
    const ready = now.filter(podReady).length;
    const status: Rec = {
      observedGeneration: sts.metadata.generation,
      replicas: now.length,
      readyReplicas: ready || undefined,
      currentReplicas:
        now.filter((p) => p.metadata.labels?.[REVISION_LABEL] === currentRevision).length || undefined,
      updatedReplicas: updated || undefined,
      availableReplicas: ready,
      currentRevision,
      updateRevision,
      collisionCount: 0,
    };
    for (const k of Object.keys(status)) if (status[k] === undefined) delete status[k];
    api.writeStatus(stsType, stored, status);
  }
}
