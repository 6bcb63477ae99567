/**
 * The `scale` subresource of Deployments, ReplicaSets and StatefulSets: an autoscaling/v1 Scale read from
 * and written to the object's spec.replicas (what `kubectl scale` and autoscalers use). Writes are
 * patches or replacements of the Scale, checked as the API server checks a Scale, then applied to the
 * object with the caller's field manager.
 */
import type { ClusterApi, WriteOptions } from '../cluster-api.js';
import type { Obj } from '../object-store.js';
import { applyJsonPatch } from '../patch/json-patch.js';
import { applyMergePatch } from '../patch/json-merge-patch.js';
import type { ResourceType } from '../resource-types.js';
import { checkAgainstSchema } from '../schema/body-checks.js';
import { formatLabelSelector } from '../selectors-text.js';
import { conflict, invalid, methodNotAllowed, unsupportedMediaType } from './status-errors.js';
import { cloneJson } from '../clone.js';

type Rec = Record<string, unknown>;

const SCALE_TYPE: ResourceType = {
  group: 'autoscaling',
  version: 'v1',
  kind: 'Scale',
  plural: 'scale',
  singular: '',
  namespaced: true,
  shortNames: [],
  categories: [],
  statusSubresource: false,
  generation: false,
  strategicMerge: true,
};

export function hasScaleSubresource(type: ResourceType): boolean {
  return (
    type.group === 'apps' && ['Deployment', 'ReplicaSet', 'StatefulSet'].includes(type.kind) && !type.fromCrd
  );
}

export function scaleOf(obj: Obj): Obj {
  const spec = (obj.spec ?? {}) as Rec;
  const status = (obj.status ?? {}) as Rec;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      creationTimestamp: obj.metadata.creationTimestamp,
    },
    spec: { replicas: Number(spec.replicas ?? 1) },
    status: {
      replicas: Number(status.replicas ?? 0),
      selector: formatLabelSelector(spec.selector),
    },
  } as Obj;
}

export interface ScaleRequest {
  method: string;
  type: ResourceType;
  namespace: string | undefined;
  name: string;
  contentType: string;
  body: unknown;
  options: WriteOptions;
}

/** GET, PUT or PATCH of `<object>/scale`; answers the resulting Scale. */
export function serveScale(api: ClusterApi, request: ScaleRequest): Obj {
  const { type, namespace, name, options } = request;
  const current = scaleOf(api.get(type, namespace, name));
  if (request.method === 'GET') return current;
  let wanted: Obj;
  if (request.method === 'PUT') {
    wanted = cloneJson(request.body) as Obj;
    checkAgainstSchema(SCALE_TYPE, wanted, { via: 'body' }, options);
    const rv = (wanted?.metadata as Rec | undefined)?.resourceVersion;
    if (rv && rv !== current.metadata.resourceVersion)
      throw conflict(
        type.plural,
        type.group,
        name,
        'the object has been modified; please apply your changes to the latest version and try again',
      );
  } else if (request.method === 'PATCH') {
    const media = request.contentType.split(';')[0]!.trim();
    if (media === 'application/json-patch+json') wanted = applyJsonPatch(current, request.body) as Obj;
    else if (media === 'application/merge-patch+json' || media === 'application/strategic-merge-patch+json')
      wanted = applyMergePatch(current, request.body) as Obj;
    else throw unsupportedMediaType(request.contentType);
    checkAgainstSchema(SCALE_TYPE, wanted, { via: 'merge-patch' }, options);
  } else throw methodNotAllowed();
  const replicas = (wanted.spec as Rec | undefined)?.replicas;
  if (typeof replicas === 'number' && replicas < 0) {
    throw invalid('Scale', 'autoscaling', name, [
      {
        reason: 'FieldValueInvalid',
        field: 'spec.replicas',
        message: `Invalid value: ${replicas}: must be greater than or equal to 0`,
      },
    ]);
  }
  if (typeof replicas !== 'number') return current;
  const updated = api.patch(
    type,
    namespace,
    name,
    'application/merge-patch+json',
    { spec: { replicas } },
    { ...options, fieldValidation: 'Ignore' },
  );
  return scaleOf(updated);
}
