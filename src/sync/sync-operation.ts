/**
 * The sync operation (contract §3, §4, §7): dry run, then PreSync, Sync and PostSync wave by wave — each
 * wave's hooks completed and resources Healthy before the next — then SyncFail when anything failed.
 * Waiting is done on watch events (and on the deadlines that matter: timeouts, fail-fast grace periods),
 * never by sleeping and polling.
 */
import type { ClusterClient, Json, ResourceInfo } from '../cluster/cluster-client.js';
import { KubeApiError } from '../cluster/api-error.js';
import { ObjectWatcher, type Change } from '../cluster/object-watcher.js';
import { formatLocation } from '../diagnostics.js';
import { formatDuration } from '../duration.js';
import type { GracePeriods } from '../health/fail-fast.js';
import { judgeHook, judgeResource } from '../health/judge.js';
import { podsOf } from '../health/related-objects.js';
import { SYNC_PHASES, type Phase } from '../hooks/phase.js';
import type { Plan, SyncTask } from '../plan/sync-task.js';
import { hookTimeoutMs, HOOK_TIMEOUT_ANNOTATION } from './hook-annotations.js';
import { HookLogFollower, type HookLogLine } from './hook-logs.js';
import { Redactor } from './redactor.js';
import type { OperationStatus, SyncResult } from './sync-result.js';
import { TaskRun } from './task-run.js';

export interface SyncObserver {
  /** A phase and wave begins. */
  wave?(phase: Phase, wave: number, tasks: readonly TaskRun[]): void;
  /** A task changed state (started, succeeded, failed…). */
  task?(run: TaskRun): void;
  /** A line of a hook's logs, live. */
  hookLog?(line: HookLogLine): void;
  /** Something worth saying in the log (dry run passed, waiting for …). */
  info?(message: string): void;
}

export interface SyncOptions {
  /** Whole operation; on expiry running hooks are terminated and SyncFail runs. */
  timeoutMs: number;
  /** false: Argo CD's gating (the final wave's resources are not waited for). */
  wait: boolean;
  /** Cancellation (workflow cancelled, Ctrl-C): no SyncFail, result Cancelled. */
  signal?: AbortSignal;
  observer?: SyncObserver;
  grace?: Partial<GracePeriods>;
  /** How long SyncFail hooks may run (they start after a failure, whatever time is left). */
  syncFailTimeoutMs?: number;
  /** Parallel applies within a run of one kind. */
  concurrency?: number;
  /** Extra values to mask (kubeconfig credentials). */
  secrets?: readonly string[];
}

type WaveOutcome = { ok: true } | { ok: false; why: 'failed' | 'timeout' | 'cancelled'; message: string };

const TERMINAL_WAIT_MS = 5000;

function metaOf(obj: Json | undefined): Json {
  return (obj?.metadata ?? {}) as Json;
}

