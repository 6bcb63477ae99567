// The same mistakes through the action: the job fails (exit code 1) with status Invalid (found before the
// cluster is asked) or Failed (the cluster refused), an error saying what, where and what to do, and the
// cluster exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAction } from '../helpers/action-run.js';
import { lineSaying } from '../helpers/bad-input.js';
import { clusterSnapshot, quietNamespace } from '../helpers/cluster-snapshot.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
  await quietNamespace(t.cluster, 'action');
});
afterAll(() => t.stop());

const config = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  greeting: hello\n';

interface ActionCase {
  manifests?: Record<string, string>;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  status: 'Invalid' | 'Failed';
  says: (string | RegExp)[];
}

async function expectActionRefused(c: ActionCase): Promise<string> {
  const before = clusterSnapshot(t.cluster);
  const requests = t.cluster.requests.length;
  const r = await runAction(
    c.manifests ?? { 'deploy/config.yaml': config },
    {
      manifests: 'deploy',
      kubeconfig: t.cluster.kubeconfig(),
      namespace: 'action',
      app: 'action',
      ...c.inputs,
    },
    { HOME: mkdtempSync(path.join(tmpdir(), 'hook-sync-home-')), ...c.env },
  );
  if (r.output.status !== c.status) throw new Error(r.stdout);
  expect({ exitCode: r.exitCode, status: r.output.status }).toEqual({ exitCode: 1, status: c.status });
  lineSaying(r.stdout, c.says);
  expect(clusterSnapshot(t.cluster)).toEqual(before);
  if (c.status === 'Invalid') expect(t.cluster.requests.length).toBe(requests);
  return r.stdout;
}

describe('the action refuses bad inputs before the cluster is asked', () => {
  it.each<[string, ActionCase]>([
    [
      'operation: deploy',
      {
        inputs: { operation: 'deploy' },
        status: 'Invalid',
        says: ['::error::', 'input "operation" must be sync, plan or delete, not "deploy"'],
      },
    ],
    [
      'timeout: 1000h',
      {
        inputs: { timeout: '1000h' },
        status: 'Invalid',
        says: ['input "timeout" must be at most 24h, found "1000h"'],
      },
    ],
    [
      'lock-ttl: forever',
      {
        inputs: { 'lock-ttl': 'forever' },
        status: 'Invalid',
        says: ['input "lock-ttl" must be a duration such as "90s", "5m" or "1h30m", found "forever"'],
      },
    ],
    [
      'an app name on two lines',
      {
        inputs: { app: 'shop\nstaging' },
        status: 'Invalid',
        says: ['input "app" must be one line of printable characters'],
      },
    ],
    [
      'manifests outside the workspace',
      {
        inputs: { manifests: '../../etc' },
        status: 'Invalid',
        says: [
          'manifest path "../../etc" is outside the workspace',
          'only files of the checked-out repository',
        ],
      },
    ],
    [
      'a manifests path that does not exist',
      {
        inputs: { manifests: 'deploy/production' },
        status: 'Invalid',
        says: ['::error::', 'no such file or directory: deploy/production'],
      },
    ],
    [
      'no kubeconfig anywhere',
      {
        inputs: { kubeconfig: '' },
        status: 'Invalid',
        says: [
          'no kubeconfig: none was given, $KUBECONFIG is not set',
          'set the kubeconfig input from a secret, or run a cluster login step first',
        ],
      },
    ],
    [
      'a sync wave that is not a number, annotated at its line',
      {
        manifests: {
          'deploy/config.yaml':
            'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  annotations:\n    argocd.argoproj.io/sync-wave: "1.5"\n',
        },
        status: 'Invalid',
        says: ['::error file=deploy/config.yaml,line=6::', 'sync-wave must be an integer, found "1.5"'],
      },
    ],
  ])('%s', (_name, c) => expectActionRefused(c));
});

describe('the action: the cluster refuses, nothing is written', () => {
  it('a field the server does not know (dry run)', () =>
    expectActionRefused({
      manifests: { 'deploy/config.yaml': config.replace('\ndata:', '\ndatta:') },
      status: 'Failed',
      says: ['dry run failed for 1 object, nothing was applied', 'deploy/config.yaml:1', /datta.*field/],
    }));

  it('RBAC: names the verb, the resource, the user and what to ask for', async () => {
    t.cluster.access.deny({ verbs: ['patch'], group: '', resource: 'configmaps', namespace: 'action' });
    try {
      await expectActionRefused({
        status: 'Failed',
        says: [
          'ConfigMap action/settings (deploy/config.yaml:1)',
          'cannot patch resource "configmaps"',
          'ask a cluster admin for "patch" on configmaps in namespace action',
        ],
      });
    } finally {
      t.cluster.access.clear();
    }
  });
});
