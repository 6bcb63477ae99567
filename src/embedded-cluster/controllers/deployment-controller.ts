/**
 * Deployments: a ReplicaSet per pod template (named by its pod-template-hash), rolled with maxSurge and
 * maxUnavailable (or Recreate), and the status `kubectl rollout status` and health checks read:
 * observedGeneration, replicas, updated, ready, available, and the Available and Progressing conditions,
 * including ProgressDeadlineExceeded when no progress was made for progressDeadlineSeconds.
 */
import type { Obj, StoreEvent } from '../object-store.js';
import { templateHash } from '../random.js';
import {
  Controller,
  condition,
  controllerOf,
  keyOf,
  ownedBy,
  ownerReference,
  splitKey,
  withCondition,
} from './controller.js';
import { cloneJson } from '../clone.js';

type Rec = Record<string, unknown>;

function resolveIntOrPercent(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.endsWith('%')) {
    const n = (Number(value.slice(0, -1)) * total) / 100;
    return roundUp ? Math.ceil(n) : Math.floor(n);
  }
  return Number(value ?? 0);
}

const REVISION = 'deployment.kubernetes.io/revision';

export class DeploymentController extends Controller {
  readonly name = 'deployment-controller';

  keysFor(e: StoreEvent): string[] {
    if (e.gk === 'apps/Deployment') return e.type === 'DELETED' ? [] : [keyOf(e.object)];
    if (e.gk === 'apps/ReplicaSet') {
      const owner = controllerOf(e.object, 'Deployment');
      return owner ? [owner] : [];
    }
    if (e.gk === '/Pod') {
      // Pods changing readiness move the rollout on; their ReplicaSet's owner is the Deployment.
      const rsKey = controllerOf(e.object, 'ReplicaSet');
      if (!rsKey) return [];
      const { namespace, name } = splitKey(rsKey);
      const rs = this.ctx.api.store.get('apps/ReplicaSet', namespace, name);
      const owner = rs && controllerOf(rs, 'Deployment');
      return owner ? [owner] : [];
    }
    return [];
  }

  override initialKeys(): string[] {
    return this.ctx.api.store.list('apps/Deployment').map(keyOf);
  }

