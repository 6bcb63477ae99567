// Input only the cluster can judge: the server-side dry run, RBAC, namespaces, immutable fields. Refused
// with exit 1 and one line naming the object, its file:line, the cause and what to do — and the cluster
// left exactly as it was: not even hook-sync's own Lease or inventory is written before the dry run passes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { BAD_INPUT, expectRefused, lineSaying, type BadInputCase } from '../helpers/bad-input.js';
import { clusterSnapshot, quietNamespace } from '../helpers/cluster-snapshot.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';

const NS = 'refused';
let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
  await quietNamespace(t.cluster, NS);
});
afterAll(() => t.stop());
afterEach(() => t.cluster.access.clear());

const target = (ns = NS) => ['--kubeconfig', t.kubeconfigPath, '--namespace', ns, '--app', 'refused'];
const refused = (file: string, says: BadInputCase['says']): [string, BadInputCase['says']] => [file, says];

describe('the dry run refuses, nothing is written', () => {
  it.each([
    refused('cluster/unknown-field.yaml', [
      'dry run failed for 1 object, nothing was applied: ConfigMap refused/settings (cluster/unknown-field.yaml:2)',
      /datta.*field/,
    ]),
    refused('cluster/unknown-kind.yaml', [
      'Widget refused/gadget (cluster/unknown-kind.yaml:2)',
      'the cluster does not serve kind "Widget" in "example.com/v1"',
      'install its CRD first',
    ]),
    refused('cluster/misspelt-kind.yaml', [
      'ConfigMapp refused/settings (cluster/misspelt-kind.yaml:2)',
      'did you mean kind ConfigMap (apiVersion v1)?',
    ]),
    refused('cluster/wrong-api-version.yaml', [
      'Deployment refused/web (cluster/wrong-api-version.yaml:2)',
      'does not serve kind "Deployment" in "v1"; Deployment is served as apiVersion apps/v1',
    ]),
    // Sent encoded, the stray space is a group-version the server does not serve, not a path the HTTP
    // client refuses to send (that was a "cannot reach the Kubernetes API").
    refused('cluster/api-version-with-space.yaml', [
      'Deployment refused/web (cluster/api-version-with-space.yaml:2)',
      'does not serve kind "Deployment" in "apps/v1 "; Deployment is served as apiVersion apps/v1',
    ]),
    refused('cluster/deployment-without-selector.yaml', [
      'Deployment refused/web (cluster/deployment-without-selector.yaml:2)',
      'spec.selector: Required value',
    ]),
    refused('cluster/service-port.yaml', [
      'Service refused/web (cluster/service-port.yaml:2)',
      'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535',
    ]),
    refused('cluster/syncfail-unknown-field.yaml', [
      'ConfigMap refused/failure-note (cluster/syncfail-unknown-field.yaml:7)',
      /bogus.*field/,
    ]),
    refused('cluster/other-namespace.yaml', [
      'ConfigMap elsewhere/settings (cluster/other-namespace.yaml:2)',
      'namespace elsewhere does not exist',
      'kubectl create namespace elsewhere',
    ]),
  ])('%s', (file, says) =>
    expectRefused(t.cluster, { name: file, argv: [file, ...target()], exit: 1, says }),
  );

  it('Secret data that is not base64, without printing the value', async () => {
    const output = await expectRefused(t.cluster, {
      name: 'secret',
      argv: ['cluster/secret-not-base64.yaml', ...target()],
      exit: 1,
      says: ['Secret refused/credentials (cluster/secret-not-base64.yaml:2)', 'illegal base64 data'],
    });
    expect(output).not.toContain('not base64!');
  });

  it("the app's namespace does not exist", () =>
    expectRefused(t.cluster, {
      name: 'no namespace',
      argv: ['cluster/settings.yaml', ...target('nowhere')],
      exit: 1,
      says: ['namespace nowhere does not exist', '--create-namespace', 'kubectl create namespace nowhere'],
    }));

  it("a Job's template changed without Force/Replace: the fix is named, the pod template is not dumped", async () => {
    const job = (script: string) => ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'nightly-report', namespace: NS },
      spec: {
        suspend: true, // an existing Job that runs no pods: the cluster stays still around the test
        template: {
          spec: {
            restartPolicy: 'Never',
            containers: [{ name: 'report', image: 'busybox:1.36', command: ['sh', '-c', script] }],
          },
        },
      },
    });
    t.cluster.api.create(t.cluster.api.registry.byKind('batch', 'Job')!, NS, job('echo v1'));
    const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-immutable-'));
    writeFileSync(path.join(dir, 'job.json'), JSON.stringify(job('echo v2'), null, 2));
    const output = await expectRefused(t.cluster, {
      name: 'immutable',
      argv: ['job.json', ...target()],
      cwd: dir,
      exit: 1,
      says: [
        'Job refused/nightly-report (job.json:1)',
        'spec.template: Invalid value (',
        'characters, not shown): field is immutable',
        'argocd.argoproj.io/sync-options: Force=true,Replace=true',
        'or give the Job a new name',
      ],
    });
    expect(output).not.toContain('echo v2"]');
  });
});

