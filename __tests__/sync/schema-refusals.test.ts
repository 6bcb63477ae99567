// A sync of manifests a real API server would refuse fails at its dry run, naming the field, and writes
// nothing: the embedded cluster types every field as the server does (server-side apply's wording).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { sync } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

const deployment = (replicas: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data: {a: "1"}
`;

describe('a manifest with a value of the wrong type', () => {
  it('fails the sync at the dry run, naming the field, before anything is applied; the fixed one syncs', async () => {
    const run = await sync(t, deployment('three'), 'typed', { timeoutMs: 120_000 });
    expect(run.result.status).toBe('Failed');
    expect(run.result.message).toMatch(
      /^dry run failed for 1 object, nothing was applied: Deployment typed\/web \(test\.yaml:1\): failed to create typed patch object \(typed\/web; apps\/v1, Kind=Deployment\): \.spec\.replicas: expected numeric \(int or float\), got string$/,
    );
    expect(run.task('Deployment/web')).toMatchObject({ status: 'Failed', action: 'none' });
    expect(t.cluster.object('apps', 'Deployment', 'typed', 'web')).toBeUndefined();
    expect(t.cluster.object('', 'ConfigMap', 'typed', 'settings')).toBeUndefined();

    const fixed = await sync(t, deployment('3'), 'typed', { timeoutMs: 120_000 });
    expect(fixed.result.status).toBe('Succeeded');
    expect(t.cluster.object('apps', 'Deployment', 'typed', 'web')?.spec).toMatchObject({ replicas: 3 });
  });

  it('fails on a label value with a space with the API server’s 422, on client-side apply too', async () => {
    const yaml =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: labelled\n  labels: {team: "a b"}\n  annotations: {argocd.argoproj.io/sync-options: ServerSideApply=false}\n';
    const run = await sync(t, yaml, 'labels');
    expect(run.result.status).toBe('Failed');
    expect(run.result.message).toContain(
      'ConfigMap "labelled" is invalid: metadata.labels: Invalid value: "a b": a valid label must be an empty string',
    );
    expect(t.cluster.object('', 'ConfigMap', 'labels', 'labelled')).toBeUndefined();
  });
});
