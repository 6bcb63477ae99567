/**
 * The order a sync runs in (contract §2): phase, wave, kind install order, name. Then a Namespace or CRD
 * written in a later wave than something that needs it is moved just before its first dependent and takes
 * that dependent's phase and wave, so nothing is created into a namespace or kind that does not exist yet.
 */
import { isRecord } from '../manifests/kube-object.js';
import { phaseOrder } from '../hooks/phase.js';
import { kindRank } from './kind-order.js';
import type { SyncTask } from './sync-task.js';

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareTasks(a: SyncTask, b: SyncTask): number {
  return (
    phaseOrder(a.phase) - phaseOrder(b.phase) ||
    a.wave - b.wave ||
    kindRank(a.kind) - kindRank(b.kind) ||
    compareStrings(a.name, b.name) ||
    // Argo CD's order is undefined past the name; ours is not, so plans are reproducible.
    compareStrings(a.namespace, b.namespace) ||
    compareStrings(a.group, b.group)
  );
}

type DependsOn = (provider: SyncTask, task: SyncTask) => boolean;

function isNamespace(task: SyncTask): boolean {
  return task.group === '' && task.kind === 'Namespace';
}

const livesInNamespace: DependsOn = (ns, task) => task.namespace !== '' && task.namespace === ns.name;

function isCrd(task: SyncTask): boolean {
  return task.group === 'apiextensions.k8s.io' && task.kind === 'CustomResourceDefinition';
}

const isInstanceOfCrd: DependsOn = (crd, task) => {
  const spec = crd.object.spec;
  if (!isRecord(spec) || !isRecord(spec.names)) return false;
  return task.group === spec.group && task.kind === spec.names.kind;
};

function moveProvidersFirst(
  tasks: SyncTask[],
  isProvider: (t: SyncTask) => boolean,
  dependsOn: DependsOn,
): void {
  for (const provider of tasks.filter(isProvider)) {
    const at = tasks.indexOf(provider);
    const first = tasks.findIndex((t) => t !== provider && dependsOn(provider, t));
    if (first < 0 || first > at) continue;
    const dependent = tasks[first]!;
    tasks.splice(at, 1);
    tasks.splice(first, 0, provider);
    if (provider.phase !== dependent.phase || provider.wave !== dependent.wave) {
      provider.movedFrom ??= { phase: provider.phase, wave: provider.wave };
      provider.phase = dependent.phase;
      provider.wave = dependent.wave;
    }
  }
}

/** Returns a new array in execution order; tasks moved ahead of their dependents are updated in place. */
export function orderTasks(tasks: readonly SyncTask[]): SyncTask[] {
  const ordered = [...tasks].sort(compareTasks);
  moveProvidersFirst(ordered, isNamespace, livesInNamespace);
  moveProvidersFirst(ordered, isCrd, isInstanceOfCrd);
  return ordered;
}
