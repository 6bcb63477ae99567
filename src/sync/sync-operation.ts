/**
 * The sync operation (contract §3, §4, §7), read top-down like gitops-engine's Sync(): preflight (discovery
 * and dry run), then PreSync, Sync and PostSync wave by wave — each wave's hooks completed and resources
 * Healthy before the next — then SyncFail when anything failed. What it builds on lives beside it:
 * `observed-state` (watches; nothing older than a task's own write judges it), `task-applier` (how an
 * object is written, per its sync options), `hook-lifecycle` (what happens around a hook's run),
 * `task-judge` (when a task is done). Waiting is on watch events and the deadlines that matter, never a poll.
 */
import { KubeApiError, clusterErrorDetail } from '../cluster/api-error.js';
import type { ClusterClient, Json, ObjectRef } from '../cluster/cluster-client.js';
import { withRetryLimits, type RetryLimits } from '../cluster/retry-policy.js';
import type { GracePeriods } from '../health/fail-fast.js';
import { phaseOrder, type Phase } from '../hooks/phase.js';
import type { InventoryObject } from '../lifecycle/inventory.js';
import type { Plan, SyncTask } from '../plan/sync-task.js';
import { HookLifecycle, type LifecycleEvents } from './hook-lifecycle.js';
import { HookLogFollower, type HookLogLine } from './hook-logs.js';
import { HookSecrets } from './hook-secrets.js';
import { ObservedState } from './observed-state.js';
import { OK, type StepOutcome } from './outcome.js';
import { Waiting } from './waiting.js';
import { isEstablished, refreshDiscovery, resolveLateKind } from './crd-readiness.js';
import { Preflight, describeDryRunFailure, inBatches } from './preflight.js';
import { RemovalStep, removalTask, type Removal, type RemovalEvents } from './prune-step.js';
import { Redactor } from './redactor.js';
import type { OperationStatus, SyncResult } from './sync-result.js';
import { TaskApplier, type Written } from './task-applier.js';
import { TaskJudge } from './task-judge.js';
import { TaskRun } from './task-run.js';

export interface SyncObserver {
  /** A phase and wave begins. */
  wave?(phase: Phase, wave: number, tasks: readonly TaskRun[]): void;
  /** A task changed state (started, succeeded, failed…). */
  task?(run: TaskRun): void;
  /** A line of a hook's logs, live (already masked). */
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
  /** Parallel dry runs, and parallel applies within a run of one kind (default 32). */
  concurrency?: number;
  /** Extra values to mask (kubeconfig credentials). */
  secrets?: readonly string[];
  /** Each secret value hook-sync learns during the sync (a Secret a hook reads), for the runner to mask. */
  onSecret?: (value: string) => void;
  /**
   * From the application's inventory: for a sync, what left the manifests (pruned when `enabled`,
   * otherwise reported as would-be-pruned); for a delete, everything it owns.
   */
  removals?: {
    enabled: boolean;
    objects: readonly InventoryObject[];
    /** Removed after every hook has run (a delete's Namespace its PostDelete hooks run in). */
    last?: readonly InventoryObject[];
    /** `<namespace>/<app>`: an object whose tracking annotation names another app is kept. */
    owner: string;
    /** Just before each deletion is asked for. */
    removing?: (o: InventoryObject) => void | Promise<void>;
  };
  /** Each object written (the inventory confirms it); awaited before the task goes on, and may refuse. */
  onWritten?: (task: SyncTask) => void | Promise<void>;
  /** Hooks (by taskRef) still running from a killed run of this revision: applied onto and awaited. */
  adopted?: ReadonlySet<string>;
  /** `dryRunBeforeWriting` passed moments ago, nothing changed since: discovery and watches only. */
  dryRunPassed?: boolean;
}

const TERMINAL_WAIT_MS = 5000;
/**
 * Requests in flight for the dry run and for each run of one kind. 32 keeps a sync of thousands of objects
 * bound by the API server rather than by the round trip (docs/PERFORMANCE.md), while staying well under
 * what API Priority and Fairness lets one client have before answering 429 (which is retried anyway).
 */
const DEFAULT_CONCURRENCY = 32;

