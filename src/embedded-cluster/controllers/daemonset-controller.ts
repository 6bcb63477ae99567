/** DaemonSets on the one simulated node: one pod when the node matches, replaced when the template changes. */
import { NODE_NAME } from '../kubelet/kubelet.js';
import { templateHash } from '../random.js';
import { PodOwnerController, ownedBy, splitKey } from './controller.js';
import { createPodFromTemplate, podActive, podReady } from './pod-template.js';

type Rec = Record<string, unknown>;
const NODE_LABELS: Record<string, string> = {
  'kubernetes.io/hostname': NODE_NAME,
  'kubernetes.io/os': 'linux',
  'kubernetes.io/arch': 'amd64',
};

export class DaemonSetController extends PodOwnerController {
  protected readonly primary = 'apps/DaemonSet';
  readonly name = 'daemonset-controller';

  reconcile(key: string): void {
    const api = this.ctx.api;
    const dsType = api.registry.byKind('apps', 'DaemonSet')!;
    const podType = api.registry.byKind('', 'Pod')!;
    const { namespace, name } = splitKey(key);
    const stored = api.tryGet(dsType, namespace, name);
    if (!stored || stored.metadata.deletionTimestamp) return;
    const ds = api.present(dsType, stored);
    const spec = (ds.spec ?? {}) as Rec;
    const template = (spec.template ?? {}) as Rec;
    const selector = (((template.spec ?? {}) as Rec).nodeSelector ?? {}) as Record<string, string>;
    const fits = Object.entries(selector).every(([k, v]) => NODE_LABELS[k] === v);
    const hash = templateHash(template);
    const pods = api.store.list('/Pod', namespace).filter((p) => ownedBy(p, ds) && podActive(p));
    const onDelete = ((spec.updateStrategy ?? {}) as Rec).type === 'OnDelete';
    for (const p of pods) {
      const outdated = p.metadata.labels?.['controller-revision-hash'] !== hash;
      if (!fits || (outdated && !onDelete) || pods.indexOf(p) > 0) {
        try {
          api.delete(podType, namespace, p.metadata.name, { propagationPolicy: 'Background' });
        } catch {
          /* gone */
        }
      }
    }
    const live = api.store.list('/Pod', namespace).filter((p) => ownedBy(p, ds) && podActive(p));
    if (fits && live.length === 0) {
      createPodFromTemplate(this.ctx, ds, 'apps/v1', 'DaemonSet', {
        generateName: `${name}-`,
        labels: {
          'controller-revision-hash': hash,
          'pod-template-generation': String(ds.metadata.generation ?? 1),
        },
        specPatch: { nodeName: undefined },
      });
    }
    const now = api.store.list('/Pod', namespace).filter((p) => ownedBy(p, ds) && podActive(p));
    const ready = now.filter(podReady).length;
    api.writeStatus(dsType, stored, {
      observedGeneration: ds.metadata.generation,
      desiredNumberScheduled: fits ? 1 : 0,
      currentNumberScheduled: now.length,
      numberMisscheduled: 0,
      numberReady: ready,
      numberAvailable: ready || undefined,
      updatedNumberScheduled: now.filter((p) => p.metadata.labels?.['controller-revision-hash'] === hash)
        .length,
      ...(fits && ready === 0 ? { numberUnavailable: 1 } : {}),
    });
  }
}
