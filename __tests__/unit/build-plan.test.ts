import { describe, expect, it } from '@jest/globals';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { generatedHookName } from '../../src/plan/hook-names.js';
import { codes, obj, order, planYaml } from '../helpers/plan-from-yaml.js';

describe('generated hook names', () => {
  it('append lower(rev7-phase-start) to generateName', () => {
    expect(generatedHookName('migrate-', 'ABCDEF0123456', 'PreSync', 1700000000)).toBe(
      'migrate-abcdef0-presync-1700000000',
    );
  });
  it('use the whole revision when it is shorter than 8 characters', () => {
    expect(generatedHookName('migrate-', 'FooBarBaz', 'PreSync', 1)).toBe('migrate-foobarb-presync-1');
    expect(generatedHookName('migrate-', 'Abc1234', 'PostSync', 1)).toBe('migrate-abc1234-postsync-1');
  });
  it('are given to generateName hooks in the plan, once per phase, and the same for the same operation', () => {
    const yaml = obj('Job', 'migrate-', { 'argocd.argoproj.io/hook': 'PreSync,PostSync' });
    expect(order(yaml, { revision: 'abc', startedAt: 42 })).toEqual([
      'PreSync/0 Job/migrate-abc-presync-42',
      'PostSync/0 Job/migrate-abc-postsync-42',
    ]);
    expect(order(yaml, { revision: 'abc', startedAt: 42 })).toEqual(
      order(yaml, { revision: 'abc', startedAt: 42 }),
    );
    expect(order(yaml, { revision: 'abc', startedAt: 43 })).not.toEqual(
      order(yaml, { revision: 'abc', startedAt: 42 }),
    );
  });
  it('replace generateName in the object that will be sent', () => {
    const { plan } = planYaml(obj('Job', 'migrate-', { 'argocd.argoproj.io/hook': 'PreSync' }));
    expect(plan!.tasks[0]!.object.metadata).toEqual({
      name: 'migrate-0123456-presync-1700000000',
      namespace: 'default',
      annotations: { 'argocd.argoproj.io/hook': 'PreSync' },
    });
  });
});

