import * as k8s from '@kubernetes/client-node';
import { ClusterClient } from '../../src/cluster/cluster-client.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { parseManifestText } from '../../src/manifests/load-manifests.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import type { Plan } from '../../src/plan/sync-task.js';
import { runSync, type SyncOptions } from '../../src/sync/sync-operation.js';
import type { SyncResult, TaskResult } from '../../src/sync/sync-result.js';
import type { TestCluster } from './embedded.js';

let counter = 0;

export function planOf(
  yaml: string,
  namespace: string,
  startedAt = 1_700_000_000 + counter++,
  operation: 'sync' | 'delete' = 'sync',
): Plan {
  const diagnostics: Diagnostic[] = [];
  const manifests = yaml ? parseManifestText(yaml, 'test.yaml', diagnostics) : [];
  const { plan, diagnostics: more } = buildPlan(manifests, {
    operation,
    namespace,
    revision: 'abcdef0123456789',
    startedAt,
  });
  if (!plan) throw new Error(JSON.stringify([...diagnostics, ...more], null, 2));
  return plan;
}

export function clientFor(t: TestCluster): ClusterClient {
  const kc = new k8s.KubeConfig();
  kc.loadFromString(t.cluster.kubeconfig());
  return new ClusterClient(kc);
}

export function makeNamespace(t: TestCluster, name: string): void {
  const type = t.cluster.api.registry.byKind('', 'Namespace')!;
  if (!t.cluster.api.tryGet(type, undefined, name))
    t.cluster.api.create(type, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
}

/** A Secret that lives only in the cluster (a platform team's, an operator's), in a namespace made for it. */
export function clusterSecret(
  t: TestCluster,
  ns: string,
  name: string,
  values: Record<string, string>,
): void {
  makeNamespace(t, ns);
  t.cluster.api.create(t.cluster.api.registry.byKind('', 'Secret')!, ns, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name },
    data: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  });
}

export interface SyncRun {
  result: SyncResult;
  logs: string[];
  /** `Phase Kind/name: Status`, in result order. */
  summary: string[];
  task(kindName: string): TaskResult;
}

export async function sync(
  t: TestCluster,
  yaml: string,
  namespace: string,
  options: Partial<SyncOptions> & { startedAt?: number } = {},
): Promise<SyncRun> {
  makeNamespace(t, namespace);
  const plan = planOf(yaml, namespace, options.startedAt);
  const logs: string[] = [];
  const result = await runSync(plan, clientFor(t), {
    timeoutMs: 60_000,
    wait: true,
    ...options,
    observer: { hookLog: (l) => logs.push(`[${l.hook}] ${l.line}`), ...options.observer },
  });
  return {
    result,
    logs,
    summary: result.tasks.map((x) => `${x.phase} ${x.kind}/${x.name}: ${x.status}`),
    task: (kindName) => {
      const found = result.tasks.find(
        (x) => `${x.kind}/${x.name}` === kindName || `${x.kind}/${x.name}`.startsWith(kindName),
      );
      if (!found)
        throw new Error(
          `no task ${kindName} in ${JSON.stringify(result.tasks.map((x) => `${x.kind}/${x.name}`))}`,
        );
      return found;
    },
  };
}

/** A Job manifest running a script. */
export function jobYaml(
  name: string,
  script: string,
  annotations: Record<string, string> = {},
  spec = '',
  podSpec = '',
): string {
  const nameLine = name.endsWith('-') ? `generateName: ${name}` : `name: ${name}`;
  const ann = Object.entries(annotations)
    .map(([k, v]) => `\n    ${k}: ${JSON.stringify(v)}`)
    .join('');
  return `apiVersion: batch/v1
kind: Job
metadata:
  ${nameLine}${ann ? `\n  annotations:${ann}` : ''}
spec:
  backoffLimit: 0
${spec}  template:
    spec:
      restartPolicy: Never
${podSpec}      containers:
        - name: main
          image: busybox:1.36
          command: ["sh", "-c", ${JSON.stringify(script)}]
---
`;
}

export function deploymentYaml(name: string, image = 'nginx:1.27', extraSpec = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
${extraSpec}  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: web
          image: ${image}
---
`;
}
