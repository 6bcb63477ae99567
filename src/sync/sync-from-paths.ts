/**
 * A sync from manifests on disk to a cluster: the one path both faces (the action and `hook-sync sync`)
 * take, so they cannot drift. In this order, because every value to mask must be known before anything
 * that could hold it is printed: the kubeconfig's credentials, then the manifests (their Secrets), then the
 * cluster, then the sync (which reports the Secrets its hooks read as it learns them).
 */
import { ClusterClient } from '../cluster/cluster-client.js';
import {
  KubeconfigError,
  kubeconfigSecrets,
  loadKubeconfigSource,
  type KubeconfigSource,
} from '../cluster/kubeconfig.js';
import { InvalidInputError, formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { ImageOverrideInput } from '../manifests/image-overrides.js';
import { loadPlan } from '../plan/load-plan.js';
import type { Plan } from '../plan/sync-task.js';
import { cancelOnSignals } from './cancel-on-signals.js';
import type { Redactor } from './redactor.js';
import type { Operation } from '../hooks/phase.js';
import { runAppOperation } from '../lifecycle/app-operation.js';
import type { NamespaceRequest } from '../lifecycle/app-namespace.js';
import type { AppOrigin } from '../lifecycle/inventory.js';
import type { SyncObserver } from './sync-operation.js';
import type { SyncResult } from './sync-result.js';

export interface SyncRequest {
  operation: Operation;
  /** The application: its inventory, lock and history are keyed on it. */
  app: string;
  /** Who runs it, for the history: a workflow run's address, or user@host. */
  by: string;
  /** Sync: delete what left the manifests (otherwise reported as would-be-pruned). */
  prune: boolean;
  /** false: skip the application's lock. */
  lock?: boolean;
  lockTtlSeconds?: number;
  /** Sync: create the namespace when missing (`create-namespace`), with these labels and annotations. */
  createNamespace?: NamespaceRequest;
  /** Where the run comes from (a preview's pull request), kept with the app's inventory. */
  origin?: AppOrigin;
  paths: readonly string[];
  cwd: string;
  /** May refuse files (the action: outside the workspace). */
  checkFiles?: (files: readonly string[]) => void;
  /** Image substitutions (`--image`, the action's `images`). */
  images?: readonly ImageOverrideInput[];
  namespace: string;
  revision: string;
  startedAt: Date;
  /** Where the kubeconfig is; a client instead for an in-process cluster (the demo, tests). */
  cluster: { kubeconfig: () => KubeconfigSource; context?: string } | { client: ClusterClient };
  timeoutMs: number;
  wait: boolean;
  /** SIGINT/SIGTERM cancel the sync (no SyncFail, running hooks deleted). */
  signals: NodeJS.EventEmitter;
  onCancelling?: () => void;
  observer?: SyncObserver;
  /** The face's redactor: it learns every value to mask, as soon as it is known. */
  redactor: Redactor;
  /** Each value to mask, as soon as it is known (the action: core.setSecret). */
  onSecret?: (value: string) => void;
  /** Everything is loaded and the sync is about to start: the face prints warnings and a header. */
  onStart?: (plan: Plan, target: { server: string; context: string; origin: string }) => void;
}

export type SyncOutcome =
  | { kind: 'invalid-manifests'; diagnostics: Diagnostic[]; result: SyncResult }
  | { kind: 'invalid-kubeconfig'; message: string; result: SyncResult }
  | { kind: 'synced'; plan: Plan; result: SyncResult };

export function invalidResult(message: string, revision: string, startedAt: Date): SyncResult {
  return {
    status: 'Invalid',
    message,
    revision,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    tasks: [],
  };
}

function kubeconfigRefused(err: unknown, revision: string, startedAt: Date): SyncOutcome {
  if (!(err instanceof KubeconfigError)) throw err;
  return {
    kind: 'invalid-kubeconfig',
    message: err.message,
    result: invalidResult(err.message, revision, startedAt),
  };
}

export async function syncFromPaths(request: SyncRequest): Promise<SyncOutcome> {
  const { redactor, revision, startedAt } = request;
  const mask = (values: Iterable<string>) => {
    for (const v of values) {
      redactor.add(v);
      request.onSecret?.(v);
    }
  };

  let source: KubeconfigSource | undefined;
  try {
    if ('kubeconfig' in request.cluster) {
      source = request.cluster.kubeconfig();
      mask(kubeconfigSecrets(source.text));
    }
  } catch (err) {
    return kubeconfigRefused(err, revision, startedAt);
  }

  let plan: Plan;
  try {
    plan = await loadPlan(request.paths, {
      cwd: request.cwd,
      checkFiles: request.checkFiles,
      images: request.images,
      operation: request.operation,
      namespace: request.namespace,
      revision,
      startedAt: Math.floor(startedAt.getTime() / 1000),
    });
  } catch (err) {
    if (!(err instanceof InvalidInputError)) throw err;
    const errors = err.diagnostics.filter((d) => d.severity === 'error');
    return {
      kind: 'invalid-manifests',
      diagnostics: err.diagnostics,
      result: invalidResult(
        `${errors.length} error${errors.length === 1 ? '' : 's'} in the manifests; nothing was applied:\n${errors.map(formatDiagnostic).join('\n')}`,
        revision,
        startedAt,
      ),
    };
  }
  const before = new Set(redactor.values);
  redactor.addSecretsOf(plan);
  mask(redactor.values.filter((v) => !before.has(v)));

  let client: ClusterClient;
  let target: { server: string; context: string; origin: string };
  if ('client' in request.cluster) {
    client = request.cluster.client;
    target = { server: client.server, context: '', origin: 'an in-process cluster' };
  } else {
    try {
      const loaded = loadKubeconfigSource(source!, request.cluster.context);
      client = new ClusterClient(loaded.kc);
      target = { server: loaded.server, context: loaded.context, origin: source!.origin };
    } catch (err) {
      return kubeconfigRefused(err, revision, startedAt);
    }
  }
  request.onStart?.(plan, target);

  const controller = new AbortController();
  const release = cancelOnSignals(request.signals, controller, request.onCancelling);
  try {
    const result = await runAppOperation(plan, client, {
      app: request.app,
      by: request.by,
      prune: request.prune,
      lock: request.lock,
      lockTtlSeconds: request.lockTtlSeconds,
      namespace: request.createNamespace,
      origin: request.origin,
      timeoutMs: request.timeoutMs,
      wait: request.wait,
      signal: controller.signal,
      observer: request.observer,
      secrets: redactor.values,
      onSecret: (v) => mask([v]),
    });
    if (plan.images?.length)
      result.images = plan.images.map((i) => ({
        object: `${i.object.kind} ${i.object.namespace ? `${i.object.namespace}/` : ''}${i.object.name}`,
        container: i.container,
        from: i.from,
        to: i.to,
      }));
    return { kind: 'synced', plan, result };
  } finally {
    release();
  }
}
