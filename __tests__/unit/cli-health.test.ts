import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-health-'));
const file = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text);
  return name;
};

// What `kubectl get deployment,replicaset,pod,event -o yaml` prints, trimmed to the fields that matter.
const dump = `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop, uid: dep, generation: 2}
  spec: {replicas: 1, selector: {matchLabels: {app: web}}}
  status: {observedGeneration: 2, replicas: 1, updatedReplicas: 1, availableReplicas: 0}
- apiVersion: apps/v1
  kind: ReplicaSet
  metadata: {name: web-5d, namespace: shop, uid: rs, generation: 1, ownerReferences: [{kind: Deployment, name: web, uid: dep, controller: true}]}
  spec: {replicas: 1}
  status: {observedGeneration: 1, replicas: 1}
- apiVersion: v1
  kind: Pod
  metadata: {name: web-5d-abc, namespace: shop, uid: pod, labels: {app: web}, ownerReferences: [{kind: ReplicaSet, name: web-5d, uid: rs, controller: true}]}
  spec: {restartPolicy: Always, containers: [{name: web, image: "acme/web:does-not-exist"}]}
  status:
    phase: Pending
    containerStatuses: [{name: web, image: "acme/web:does-not-exist", ready: false, restartCount: 0, state: {waiting: {reason: ImagePullBackOff, message: 'Back-off pulling image "acme/web:does-not-exist"'}}}]
- apiVersion: v1
  kind: Event
  metadata: {name: web-5d-abc.1, namespace: shop}
  involvedObject: {kind: Pod, name: web-5d-abc, uid: pod}
  reason: Failed
  message: 'Failed to pull image "acme/web:does-not-exist": not found'
  firstTimestamp: "2026-11-22T07:00:00Z"
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: cfg, namespace: shop}
`;

describe('hook-sync health', () => {
  it('prints a line per object, using pods and events to diagnose workloads', async () => {
    const f = file('state.yaml', dump);
    const { code, stdout } = await runCli(['health', f, '--now', '2026-11-22T07:05:00Z'], dir);
    expect(code).toBe(1); // something is Degraded
    expect(stdout.split('\n')).toEqual([
      'Deployment/web: Degraded — container "web" cannot pull image "acme/web:does-not-exist": not found (for 5m; hook-sync fails this after 1m)',
      'ReplicaSet/web-5d: Degraded — container "web" cannot pull image "acme/web:does-not-exist": not found (for 5m; hook-sync fails this after 1m)',
      'Pod/web-5d-abc: Degraded — container "web" is ImagePullBackOff: Back-off pulling image "acme/web:does-not-exist"',
      'ConfigMap/cfg: Healthy — no health check for ConfigMap: counted healthy once it exists',
      '',
    ]);
  });

  it('gives the same verdict as Progressing before the grace period ends', async () => {
    const f = file('early.yaml', dump);
    const { stdout } = await runCli(['health', f, '--now', '2026-11-22T07:00:30Z'], dir);
    expect(stdout.split('\n')[0]).toBe(
      'Deployment/web: Progressing — Waiting for rollout to finish: 0 of 1 updated replicas are available...',
    );
  });

  it('prints one JSON array with --json', async () => {
    const f = file(
      'single.yaml',
      'apiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate, namespace: shop}\nstatus:\n  conditions: [{type: Failed, status: "True", reason: BackoffLimitExceeded, message: Job has reached the specified backoff limit}]\n',
    );
    const { stdout } = await runCli(['health', f, '--json'], dir);
    expect(JSON.parse(stdout)).toEqual([
      {
        kind: 'Job',
        name: 'migrate',
        namespace: 'shop',
        status: 'Degraded',
        message: 'Job has reached the specified backoff limit',
      },
    ]);
  });

  it('masks the values of Secrets in its input (a termination message can quote one)', async () => {
    const f = file(
      'leaky.yaml',
      `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Secret
  metadata: {name: api, namespace: shop}
  data: {token: ${Buffer.from('s3cr3t-Val-9f8e7d').toString('base64')}}
- apiVersion: v1
  kind: Pod
  metadata: {name: print-token, namespace: shop, uid: p1}
  spec: {restartPolicy: Never, containers: [{name: print}]}
  status:
    phase: Failed
    containerStatuses: [{name: print, state: {terminated: {exitCode: 1, reason: Error, message: "s3cr3t-Val-9f8e7d"}}}]
`,
    );
    for (const args of [[f], [f, '--json']]) {
      const r = await runCli(['health', ...args], dir);
      expect(r.stdout).toContain('print-token');
      expect(r.stdout).not.toContain('s3cr3t-Val-9f8e7d');
    }
  });

  it('says when its input holds no objects', async () => {
    const r = await runCli(['health', file('empty.yaml', 'apiVersion: v1\nkind: List\nitems: []\n')], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('the input holds no objects');
  });

  it('exits 2 for a file it cannot read or parse', async () => {
    const missing = await runCli(['health', 'missing.yaml'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toContain('nothing was applied');
    const f = file('broken.yaml', 'kind: [\n');
    const r = await runCli(['health', f], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken.yaml:');
  });

  it('exits 0 when nothing is Degraded or Missing, Progressing included', async () => {
    const f = file(
      'fine.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\n---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate}\nstatus: {active: 1}\n',
    );
    const { code, stdout, stderr } = await runCli(['health', f], dir);
    expect(stdout).toContain('Job/migrate: Progressing');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('documents its exit codes in its usage', async () => {
    const { code, stdout } = await runCli(['health', '--help'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Exit codes: 0 nothing Degraded or Missing; 1 something is Degraded or Missing; 2 invalid input',
    );
  });

  // Argo CD's own statefulset-ondelete.yaml writes updateStrategy twice; kubectl-era tools accept that.
  const twice = [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata: {name: redis-master, generation: 1}',
    'spec:',
    '  replicas: 1',
    '  updateStrategy:',
    '    type: RollingUpdate',
    '  serviceName: redis-master',
    '  updateStrategy:',
    '    type: OnDelete',
    'status: {observedGeneration: 1, replicas: 1, readyReplicas: 1, currentRevision: redis-master-1, updateRevision: redis-master-2}',
    '',
  ].join('\n');

  it('reads a key written twice (the last one wins) and warns at its file and line', async () => {
    const f = file('twice.yaml', twice);
    const { code, stdout, stderr } = await runCli(['health', f], dir);
    // OnDelete (the second value) makes the unfinished rolling update irrelevant.
    expect(stdout).toBe(
      'StatefulSet/redis-master: Healthy — statefulset "redis-master" uses OnDelete updates: 1 pods ready\n',
    );
    expect(stderr).toBe(
      'twice.yaml:9:3: warning: the key "updateStrategy" is written twice in one mapping; the last one is used\n',
    );
    expect(code).toBe(0);
  });

  it('leaves manifests strict: plan refuses the same file', async () => {
    const f = file('twice-manifest.yaml', twice);
    const { code, stderr } = await runCli(['plan', f], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^twice-manifest\.yaml:9:\d+: error: invalid YAML: duplicated mapping key/m);
  });
});
