/**
 * A hook's life around its run (contract §4): what must be gone before it is created, whose Secrets must
 * be masked before its logs are read, what is recorded when it ends, and when it is deleted. A hook runs
 * once per phase, always: it is never created onto an object that is being deleted, and a named hook of
 * several phases (`PreSync,PostSync`) gets a fresh object in each.
 */
import type { ClusterClient, Json } from '../cluster/cluster-client.js';
import { withCleanupLimits } from '../cluster/retry-policy.js';
import { taskRef, type SyncTask } from '../plan/sync-task.js';
import { podsRan, type HookLogFollower } from './hook-logs.js';
import type { HookSecrets } from './hook-secrets.js';
import type { ObservedState } from './observed-state.js';
import { OK, type StepOutcome } from './outcome.js';
import { refOf, type DeleteAndAwait } from './task-applier.js';
import type { TaskRun } from './task-run.js';

/** What the lifecycle tells the operation. */
export interface LifecycleEvents {
  complete(
    run: TaskRun,
    state: 'Succeeded' | 'Failed' | 'Terminated',
    message: string,
    reason?: string,
  ): void;
  say(message: string): void;
  /** Something changed that no watch reports (a hook's logs settled): re-judge now. */
  poke(): void;
}

type HookEnd = 'Succeeded' | 'Failed';

/** How long deleting a hook being terminated is retried: a few seconds, so a cancel still ends quickly. */
export const TERMINATE_RETRY_MS = 5000;

export class HookLifecycle {
  /** The run that last wrote each object (`group/Kind/ns/name`) in this operation. */
  private readonly written = new Map<string, TaskRun>();
  /** Deletions under way, by the uid of the object deleted. */
  private readonly deleting = new Map<string, Promise<void>>();
  private readonly finishing = new Set<TaskRun>();
  /** Hooks being created without a read of their name first (`beforeCreate`, `metUnseen`). */
  private readonly unread = new Set<TaskRun>();
  /** Hooks that succeeded, until their logs are recorded (and their delete policy applied). */
  private readonly recording = new Map<TaskRun, Promise<void>>();

  constructor(
    private readonly client: ClusterClient,
    private readonly observed: ObservedState,
    private readonly logs: HookLogFollower,
    private readonly secrets: HookSecrets,
    private readonly deleteAndAwait: DeleteAndAwait,
    private readonly events: LifecycleEvents,
    /** Hooks (by taskRef) whose running object an earlier, killed run left: awaited, never replaced. */
    private readonly adopted: ReadonlySet<string> = new Set(),
  ) {}

  /** The dry run judges a hook as a fresh create when its current object will be gone by then. */
  willReplace(t: SyncTask, live: Json | undefined, laterPhase: boolean): boolean {
    if (!live || this.adopted.has(taskRef(t))) return false;
    const terminating = !!(live.metadata as Json | undefined)?.deletionTimestamp;
    return laterPhase || terminating || t.deletePolicies.includes('BeforeHookCreation');
  }

  /**
   * Before a hook is created: the object this operation wrote under its name in an earlier phase, one being
   * deleted, and (BeforeHookCreation) any existing one are deleted and their disappearance awaited. Then the
   * Secrets its pods can read are masked.
   */
  async beforeCreate(run: TaskRun, deadline: number): Promise<StepOutcome> {
    const t = run.task;
    const earlier = this.written.get(taskRef(t));
    if (earlier?.uid && !this.observed.gone(earlier.uid)) {
      await this.recording.get(earlier);
      await this.deleting.get(earlier.uid);
      const gone = await this.remove(earlier.uid, t, deadline, 'ran in an earlier phase of this sync');
      if (!gone.ok) return gone;
    }
    this.unread.delete(run);
    // The watch of the hook's kind shows no object of that name (the common case: the last one was deleted
    // by its policy): the create goes ahead without a read, one round trip less per wave. The write's
    // answer says whether it met an object after all; `metUnseen` then does what this read would have.
    // Only for a plain server-side apply: Replace and Force write in ways of their own (a read, a delete
    // and a create) whose answer does not say "met an object".
    const { replace, force, serverSideApply } = t.syncOptions;
    const unread =
      serverSideApply &&
      !replace &&
      !force &&
      !this.observed.current(t.group, t.kind, t.namespace || undefined, t.name);
    if (this.adopted.has(taskRef(t))) {
      // Awaited as it is: nothing to clear.
    } else if (unread) this.unread.add(run);
    else {
      const { outcome } = await this.clearName(t, await this.client.get(refOf(t)), deadline);
      if (!outcome.ok) return outcome;
    }
    run.logsWithheld = await this.secrets.prepare(t);
    if (run.logsWithheld) this.events.say(`${run.describe()}: ${run.logsWithheld}`);
    return OK;
  }

