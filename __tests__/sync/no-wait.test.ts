// wait: false restores Argo CD's gating: the final wave's resources are not waited for (unless it has hooks).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { deploymentYaml, sync } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

const stuck = deploymentYaml(
  'stuck',
  'registry.example.com/does-not-exist:1',
  '  progressDeadlineSeconds: 2\n',
);

describe('wait', () => {
  it('true (the default): the final wave must be Healthy, so a Deployment that never rolls out fails the sync', async () => {
    const run = await sync(t, stuck, 'waits', { wait: true });
    expect(run.result.status).toBe('Failed');
    expect(run.task('Deployment/stuck').reason).toBe('ProgressDeadlineExceeded');
  });

  it('false: the final wave is applied and not waited for, as Argo CD does', async () => {
    const run = await sync(t, stuck, 'no-wait', { wait: false });
    expect(run.result.status).toBe('Succeeded');
    expect(run.task('Deployment/stuck')).toMatchObject({ status: 'Succeeded', message: 'created' });
  });

  it('false still gates earlier waves when the sync has several', async () => {
    const yaml =
      stuck.replace('name: stuck', 'name: stuck\n  annotations: {argocd.argoproj.io/sync-wave: "-1"}') +
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: after}\n';
    const run = await sync(t, yaml, 'no-wait-waves', { wait: false });
    expect(run.result.status).toBe('Failed');
    expect(run.task('ConfigMap/after').status).toBe('Skipped');
  });
});
