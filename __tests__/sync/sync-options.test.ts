// argocd.argoproj.io/sync-options, honoured as Argo CD does, each in a sequence: sync, someone changes
// something, sync again.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { jobYaml, sync } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

const type = (group: string, kind: string) => t.cluster.api.registry.byKind(group, kind)!;
const live = (group: string, kind: string, ns: string, name: string) =>
  t.cluster.object(group, kind, ns, name) as any;
const withOptions = (yaml: string, options: string) =>
  yaml.replace(
    /metadata:\n {2}name: (\S+)\n/,
    `metadata:\n  name: $1\n  annotations: {argocd.argoproj.io/sync-options: "${options}"}\n`,
  );
const config = (data: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata: {${data}}\n`;

/** Another writer adds a key to the ConfigMap, as a person with kubectl edit would. */
function addKey(ns: string): void {
  t.cluster.api.patch(
    type('', 'ConfigMap'),
    ns,
    'settings',
    'application/merge-patch+json',
    { data: { added: 'by-someone-else' } },
    { fieldManager: 'kubectl-edit' },
  );
}

describe('Replace=true', () => {
  it('replaces the object: what others added is gone, where apply keeps it', async () => {
    await sync(t, config('a: "1"'), 'apply-keeps');
    addKey('apply-keeps');
    const applied = await sync(t, config('a: "2"'), 'apply-keeps');
    expect(applied.task('ConfigMap/settings').action).toBe('apply');
    expect(live('', 'ConfigMap', 'apply-keeps', 'settings').data).toEqual({
      a: '2',
      added: 'by-someone-else',
    });

    await sync(t, withOptions(config('a: "1"'), 'Replace=true'), 'replace');
    addKey('replace');
    const replaced = await sync(t, withOptions(config('a: "2"'), 'Replace=true'), 'replace');
    expect(replaced.result.status).toBe('Succeeded');
    expect(replaced.task('ConfigMap/settings')).toMatchObject({ action: 'replace', message: 'replaced' });
    expect(live('', 'ConfigMap', 'replace', 'settings').data).toEqual({ a: '2' });
  });
});

describe('Force=true with Replace=true', () => {
  const job = (message: string, options?: string) => {
    const yaml = jobYaml('report', `echo ${message}`);
    return options ? withOptions(yaml, options) : yaml;
  };

  it('re-creates a Job whose template changed; without it the dry run names the immutable field', async () => {
    expect((await sync(t, job('first'), 'force')).result.status).toBe('Succeeded');
    const firstUid = live('batch', 'Job', 'force', 'report').metadata.uid;

    const refused = await sync(t, job('second'), 'force');
    expect(refused.result.status).toBe('Failed');
    expect(refused.result.message).toContain('dry run failed');
    expect(refused.result.message).toMatch(/spec\.template.*immutable|field is immutable/);
    expect(live('batch', 'Job', 'force', 'report').metadata.uid).toBe(firstUid);

    const forced = await sync(t, job('second', 'Replace=true,Force=true'), 'force');
    expect(forced.result.status).toBe('Succeeded');
    expect(forced.task('Job/report')).toMatchObject({ action: 'recreate', status: 'Succeeded' });
    const now = live('batch', 'Job', 'force', 'report');
    expect(now.metadata.uid).not.toBe(firstUid);
    expect(now.spec.template.spec.containers[0].command).toEqual(['sh', '-c', 'echo second']);
  });

  it('Force=true alone re-creates only when the server refuses the apply', async () => {
    expect((await sync(t, job('one', 'Force=true'), 'force-apply')).result.status).toBe('Succeeded');
    const uid = live('batch', 'Job', 'force-apply', 'report').metadata.uid;
    const same = await sync(t, job('one', 'Force=true'), 'force-apply');
    expect(same.task('Job/report').action).toBe('apply');
    expect(live('batch', 'Job', 'force-apply', 'report').metadata.uid).toBe(uid);
    const changed = await sync(t, job('two', 'Force=true'), 'force-apply');
    expect(changed.result.status).toBe('Succeeded');
    expect(changed.task('Job/report').action).toBe('recreate');
    expect(live('batch', 'Job', 'force-apply', 'report').metadata.uid).not.toBe(uid);
  });
});

describe('ServerSideApply=false', () => {
  it('applies client-side: removes what the manifest no longer says, keeps what others added', async () => {
    await sync(t, withOptions(config('a: "1", b: "2"'), 'ServerSideApply=false'), 'csa');
    addKey('csa');
    const second = await sync(t, withOptions(config('a: "3"'), 'ServerSideApply=false'), 'csa');
    expect(second.result.status).toBe('Succeeded');
    expect(second.task('ConfigMap/settings').action).toBe('apply');
    const cm = live('', 'ConfigMap', 'csa', 'settings');
    expect(cm.data).toEqual({ a: '3', added: 'by-someone-else' });
    expect(
      JSON.parse(cm.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).data,
    ).toEqual({
      a: '3',
    });
    const ours = cm.metadata.managedFields.filter((m: any) => m.manager === 'hook-sync');
    expect(ours.map((m: any) => m.operation)).toEqual(['Update']);
  });
});

describe('Validate=false and strict validation', () => {
  const typo = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndta: {a: "1"}\n';

  it('refuses a misspelled field in the dry run, naming it, and changes nothing', async () => {
    const run = await sync(t, typo, 'strict');
    expect(run.result.status).toBe('Failed');
    // Server-side apply's wording on a real API server (structured-merge-diff): the field is named.
    expect(run.result.message).toContain('.dta: field not declared in schema');
    expect(run.task('ConfigMap/settings')).toMatchObject({ status: 'Failed', action: 'none' });
    expect(live('', 'ConfigMap', 'strict', 'settings')).toBeUndefined();
    // hook-sync wrote nothing there but dry runs.
    const writes = t.cluster.requests.filter(
      (r) => r.method !== 'GET' && r.path.includes('/namespaces/strict/') && r.userAgent === 'hook-sync',
    );
    expect(writes.length).toBeGreaterThan(0);
    expect(
      writes.every((r) => r.path.includes('dryRun=All') && r.path.includes('fieldValidation=Strict')),
    ).toBe(true);
  });

  it('lets the server drop it with Validate=false on client-side apply', async () => {
    const run = await sync(t, withOptions(typo, 'Validate=false,ServerSideApply=false'), 'lenient');
    expect(run.result.status).toBe('Succeeded');
    const writes = t.cluster.requests.filter(
      (r) => r.method === 'POST' && r.path.includes('/namespaces/lenient/configmaps?'),
    );
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((r) => r.path.includes('fieldValidation=Ignore'))).toBe(true);
    // A real API server decodes into its Go types: the unknown field is dropped, not stored.
    expect(live('', 'ConfigMap', 'lenient', 'settings')).not.toHaveProperty('dta');
  });

  it('cannot get an unknown field past server-side apply, which types every applied field', async () => {
    const run = await sync(t, withOptions(typo, 'Validate=false'), 'lenient-ssa');
    expect(run.result.status).toBe('Failed');
    expect(run.result.message).toContain('.dta: field not declared in schema');
    expect(live('', 'ConfigMap', 'lenient-ssa', 'settings')).toBeUndefined();
  });
});

describe('SkipDryRunOnMissingResource=true', () => {
  const crd = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'gadgets.example.com' },
    spec: {
      group: 'example.com',
      scope: 'Namespaced',
      names: { kind: 'Gadget', plural: 'gadgets' },
      versions: [{ name: 'v1', served: true, storage: true }],
    },
  };
  const gadget = (options?: string) =>
    `apiVersion: example.com/v1
kind: Gadget
metadata:
  name: g1
  annotations: {argocd.argoproj.io/sync-wave: "1"${options ? `, argocd.argoproj.io/sync-options: ${options}` : ''}}
spec: {size: 3}
`;
  const operatorJob = jobYaml('install-operator', 'echo installing the operator', {
    'argocd.argoproj.io/hook': 'PreSync',
  });

  it('without it, a kind not served yet fails before anything is applied, saying what to do', async () => {
    const run = await sync(t, operatorJob + gadget(), 'no-skip');
    expect(run.result.status).toBe('Failed');
    expect(run.result.message).toContain('SkipDryRunOnMissingResource=true');
    expect(run.task('Job/install-operator').status).toBe('Skipped');
  });

  it('with it, the kind may appear during the sync (an operator installs its CRD): resolved at its wave', async () => {
    const run = await sync(t, operatorJob + gadget('SkipDryRunOnMissingResource=true'), 'skip', {
      observer: {
        // The CRD appears while the sync runs, after its dry run: as an operator installed by PreSync would.
        wave(phase) {
          if (
            phase === 'Sync' &&
            !t.cluster.object(
              'apiextensions.k8s.io',
              'CustomResourceDefinition',
              undefined,
              'gadgets.example.com',
            )
          )
            t.cluster.api.create(type('apiextensions.k8s.io', 'CustomResourceDefinition'), undefined, crd);
        },
      },
    });
    expect(run.result.message).toBe('successfully synced 1 resource and 1 hook in 2 waves');
    expect(run.summary).toEqual(['PreSync Job/install-operator: Succeeded', 'Sync Gadget/g1: Succeeded']);
    expect(live('example.com', 'Gadget', 'skip', 'g1').spec).toEqual({ size: 3 });
  });
});
