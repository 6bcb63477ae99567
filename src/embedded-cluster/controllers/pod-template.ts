/** Creating pods from a workload's template, as every workload controller does. */
import type { Obj } from '../object-store.js';
import type { ControllerContext } from './controller.js';
import { ownerReference } from './controller.js';
import { cloneJson } from '../clone.js';

type Rec = Record<string, unknown>;

export function createPodFromTemplate(
  ctx: ControllerContext,
  owner: Obj,
  ownerApiVersion: string,
  ownerKind: string,
  options: {
    name?: string;
    generateName?: string;
    labels?: Record<string, string>;
    specPatch?: Rec;
    hostname?: string;
  },
): Obj | undefined {
  const api = ctx.api;
  const podType = api.registry.byKind('', 'Pod')!;
  const template = cloneJson(((owner.spec as Rec)?.template ?? {}) as Rec);
  const tmeta = (template.metadata ?? {}) as Rec;
  const spec = { ...((template.spec ?? {}) as Rec), ...(options.specPatch ?? {}) };
  if (options.hostname) spec.hostname = options.hostname;
  const body = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(options.name
        ? { name: options.name }
        : { generateName: options.generateName ?? `${owner.metadata.name}-` }),
      namespace: owner.metadata.namespace,
      labels: { ...((tmeta.labels as Record<string, string>) ?? {}), ...(options.labels ?? {}) },
      ...(tmeta.annotations ? { annotations: tmeta.annotations } : {}),
      ownerReferences: [ownerReference(owner, ownerApiVersion, ownerKind)],
    },
    spec,
  };
  try {
    const pod = api.create(podType, owner.metadata.namespace, body, {
      fieldManager: 'kube-controller-manager',
    });
    ctx.events.record(
      owner,
      'Normal',
      'SuccessfulCreate',
      `Created pod: ${pod.metadata.name}`,
      `${ownerKind.toLowerCase()}-controller`,
    );
    return pod;
  } catch (err) {
    const message = (err as Error).message;
    ctx.events.record(
      owner,
      'Warning',
      'FailedCreate',
      `Error creating: ${message}`,
      `${ownerKind.toLowerCase()}-controller`,
    );
    return undefined;
  }
}

export function podReady(pod: Obj): boolean {
  const conds = ((pod.status as Rec | undefined)?.conditions ?? []) as Rec[];
  return conds.some((c) => c.type === 'Ready' && c.status === 'True');
}

export function podPhase(pod: Obj): string {
  return String((pod.status as Rec | undefined)?.phase ?? 'Pending');
}

export function podActive(pod: Obj): boolean {
  const phase = podPhase(pod);
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}
