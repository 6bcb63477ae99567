/**
 * Server-side printing (`Accept: …;as=Table`): the columns `kubectl get` shows for each kind, computed the
 * way the real printers compute them, so a person looking at the embedded cluster sees familiar output.
 */
import { fieldAt as g } from '../../json-fields.js';
import type { Obj } from '../object-store.js';
import type { ResourceType } from '../resource-types.js';

import { WIDE_COLUMNS, type Column } from './wide-columns.js';

type Rec = Record<string, unknown>;

export function humanDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return `${m}m${s % 60 ? `${s % 60}s` : ''}`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  return `${Math.floor(h / 24)}d`;
}

const age: Column = {
  name: 'Age',
  type: 'string',
  cell: (o) => humanDuration(Date.now() - Date.parse(o.metadata.creationTimestamp)),
};
const name: Column = { name: 'Name', type: 'string', format: 'name', cell: (o) => o.metadata.name };

function podStatus(o: Obj): string {
  if (o.metadata.deletionTimestamp) return 'Terminating';
  const status = (o.status ?? {}) as Rec;
  let reason = String(status.reason ?? status.phase ?? 'Unknown');
  const initStatuses = (status.initContainerStatuses ?? []) as Rec[];
  for (const [i, c] of initStatuses.entries()) {
    const st = c.state as Rec | undefined;
    const term = st?.terminated as Rec | undefined;
    const wait = st?.waiting as Rec | undefined;
    if (term && term.exitCode === 0) continue;
    if (term) return `Init:${String(term.reason ?? `ExitCode:${String(term.exitCode)}`)}`;
    if (wait && wait.reason && wait.reason !== 'PodInitializing') return `Init:${String(wait.reason)}`;
    return `Init:${i}/${initStatuses.length}`;
  }
  for (const c of (status.containerStatuses ?? []) as Rec[]) {
    const st = c.state as Rec | undefined;
    const wait = st?.waiting as Rec | undefined;
    const term = st?.terminated as Rec | undefined;
    if (wait?.reason) reason = String(wait.reason);
    else if (term?.reason) reason = String(term.reason);
  }
  return reason;
}

function ready(o: Obj): string {
  const statuses = (g(o, 'status.containerStatuses') ?? []) as Rec[];
  const total = ((g(o, 'spec.containers') ?? []) as unknown[]).length;
  return `${statuses.filter((c) => c.ready).length}/${total}`;
}

function jobStatus(o: Obj): string {
  const conds = (g(o, 'status.conditions') ?? []) as Rec[];
  const isTrue = (t: string) => conds.some((c) => c.type === t && c.status === 'True');
  if (isTrue('Complete')) return 'Complete';
  if (isTrue('Failed')) return 'Failed';
  if (isTrue('Suspended')) return 'Suspended';
  return 'Running';
}

function servicePorts(o: Obj): string {
  const ports = (g(o, 'spec.ports') ?? []) as Rec[];
  if (ports.length === 0) return '<none>';
  return ports
    .map(
      (p) => `${String(p.port)}${p.nodePort ? `:${String(p.nodePort)}` : ''}/${String(p.protocol ?? 'TCP')}`,
    )
    .join(',');
}

function externalIP(o: Obj): string {
  const type = g(o, 'spec.type');
  const ingress = (g(o, 'status.loadBalancer.ingress') ?? []) as Rec[];
  if (type === 'LoadBalancer')
    return ingress.length ? ingress.map((i) => String(i.ip ?? i.hostname)).join(',') : '<pending>';
  return '<none>';
}

const num = (path: string) => (o: Obj) => Number(g(o, path) ?? 0);