async function inBatches<T>(
  items: readonly T[],
  size: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

export class SyncOperation {
  private readonly runs: TaskRun[];
  private readonly watcher: ObjectWatcher;
  private readonly logs: HookLogFollower;
  private readonly redactor = new Redactor();
  private readonly startedAt = new Date();
  private readonly deadline: number;
  private started = 0;
  /** Latest state seen for an object uid, and its first terminal state: a hook's outcome survives its deletion. */
  private readonly latestByUid = new Map<string, Json>();
  private readonly goneUids = new Set<string>();
  private readonly firstSeen = new Map<string, number>();
  private readonly resources = new Map<SyncTask, ResourceInfo>();
  private wake: () => void = () => {};

  constructor(
    private readonly plan: Plan,
    private readonly client: ClusterClient,
    private readonly options: SyncOptions,
  ) {
    this.runs = plan.tasks.map((t) => new TaskRun(t));
    this.watcher = new ObjectWatcher(client);
    this.redactor.addSecretsOf(plan);
    for (const s of options.secrets ?? []) this.redactor.add(s);
    this.logs = new HookLogFollower(client, this.redactor, (line) => options.observer?.hookLog?.(line));
    this.deadline = Date.now() + options.timeoutMs;
  }

  private get signal(): AbortSignal | undefined {
    return this.options.signal;
  }

  private say(message: string): void {
    this.options.observer?.info?.(this.redactor.redact(message));
  }

  private changed(run: TaskRun): void {
    run.message = this.redactor.redact(run.message);
    this.options.observer?.task?.(run);
  }

  async run(): Promise<SyncResult> {
    try {
      return await this.execute();
    } catch (err) {
      // The cluster itself failed us (refused credentials, unreachable past the retries): end cleanly.
      const detail =
        err instanceof KubeApiError && (err.code === 401 || err.code === 403)
          ? `${err.message} (the cluster refused the kubeconfig's credentials${err.code === 403 ? ' or they lack permission' : ''}; check the kubeconfig and its context)`
          : (err as Error).message;
      for (const r of this.runs) {
        if (r.running) this.complete(r, 'Failed', `the sync stopped: ${detail}`, 'ClusterError');
        else if (!r.done) r.finish('Skipped', 'not run: the sync stopped');
      }
      return this.finish(
        'Failed',
        this.redactor.redact(`cannot talk to the cluster at ${this.client.server}: ${detail}`),
      );
    } finally {
      this.logs.stop();
      this.watcher.close();
    }
  }

  private async execute(): Promise<SyncResult> {
    const sync = this.runs.filter((r) => r.task.phase !== 'SyncFail');
    const syncFail = this.runs.filter((r) => r.task.phase === 'SyncFail');

    const prepared = await this.prepare();
    if (!prepared.ok) return this.finish('Failed', prepared.message);
    const dry = await this.dryRun();
    if (!dry.ok) return this.finish('Failed', dry.message);
    this.say(`dry run passed for ${this.runs.length} object${this.runs.length === 1 ? '' : 's'}`);

    this.watcher.onChange((c) => this.onChange(c));
    const steps = this.steps(sync);
    let failure: WaveOutcome | undefined;
    for (const [i, step] of steps.entries()) {
      const final = i === steps.length - 1 && syncFail.length === 0;
      this.options.observer?.wave?.(step[0]!.task.phase, step[0]!.task.wave, step);
      const outcome = await this.runWave(step, {
        final,
        multiStep: steps.length + (syncFail.length ? 1 : 0) > 1,
      });
      if (!outcome.ok) {
        failure = outcome;
        break;
      }
    }

    for (const r of sync.filter((x) => !x.done && !x.running)) {
      r.finish(
        failure?.ok === false && failure.why === 'cancelled' ? 'Pending' : 'Skipped',
        failure && !failure.ok
          ? `not run: ${failure.why === 'cancelled' ? 'the sync was cancelled' : 'the sync failed before this task'}`
          : 'not run',
      );
    }
    if (!failure || failure.ok) {
      for (const r of syncFail) r.finish('Skipped', 'not run: the sync did not fail');
      const hooks = sync.filter((r) => r.task.hook).length;
      return this.finish(
        'Succeeded',
        `successfully synced ${sync.length - hooks} resource${sync.length - hooks === 1 ? '' : 's'} and ${hooks} hook${hooks === 1 ? '' : 's'} in ${steps.length} wave${steps.length === 1 ? '' : 's'}`,
      );
    }
    if (failure.why === 'cancelled') {
      for (const r of syncFail) r.finish('Pending', 'not run: the sync was cancelled');
      return this.finish('Cancelled', failure.message);
    }
    if (syncFail.length) {
      this.options.observer?.wave?.('SyncFail', syncFail[0]!.task.wave, syncFail);
      const outcome = await this.runSyncFail(syncFail);
      if (!outcome.ok) return this.finish('Failed', `${failure.message}\nSyncFail: ${outcome.message}`);
    }
    return this.finish('Failed', failure.message);
  }

  /** Discovery for every kind, and watches on every kind and namespace involved (plus their pods and events). */
  private async prepare(): Promise<WaveOutcome> {
    const problems: string[] = [];
    const crdKinds = new Set(
      this.plan.tasks
        .filter((t) => t.kind === 'CustomResourceDefinition')
        .map((t) => {
          const spec = (t.object.spec ?? {}) as { group?: string; names?: { kind?: string } };
          return `${spec.group}/${spec.names?.kind}`;
        }),
    );
    for (const t of this.plan.tasks) {
      const info = await this.client.resourceFor(t.apiVersion, t.kind);
      if (info) this.resources.set(t, info);
      else if (!crdKinds.has(`${t.group}/${t.kind}`)) {
        problems.push(
          `${t.kind} ${t.name} (${formatLocation(t.source)}): the cluster does not serve kind "${t.kind}" in "${t.apiVersion}"; install its CRD first, or check the apiVersion`,
        );
      }
    }
    if (problems.length) {
      this.failUnstarted(problems);
      return { ok: false, why: 'failed', message: `dry run failed: ${problems.join('; ')}` };
    }
    const namespaces = new Set<string>();
    for (const [t, info] of this.resources) {
      await this.watcher.watch(info, t.namespace || undefined);
      if (
        t.namespace &&
        (t.hook || ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'Pod'].includes(t.kind))
      )
        namespaces.add(t.namespace);
    }
    const podInfo = await this.client.requireResource('v1', 'Pod');
    const eventInfo = await this.client.requireResource('v1', 'Event');
    const rsInfo = await this.client.resourceFor('apps/v1', 'ReplicaSet');
    const nsInfo = await this.client.requireResource('v1', 'Namespace');
    for (const ns of namespaces) {
      const exists = await this.client.get({ apiVersion: 'v1', kind: 'Namespace', name: ns });
      if (!exists) continue; // created by this sync: watched once it exists
      await this.watchNamespace(ns, podInfo, eventInfo, rsInfo);
    }
    void nsInfo;
    return { ok: true };
  }

  private readonly watchedNamespaces = new Set<string>();

  private async watchNamespace(
    ns: string,
    podInfo?: ResourceInfo,
    eventInfo?: ResourceInfo,
    rsInfo?: ResourceInfo,
  ): Promise<void> {
    if (this.watchedNamespaces.has(ns)) return;
    this.watchedNamespaces.add(ns);
    await this.watcher.watch(podInfo ?? (await this.client.requireResource('v1', 'Pod')), ns);
    await this.watcher.watch(eventInfo ?? (await this.client.requireResource('v1', 'Event')), ns);
    const rs = rsInfo ?? (await this.client.resourceFor('apps/v1', 'ReplicaSet'));
    if (rs) await this.watcher.watch(rs, ns);
  }

  private failUnstarted(problems: string[]): void {
    for (const r of this.runs)
      if (!r.done)
        r.finish(
          'Skipped',
          `not applied: ${problems.length === 1 ? 'an object' : `${problems.length} objects`} failed the dry run`,
        );
  }

  /**
   * Server-side dry run of every task, SyncFail hooks included — except objects whose namespace or CRD this
   * sync creates (the server cannot judge them yet). Nothing is applied when anything fails.
   */
  private async dryRun(): Promise<WaveOutcome> {
    const createdNamespaces = new Set<string>();
    for (const t of this.plan.tasks) {
      if (
        t.kind === 'Namespace' &&
        t.group === '' &&
        !(await this.client.get({ apiVersion: 'v1', kind: 'Namespace', name: t.name }))
      )
        createdNamespaces.add(t.name);
    }
    const failures: { run: TaskRun; message: string }[] = [];
    await inBatches(this.runs, this.options.concurrency ?? 8, async (run) => {
      const t = run.task;
      if (!this.resources.has(t) || (t.namespace && createdNamespaces.has(t.namespace))) return;
      try {
        const replaced =
          t.hook && t.deletePolicies.includes('BeforeHookCreation') && (await this.client.get(this.ref(t)));
        if (replaced) await this.client.dryRunCreate(t.object as Json);
        else await this.client.apply(t.object as Json, { dryRun: true });
      } catch (err) {
        failures.push({ run, message: this.redactor.redact((err as Error).message) });
      }
    });
    if (failures.length === 0) return { ok: true };
    for (const f of failures) {
      f.run.finish('Failed', `dry run: ${f.message}`);
      this.changed(f.run);
    }
    this.failUnstarted(failures.map((f) => f.message));
    const list = failures.map(
      (f) =>
        `${f.run.task.kind} ${f.run.task.namespace ? `${f.run.task.namespace}/` : ''}${f.run.task.name} (${formatLocation(f.run.task.source)}): ${f.message}`,
    );
    return {
      ok: false,
      why: 'failed',
      message: `dry run failed for ${failures.length} object${failures.length === 1 ? '' : 's'}, nothing was applied: ${list.join('; ')}`,
    };
  }

  private ref(t: SyncTask) {
    return { apiVersion: t.apiVersion, kind: t.kind, namespace: t.namespace || undefined, name: t.name };
  }

  /** Tasks grouped by (phase, wave), in plan order. */
  private steps(runs: TaskRun[]): TaskRun[][] {
    const steps: TaskRun[][] = [];
    for (const r of runs) {
      const last = steps[steps.length - 1];
      if (last && last[0]!.task.phase === r.task.phase && last[0]!.task.wave === r.task.wave) last.push(r);
      else steps.push([r]);
    }
    return steps.sort(
      (a, b) =>
        SYNC_PHASES.indexOf(a[0]!.task.phase as never) - SYNC_PHASES.indexOf(b[0]!.task.phase as never),
    );
  }

  private outOfTime(deadline: number): WaveOutcome | undefined {
    if (this.signal?.aborted) return { ok: false, why: 'cancelled', message: 'the sync was cancelled' };
    if (Date.now() >= deadline)
      return {
        ok: false,
        why: 'timeout',
        message: `the sync timed out after ${formatDuration(this.options.timeoutMs)}`,
      };
    return undefined;
  }

  private async runWave(
    runs: TaskRun[],
    shape: { final: boolean; multiStep: boolean },
    deadline = this.deadline,
  ): Promise<WaveOutcome> {
    const stop = this.outOfTime(deadline);
    if (stop) return stop;

    // BeforeHookCreation: an existing hook object of that name goes first, and its deletion is awaited.
    for (const run of runs.filter(
      (r) => r.task.hook && r.task.deletePolicies.includes('BeforeHookCreation'),
    )) {
      const existing = await this.client.get(this.ref(run.task));
      if (!existing) continue;
      this.say(`deleting the previous ${run.task.kind}/${run.task.name} (BeforeHookCreation)`);
      await this.client.delete(this.ref(run.task), { propagationPolicy: 'Foreground' });
      const gone = await this.waitFor(
        () =>
          !this.watcher.get(run.task.group, run.task.kind, run.task.namespace || undefined, run.task.name),
        deadline,
      );
      if (!gone.ok) return gone;
    }

    // Applies, in runs of one kind; parallel within a run.
    let applyFailed = false;
    for (const kindRun of this.kindRuns(runs)) {
      const halted = this.outOfTime(deadline);
      if (halted) return this.halt(runs, halted);
      await inBatches(kindRun, this.options.concurrency ?? 8, (run) => this.applyTask(run));
      if (kindRun.some((r) => r.state === 'Failed')) applyFailed = true;
      const crds = kindRun.filter((r) => r.task.kind === 'CustomResourceDefinition' && r.state !== 'Failed');
      if (crds.length) {
        const established = await this.waitForCrds(crds, deadline);
        if (!established.ok) return this.halt(runs, established);
      }
    }

    // What this wave waits for: hooks always; resources unless --no-wait says Argo CD's rules.
    const waitsOn = (r: TaskRun) =>
      r.task.hook ||
      this.options.wait ||
      (shape.multiStep && !(shape.final && !runs.some((x) => x.task.hook)));
    for (const r of runs) if (r.running && !waitsOn(r)) this.complete(r, 'Succeeded', r.message || 'applied');
    const gate = runs.filter((r) => r.running && (!applyFailed || r.task.hook));
    const waited = await this.waitForTasks(gate, deadline);
    if (!waited.ok) return this.halt(runs, waited);
    for (const r of runs) if (r.running) this.complete(r, 'Succeeded', r.message || 'applied');
    const failed = runs.find((r) => r.state === 'Failed' || r.state === 'Terminated');
    if (failed) return { ok: false, why: 'failed', message: this.failureMessage(failed) };
    return { ok: true };
  }

  private kindRuns(runs: TaskRun[]): TaskRun[][] {
    const out: TaskRun[][] = [];
    for (const r of runs) {
      const last = out[out.length - 1];
      if (last && last[0]!.task.kind === r.task.kind) last.push(r);
      else out.push([r]);
    }
    return out;
  }

  private async applyTask(run: TaskRun): Promise<void> {
    const t = run.task;
    run.state = 'Running';
    run.startedAt = new Date();
    run.startIndex = this.started++;
    run.message = 'applying';
    this.changed(run);
    try {
      if (!this.resources.has(t))
        this.resources.set(t, await this.client.requireResource(t.apiVersion, t.kind));
      await this.watcher.watch(this.resources.get(t)!, t.namespace || undefined);
      if (t.namespace && !this.watchedNamespaces.has(t.namespace) && t.kind !== 'Namespace')
        await this.watchNamespace(t.namespace);
      const { object, created } = await this.client.apply(t.object as Json);
      run.action = created ? 'create' : 'apply';
      run.uid = String(metaOf(object).uid ?? '');
      this.latestByUid.set(run.uid, this.latestByUid.get(run.uid) ?? object);
      if (t.kind === 'Namespace' && t.group === '') await this.watchNamespace(t.name);
      if (t.hook) this.logs.track(run.uid, t.name);
      run.message = created ? 'created' : 'applied';
      this.changed(run);
    } catch (err) {
      const message = err instanceof KubeApiError ? err.message : (err as Error).message;
      this.complete(
        run,
        'Failed',
        `apply failed: ${message}`,
        err instanceof KubeApiError ? err.reason : 'ApplyFailed',
      );
    }
  }

  private async waitForCrds(crds: TaskRun[], deadline: number): Promise<WaveOutcome> {
    const result = await this.waitFor(
      () =>
        crds.every((r) => {
          const crd = this.watcher.get(
            'apiextensions.k8s.io',
            'CustomResourceDefinition',
            undefined,
            r.task.name,
          );
          return ((crd?.status as Json | undefined)?.conditions as Json[] | undefined)?.some(
            (c) => c.type === 'Established' && c.status === 'True',
          );
        }),
      deadline,
    );
    if (!result.ok) return result;
    for (const r of crds) {
      const spec = (r.task.object.spec ?? {}) as { group?: string; versions?: { name: string }[] };
      for (const v of spec.versions ?? [])
        await this.client.resourceFor(
          `${spec.group}/${v.name}`,
          String(((r.task.object.spec as Json).names as Json).kind),
          true,
        );
    }
    return { ok: true };
  }

  /** Records every object state as it is seen, and re-judges the tasks being waited on. */
  private onChange(change: Change): void {
    const uid = String(metaOf(change.object).uid ?? '');
    if (uid) {
      if (change.type === 'DELETED') this.goneUids.add(uid);
      // The deleted object's last state still says how a hook ended (ttlSecondsAfterFinished: 0).
      this.latestByUid.set(uid, change.object);
    }
    if (change.kind === 'Pod' && change.group === '') this.logs.onPod(change.object);
    this.wake();
  }

  private live(run: TaskRun): Json | undefined {
    if (run.uid) return this.latestByUid.get(run.uid);
    return this.watcher.get(run.task.group, run.task.kind, run.task.namespace || undefined, run.task.name);
  }

  private observations(obj: Json) {
    const ns = String(metaOf(obj).namespace ?? '');
    const related = [...this.watcher.list('', 'Pod', ns), ...this.watcher.list('apps', 'ReplicaSet', ns)];
    const pods = podsOf(obj, related) as Json[];
    for (const p of pods) this.noteSightings(p);
    return {
      pods,
      events: this.watcher.list('', 'Event', ns),
      now: Date.now(),
      grace: this.options.grace,
      firstSeen: (key: string) => this.firstSeen.get(key),
    };
  }

  private noteSightings(pod: Json): void {
    const uid = String(metaOf(pod).uid);
    const status = (pod.status ?? {}) as Json;
    const now = Date.now();
    const note = (key: string) => {
      if (!this.firstSeen.has(key)) this.firstSeen.set(key, now);
    };
    for (const c of [
      ...((status.initContainerStatuses ?? []) as Json[]),
      ...((status.containerStatuses ?? []) as Json[]),
    ]) {
      const reason = String((((c.state ?? {}) as Json).waiting as Json | undefined)?.reason ?? '');
      if (reason === 'ErrImagePull' || reason === 'ImagePullBackOff')
        note(`${uid}/${String(c.name)}/ImagePull`);
      else if (reason) note(`${uid}/${String(c.name)}/${reason}`);
    }
    if (
      ((status.conditions ?? []) as Json[]).some(
        (c) => c.type === 'PodScheduled' && c.reason === 'Unschedulable',
      )
    )
      note(`${uid}/Unschedulable`);
  }

  /** Judges one running task; returns when it should be looked at again (a grace period or hook timeout). */
  private judge(run: TaskRun): number | undefined {
    const t = run.task;
    const obj = this.live(run);
    if (t.hook) {
      const timeout = hookTimeoutMs(t.object);
      const timeoutAt =
        timeout !== undefined && run.startedAt ? run.startedAt.getTime() + timeout : undefined;
      if (!obj) return timeoutAt;
      if (this.finishing.has(run)) return undefined;
      const { outcome, diagnosis } = judgeHook(obj, this.observations(obj));
      if (outcome.state !== 'Running') {
        this.finishHook(run, outcome.state, outcome.message, outcome.reason);
        return undefined;
      }
      if (run.uid && this.goneUids.has(run.uid)) {
        this.finishHook(run, 'Failed', 'the hook object was deleted before it finished', 'Deleted');
        return undefined;
      }
      if (timeoutAt !== undefined && Date.now() >= timeoutAt) {
        void this.terminate(
          run,
          `terminated: the hook ran longer than its ${HOOK_TIMEOUT_ANNOTATION} of ${formatDuration(timeout!)}`,
          'HookTimeout',
        );
        return undefined;
      }
      const pending = diagnosis.pending[0];
      run.message = pending
        ? `${outcome.message}; ${pending.message} (fails in ${formatDuration(pending.failsAt - Date.now())})`
        : outcome.message;
      return Math.min(
        ...[timeoutAt, ...diagnosis.pending.map((p) => p.failsAt)].filter(
          (x): x is number => x !== undefined,
        ),
      );
    }
    if (!obj) return undefined;
    if (run.uid && this.goneUids.has(run.uid)) {
      this.complete(run, 'Failed', `${t.kind} ${t.name} was deleted while the sync waited for it`, 'Deleted');
      return undefined;
    }
    const { health, diagnosis } = judgeResource(obj, this.observations(obj));
    if (!health || health.status === 'Healthy')
      this.complete(run, 'Succeeded', health?.message || (run.action === 'create' ? 'created' : 'applied'));
    else if (health.status === 'Degraded') {
      this.complete(run, 'Failed', health.message, health.reason ?? 'Degraded');
      run.events = this.eventsFor(obj);
    } else run.message = `${health.status}: ${health.message}`;
    return diagnosis.pending.length ? Math.min(...diagnosis.pending.map((p) => p.failsAt)) : undefined;
  }

  private eventsFor(obj: Json): string[] {
    const ns = String(metaOf(obj).namespace ?? '');
    const uids = new Set([
      String(metaOf(obj).uid),
      ...podsOf(obj, [
        ...this.watcher.list('', 'Pod', ns),
        ...this.watcher.list('apps', 'ReplicaSet', ns),
      ]).map((p) => String(metaOf(p as Json).uid)),
    ]);
    return this.watcher
      .list('', 'Event', ns)
      .filter((e) => uids.has(String((e.involvedObject as Json | undefined)?.uid)))
      .sort((a, b) => String(a.lastTimestamp ?? '').localeCompare(String(b.lastTimestamp ?? '')))
      .slice(-10)
      .map((e) => this.redactor.redact(`${String(e.type)} ${String(e.reason)}: ${String(e.message)}`));
  }

  private readonly finishing = new Set<TaskRun>();

  /** A hook reached its end: let its log streams drain (bounded) so its logs read before its verdict. */
  private finishHook(run: TaskRun, state: 'Succeeded' | 'Failed', message: string, reason?: string): void {
    this.finishing.add(run);
    void this.logs.settle(run.uid ?? '').then(() => {
      this.finishing.delete(run);
      this.hookFinished(run, state, message, reason);
      this.wake();
    });
  }

  private hookFinished(run: TaskRun, state: 'Succeeded' | 'Failed', message: string, reason?: string): void {
    const obj = this.live(run);
    if (state === 'Failed') {
      run.logs = this.logs.tail(run.uid ?? '');
      if (obj) run.events = this.eventsFor(obj);
      const last = run.logs.at(-1);
      this.complete(
        run,
        'Failed',
        last && !message.includes(last) ? `${message}; last log line: ${last}` : message,
        reason,
      );
    } else this.complete(run, 'Succeeded', message);
    void this.applyDeletePolicy(run, state);
  }

  private readonly pendingDeletes = new Set<Promise<void>>();

  /** HookSucceeded / HookFailed, keyed on this hook's own outcome, after its logs and events are recorded. */
  private applyDeletePolicy(run: TaskRun, state: 'Succeeded' | 'Failed'): Promise<void> {
    const policy = state === 'Succeeded' ? 'HookSucceeded' : 'HookFailed';
    if (!run.task.deletePolicies.includes(policy) || !run.uid) return Promise.resolve();
    const work = (async () => {
      await this.logs.settle(run.uid!);
      if (!run.logs && state === 'Succeeded') run.logs = this.logs.tail(run.uid!);
      await this.client.delete(this.ref(run.task), { propagationPolicy: 'Foreground', uid: run.uid });
      run.deleted = true;
      this.say(`deleted ${run.task.kind}/${run.task.name} (${policy})`);
    })().catch((err: unknown) =>
      this.say(`could not delete ${run.describe()} (${policy}): ${(err as Error).message}`),
    );
    this.pendingDeletes.add(work);
    void work.finally(() => this.pendingDeletes.delete(work));
    return work;
  }

  private complete(
    run: TaskRun,
    state: 'Succeeded' | 'Failed' | 'Terminated',
    message: string,
    reason?: string,
  ): void {
    if (run.done) return;
    run.finish(state, message, reason);
    this.changed(run);
  }

  /** Deletes a running hook (timeout, cancellation) and marks it Terminated. */
  private async terminate(run: TaskRun, message: string, reason: string): Promise<void> {
    if (run.done) return;
    run.logs = this.logs.tail(run.uid ?? '');
    this.complete(run, 'Terminated', message, reason);
    try {
      await this.client.delete(this.ref(run.task), { propagationPolicy: 'Foreground', uid: run.uid });
      run.deleted = true;
    } catch (err) {
      this.say(`could not delete ${run.describe()}: ${(err as Error).message}`);
    }
    this.wake();
  }

  /** Waits on watch events (and the next deadline that matters) until every task is done. */
  private async waitForTasks(runs: TaskRun[], deadline: number): Promise<WaveOutcome> {
    for (;;) {
      let next = deadline;
      for (const r of runs.filter((x) => x.running)) {
        const again = this.judge(r);
        if (again !== undefined && Number.isFinite(again)) next = Math.min(next, again);
      }
      for (const r of runs) if (r.running) this.changed(r);
      if (runs.every((r) => !r.running)) return { ok: true };
      const stop = this.outOfTime(deadline);
      if (stop) return stop;
      await this.nextChange(next);
    }
  }

  private async waitFor(predicate: () => boolean | undefined, deadline: number): Promise<WaveOutcome> {
    for (;;) {
      if (predicate()) return { ok: true };
      const stop = this.outOfTime(deadline);
      if (stop) return stop;
      await this.nextChange(deadline);
    }
  }

  /** Resolves on the next watch event, at `until`, or on cancellation, whichever comes first. */
  private nextChange(until: number): Promise<void> {
    return new Promise((resolve) => {
      const signal = this.signal;
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, until - Date.now()) + 5);
      signal?.addEventListener('abort', done, { once: true });
      this.wake = done;
    });
  }

  /** A wave stopped by a timeout, cancellation or failure: running hooks are terminated. */
  private async halt(runs: TaskRun[], outcome: WaveOutcome): Promise<WaveOutcome> {
    if (outcome.ok) return outcome;
    const running = this.runs.filter((r) => r.running);
    const waitingOn = running.map((r) => `${r.describe()}${r.message ? ` (${r.message})` : ''}`);
    const why =
      outcome.why === 'cancelled' ? 'terminated: the sync was cancelled' : `terminated: ${outcome.message}`;
    await Promise.all(
      running
        .filter((r) => r.task.hook)
        .map((r) => this.terminate(r, why, outcome.why === 'cancelled' ? 'Cancelled' : 'OperationTimeout')),
    );
    for (const r of running.filter((x) => !x.task.hook))
      this.complete(
        r,
        outcome.why === 'cancelled' ? 'Terminated' : 'Failed',
        `${outcome.why === 'cancelled' ? 'not finished: the sync was cancelled' : `not healthy when the sync timed out: ${r.message}`}`,
        outcome.why === 'cancelled' ? 'Cancelled' : 'OperationTimeout',
      );
    void runs;
    if (outcome.why === 'timeout' && waitingOn.length)
      return { ...outcome, message: `${outcome.message} while waiting for ${waitingOn.join(', ')}` };
    return outcome;
  }

  /** All SyncFail hooks at once; the operation is Failed whatever they do. */
  private async runSyncFail(runs: TaskRun[]): Promise<WaveOutcome> {
    const deadline = Date.now() + (this.options.syncFailTimeoutMs ?? 5 * 60_000);
    if (this.signal?.aborted) return { ok: false, why: 'cancelled', message: 'cancelled' };
    for (const kindRun of this.kindRuns(runs))
      await inBatches(kindRun, this.options.concurrency ?? 8, (run) => this.applyTask(run));
    const waited = await this.waitForTasks(
      runs.filter((r) => r.running),
      deadline,
    );
    if (!waited.ok) await this.halt(runs, waited);
    const failed = runs.filter((r) => r.state === 'Failed' || r.state === 'Terminated');
    return failed.length
      ? { ok: false, why: 'failed', message: failed.map((f) => this.failureMessage(f)).join('; ') }
      : { ok: true };
  }

  private failureMessage(run: TaskRun): string {
    return `${run.describe()} ${run.state === 'Terminated' ? 'was terminated' : 'failed'}: ${run.reason && !run.message.startsWith(run.reason) ? `${run.reason}: ` : ''}${run.message}`;
  }

  private async finish(status: OperationStatus, message: string): Promise<SyncResult> {
    // Delete policies in flight finish first, so `deleted` is true in the document when it happened.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all([...this.pendingDeletes]),
      new Promise((r) => (timer = setTimeout(r, TERMINAL_WAIT_MS))),
    ]);
    if (timer) clearTimeout(timer);
    const started = this.runs.filter((r) => r.startIndex >= 0).sort((a, b) => a.startIndex - b.startIndex);
    const unstarted = this.runs.filter((r) => r.startIndex < 0);
    return {
      status,
      message: this.redactor.redact(message),
      revision: this.plan.revision,
      startedAt: this.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      tasks: [...started, ...unstarted].map((r) => r.toResult()),
    };
  }
}

export async function runSync(plan: Plan, client: ClusterClient, options: SyncOptions): Promise<SyncResult> {
  return new SyncOperation(plan, client, options).run();
}