describe('RBAC refuses, the message names the verb, the resource, the user and what to ask for', () => {
  it('may not write ConfigMaps', () => {
    t.cluster.access.deny({ verbs: ['patch'], group: '', resource: 'configmaps', namespace: NS });
    return expectRefused(t.cluster, {
      name: 'configmaps',
      argv: ['cluster/settings.yaml', ...target()],
      exit: 1,
      says: [
        'ConfigMap refused/settings (cluster/settings.yaml:2)',
        'User "system:anonymous" cannot patch resource "configmaps" in API group "" in the namespace "refused"',
        'ask a cluster admin for "patch" on configmaps in namespace refused for User "system:anonymous" (a Role and RoleBinding)',
      ],
    });
  });

  it('may write ConfigMaps but not Deployments: neither is applied', () => {
    t.cluster.access.deny({ verbs: ['patch'], group: 'apps', resource: 'deployments' });
    return expectRefused(t.cluster, {
      name: 'deployments',
      argv: ['cluster/web.yaml', ...target()],
      exit: 1,
      says: [
        'Deployment refused/web (cluster/web.yaml:7)',
        'cannot patch resource "deployments" in API group "apps"',
        '"patch" on deployments.apps in namespace refused',
      ],
    });
  });

  it("may not create the app's lock", () => {
    t.cluster.access.deny({ verbs: ['create'], group: 'coordination.k8s.io', resource: 'leases' });
    return expectRefused(t.cluster, {
      name: 'leases',
      argv: ['cluster/settings.yaml', ...target()],
      exit: 1,
      says: [
        'cannot take the lock of app refused',
        'cannot create resource "leases" in API group "coordination.k8s.io"',
        'ask a cluster admin for "create" on leases.coordination.k8s.io in namespace refused',
      ],
    });
  });

  it("may not create the app's inventory: the lock taken is given back", () =>
    (async () => {
      t.cluster.access.deny({ verbs: ['create'], group: '', resource: 'configmaps', namespace: NS });
      await expectRefused(t.cluster, {
        name: 'inventory',
        argv: ['cluster/settings.yaml', ...target()],
        exit: 1,
        says: [
          "cannot record the application's inventory (ConfigMap refused/hook-sync-inventory-refused)",
          'cannot create resource "configmaps"',
          '"create" on configmaps in namespace refused',
        ],
      });
    })());
});

describe('in sequence: a refused run between two good ones leaves no trace', () => {
  const ns = 'refused-sequence';
  const sync = (file: string) =>
    runCli(
      ['sync', file, '--kubeconfig', t.kubeconfigPath, '--namespace', ns, '--app', 'sequence'],
      BAD_INPUT,
    );

  it('good, refused (the cluster exactly as the good run left it), good again', async () => {
    await quietNamespace(t.cluster, ns);
    expect((await sync('cluster/settings.yaml')).code).toBe(0);
    const afterGood = clusterSnapshot(t.cluster);
    const bad = await sync('cluster/unknown-field.yaml');
    expect(bad.code).toBe(1);
    lineSaying(bad.stdout, ['nothing was applied', 'cluster/unknown-field.yaml:2']);
    expect(clusterSnapshot(t.cluster)).toEqual(afterGood);
    expect((await sync('works/manifest.json')).code).toBe(0);
    const inventory = t.cluster.object('', 'ConfigMap', ns, 'hook-sync-inventory-sequence') as unknown as {
      data: Record<string, string>;
    };
    // The refused run never started: the history holds the two runs that did.
    expect(JSON.parse(inventory.data['history.json']!).map((h: { status: string }) => h.status)).toEqual([
      'Succeeded',
      'Succeeded',
    ]);
  });

  it('a delete whose PreDelete hook the server refuses deletes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-bad-delete-'));
    writeFileSync(
      path.join(dir, 'teardown.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: goodbye\n  annotations:\n    argocd.argoproj.io/hook: PreDelete\nbogus: true\n',
    );
    await expectRefused(t.cluster, {
      name: 'delete',
      command: 'delete',
      argv: ['teardown.yaml', '--kubeconfig', t.kubeconfigPath, '--namespace', ns, '--app', 'sequence'],
      cwd: dir,
      exit: 1,
      says: ['ConfigMap refused-sequence/goodbye (teardown.yaml:1)', /bogus.*field/],
    });
    expect(t.cluster.object('', 'ConfigMap', ns, 'settings')).toBeDefined();
  });
});