export class SyncOperation implements LifecycleEvents {
  private readonly runs: TaskRun[];
  private readonly redactor = new Redactor();
  private readonly observed: ObservedState;
  private readonly logs: HookLogFollower;
  private readonly applier: TaskApplier;
  private readonly hooks: HookLifecycle;
  private readonly judge: TaskJudge;
  private readonly preflight: Preflight;
  private readonly waiting: Waiting;
  /** Objects to prune (or, for a delete, to remove), known from the inventory. */
  private readonly removals = new Map<TaskRun, InventoryObject>();
  private readonly lastRemovals = new Map<TaskRun, InventoryObject>();
  private readonly removalKind: Removal;
  private readonly removeBefore: Phase;
  private readonly startedAt = new Date();
  private readonly deadline: number;
  private readonly retryLimits: RetryLimits;
  private started = 0;

  constructor(
    private readonly plan: Plan,
    private readonly client: ClusterClient,
    private readonly options: SyncOptions,
  ) {
    this.runs = plan.tasks.map((t) => new TaskRun(t));
    this.removalKind = plan.operation === 'delete' ? 'delete' : 'prune';
    // Pruning follows the Sync phase; a delete removes between its PreDelete and PostDelete hooks.
    this.removeBefore = plan.operation === 'delete' ? 'PostDelete' : 'PostSync';
    for (const [list, into] of [
      [options.removals?.objects ?? [], this.removals],
      [options.removals?.last ?? [], this.lastRemovals],
    ] as const)
      for (const o of list) {
        const run = new TaskRun(removalTask(o));
        into.set(run, o);
        this.runs.push(run);
      }
    this.redactor.addSecretsOf(plan);
    for (const s of options.secrets ?? []) this.redactor.add(s);
    const secrets = new HookSecrets(client, this.redactor, options.onSecret);
    this.logs = new HookLogFollower(
      client,
      this.redactor,
      (line) => options.observer?.hookLog?.(line),
      (pod) => secrets.prepareForPod(pod),
    );
    this.observed = new ObservedState(client, (pod) => this.logs.onPod(pod));
    const deleteAndAwait = (ref: ObjectRef, uid: string, deadline: number) =>
      this.deleteAndAwait(ref, uid, deadline);
    this.applier = new TaskApplier(client, this.observed, deleteAndAwait);
    this.hooks = new HookLifecycle(
      client,
      this.observed,
      this.logs,
      secrets,
      deleteAndAwait,
      this,
      options.adopted,
    );
    this.judge = new TaskJudge(this.observed, this.hooks, this, options.grace);
    this.preflight = new Preflight(plan, client, this.observed);
    this.waiting = new Waiting(this.observed, options.timeoutMs, options.signal);
    this.deadline = Date.now() + options.timeoutMs;
    // No request waits to be retried past the operation's timeout or after its cancel.
    this.retryLimits = { signal: options.signal, deadline: this.deadline };
  }

  async run(): Promise<SyncResult> {
    try {
      return await withRetryLimits(this.retryLimits, () => this.execute());
    } catch (err) {
      return this.clusterFailed(err);
    } finally {
      this.logs.stop();
      this.observed.close();
    }
  }