describe('buildPlan', () => {
  it('gives namespaced objects the default namespace, keeps explicit ones, leaves cluster-scoped ones without', () => {
    const yaml =
      obj('ConfigMap', 'a') +
      obj('ConfigMap', 'b').replace('name: b', 'name: b\n  namespace: other') +
      obj('Namespace', 'other') +
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\n---\n';
    const { plan } = planYaml(yaml, { namespace: 'preview-12' });
    expect(plan!.tasks.map((t) => `${t.kind}/${t.namespace}/${t.name}`)).toEqual([
      'Namespace//other',
      'ConfigMap/preview-12/a',
      'ConfigMap/other/b',
      'ClusterRole//reader',
    ]);
    expect(plan!.tasks[1]!.object.metadata?.namespace).toBe('preview-12');
    expect(plan!.tasks[3]!.object.metadata?.namespace).toBeUndefined();
  });

  it('treats custom resources of a cluster-scoped CRD in the same manifests as cluster-scoped', () => {
    const yaml =
      'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: gadgets.example.com\nspec:\n  group: example.com\n  scope: Cluster\n  names: {kind: Gadget, plural: gadgets}\n---\n' +
      'apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: g\n';
    expect(planYaml(yaml).plan!.tasks[1]).toMatchObject({ kind: 'Gadget', namespace: '' });
  });

  it('keeps manifests exactly as written, fields unknown to any model included', () => {
    const yaml = obj('ConfigMap', 'a', {}, 'data:\n  k: v\nmadeUpField:\n  nested: [1, "two", null]\n');
    const sent = planYaml(yaml).plan!.tasks[0]!.object;
    expect(sent).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'a', namespace: 'default' },
      data: { k: 'v' },
      madeUpField: { nested: [1, 'two', null] },
    });
  });

  it('records hook, delete policies and source per task', () => {
    const { plan } = planYaml(
      obj('ConfigMap', 'c') + obj('Job', 'j', { 'argocd.argoproj.io/hook': 'PreSync' }),
    );
    expect(
      plan!.tasks.map((t) => [t.name, t.hook, t.deletePolicies, `${t.source.file}:${t.source.line}`]),
    ).toEqual([
      ['j', true, ['BeforeHookCreation'], 'app.yaml:6'],
      ['c', false, [], 'app.yaml:1'],
    ]);
  });

  it('skips Skip objects and drops unknown hooks with a warning at the annotation line', () => {
    const yaml =
      obj('ConfigMap', 'skipped', { 'argocd.argoproj.io/hook': 'Skip' }) +
      obj('Job', 'garbage', { 'argocd.argoproj.io/hook': 'Garbage' });
    const { plan } = planYaml(yaml);
    expect(plan!.tasks).toEqual([]);
    expect(plan!.warnings.map((w) => [w.code, w.source?.line, w.object?.name])).toEqual([
      ['unknown-hook-type', 13, 'garbage'],
      ['hook-dropped', 13, 'garbage'],
    ]);
  });

  it('drops Helm test hooks with a warning', () => {
    const { plan } = planYaml(obj('Pod', 'chart-test', { 'helm.sh/hook': 'test' }));
    expect(plan!.tasks).toEqual([]);
    expect(codes(plan!.warnings)).toEqual(['helm-test-hook-dropped']);
  });

  it('applies a Helm crd-install object as a normal resource', () => {
    expect(order(obj('ConfigMap', 'c', { 'helm.sh/hook': 'crd-install' }))).toEqual(['Sync/0 ConfigMap/c']);
  });

  it('puts only PreDelete and PostDelete hooks in a delete plan, and only sync phases in a sync plan', () => {
    const yaml =
      obj('ConfigMap', 'c') +
      obj('Job', 'pre', { 'argocd.argoproj.io/hook': 'PreSync' }) +
      obj('Job', 'cleanup-', { 'argocd.argoproj.io/hook': 'PostDelete' }) +
      obj('Job', 'drain', { 'helm.sh/hook': 'pre-delete' });
    expect(order(yaml, { operation: 'delete', revision: 'r', startedAt: 1 })).toEqual([
      'PreDelete/0 Job/drain',
      'PostDelete/0 Job/cleanup-r-postdelete-1',
    ]);
    expect(order(yaml)).toEqual(['PreSync/0 Job/pre', 'Sync/0 ConfigMap/c']);
  });

  it('warns about a delete policy on a non-hook', () => {
    const { plan } = planYaml(
      obj('ConfigMap', 'c', { 'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded' }),
    );
    expect(codes(plan!.warnings)).toEqual(['delete-policy-on-resource']);
  });

  describe('validation', () => {
    it('reports every error at once, each with file:line and the object, and produces no plan', () => {
      const yaml = [
        'kind: ConfigMap\nmetadata:\n  name: no-api-version\n---',
        'apiVersion: v1\nmetadata:\n  name: no-kind\n---',
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {a: b}\n---',
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Not_Valid\n---',
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad-wave\n  annotations:\n    argocd.argoproj.io/sync-wave: "soon"\n---',
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dup\n---',
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dup\n  namespace: default\n---',
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: number-wave\n  annotations:\n    argocd.argoproj.io/sync-wave: 1\n',
      ].join('\n');
      const { plan, diagnostics } = planYaml(yaml);
      expect(plan).toBeUndefined();
      expect(diagnostics.map((d) => [d.code, d.source?.line])).toEqual([
        ['missing-api-version', 1],
        ['missing-kind', 5],
        ['missing-name', 12],
        ['invalid-name', 17],
        ['invalid-sync-wave', 24],
        ['duplicate-object', 31],
        ['non-string-metadata', 42],
      ]);
      const text = diagnostics.map(formatDiagnostic);
      expect(text[4]).toBe(
        'app.yaml:24: error: ConfigMap bad-wave: argocd.argoproj.io/sync-wave must be an integer, found "soon" (write a whole number such as "1" or "-2" (negative waves run first))',
      );
      expect(text[5]).toContain('also defined at app.yaml:26');
      expect(text[6]).toContain('quote the value: "1"');
    });

    it('refuses hook-sync durations that do not parse, at the annotation', () => {
      const { diagnostics } = planYaml(
        obj('Job', 'j', {
          'argocd.argoproj.io/hook': 'PreSync',
          'hook-sync.io/timeout': 'forever',
          'hook-sync.io/fail-fast-after': 'soon',
        }),
      );
      expect(diagnostics.map((d) => [d.code, d.source?.line, d.message])).toEqual([
        [
          'invalid-duration',
          7,
          'hook-sync.io/timeout must be a duration such as "90s", "5m" or "1h30m", found "forever"',
        ],
        [
          'invalid-duration',
          8,
          'hook-sync.io/fail-fast-after must be a duration such as "90s", "5m" or "1h30m", found "soon"',
        ],
      ]);
      expect(
        planYaml(
          obj('Job', 'j', {
            'argocd.argoproj.io/hook': 'PreSync',
            'hook-sync.io/timeout': '5m',
            'hook-sync.io/fail-fast-after': 'off',
          }),
        ).diagnostics,
      ).toEqual([]);
    });

    it('refuses generateName on a non-hook', () => {
      const { diagnostics } = planYaml(obj('ConfigMap', 'cm-'));
      expect(diagnostics).toMatchObject([
        { code: 'missing-name', message: expect.stringContaining('only supported on hooks') },
      ]);
    });

    it('refuses a hook with neither name nor generateName', () => {
      const { diagnostics } = planYaml(
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  annotations: {argocd.argoproj.io/hook: PreSync}\n',
      );
      expect(codes(diagnostics)).toEqual(['missing-name']);
    });

    it.each([
      ['Namespace', 'has.dots'],
      ['Service', '1starts-with-digit'],
      ['ConfigMap', 'UPPER'],
      ['ConfigMap', 'a'.repeat(254)],
      ['Job', 'j'.repeat(64)],
    ])('refuses the %s name %s', (kind, name) => {
      expect(codes(planYaml(obj(kind, name)).diagnostics)).toEqual(['invalid-name']);
    });

    it.each([
      ['ClusterRole', 'system:reader'],
      ['Service', 'web'],
      ['ConfigMap', 'a.b-c'],
    ])('accepts the %s name %s', (kind, name) => {
      expect(planYaml(obj(kind, name)).diagnostics).toEqual([]);
    });

    it('refuses a generated hook name that would be too long, pointing at generateName', () => {
      const { diagnostics } = planYaml(
        obj('Job', `${'x'.repeat(40)}-`, { 'argocd.argoproj.io/hook': 'PreSync' }),
      );
      expect(diagnostics).toMatchObject([
        { code: 'invalid-name', source: { line: 4 }, hint: expect.stringContaining('shorten') },
      ]);
    });

    it('refuses two hooks that generate the same name in the same phase', () => {
      const h = obj('Job', 'same-', { 'argocd.argoproj.io/hook': 'PreSync' });
      expect(codes(planYaml(h + h).diagnostics)).toEqual(['duplicate-object']);
    });

    it('refuses an invalid namespace', () => {
      expect(
        codes(planYaml(obj('ConfigMap', 'c').replace('name: c', 'name: c\n  namespace: Bad_NS')).diagnostics),
      ).toEqual(['invalid-namespace']);
      expect(codes(planYaml(obj('ConfigMap', 'c'), { namespace: 'Nope!' }).diagnostics)).toEqual([
        'invalid-namespace',
      ]);
    });

    it('treats the same name in different namespaces or kinds as different objects', () => {
      const yaml =
        obj('ConfigMap', 'x') +
        obj('Secret', 'x') +
        obj('ConfigMap', 'x').replace('name: x', 'name: x\n  namespace: other');
      expect(planYaml(yaml).diagnostics).toEqual([]);
    });
  });
});
