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
    expect(code).toBe(0);
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

  it('exits 2 for a file it cannot read or parse', async () => {
    expect((await runCli(['health', 'missing.yaml'], dir)).code).toBe(2);
    const f = file('broken.yaml', 'kind: [\n');
    const r = await runCli(['health', f], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken.yaml:');
  });
});
