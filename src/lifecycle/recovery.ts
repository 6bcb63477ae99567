/**
 * After a killed run (contract §6): its hooks may still be running. Every hook carries labels naming its
 * app, revision, phase, operation and hook; a new run of the app looks for running ones first. One of the
 * same revision is adopted — awaited instead of started again, so a migration never runs twice at once;
 * one of another revision is terminated (deleted, and its disappearance awaited) before anything starts.
 */
import type { ClusterClient, Json, ResourceInfo } from '../cluster/cluster-client.js';
import { ObjectWatcher } from '../cluster/object-watcher.js';
import { hookOutcome } from '../health/hook-outcome.js';
import { taskRef, type Plan, type SyncTask } from '../plan/sync-task.js';
import { appLabelValue } from './app-names.js';

export const HOOK_LABELS = {
  app: 'hook-sync.io/app',
  /** Two instances of one app (a preview per PR) differ by namespace: both keys find a hook. */
  appNamespace: 'hook-sync.io/app-namespace',
  revision: 'hook-sync.io/revision',
  phase: 'hook-sync.io/phase',
  operation: 'hook-sync.io/operation',
  hook: 'hook-sync.io/hook',
} as const;

function revisionLabel(revision: string): string {
  return appLabelValue(revision.slice(0, 40));
}

/** Which app an object belongs to: prune and delete never remove one another app applied since. */
export const TRACKING_ANNOTATION = 'hook-sync.io/tracking';

export function trackingId(app: string, namespace: string): string {
  return `${namespace}/${app}`;
}

/**
 * The plan with every object marked as the app's (on a copy): resources carry the tracking annotation,
 * hooks the labels a later run needs to find them.
 */
export function markOwnership(plan: Plan, app: string): Plan {
  const tasks = plan.tasks.map((t): SyncTask => {
    // Only the metadata changes: a copy of it, not of the whole object (for thousands of objects a deep
    // copy per run was tens of megabytes).
    const meta = { ...((t.object.metadata ?? {}) as Json) };
    const object = { ...t.object, metadata: meta };
    if (!t.hook) {
      meta.annotations = {
        ...((meta.annotations as Json | undefined) ?? {}),
        [TRACKING_ANNOTATION]: trackingId(app, plan.namespace),
      };
      return { ...t, object };
    }
    meta.labels = {
      ...((meta.labels as Json | undefined) ?? {}),
      [HOOK_LABELS.app]: appLabelValue(app),
      [HOOK_LABELS.appNamespace]: appLabelValue(plan.namespace),
      [HOOK_LABELS.revision]: revisionLabel(plan.revision),
      [HOOK_LABELS.phase]: t.phase,
      [HOOK_LABELS.operation]: plan.operation,
      [HOOK_LABELS.hook]: appLabelValue(t.hookIdentity ?? t.name),
    };
    return { ...t, object };
  });
  return { ...plan, tasks };
}

export interface Recovery {
  plan: Plan;
  /** Tasks (by taskRef) whose running object is adopted: awaited, never deleted first. */
  adopted: Set<string>;
}

function labels(obj: Json): Record<string, string> {
  return ((obj.metadata as Json | undefined)?.labels ?? {}) as Record<string, string>;
}

function running(obj: Json): boolean {
  return !(obj.metadata as Json).deletionTimestamp && hookOutcome(obj).state === 'Running';
}

