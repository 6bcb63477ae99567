/**
 * The small controllers a cloud or add-ons provide on a real cluster: a load balancer that gives
 * `type: LoadBalancer` Services an address, an ingress controller that publishes one for Ingresses,
 * Endpoints for Services with selectors, a provisioner that binds PVCs, and an HPA with metrics.
 */
import type { Obj, StoreEvent } from '../object-store.js';
import { selectorFromSpec } from '../selectors.js';
import { Controller, keyOf, splitKey, withCondition } from './controller.js';
import { podActive, podReady } from './pod-template.js';
import { cloneJson } from '../clone.js';

type Rec = Record<string, unknown>;

/** Simulated delays before the "cloud" answers. */
export const ADDON_DELAYS = { loadBalancerMs: 500, ingressMs: 500, pvcBindMs: 300 };

export class ServiceController extends Controller {
  readonly name = 'service-controller';
  private nextIp = 100;

  keysFor(e: StoreEvent): string[] {
    if (e.gk === '/Service' && e.type !== 'DELETED') return [keyOf(e.object)];
    if (e.gk === '/Pod' && e.object.metadata.namespace) {
      return this.ctx.api.store.list('/Service', e.object.metadata.namespace).map(keyOf);
    }
    return [];
  }

  override initialKeys(): string[] {
    return this.ctx.api.store.list('/Service').map(keyOf);
  }

  reconcile(key: string): void {
    const api = this.ctx.api;
    const svcType = api.registry.byKind('', 'Service')!;
    const epType = api.registry.byKind('', 'Endpoints')!;
    const { namespace, name } = splitKey(key);
    const svc = api.tryGet(svcType, namespace, name);
    if (!svc || svc.metadata.deletionTimestamp) return;
    const spec = (svc.spec ?? {}) as Rec;
    const ingress = (((svc.status ?? {}) as Rec).loadBalancer as Rec | undefined)?.ingress;
    if (spec.type === 'LoadBalancer' && !ingress) {
      this.ctx.clock.after(ADDON_DELAYS.loadBalancerMs, () => {
        const current = api.tryGet(svcType, namespace, name);
        if (
          !current ||
          current.metadata.uid !== svc.metadata.uid ||
          ((current.status as Rec | undefined)?.loadBalancer as Rec | undefined)?.ingress
        )
          return;
        api.writeStatus(svcType, current, {
          loadBalancer: { ingress: [{ ip: `172.18.255.${this.nextIp++}`, ipMode: 'VIP' }] },
        });
        this.ctx.events.record(
          api.present(svcType, current),
          'Normal',
          'EnsuredLoadBalancer',
          'Ensured load balancer',
          'service-controller',
        );
      });
    }
    if (!spec.selector) return;
    const match = selectorFromSpec({ matchLabels: spec.selector });
    const pods = api.store
      .list('/Pod', namespace)
      .filter((p) => match(p.metadata.labels ?? {}) && podActive(p) && (p.status as Rec | undefined)?.podIP);
    const address = (p: Obj) => ({
      ip: String((p.status as Rec).podIP),
      nodeName: 'embedded-node',
      targetRef: { kind: 'Pod', name: p.metadata.name, namespace, uid: p.metadata.uid },
    });
    const ready = pods.filter(podReady).map(address);
    const notReady = pods.filter((p) => !podReady(p)).map(address);
    const ports = ((spec.ports ?? []) as Rec[]).map((p) => ({
      name: p.name,
      port: typeof p.targetPort === 'number' ? p.targetPort : p.port,
      protocol: p.protocol ?? 'TCP',
    }));
    const subsets =
      ready.length || notReady.length
        ? [
            {
              ...(ready.length ? { addresses: ready } : {}),
              ...(notReady.length ? { notReadyAddresses: notReady } : {}),
              ports,
            },
          ]
        : undefined;
    const existing = api.tryGet(epType, namespace, name);
    const body = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name, namespace, labels: svc.metadata.labels },
      ...(subsets ? { subsets } : {}),
    };
    try {
      if (!existing) api.create(epType, namespace, body, { fieldManager: 'endpoint-controller' });
      else if (JSON.stringify(existing.subsets) !== JSON.stringify(subsets))
        api.writeObject(epType, { ...body, metadata: { ...existing.metadata } } as unknown as Obj);
    } catch {
      /* raced with a delete */
    }
  }
}

export class IngressController extends Controller {
  readonly name = 'ingress-controller';

  keysFor(e: StoreEvent): string[] {
    return e.gk === 'networking.k8s.io/Ingress' && e.type !== 'DELETED' ? [keyOf(e.object)] : [];
  }

  override initialKeys(): string[] {
    return this.ctx.api.store.list('networking.k8s.io/Ingress').map(keyOf);
  }

  reconcile(key: string): void {
    const api = this.ctx.api;
    const type = api.registry.byKind('networking.k8s.io', 'Ingress')!;
    const { namespace, name } = splitKey(key);
    const ing = api.tryGet(type, namespace, name);
    if (!ing || ((ing.status as Rec | undefined)?.loadBalancer as Rec | undefined)?.ingress) return;
    this.ctx.clock.after(ADDON_DELAYS.ingressMs, () => {
      const current = api.tryGet(type, namespace, name);
      if (!current || current.metadata.uid !== ing.metadata.uid) return;
      api.writeStatus(type, current, { loadBalancer: { ingress: [{ ip: '172.18.0.2' }] } });
    });
  }
}