  /**
   * A hook's write met an object the watch had not shown (`met`: the object the apply landed on, or none
   * when the server refused the write). What the read before the write would have done is done now: one
   * being deleted, or any under BeforeHookCreation, is deleted and awaited, and `again` says to write the
   * hook anew. Without that policy an apply onto the existing object stands, as it would have.
   */
  async metUnseen(
    run: TaskRun,
    met: Json | undefined,
    deadline: number,
  ): Promise<{ outcome: StepOutcome; again: boolean }> {
    const t = run.task;
    const live = met ?? (await this.client.get(refOf(t)));
    // Refused, and nothing there now: the write is tried again.
    if (!live) return { outcome: OK, again: !met };
    const { outcome, kept } = await this.clearName(t, live, deadline);
    return { outcome, again: outcome.ok && !kept };
  }

  /** The hook is to be written without a read of its name first (the watch showed none). Asked once. */
  takeUnread(run: TaskRun): boolean {
    return this.unread.delete(run);
  }

  /**
   * The live object under a hook's name goes (deleted, and awaited) when it is being deleted or the hook
   * says BeforeHookCreation; otherwise it is `kept`, and the hook's apply lands on it.
   */
  private async clearName(
    t: SyncTask,
    live: Json | undefined,
    deadline: number,
  ): Promise<{ outcome: StepOutcome; kept: boolean }> {
    if (!live) return { outcome: OK, kept: false };
    const meta = live.metadata as Json;
    const why = meta.deletionTimestamp
      ? 'being deleted'
      : t.deletePolicies.includes('BeforeHookCreation')
        ? 'BeforeHookCreation'
        : undefined;
    if (!why) return { outcome: OK, kept: true };
    return { outcome: await this.remove(String(meta.uid), t, deadline, why), kept: false };
  }

  private remove(uid: string, t: SyncTask, deadline: number, why: string): Promise<StepOutcome> {
    this.events.say(`deleting the previous ${t.kind}/${t.name} (${why}) and waiting until it is gone`);
    return this.deleteAndAwait(refOf(t), uid, deadline);
  }

  /** The hook's object exists: follow its logs. */
  created(run: TaskRun): void {
    this.written.set(taskRef(run.task), run);
    this.logs.track(run.uid!, run.task.name, run.logsWithheld);
  }

  isFinishing(run: TaskRun): boolean {
    return this.finishing.has(run);
  }

  /**
   * The hook reached its end: its logs drain (bounded) and are recorded before any delete. A failed hook's
   * verdict waits for them too (its last log line is part of the message); a hook that succeeded is judged
   * by its object at once, so the next wave does not wait for the log's last read. Its logs are in the
   * result all the same: `settle` waits for them.
   */
  finish(run: TaskRun, state: HookEnd, message: string, reason?: string): void {
    this.finishing.add(run);
    const obj = run.applied ? this.observed.latest(run.applied) : undefined;
    const recorded = this.logs.settle(run.uid ?? '', podsRan(obj)).then(() => {
      this.finishing.delete(run);
      this.recording.delete(run);
      this.record(run, state, message, reason);
      this.applyDeletePolicy(run, state);
      this.events.poke();
    });
    if (state !== 'Succeeded') return;
    this.recording.set(run, recorded);
    this.finishing.delete(run);
    this.events.complete(run, 'Succeeded', message);
  }

