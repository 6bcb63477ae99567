/** The result document (`--json FILE`, the action's `result` output): a contract, keep its fields. */
import type { TaskIdentity } from '../plan/sync-task.js';
import type { AppUrl } from './app-urls.js';

export type OperationStatus = 'Succeeded' | 'Failed' | 'Cancelled' | 'Invalid';
export type TaskStatus = 'Succeeded' | 'Failed' | 'Terminated' | 'Skipped' | 'Pending';
/**
 * What was done to the object: `none` (never written: not reached, or refused by the dry run), `create`
 * (it did not exist), `apply` (server-side or client-side apply onto an existing object), `replace`
 * (Replace=true), `recreate` (deleted and created again: Force=true), `delete`, `prune`.
 */
export type TaskAction = 'none' | 'create' | 'apply' | 'replace' | 'recreate' | 'delete' | 'prune';

export interface TaskResult extends TaskIdentity {
  action: TaskAction;
  status: TaskStatus;
  message: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** The object was removed by a hook delete policy. */
  deleted: boolean;
  /** Beyond the contract's fields: where the manifest is, and what a failure report needs. */
  source: string;
  reason?: string;
  /** Last lines of a hook's logs (its containers, prefixed with the container name when several). */
  logs?: string[];
  /** Why a hook's logs are kept out of every report (a Secret its pods use could not be read to mask it). */
  logsWithheld?: string;
  /**
   * Why `logs` are not all the hook wrote, when they are not: a stream that could not be resumed, a pod
   * deleted before its log was read. Absent when its logs were read in full.
   */
  logsIncomplete?: string;
  /** Events about a failed hook or resource and its pods: `Warning BackOff: message`. */
  events?: string[];
}

export interface SyncResult {
  status: OperationStatus;
  message: string;
  revision: string;
  startedAt: string;
  finishedAt: string;
  /** In the order they were started; tasks never started follow, in plan order. */
  tasks: TaskResult[];
  /** What the `images` overrides changed: each container's image before and after. */
  images?: { object: string; container: string; from: string; to: string }[];
  /** After a successful sync: the addresses of the app's Ingresses and LoadBalancer Services. */
  urls?: AppUrl[];
  /** The application's operation before this one, from its inventory (absent for a first run). */
  previous?: {
    operation: string;
    status: string;
    revision: string;
    startedAt: string;
    by: string;
    message: string;
  };
}