export class PersistentVolumeClaimController extends Controller {
  readonly name = 'persistentvolume-binder';

  keysFor(e: StoreEvent): string[] {
    return e.gk === '/PersistentVolumeClaim' && e.type !== 'DELETED' ? [keyOf(e.object)] : [];
  }

  override initialKeys(): string[] {
    return this.ctx.api.store.list('/PersistentVolumeClaim').map(keyOf);
  }

  reconcile(key: string): void {
    const api = this.ctx.api;
    const type = api.registry.byKind('', 'PersistentVolumeClaim')!;
    const { namespace, name } = splitKey(key);
    const pvc = api.tryGet(type, namespace, name);
    if (!pvc || pvc.metadata.deletionTimestamp || (pvc.status as Rec | undefined)?.phase === 'Bound') return;
    const spec = (pvc.spec ?? {}) as Rec;
    // A claim for a class named like "does-not-exist" stays Pending, as with a missing provisioner.
    if (String(spec.storageClassName ?? '').includes('does-not-exist')) {
      this.ctx.events.record(
        api.present(type, pvc),
        'Warning',
        'ProvisioningFailed',
        `storageclass.storage.k8s.io "${String(spec.storageClassName)}" not found`,
        'persistentvolume-controller',
      );
      return;
    }
    this.ctx.clock.after(ADDON_DELAYS.pvcBindMs, () => {
      const current = api.tryGet(type, namespace, name);
      if (
        !current ||
        current.metadata.uid !== pvc.metadata.uid ||
        (current.status as Rec | undefined)?.phase === 'Bound'
      )
        return;
      const volumeName = `pvc-${current.metadata.uid}`;
      const bound = api.writeObject(type, {
        ...cloneJson(current),
        spec: { ...cloneJson(current.spec as Rec), volumeName },
      });
      if (!bound) return;
      const requests = (((current.spec as Rec).resources ?? {}) as Rec).requests as Rec | undefined;
      api.writeStatus(type, bound, {
        phase: 'Bound',
        accessModes: (current.spec as Rec).accessModes,
        capacity: { storage: requests?.storage ?? '1Gi' },
      });
    });
  }
}

export class HorizontalPodAutoscalerController extends Controller {
  readonly name = 'horizontal-pod-autoscaler';

  keysFor(e: StoreEvent): string[] {
    return e.gk === 'autoscaling/HorizontalPodAutoscaler' && e.type !== 'DELETED' ? [keyOf(e.object)] : [];
  }

  override initialKeys(): string[] {
    return this.ctx.api.store.list('autoscaling/HorizontalPodAutoscaler').map(keyOf);
  }

  reconcile(key: string): void {
    const api = this.ctx.api;
    const type = api.registry.byKind('autoscaling', 'HorizontalPodAutoscaler')!;
    const { namespace, name } = splitKey(key);
    const hpa = api.tryGet(type, namespace, name);
    if (!hpa) return;
    const spec = (hpa.spec ?? {}) as Rec;
    const target = (spec.scaleTargetRef ?? {}) as Rec;
    const targetObj = api.store
      .list(
        `${String(target.apiVersion ?? 'apps/v1').split('/')[0]}/${String(target.kind ?? 'Deployment')}`,
        namespace,
      )
      .find((o) => o.metadata.name === target.name);
    const now = this.ctx.clock.timestamp();
    let conditions = ((hpa.status as Rec | undefined)?.conditions ?? []) as Rec[];
    if (!targetObj) {
      conditions = withCondition(
        conditions,
        {
          type: 'AbleToScale',
          status: 'False',
          reason: 'FailedGetScale',
          message: `the HPA controller was unable to get the target's current scale: ${String(target.kind).toLowerCase()}s.apps "${String(target.name)}" not found`,
        },
        now,
      );
      api.writeStatus(type, hpa, { currentReplicas: 0, desiredReplicas: 0, conditions });
      return;
    }
    const replicas = Number((targetObj.spec as Rec | undefined)?.replicas ?? 1);
    const desired = Math.min(
      Math.max(replicas, Number(spec.minReplicas ?? 1)),
      Number(spec.maxReplicas ?? replicas),
    );
    conditions = withCondition(
      conditions,
      {
        type: 'AbleToScale',
        status: 'True',
        reason: 'ReadyForNewScale',
        message: 'recommended size matches current size',
      },
      now,
    );
    conditions = withCondition(
      conditions,
      {
        type: 'ScalingActive',
        status: 'True',
        reason: 'ValidMetricFound',
        message:
          'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
      },
      now,
    );
    conditions = withCondition(
      conditions,
      {
        type: 'ScalingLimited',
        status: 'False',
        reason: 'DesiredWithinRange',
        message: 'the desired count is within the acceptable range',
      },
      now,
    );
    api.writeStatus(type, hpa, { currentReplicas: replicas, desiredReplicas: desired, conditions });
  }
}
