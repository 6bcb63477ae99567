/**
 * Jobs: pods up to `parallelism` until `completions` succeed; failures retried with the real back-off
 * (10 s, 20 s, 40 s … capped at 6 min) until `backoffLimit`; `activeDeadlineSeconds`; the conditions and
 * reasons Kubernetes sets (SuccessCriteriaMet/Complete, FailureTarget/Failed with BackoffLimitExceeded or
 * DeadlineExceeded); `ttlSecondsAfterFinished` deletes the finished Job (foreground, pods with it).
 */
import type { Obj } from '../object-store.js';
import { PodOwnerController, isTrue, ownedBy, splitKey, withCondition } from './controller.js';
import { createPodFromTemplate, podActive, podPhase, podReady } from './pod-template.js';

type Rec = Record<string, unknown>;

export const JOB_BACKOFF = { startMs: 10_000, maxMs: 360_000 };

export class JobController extends PodOwnerController {
  protected readonly primary = 'batch/Job';
  readonly name = 'job-controller';

  private get jobType() {
    return this.ctx.api.registry.byKind('batch', 'Job')!;
  }

  reconcile(key: string): void {
    const api = this.ctx.api;
    const { namespace, name } = splitKey(key);
    const stored = api.tryGet(this.jobType, namespace, name);
    if (!stored || stored.metadata.deletionTimestamp) return;
    const job = api.present(this.jobType, stored);
    const spec = (job.spec ?? {}) as Rec;
    const status = { ...((job.status ?? {}) as Rec) };
    const now = this.ctx.clock.timestamp();

    if (isTrue(job, 'Complete') || isTrue(job, 'Failed')) {
      this.scheduleTtl(job, key);
      return;
    }
    if (spec.suspend === true) return;

    const pods = api.store.list('/Pod', namespace).filter((p) => ownedBy(p, job));
    const active = pods.filter(podActive);
    const succeeded = pods.filter((p) => podPhase(p) === 'Succeeded').length;
    const failedPods = pods.filter((p) => podPhase(p) === 'Failed');
    const failed = failedPods.length;
    const completions = Number(spec.completions ?? 1);
    const parallelism = Number(spec.parallelism ?? 1);
    const backoffLimit = Number(spec.backoffLimit ?? 6);
    status.startTime ??= now;
    let conditions = ((status.conditions ?? []) as Rec[]).slice();

    const finish = (type: 'Complete' | 'Failed', reason: string, message: string) => {
      for (const p of active) {
        try {
          api.delete(api.registry.byKind('', 'Pod')!, namespace, p.metadata.name, {
            propagationPolicy: 'Background',
          });
        } catch {
          /* gone */
        }
      }
      if (type === 'Complete') {
        conditions = withCondition(
          conditions,
          { type: 'SuccessCriteriaMet', status: 'True', reason, message },
          now,
          { lastProbeTime: now },
        );
        status.completionTime = now;
      } else {
        conditions = withCondition(
          conditions,
          { type: 'FailureTarget', status: 'True', reason, message },
          now,
          { lastProbeTime: now },
        );
      }
      conditions = withCondition(conditions, { type, status: 'True', reason, message }, now, {
        lastProbeTime: now,
      });
      this.ctx.events.record(
        job,
        type === 'Complete' ? 'Normal' : 'Warning',
        type === 'Complete' ? 'Completed' : reason,
        type === 'Complete' ? 'Job completed' : message,
        'job-controller',
      );
    };

    const deadline = Number(spec.activeDeadlineSeconds ?? 0);
    const elapsedSim = this.ctx.clock.simulatedSince(String(status.startTime));
    if (succeeded >= completions) {
      finish('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods');
    } else if (failed > backoffLimit) {
      finish('Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit');
    } else if (deadline > 0 && elapsedSim >= deadline * 1000) {
      finish('Failed', 'DeadlineExceeded', 'Job was active longer than specified deadline');
    } else {
      if (deadline > 0) this.ctx.requeueAfter(this, key, deadline * 1000 - elapsedSim + 1);
      const want = Math.min(parallelism, completions - succeeded);
      if (active.length < want) {
        const delay = this.backoffRemaining(failedPods, failed);
        if (delay > 0) this.ctx.requeueAfter(this, key, delay);
        else
          for (let i = active.length; i < want; i++)
            createPodFromTemplate(this.ctx, job, 'batch/v1', 'Job', { generateName: `${name}-` });
      }
    }

    const fresh = api.store.list('/Pod', namespace).filter((p) => ownedBy(p, job));
    const next: Rec = {
      ...status,
      active: fresh.filter(podActive).length || undefined,
      ready: fresh.filter((p) => podActive(p) && podReady(p)).length,
      succeeded: fresh.filter((p) => podPhase(p) === 'Succeeded').length || undefined,
      failed: fresh.filter((p) => podPhase(p) === 'Failed').length || undefined,
      terminating: 0,
      uncountedTerminatedPods: {},
      ...(conditions.length ? { conditions } : {}),
    };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    if (isFinished(conditions)) delete next.active;
    const written = api.writeStatus(this.jobType, stored, next);
    if (written && isFinished(conditions)) this.scheduleTtl(api.present(this.jobType, written), key);
  }

  /** Simulated ms until the next pod may be created after `failed` failures (0: now). */
  private backoffRemaining(failedPods: Obj[], failed: number): number {
    if (failed === 0) return 0;
    const delay = Math.min(JOB_BACKOFF.startMs * 2 ** (failed - 1), JOB_BACKOFF.maxMs);
    const lastFailure = failedPods
      .map((p) => {
        const statuses = ((p.status as Rec | undefined)?.containerStatuses ?? []) as Rec[];
        const ends = statuses.map((s) =>
          String(
            ((s.state as Rec | undefined)?.terminated as Rec | undefined)?.finishedAt ??
              p.metadata.creationTimestamp,
          ),
        );
        return Math.max(...ends.map((t) => Date.parse(t)), Date.parse(p.metadata.creationTimestamp));
      })
      .reduce((a, b) => Math.max(a, b), 0);
    const since = this.ctx.clock.simulatedSince(new Date(lastFailure).toISOString());
    return Math.max(0, delay - since);
  }

  private scheduleTtl(job: Obj, key: string): void {
    const ttl = (job.spec as Rec | undefined)?.ttlSecondsAfterFinished;
    if (typeof ttl !== 'number') return;
    const status = (job.status ?? {}) as Rec;
    const conds = (status.conditions ?? []) as Rec[];
    const finishedAt = String(
      status.completionTime ??
        conds.find((c) => (c.type === 'Failed' || c.type === 'Complete') && c.status === 'True')
          ?.lastTransitionTime ??
        '',
    );
    if (!finishedAt) return;
    const remaining = ttl * 1000 - this.ctx.clock.simulatedSince(finishedAt);
    if (remaining > 0) {
      this.ctx.requeueAfter(this, key, remaining);
      return;
    }
    try {
      this.ctx.api.delete(this.jobType, job.metadata.namespace, job.metadata.name, {
        propagationPolicy: 'Foreground',
        preconditions: { uid: job.metadata.uid },
      });
    } catch {
      /* gone */
    }
  }
}

function isFinished(conditions: Rec[]): boolean {
  return conditions.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}