  private async execute(): Promise<SyncResult> {
    const sync = this.runs.filter(
      (r) => r.task.phase !== 'SyncFail' && !this.removals.has(r) && !this.lastRemovals.has(r),
    );
    const syncFail = this.runs.filter((r) => r.task.phase === 'SyncFail');

    const refused = await this.runPreflight();
    if (refused) return this.finish('Failed', refused);

    const steps = stepsOf(sync);
    // Argo CD counts SyncFail hooks when it asks "one step or several", but never as the final wave.
    const multiStep = steps.length + (syncFail.length ? 1 : 0) > 1;
    let failure: StepOutcome = OK;
    let removed = false;
    for (const [i, step] of steps.entries()) {
      if (!removed && phaseOrder(step[0]!.task.phase) >= phaseOrder(this.removeBefore)) {
        removed = true;
        failure = await this.runRemovals();
        if (!failure.ok) break;
      }
      this.options.observer?.wave?.(step[0]!.task.phase, step[0]!.task.wave, step);
      failure = await this.runWave(step, { final: i === steps.length - 1, multiStep });
      if (!failure.ok) break;
    }
    if (!removed && failure.ok) failure = await this.runRemovals();
    if (failure.ok && this.lastRemovals.size) failure = await this.removeNow(this.lastRemovals);
    for (const r of [...this.removals.keys(), ...this.lastRemovals.keys()])
      if (!r.done)
        r.finish(
          'Skipped',
          `not ${this.removalKind === 'prune' ? 'pruned' : 'deleted'}: the operation stopped before`,
        );

    const cancelled = !failure.ok && failure.why === 'cancelled';
    for (const r of sync.filter((x) => !x.done && !x.running))
      r.finish(
        cancelled ? 'Pending' : 'Skipped',
        failure.ok
          ? 'not run'
          : `not run: ${cancelled ? 'the sync was cancelled' : 'the sync failed before this task'}`,
      );
    if (failure.ok) {
      for (const r of syncFail) r.finish('Skipped', 'not run: the sync did not fail');
      const hooks = sync.filter((r) => r.task.hook).length;
      const resources = sync.length - hooks;
      const removals = [...this.removals.keys(), ...this.lastRemovals.keys()];
      const count = (pred: (r: TaskRun) => boolean) => removals.filter(pred).length;
      const removed = count((r) => r.state === 'Succeeded');
      const kept = count((r) => r.state === 'Skipped' && r.message.startsWith('kept'));
      const wouldBe = count((r) => r.reason === 'PruneOff');
      const tail = [
        removed ? `${this.removalKind === 'prune' ? 'pruned' : 'deleted'} ${plural(removed, 'object')}` : '',
        kept ? `kept ${kept} (${this.removalKind === 'prune' ? 'Prune' : 'Delete'}=false)` : '',
        wouldBe ? `${plural(wouldBe, 'object')} would be pruned (prune is off)` : '',
      ].filter(Boolean);
      const head =
        this.plan.operation === 'delete'
          ? `deleted the application: ${plural(removed, 'object')} removed and ${plural(hooks, 'hook')} run`
          : `successfully synced ${plural(resources, 'resource')} and ${plural(hooks, 'hook')} in ${plural(steps.length, 'wave')}`;
      const rest = this.plan.operation === 'delete' ? tail.filter((x) => !x.startsWith('deleted')) : tail;
      return this.finish('Succeeded', [head, ...rest].join('; '));
    }
    if (cancelled) {
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

  /** Prune (when asked; otherwise each is reported as would-be-pruned), or a delete's removal step. */
  private async runRemovals(): Promise<StepOutcome> {
    if (this.removals.size === 0) return OK;
    if (this.removalKind === 'prune' && !this.options.removals?.enabled) {
      for (const r of this.removals.keys()) {
        r.retarget('prune');
        r.finish('Skipped', 'would be pruned: it left the manifests (prune is off)', 'PruneOff');
      }
      return OK;
    }
    this.say(
      `${this.removalKind === 'prune' ? 'pruning' : 'deleting'} ${plural(this.removals.size, 'object')}, last wave first`,
    );
    return this.removeNow(this.removals);
  }

  private removeNow(removals: Map<TaskRun, InventoryObject>): Promise<StepOutcome> {
    const step = new RemovalStep(
      this.client,
      this.observed,
      this.removalEvents(),
      this.options.removals?.owner ?? '',
    );
    return step.run(this.removalKind, removals, this.deadline);
  }

  private removalEvents(): RemovalEvents {
    return {
      start: (run, action) => {
        run.start(this.started++, action);
        this.changed(run);
      },
      complete: (run, state, message, reason) => {
        if (run.done) return;
        run.finish(state, message, reason);
        this.changed(run);
      },
      deleteAndAwait: (ref, uid, deadline) => this.deleteAndAwait(ref, uid, deadline),
      removing: this.options.removals?.removing,
    };
  }

  /**
   * The preflight alone, no watches: the result when the cluster refuses the plan, else undefined. For a
   * caller that writes things of its own first (the lock, the inventory): refused input changes nothing.
   */
  async dryRunOnly(): Promise<SyncResult | undefined> {
    try {
      const refused = await withRetryLimits(this.retryLimits, () => this.runPreflight(false));
      return refused ? await this.finish('Failed', refused) : undefined;
    } catch (err) {
      return this.clusterFailed(err);
    } finally {
      this.logs.stop();
      this.observed.close();
    }
  }

  /** Discovery, watches and the dry run; a message when the sync must stop before writing anything. */
  private async runPreflight(watch = true): Promise<string | undefined> {
    const problems = await this.preflight.discover(watch);
    if (problems.length) {
      this.skipAll(`not applied: ${plural(problems.length, 'object')} failed the dry run`);
      return `dry run failed: ${problems.join('; ')}`;
    }
    const failures = this.options.dryRunPassed
      ? []
      : await this.preflight.dryRun(
          this.applier,
          this.hooks,
          this.options.concurrency ?? DEFAULT_CONCURRENCY,
        );
    if (failures.length === 0) {
      if (watch) this.say(`dry run passed for ${plural(this.runs.length, 'object')}`);
      return undefined;
    }
    for (const f of failures) {
      const run = this.runs.find((r) => r.task === f.task)!;
      run.finish('Failed', `dry run: ${this.redactor.redact(f.message)}`);
      this.changed(run);
    }
    this.skipAll(`not applied: ${plural(failures.length, 'object')} failed the dry run`);
    return `dry run failed for ${plural(failures.length, 'object')}, nothing was applied: ${failures.map(describeDryRunFailure).join('; ')}`;
  }

  private skipAll(message: string): void {
    for (const r of this.runs) if (!r.done) r.finish('Skipped', message);
  }

  /** One (phase, wave): applies in runs of one kind, then the gate: hooks done, resources Healthy. */
  private async runWave(
    runs: TaskRun[],
    shape: { final: boolean; multiStep: boolean },
  ): Promise<StepOutcome> {
    const stop = this.waiting.outOfTime(this.deadline);
    if (stop) return stop;

    let applyFailed = false;
    for (const kindRun of kindRunsOf(runs)) {
      const halted = this.waiting.outOfTime(this.deadline);
      if (halted) return this.halt(halted);
      await inBatches(kindRun, this.options.concurrency ?? DEFAULT_CONCURRENCY, (run) =>
        this.applyTask(run, this.deadline),
      );
      if (kindRun.some((r) => r.state === 'Failed')) applyFailed = true;
      const crds = kindRun.filter((r) => r.task.kind === 'CustomResourceDefinition' && r.state !== 'Failed');
      if (crds.length) {
        const established = await this.waitForCrds(crds, this.deadline);
        if (!established.ok) return this.halt(established);
      }
    }

    // Hooks are always waited for; resources too, unless wait: false asks for Argo CD's gating, where the
    // final wave's resources are not waited for unless the wave has hooks.
    const waitsOn = (r: TaskRun) =>
      r.task.hook ||
      this.options.wait ||
      (shape.multiStep && !(shape.final && !runs.some((x) => x.task.hook)));
    for (const r of runs) if (r.running && !waitsOn(r)) this.complete(r, 'Succeeded', r.message);
    // After an apply error only the wave's hooks are awaited: a running migration is not cut short.
    const gate = runs.filter((r) => r.running && (!applyFailed || r.task.hook));
    const waited = await this.waitForTasks(gate, this.deadline);
    if (!waited.ok) return this.halt(waited);
    for (const r of runs) if (r.running) this.complete(r, 'Succeeded', r.message);
    const failed = runs.find((r) => r.state === 'Failed' || r.state === 'Terminated');
    return failed ? { ok: false, why: 'failed', message: failureMessage(failed) } : OK;
  }

  /**
   * The task's write. A hook created without a read of its name first (the watch showed none) whose write
   * met an object after all: what that read would have done is done now, and the hook written again.
   */
  private async write(run: TaskRun, deadline: number): Promise<Written | { notCreated: string }> {
    const t = run.task;
    const retarget = (a: Written['action']) => run.retarget(a);
    if (!t.hook || !this.hooks.takeUnread(run)) return this.applier.write(t, deadline, retarget);
    let met: Written | undefined;
    let refused: unknown;
    try {
      met = await this.applier.write(t, deadline, retarget);
      // Created; or an earlier try whose answer was lost may have made what this one met: that object
      // may be this hook's own, running, and is not to be replaced.
      if (met.action === 'create' || met.uncertain) return met;
    } catch (err) {
      if (!(err instanceof KubeApiError && (err.code === 409 || err.code === 422))) throw err;
      refused = err;
    }
    const { outcome, again } = await this.hooks.metUnseen(run, met?.object, deadline);
    if (!outcome.ok) return { notCreated: outcome.message };
    if (!again) {
      if (met) return met;
      run.retarget('apply'); // it met an object it is applied onto, and was refused: no create failed
      throw refused;
    }
    run.retarget(this.applier.intendedAction(t));
    return this.applier.write(t, deadline, retarget);
  }

  private async applyTask(run: TaskRun, deadline: number): Promise<void> {
    const t = run.task;
    run.start(this.started++, this.applier.intendedAction(t));
    this.changed(run);
    try {
      await this.watchFor(t, deadline);
      if (t.hook) {
        const ready = await this.hooks.beforeCreate(run, deadline);
        if (!ready.ok) {
          this.complete(run, 'Failed', `not created: ${ready.message}`, 'NotCreated');
          return;
        }
      }
      if (t.hook) run.retarget(this.applier.intendedAction(t));
      const written = await this.write(run, deadline);
      if ('notCreated' in written) {
        this.complete(run, 'Failed', `not created: ${written.notCreated}`, 'NotCreated');
        return;
      }
      const { action, object } = written;
      run.wrote(action, this.observed.record(object));
      await this.options.onWritten?.(t);
      if (t.kind === 'Namespace' && t.group === '') await this.observed.watchNamespace(t.name);
      if (t.hook) this.hooks.created(run);
      this.changed(run);
    } catch (err) {
      const message = err instanceof KubeApiError ? err.message : (err as Error).message;
      const reason = err instanceof KubeApiError ? err.reason : 'ApplyFailed';
      this.complete(
        run,
        'Failed',
        `${run.action === 'create' ? 'create' : 'apply'} failed: ${message}`,
        reason,
      );
    }
  }

  /** The task's kind (resolved again now for a kind that was not served at the dry run) and namespace. */
  private async watchFor(t: SyncTask, deadline: number): Promise<void> {
    let info = this.preflight.resources.get(t);
    if (!info) {
      const late = await resolveLateKind(this.client, this.observed, this.waiting.until, t, deadline);
      if ('problem' in late) throw new Error(late.problem.ok ? 'kind not served' : late.problem.message);
      info = late.info;
      this.preflight.resources.set(t, info);
    }
    await this.observed.watchKind(info, t.namespace || undefined);
    if (t.namespace && !this.observed.isWatching(t.namespace))
      await this.observed.watchNamespace(t.namespace);
  }

  /** CRDs applied in this wave serve their kinds before the next run of the wave is applied. */
  private async waitForCrds(crds: TaskRun[], deadline: number): Promise<StepOutcome> {
    const latest = (r: TaskRun) => (r.applied ? this.observed.latest(r.applied) : undefined);
    const result = await this.waiting.until(() => crds.every((r) => isEstablished(latest(r))), deadline);
    if (!result.ok) return result;
    for (const r of crds) await refreshDiscovery(this.client, r.task.object as Json);
    return OK;
  }

  private waitForTasks(runs: TaskRun[], deadline: number): Promise<StepOutcome> {
    return this.waiting.forTasks(
      runs,
      deadline,
      (r) => this.judge.judge(r),
      (r) => this.changed(r),
    );
  }

  private async deleteAndAwait(ref: ObjectRef, uid: string, deadline: number): Promise<StepOutcome> {
    const deleted = await this.client.delete(ref, { propagationPolicy: 'Foreground', uid });
    if (!deleted) return OK; // already gone, or replaced by someone else's object of that name
    return this.waiting.until(() => this.observed.gone(uid), deadline);
  }

  /** A wave stopped by a timeout or cancellation: running hooks are terminated, resources stop being waited for. */
  private async halt(outcome: StepOutcome): Promise<StepOutcome> {
    if (outcome.ok) return outcome;
    const cancelled = outcome.why === 'cancelled';
    const running = this.runs.filter((r) => r.running);
    const waitingOn = running.map((r) => `${r.describe()}${r.message ? ` (${r.message})` : ''}`);
    await Promise.all(
      running
        .filter((r) => r.task.hook)
        .map((r) =>
          this.hooks.terminate(
            r,
            cancelled ? 'terminated: the sync was cancelled' : `terminated: ${outcome.message}`,
            cancelled ? 'Cancelled' : 'OperationTimeout',
          ),
        ),
    );
    for (const r of running.filter((x) => !x.task.hook))
      this.complete(
        r,
        cancelled ? 'Terminated' : 'Failed',
        cancelled
          ? 'not finished: the sync was cancelled'
          : `not healthy when the sync timed out: ${r.message}`,
        cancelled ? 'Cancelled' : 'OperationTimeout',
      );
    if (outcome.why === 'timeout' && waitingOn.length)
      return { ...outcome, message: `${outcome.message} while waiting for ${waitingOn.join(', ')}` };
    return outcome;
  }

  /** All SyncFail hooks at once; the operation is Failed whatever they do. */
  private async runSyncFail(runs: TaskRun[]): Promise<StepOutcome> {
    const deadline = Date.now() + (this.options.syncFailTimeoutMs ?? 5 * 60_000);
    this.retryLimits.deadline = deadline; // SyncFail hooks have time of their own
    if (this.options.signal?.aborted) return { ok: false, why: 'cancelled', message: 'cancelled' };
    for (const kindRun of kindRunsOf(runs))
      await inBatches(kindRun, this.options.concurrency ?? DEFAULT_CONCURRENCY, (run) =>
        this.applyTask(run, deadline),
      );
    const waited = await this.waitForTasks(
      runs.filter((r) => r.running),
      deadline,
    );
    if (!waited.ok) await this.halt(waited);
    const failed = runs.filter((r) => r.state === 'Failed' || r.state === 'Terminated');
    return failed.length ? { ok: false, why: 'failed', message: failed.map(failureMessage).join('; ') } : OK;
  }

  /** The cluster itself failed us (refused credentials, unreachable past the retries): end cleanly. */
  private clusterFailed(err: unknown): Promise<SyncResult> {
    const detail = clusterErrorDetail(err);
    for (const r of this.runs) {
      if (r.running) this.complete(r, 'Failed', `the sync stopped: ${detail}`, 'ClusterError');
      else if (!r.done) r.finish('Skipped', 'not run: the sync stopped');
    }
    return this.finish('Failed', `cannot talk to the cluster at ${this.client.server}: ${detail}`);
  }

  private async finish(status: OperationStatus, message: string): Promise<SyncResult> {
    await this.hooks.settle(TERMINAL_WAIT_MS);
    const started = this.runs.filter((r) => r.startIndex >= 0).sort((a, b) => a.startIndex - b.startIndex);
    const unstarted = this.runs.filter((r) => r.startIndex < 0);
    return {
      status,
      message: this.redactor.redact(message),
      revision: this.plan.revision,
      startedAt: this.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      tasks: [...started, ...unstarted].map((r) => this.redactResult(r)),
    };
  }

  /** Everything in the result passes the redactor last, with every value learnt during the sync. */
  private redactResult(run: TaskRun) {
    const result = run.toResult();
    const safe = (s: string) => this.redactor.redact(s);
    return {
      ...result,
      message: safe(result.message),
      ...(result.logs ? { logs: result.logs.map(safe) } : {}),
      ...(result.events ? { events: result.events.map(safe) } : {}),
    };
  }

  // LifecycleEvents: how the parts report back.

  complete(
    run: TaskRun,
    state: 'Succeeded' | 'Failed' | 'Terminated',
    message: string,
    reason?: string,
  ): void {
    if (run.done) return;
    run.finish(state, message, reason);
    this.changed(run);
  }

  say(message: string): void {
    this.options.observer?.info?.(this.redactor.redact(message));
  }

  poke(): void {
    this.observed.poke();
  }

  private changed(run: TaskRun): void {
    run.message = this.redactor.redact(run.message);
    this.options.observer?.task?.(run);
  }
}

/** Tasks grouped by (phase, wave), in plan order. */
function stepsOf(runs: TaskRun[]): TaskRun[][] {
  const steps: TaskRun[][] = [];
  for (const r of runs) {
    const last = steps[steps.length - 1];
    if (last && last[0]!.task.phase === r.task.phase && last[0]!.task.wave === r.task.wave) last.push(r);
    else steps.push([r]);
  }
  return steps.sort((a, b) => phaseOrder(a[0]!.task.phase) - phaseOrder(b[0]!.task.phase));
}

/** Consecutive tasks of one kind: applied in parallel, the runs one after another (as Argo CD does). */
function kindRunsOf(runs: TaskRun[]): TaskRun[][] {
  const out: TaskRun[][] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && last[0]!.task.kind === r.task.kind) last.push(r);
    else out.push([r]);
  }
  return out;
}

function failureMessage(run: TaskRun): string {
  const reason = run.reason && !run.message.startsWith(run.reason) ? `${run.reason}: ` : '';
  return `${run.describe()} ${run.state === 'Terminated' ? 'was terminated' : 'failed'}: ${reason}${run.message}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export async function runSync(plan: Plan, client: ClusterClient, options: SyncOptions): Promise<SyncResult> {
  return new SyncOperation(plan, client, options).run();
}

/** The dry run of the whole plan, writing nothing: the Failed result when refused, else undefined. */
export function dryRunBeforeWriting(
  plan: Plan,
  client: ClusterClient,
  options: SyncOptions,
): Promise<SyncResult | undefined> {
  return new SyncOperation(plan, client, options).dryRunOnly();
}