  reconcile(key: string): void {
    const api = this.ctx.api;
    const dType = api.registry.byKind('apps', 'Deployment')!;
    const rsType = api.registry.byKind('apps', 'ReplicaSet')!;
    const { namespace, name } = splitKey(key);
    const stored = api.tryGet(dType, namespace, name);
    if (!stored || stored.metadata.deletionTimestamp) return;
    const d = api.present(dType, stored);
    const spec = (d.spec ?? {}) as Rec;
    const desired = Number(spec.replicas ?? 1);
    const template = (spec.template ?? {}) as Rec;
    const hash = templateHash(template);
    const owned = () =>
      api.store
        .list('apps/ReplicaSet', namespace)
        .filter((rs) => ownedBy(rs, d))
        .map((rs) => api.present(rsType, rs));
    let all = owned();
    let newRS = all.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
    const revisions = all.map((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0));
    const nextRevision = Math.max(0, ...revisions) + 1;
    const paused = spec.paused === true;

    if (!newRS && !paused) {
      const tmeta = (template.metadata ?? {}) as Rec;
      const selector = cloneJson((spec.selector ?? {}) as Rec);
      selector.matchLabels = { ...((selector.matchLabels as Rec) ?? {}), 'pod-template-hash': hash };
      const isFirst = all.length === 0;
      const strategy = (spec.strategy ?? {}) as Rec;
      const surge = resolveIntOrPercent(
        (strategy.rollingUpdate as Rec | undefined)?.maxSurge ?? '25%',
        desired,
        true,
      );
      const initial = strategy.type === 'Recreate' ? 0 : isFirst ? desired : 0;
      try {
        newRS = api.present(
          rsType,
          api.create(
            rsType,
            namespace,
            {
              apiVersion: 'apps/v1',
              kind: 'ReplicaSet',
              metadata: {
                name: `${name}-${hash}`,
                namespace,
                labels: { ...((tmeta.labels as Rec) ?? {}), 'pod-template-hash': hash },
                annotations: {
                  [REVISION]: String(nextRevision),
                  'deployment.kubernetes.io/desired-replicas': String(desired),
                  'deployment.kubernetes.io/max-replicas': String(desired + surge),
                },
                ownerReferences: [ownerReference(d, 'apps/v1', 'Deployment')],
              },
              spec: {
                replicas: initial,
                selector,
                template: {
                  ...template,
                  metadata: {
                    ...tmeta,
                    labels: { ...((tmeta.labels as Rec) ?? {}), 'pod-template-hash': hash },
                  },
                },
              },
            },
            { fieldManager: 'kube-controller-manager' },
          ),
        );
        // The real controller says so only when the new ReplicaSet starts with pods.
        if (initial > 0)
          this.ctx.events.record(
            d,
            'Normal',
            'ScalingReplicaSet',
            `Scaled up replica set ${newRS.metadata.name} from 0 to ${initial}`,
            'deployment-controller',
          );
        const annotations = { ...(d.metadata.annotations ?? {}), [REVISION]: String(nextRevision) };
        api.writeObject(dType, {
          ...cloneJson(stored),
          metadata: { ...cloneJson(stored.metadata), annotations },
        });
      } catch {
        return;
      }
      all = owned();
    }

    // A rollback to an earlier template reuses its ReplicaSet, which becomes the newest revision again (as
    // the real controller does): the Deployment's revision annotation always names its current ReplicaSet.
    if (newRS && !paused) {
      const current = Number(newRS.metadata.annotations?.[REVISION] ?? 0);
      const newest = Math.max(0, ...all.map((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0)));
      const revision = current < newest ? newest + 1 : current;
      if (revision !== current) {
        const written = api.writeObject(rsType, {
          ...cloneJson(newRS),
          metadata: {
            ...cloneJson(newRS.metadata),
            annotations: { ...(newRS.metadata.annotations ?? {}), [REVISION]: String(revision) },
          },
        });
        if (written) newRS = api.present(rsType, written);
        all = owned();
      }
      const latest = api.tryGet(dType, namespace, name);
      if (latest && latest.metadata.annotations?.[REVISION] !== String(revision))
        api.writeObject(dType, {
          ...cloneJson(latest),
          metadata: {
            ...cloneJson(latest.metadata),
            annotations: { ...(latest.metadata.annotations ?? {}), [REVISION]: String(revision) },
          },
        });
    }

    const scale = (rs: Obj, to: number) => {
      const from = Number((rs.spec as Rec).replicas ?? 0);
      if (from === to) return;
      api.writeObject(rsType, {
        ...cloneJson(rs),
        spec: { ...cloneJson(rs.spec as Rec), replicas: to },
      });
      this.ctx.events.record(
        d,
        'Normal',
        'ScalingReplicaSet',
        `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${to}`,
        'deployment-controller',
      );
    };
    const replicasOf = (rs: Obj) => Number((rs.spec as Rec).replicas ?? 0);
    const statusOf = (rs: Obj, f: string) => Number(((rs.status ?? {}) as Rec)[f] ?? 0);

    if (!paused && newRS) {
      const old = all.filter((rs) => rs.metadata.uid !== newRS!.metadata.uid);
      const strategy = (spec.strategy ?? {}) as Rec;
      if (strategy.type === 'Recreate') {
        for (const rs of old) scale(rs, 0);
        const oldPods = api.store.list('/Pod', namespace).filter((p) => old.some((rs) => ownedBy(p, rs)));
        if (oldPods.length === 0) scale(newRS, desired);
      } else {
        const ru = (strategy.rollingUpdate ?? {}) as Rec;
        const maxSurge = resolveIntOrPercent(ru.maxSurge ?? '25%', desired, true);
        let maxUnavailable = resolveIntOrPercent(ru.maxUnavailable ?? '25%', desired, false);
        if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
        const total = all.reduce((n, rs) => n + replicasOf(rs), 0);
        const current = replicasOf(newRS);
        if (current < desired) {
          const up = Math.min(desired + maxSurge - total, desired - current);
          if (up > 0) scale(newRS, current + up);
        } else if (current > desired) scale(newRS, desired);
        const fresh = owned();
        const freshNew = fresh.find((rs) => rs.metadata.uid === newRS!.metadata.uid)!;
        const allPods = fresh.reduce((n, rs) => n + replicasOf(rs), 0);
        const minAvailable = desired - maxUnavailable;
        const newUnavailable = Math.max(0, replicasOf(freshNew) - statusOf(freshNew, 'availableReplicas'));
        let canRemove = allPods - minAvailable - newUnavailable;
        const oldFirst = fresh
          .filter((rs) => rs.metadata.uid !== freshNew.metadata.uid && replicasOf(rs) > 0)
          .sort(
            (a, b) => Date.parse(a.metadata.creationTimestamp) - Date.parse(b.metadata.creationTimestamp),
          );
        for (const rs of oldFirst) {
          if (canRemove <= 0) break;
          const down = Math.min(replicasOf(rs), canRemove);
          scale(rs, replicasOf(rs) - down);
          canRemove -= down;
        }
      }
    }
    this.writeStatus(d, stored, owned(), newRS);
  }

