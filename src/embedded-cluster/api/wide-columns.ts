/**
 * The extra columns `kubectl get -o wide` shows (priority 1 in a server-side Table), computed as the
 * API server's printers compute them: a pod's IP, node, nominated node and readiness gates; the
 * containers, images and selector of workloads; a Service's selector.
 */
import { fieldAt as g } from '../../json-fields.js';
import type { Obj } from '../object-store.js';
import { formatLabelSelector, formatLabels } from '../selectors-text.js';

type Rec = Record<string, unknown>;
export type Column = {
  name: string;
  type: string;
  format?: string;
  priority?: number;
  cell: (o: Obj) => unknown;
};

const wide = (name: string, cell: (o: Obj) => unknown): Column => ({
  name,
  type: 'string',
  priority: 1,
  cell,
});

function containers(o: Obj, path: string): Rec[] {
  const list = g(o, path);
  return Array.isArray(list) ? (list as Rec[]) : [];
}

/** Containers, Images and Selector of a workload whose pod template is at spec.template. */
const workloadColumns: Column[] = [
  wide('Containers', (o) =>
    containers(o, 'spec.template.spec.containers')
      .map((c) => String(c.name ?? ''))
      .join(','),
  ),
  wide('Images', (o) =>
    containers(o, 'spec.template.spec.containers')
      .map((c) => String(c.image ?? ''))
      .join(','),
  ),
  wide('Selector', (o) => formatLabelSelector(g(o, 'spec.selector')) || '<none>'),
];

function readinessGates(o: Obj): string {
  const gates = (g(o, 'spec.readinessGates') ?? []) as Rec[];
  if (gates.length === 0) return '<none>';
  const conditions = (g(o, 'status.conditions') ?? []) as Rec[];
  const ready = gates.filter((gate) =>
    conditions.some((c) => c.type === gate.conditionType && c.status === 'True'),
  ).length;
  return `${ready}/${gates.length}`;
}

export const WIDE_COLUMNS: Readonly<Record<string, Column[]>> = {
  '/Pod': [
    wide('IP', (o) => g(o, 'status.podIP') ?? '<none>'),
    wide('Node', (o) => g(o, 'spec.nodeName') ?? '<none>'),
    wide('Nominated Node', (o) => g(o, 'status.nominatedNodeName') ?? '<none>'),
    wide('Readiness Gates', readinessGates),
  ],
  'apps/Deployment': workloadColumns,
  'apps/ReplicaSet': workloadColumns,
  'apps/StatefulSet': workloadColumns.slice(0, 2),
  'apps/DaemonSet': [
    wide('Node Selector', (o) => formatLabels(g(o, 'spec.template.spec.nodeSelector'))),
    ...workloadColumns,
  ],
  'batch/Job': workloadColumns,
  '/Service': [wide('Selector', (o) => formatLabels(g(o, 'spec.selector')))],
};
