/** One task's state during an operation, and its entry in the result document. */
import { formatLocation } from '../diagnostics.js';
import { taskIdentity, type SyncTask } from '../plan/sync-task.js';
import type { TaskAction, TaskResult, TaskStatus } from './sync-result.js';

export type RunState = 'NotStarted' | 'Running' | TaskStatus;

export class TaskRun {
  state: RunState = 'NotStarted';
  action: TaskAction = 'apply';
  message = '';
  reason?: string;
  startedAt?: Date;
  finishedAt?: Date;
  uid?: string;
  deleted = false;
  logs?: string[];
  events?: string[];
  /** Order in which tasks were started, for the result document. */
  startIndex = -1;

  constructor(readonly task: SyncTask) {}

  get running(): boolean {
    return this.state === 'Running';
  }

  get done(): boolean {
    return this.state !== 'NotStarted' && this.state !== 'Running';
  }

  /** `PreSync hook Job/migrate-…` or `Deployment shop/web`, as messages name a task. */
  describe(): string {
    const t = this.task;
    const where = t.namespace ? `${t.namespace}/${t.name}` : t.name;
    return t.hook ? `${t.phase} hook ${t.kind}/${t.name}` : `${t.kind} ${where}`;
  }

  finish(state: TaskStatus, message: string, reason?: string): void {
    if (this.done) return;
    this.state = state;
    this.message = message;
    if (reason) this.reason = reason;
    this.finishedAt = new Date();
  }

  toResult(): TaskResult {
    const t = this.task;
    return {
      ...taskIdentity(t),
      action: this.action,
      status: this.state === 'NotStarted' ? 'Pending' : this.state === 'Running' ? 'Pending' : this.state,
      message: this.message,
      startedAt: this.startedAt?.toISOString() ?? null,
      finishedAt: this.finishedAt?.toISOString() ?? null,
      deleted: this.deleted,
      source: formatLocation(t.source),
      ...(this.reason ? { reason: this.reason } : {}),
      ...(this.logs?.length ? { logs: this.logs } : {}),
      ...(this.events?.length ? { events: this.events } : {}),
    };
  }
}