  private writeStatus(d: Obj, stored: Obj, all: Obj[], newRS: Obj | undefined): void {
    const api = this.ctx.api;
    const dType = api.registry.byKind('apps', 'Deployment')!;
    const spec = (d.spec ?? {}) as Rec;
    const desired = Number(spec.replicas ?? 1);
    const sum = (f: string) => all.reduce((n, rs) => n + Number(((rs.status ?? {}) as Rec)[f] ?? 0), 0);
    const replicas = sum('replicas');
    const updated = newRS ? Number(((newRS.status ?? {}) as Rec).replicas ?? 0) : 0;
    const ready = sum('readyReplicas');
    const available = sum('availableReplicas');
    const strategy = (spec.strategy ?? {}) as Rec;
    const maxUnavailable =
      strategy.type === 'Recreate'
        ? 0
        : resolveIntOrPercent(
            ((strategy.rollingUpdate ?? {}) as Rec).maxUnavailable ?? '25%',
            desired,
            false,
          );
    const now = this.ctx.clock.timestamp();
    const previous = (d.status ?? {}) as Rec;
    let conditions = ((previous.conditions ?? []) as Rec[]).slice();
    const isAvailable = available >= desired - maxUnavailable;
    conditions = withCondition(
      conditions,
      isAvailable
        ? {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
          }
        : {
            type: 'Available',
            status: 'False',
            reason: 'MinimumReplicasUnavailable',
            message: 'Deployment does not have minimum availability.',
          },
      now,
      { lastUpdateTime: now },
    );
    const rsName = newRS?.metadata.name ?? '';
    const progressing = condition(d, 'Progressing');
    const complete = updated === desired && replicas === desired && available === desired;
    const moved =
      previous.replicas !== replicas ||
      previous.updatedReplicas !== updated ||
      (previous.readyReplicas ?? 0) !== ready ||
      (previous.availableReplicas ?? 0) !== available ||
      previous.observedGeneration !== d.metadata.generation;
    const deadline = Number(spec.progressDeadlineSeconds ?? 600);
    if (spec.paused === true) {
      conditions = withCondition(
        conditions,
        {
          type: 'Progressing',
          status: 'Unknown',
          reason: 'DeploymentPaused',
          message: 'Deployment is paused',
        },
        now,
        { lastUpdateTime: now },
      );
    } else if (complete) {
      if (progressing?.reason !== 'NewReplicaSetAvailable') {
        conditions = withCondition(
          conditions,
          {
            type: 'Progressing',
            status: 'True',
            reason: 'NewReplicaSetAvailable',
            message: `ReplicaSet "${rsName}" has successfully progressed.`,
          },
          now,
          { lastUpdateTime: now },
        );
      }
    } else if (
      moved ||
      !progressing ||
      progressing.reason === 'NewReplicaSetAvailable' ||
      progressing.reason === 'DeploymentPaused'
    ) {
      const reason = progressing ? 'ReplicaSetUpdated' : 'NewReplicaSetCreated';
      const message = progressing
        ? `ReplicaSet "${rsName}" is progressing.`
        : `Created new replica set "${rsName}"`;
      conditions = withCondition(conditions, { type: 'Progressing', status: 'True', reason, message }, now, {
        lastUpdateTime: now,
      });
      this.ctx.requeueAfter(this, keyOf(d), deadline * 1000 + 10);
    } else if (progressing.reason !== 'ProgressDeadlineExceeded') {
      const since = this.ctx.clock.simulatedSince(
        String(progressing.lastUpdateTime ?? progressing.lastTransitionTime ?? now),
      );
      if (since >= deadline * 1000) {
        conditions = withCondition(
          conditions,
          {
            type: 'Progressing',
            status: 'False',
            reason: 'ProgressDeadlineExceeded',
            message: `ReplicaSet "${rsName}" has timed out progressing.`,
          },
          now,
          { lastUpdateTime: now },
        );
        this.ctx.events.record(
          d,
          'Warning',
          'ProgressDeadlineExceeded',
          `Deployment "${d.metadata.name}" exceeded its progress deadline`,
          'deployment-controller',
        );
      } else this.ctx.requeueAfter(this, keyOf(d), deadline * 1000 - since + 10);
    }
    const status: Rec = {
      observedGeneration: d.metadata.generation,
      replicas: replicas || undefined,
      updatedReplicas: updated || undefined,
      readyReplicas: ready || undefined,
      availableReplicas: available || undefined,
      unavailableReplicas: Math.max(0, desired - available) || undefined,
      conditions,
    };
    for (const k of Object.keys(status)) if (status[k] === undefined) delete status[k];
    api.writeStatus(dType, stored, status);
  }
}
