/** One task's state during an operation, its transitions, and its entry in the result document. */
import { formatLocation } from '../diagnostics.js';
import { taskIdentity, type SyncTask } from '../plan/sync-task.js';
import type { TaskAction, TaskResult, TaskStatus } from './sync-result.js';

export type RunState = 'NotStarted' | 'Running' | TaskStatus;

/** What the API server answered to this task's own write: nothing older than it may judge the task. */
export interface AppliedVersion {
  uid: string;
  resourceVersion: string;
  generation: number;
  /** When the write's response was recorded (for API servers whose resourceVersions are not integers). */
  arrival?: number;
}

export class TaskRun {
  private _state: RunState = 'NotStarted';
  private _action: TaskAction = 'none';
  message = '';
  reason?: string;
  startedAt?: Date;
  finishedAt?: Date;
  /** Set once the object exists with this task's content. */
  applied?: AppliedVersion;
  deleted = false;
  logs?: string[];
  /** Why the logs are not in the result, when they are kept out. */
  logsWithheld?: string;
  /** Why the logs are not all the hook wrote, when some could not be read. */
  logsIncomplete?: string;
  events?: string[];
  /** Order in which tasks were started, for the result document. */
  startIndex = -1;

  constructor(readonly task: SyncTask) {}

  get state(): RunState {
    return this._state;
  }

  get action(): TaskAction {
    return this._action;
  }

  get uid(): string | undefined {
    return this.applied?.uid;
  }

  get running(): boolean {
    return this._state === 'Running';
  }

  get done(): boolean {
    return this._state !== 'NotStarted' && this._state !== 'Running';
  }

  /** `PreSync hook Job/migrate-…` or `Deployment shop/web`, as messages name a task. */
  describe(): string {
    const t = this.task;
    const where = t.namespace ? `${t.namespace}/${t.name}` : t.name;
    return t.hook ? `${t.phase} hook ${t.kind}/${t.name}` : `${t.kind} ${where}`;
  }

  /** The engine takes it up; `action` is what it is about to do, so a failed create says so. */
  start(index: number, action: TaskAction): void {
    this._state = 'Running';
    this._action = action;
    this.startedAt = new Date();
    this.startIndex = index;
    this.message = 'applying';
  }

  /** What the engine is about to do changed (the old object turned out to need deleting first). */
  retarget(action: TaskAction): void {
    this._action = action;
  }

  /** The write went through; from now on the task waits for what it wrote to be judged. */
  wrote(action: TaskAction, version: AppliedVersion): void {
    this._action = action;
    this.applied = version;
    this.message = PAST_TENSE[action];
  }

  finish(state: TaskStatus, message: string, reason?: string): void {
    if (this.done) return;
    this._state = state;
    this.message = message;
    if (reason) this.reason = reason;
    this.finishedAt = new Date();
  }

  toResult(): TaskResult {
    const t = this.task;
    return {
      ...taskIdentity(t),
      action: this._action,
      status: this._state === 'NotStarted' || this._state === 'Running' ? 'Pending' : this._state,
      message: this.message,
      startedAt: this.startedAt?.toISOString() ?? null,
      finishedAt: this.finishedAt?.toISOString() ?? null,
      deleted: this.deleted,
      source: formatLocation(t.source),
      ...(this.reason ? { reason: this.reason } : {}),
      ...(this.logs?.length && !this.logsWithheld ? { logs: this.logs } : {}),
      ...(this.logsWithheld ? { logsWithheld: this.logsWithheld } : {}),
      ...(this.logsIncomplete && !this.logsWithheld ? { logsIncomplete: this.logsIncomplete } : {}),
      ...(this.events?.length ? { events: this.events } : {}),
    };
  }
}

export const PAST_TENSE: Record<TaskAction, string> = {
  none: 'not applied',
  create: 'created',
  apply: 'applied',
  replace: 'replaced',
  recreate: 're-created',
  delete: 'deleted',
  prune: 'pruned',
};