/** Finds the app's hooks a killed run left running; adopts or terminates them. */
export async function recoverHooks(
  client: ClusterClient,
  plan: Plan,
  app: string,
  say: (message: string) => void,
  timeoutMs: number,
): Promise<Recovery> {
  const adopted = new Set<string>();
  const renamed = new Map<SyncTask, string>();
  const kinds = new Map<string, { info: ResourceInfo; namespaces: Set<string> }>();
  // The plan's hook kinds, and Jobs and Pods in the app's namespace (a hook that has left the manifests).
  const where = [
    ...plan.tasks
      .filter((x) => x.hook)
      .map((t) => ({ apiVersion: t.apiVersion, kind: t.kind, namespace: t.namespace })),
    { apiVersion: 'batch/v1', kind: 'Job', namespace: plan.namespace },
    { apiVersion: 'v1', kind: 'Pod', namespace: plan.namespace },
  ];
  await client.discover(where.map((t) => t.apiVersion));
  for (const t of where) {
    const info = await client.resourceFor(t.apiVersion, t.kind);
    if (!info) continue;
    const key = `${info.group}/${info.kind}`;
    const entry = kinds.get(key) ?? { info, namespaces: new Set<string>() };
    entry.namespaces.add(t.namespace);
    kinds.set(key, entry);
  }
  // Every list at once; what they found is then acted on one object at a time, in a fixed order.
  const selector = `${HOOK_LABELS.app}=${appLabelValue(app)},${HOOK_LABELS.appNamespace}=${appLabelValue(plan.namespace)}`;
  const listed = await Promise.all(
    [...kinds.values()].flatMap(({ info, namespaces }) =>
      [...namespaces].map(async (ns) => ({
        info,
        ns,
        items: (await client.list(info, ns || undefined, { labelSelector: selector })).items,
      })),
    ),
  );
  for (const { info, ns, items } of listed) {
    for (const obj of items.filter(running)) {
      const l = labels(obj);
      const name = String((obj.metadata as Json).name);
      const task = plan.tasks.find(
        (t) =>
          t.hook &&
          t.kind === info.kind &&
          t.namespace === ns &&
          t.phase === l[HOOK_LABELS.phase] &&
          appLabelValue(t.hookIdentity ?? t.name) === l[HOOK_LABELS.hook],
      );
      if (task && l[HOOK_LABELS.revision] === revisionLabel(plan.revision) && !renamed.has(task)) {
        say(
          `${task.phase} hook ${info.kind}/${name} is still running from an earlier run of this revision: awaiting it instead of starting another`,
        );
        renamed.set(task, name);
        continue;
      }
      say(
        `terminating ${info.kind}/${name}, left running by an earlier run of revision ${l[HOOK_LABELS.revision] ?? '(unknown)'}, before this run starts`,
      );
      await deleteAndWait(client, info, ns, name, String((obj.metadata as Json).uid), timeoutMs);
    }
  }
  const tasks = plan.tasks.map((t) => {
    const name = renamed.get(t);
    if (!name) return t;
    const object = structuredClone(t.object);
    (object.metadata as Json).name = name;
    const adoptedTask = { ...t, name, object };
    adopted.add(taskRef(adoptedTask));
    return adoptedTask;
  });
  return { plan: { ...plan, tasks }, adopted };
}

/** Deletes (Foreground) and waits on a watch until that object is gone, at most `timeoutMs`. */
async function deleteAndWait(
  client: ClusterClient,
  info: ResourceInfo,
  namespace: string,
  name: string,
  uid: string,
  timeoutMs: number,
): Promise<void> {
  const watcher = new ObjectWatcher(client);
  try {
    let gone = false;
    let wake = () => {};
    watcher.onChange((c) => {
      if (c.type === 'DELETED' && String((c.object.metadata as Json).uid) === uid) {
        gone = true;
        wake();
      }
    });
    await watcher.watch(info, namespace || undefined);
    const ref = {
      apiVersion: info.group ? `${info.group}/${info.version}` : info.version,
      kind: info.kind,
      namespace: namespace || undefined,
      name,
    };
    if (!(await client.delete(ref, { propagationPolicy: 'Foreground', uid }))) return;
    if (!watcher.get(info.group, info.kind, namespace || undefined, name)) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, timeoutMs));
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
      if (gone) wake();
    });
    if (!gone)
      throw new Error(
        `${info.kind} ${name}, left running by an earlier run, was not gone in time after its deletion`,
      );
  } finally {
    watcher.close();
  }
}