const COLUMNS: Record<string, Column[]> = {
  '/Pod': [
    name,
    { name: 'Ready', type: 'string', cell: ready },
    { name: 'Status', type: 'string', cell: podStatus },
    {
      name: 'Restarts',
      type: 'string',
      cell: (o) =>
        String(
          ((g(o, 'status.containerStatuses') ?? []) as Rec[]).reduce(
            (n, c) => n + Number(c.restartCount ?? 0),
            0,
          ),
        ),
    },
    age,
  ],
  'batch/Job': [
    name,
    { name: 'Status', type: 'string', cell: jobStatus },
    {
      name: 'Completions',
      type: 'string',
      cell: (o) => `${Number(g(o, 'status.succeeded') ?? 0)}/${Number(g(o, 'spec.completions') ?? 1)}`,
    },
    {
      name: 'Duration',
      type: 'string',
      cell: (o) => {
        const start = g(o, 'status.startTime');
        if (typeof start !== 'string') return '';
        const end = g(o, 'status.completionTime');
        return humanDuration((typeof end === 'string' ? Date.parse(end) : Date.now()) - Date.parse(start));
      },
    },
    age,
  ],
  'apps/Deployment': [
    name,
    {
      name: 'Ready',
      type: 'string',
      cell: (o) => `${Number(g(o, 'status.readyReplicas') ?? 0)}/${Number(g(o, 'spec.replicas') ?? 1)}`,
    },
    { name: 'Up-to-date', type: 'integer', cell: num('status.updatedReplicas') },
    { name: 'Available', type: 'integer', cell: num('status.availableReplicas') },
    age,
  ],
  'apps/ReplicaSet': [
    name,
    { name: 'Desired', type: 'integer', cell: num('spec.replicas') },
    { name: 'Current', type: 'integer', cell: num('status.replicas') },
    { name: 'Ready', type: 'integer', cell: num('status.readyReplicas') },
    age,
  ],
  'apps/StatefulSet': [
    name,
    {
      name: 'Ready',
      type: 'string',
      cell: (o) => `${Number(g(o, 'status.readyReplicas') ?? 0)}/${Number(g(o, 'spec.replicas') ?? 1)}`,
    },
    age,
  ],
  'apps/DaemonSet': [
    name,
    { name: 'Desired', type: 'integer', cell: num('status.desiredNumberScheduled') },
    { name: 'Current', type: 'integer', cell: num('status.currentNumberScheduled') },
    { name: 'Ready', type: 'integer', cell: num('status.numberReady') },
    { name: 'Up-to-date', type: 'integer', cell: num('status.updatedNumberScheduled') },
    { name: 'Available', type: 'integer', cell: num('status.numberAvailable') },
    age,
  ],
  '/Service': [
    name,
    { name: 'Type', type: 'string', cell: (o) => g(o, 'spec.type') ?? 'ClusterIP' },
    { name: 'Cluster-IP', type: 'string', cell: (o) => g(o, 'spec.clusterIP') ?? '<none>' },
    { name: 'External-IP', type: 'string', cell: externalIP },
    { name: 'Port(s)', type: 'string', cell: servicePorts },
    age,
  ],
  '/Namespace': [
    name,
    { name: 'Status', type: 'string', cell: (o) => g(o, 'status.phase') ?? 'Active' },
    age,
  ],
  '/ConfigMap': [
    name,
    {
      name: 'Data',
      type: 'integer',
      cell: (o) =>
        Object.keys((o.data as Rec) ?? {}).length + Object.keys((o.binaryData as Rec) ?? {}).length,
    },
    age,
  ],
  '/Secret': [
    name,
    { name: 'Type', type: 'string', cell: (o) => o.type ?? 'Opaque' },
    { name: 'Data', type: 'integer', cell: (o) => Object.keys((o.data as Rec) ?? {}).length },
    age,
  ],
  '/PersistentVolumeClaim': [
    name,
    { name: 'Status', type: 'string', cell: (o) => g(o, 'status.phase') ?? 'Pending' },
    { name: 'Volume', type: 'string', cell: (o) => g(o, 'spec.volumeName') ?? '' },
    { name: 'Capacity', type: 'string', cell: (o) => g(o, 'status.capacity.storage') ?? '' },
    {
      name: 'Access Modes',
      type: 'string',
      cell: (o) =>
        ((g(o, 'spec.accessModes') ?? []) as string[])
          .map(
            (m) =>
              ({ ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' })[
                m
              ] ?? m,
          )
          .join(','),
    },
    { name: 'StorageClass', type: 'string', cell: (o) => g(o, 'spec.storageClassName') ?? '' },
    age,
  ],
  '/Event': [
    {
      name: 'Last Seen',
      type: 'string',
      cell: (o) =>
        humanDuration(Date.now() - Date.parse(String(o.lastTimestamp ?? o.metadata.creationTimestamp))),
    },
    { name: 'Type', type: 'string', cell: (o) => o.type ?? '' },
    { name: 'Reason', type: 'string', cell: (o) => o.reason ?? '' },
    {
      name: 'Object',
      type: 'string',
      cell: (o) =>
        `${String(g(o, 'involvedObject.kind') ?? '').toLowerCase()}/${String(g(o, 'involvedObject.name') ?? '')}`,
    },
    { name: 'Message', type: 'string', cell: (o) => o.message ?? '' },
  ],
  'networking.k8s.io/Ingress': [
    name,
    { name: 'Class', type: 'string', cell: (o) => g(o, 'spec.ingressClassName') ?? '<none>' },
    {
      name: 'Hosts',
      type: 'string',
      cell: (o) => ((g(o, 'spec.rules') ?? []) as Rec[]).map((r) => String(r.host ?? '*')).join(',') || '*',
    },
    {
      name: 'Address',
      type: 'string',
      cell: (o) =>
        ((g(o, 'status.loadBalancer.ingress') ?? []) as Rec[])
          .map((i) => String(i.ip ?? i.hostname))
          .join(','),
    },
    { name: 'Ports', type: 'string', cell: (o) => (g(o, 'spec.tls') ? '80, 443' : '80') },
    age,
  ],
  'apiextensions.k8s.io/CustomResourceDefinition': [
    name,
    { name: 'Created At', type: 'date', cell: (o) => o.metadata.creationTimestamp },
  ],
};

function columnsFor(type: ResourceType): Column[] {
  const gk = `${type.group}/${type.kind}`;
  return [...(COLUMNS[gk] ?? [name, age]), ...(WIDE_COLUMNS[gk] ?? [])];
}

/**
 * What each row carries besides its cells (the `includeObject` parameter): the object's metadata by
 * default, the whole object (kubectl's --sort-by and -o custom-columns over tables ask for it), or nothing.
 */
function rowObject(o: Obj, includeObject: string | null | undefined): Record<string, unknown> {
  if (includeObject === 'None') return {};
  if (includeObject === 'Object') return { object: o };
  return { object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata } };
}

export function wantsTable(accept: string | undefined): boolean {
  return !!accept && /;\s*as=Table/.test(accept.split(',')[0] ?? '');
}

export function toTable(
  type: ResourceType,
  objects: readonly Obj[],
  resourceVersion: string,
  withColumns = true,
  includeObject?: string | null,
) {
  const columns = columnsFor(type);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: withColumns
      ? columns.map((c) => ({
          name: c.name,
          type: c.type,
          format: c.format ?? '',
          description: '',
          priority: c.priority ?? 0,
        }))
      : [],
    rows: objects.map((o) => ({ cells: columns.map((c) => c.cell(o)), ...rowObject(o, includeObject) })),
  };
}