  private record(run: TaskRun, state: HookEnd, message: string, reason?: string): void {
    const obj = run.applied ? this.observed.latest(run.applied) : undefined;
    run.logs = this.logs.tail(run.uid ?? '');
    if (!run.logsWithheld && this.logs.withheld(run.uid ?? '')) {
      run.logsWithheld = this.logs.withheld(run.uid ?? '');
      this.events.say(`${run.describe()}: ${run.logsWithheld}`);
    }
    this.noteIncompleteLogs(run, obj);
    // A pod's termination message may be its last log lines (FallbackToLogsOnError): withheld with them.
    // A Job's message is its controller's, never the pod's.
    if (run.logsWithheld && state === 'Failed' && run.task.kind !== 'Job')
      message = `the hook failed${reason ? ` (${reason})` : ''}; its message is withheld with its logs`;
    if (state === 'Succeeded') {
      this.events.complete(run, 'Succeeded', message);
      return;
    }
    if (obj) run.events = this.observed.eventsFor(obj);
    const last = run.logsWithheld ? undefined : run.logs.at(-1);
    this.events.complete(
      run,
      'Failed',
      last && !message.includes(last) ? `${message}; last log line: ${last}` : message,
      reason,
    );
  }

  /** Logs that could not be read in full are said to be incomplete, in the live log and the result. */
  private noteIncompleteLogs(run: TaskRun, obj: Json | undefined): void {
    run.logsIncomplete = this.logs.incomplete(run.uid ?? '', podsRan(obj));
    if (run.logsIncomplete) this.events.say(`${run.describe()}: logs incomplete: ${run.logsIncomplete}`);
  }

  /** HookSucceeded / HookFailed, keyed on this hook's own outcome (the contract; Argo CD keys on the sync's). */
  private applyDeletePolicy(run: TaskRun, state: HookEnd): void {
    const policy = state === 'Succeeded' ? 'HookSucceeded' : 'HookFailed';
    const uid = run.uid;
    if (!run.task.deletePolicies.includes(policy) || !uid) return;
    const work = this.client
      .delete(refOf(run.task), { propagationPolicy: 'Foreground', uid })
      .then(() => {
        run.deleted = true;
        this.events.say(`deleted ${run.task.kind}/${run.task.name} (${policy})`);
      })
      .catch((err: unknown) =>
        this.events.say(`could not delete ${run.describe()} (${policy}): ${(err as Error).message}`),
      )
      .finally(() => this.deleting.delete(uid));
    this.deleting.set(uid, work);
  }

  /** Deletes a running hook (timeout, cancellation) and marks it Terminated. */
  async terminate(run: TaskRun, message: string, reason: string): Promise<void> {
    if (run.done) return;
    run.logs = this.logs.tail(run.uid ?? '');
    this.events.complete(run, 'Terminated', message, reason);
    try {
      // Its own retry scope: under the operation's, a cancel or a passed deadline would forbid retrying,
      // and one 503 would leave the hook running while the task says Terminated.
      await withCleanupLimits(TERMINATE_RETRY_MS, () =>
        this.client.delete(refOf(run.task), { propagationPolicy: 'Foreground', uid: run.uid }),
      );
      run.deleted = true;
    } catch (err) {
      this.events.say(`could not delete ${run.describe()}: ${(err as Error).message}`);
    }
    this.events.poke();
  }

  /**
   * Logs still being recorded and delete policies in flight finish first (bounded), so the result has
   * every hook's logs, and `deleted` is true when it happened.
   */
  async settle(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      (async () => {
        await Promise.all([...this.recording.values()]);
        await Promise.all([...this.deleting.values()]);
      })(),
      new Promise((r) => (timer = setTimeout(r, timeoutMs))),
    ]);
    if (timer) clearTimeout(timer);
  }
}
