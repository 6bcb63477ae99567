import { describe, expect, it } from '@jest/globals';
import { kindRank } from '../../src/plan/kind-order.js';
import { obj, order, planYaml } from '../helpers/plan-from-yaml.js';

const hook = (phase: string, extra: Record<string, string> = {}) => ({
  'argocd.argoproj.io/hook': phase,
  ...extra,
});
const wave = (w: number) => ({ 'argocd.argoproj.io/sync-wave': String(w) });

describe('kindRank', () => {
  it('follows the install order, unknown kinds last', () => {
    expect(kindRank('Namespace')).toBe(-35);
    expect(kindRank('APIService')).toBe(-1);
    expect(kindRank('MyCustomThing')).toBe(0);
    expect(kindRank('ConfigMap')).toBeLessThan(kindRank('Deployment'));
  });
});

describe('orderTasks', () => {
  it('orders by phase, then wave, then kind, then name', () => {
    const yaml =
      obj('Job', 'post', hook('PostSync')) +
      obj('Job', 'fail', hook('SyncFail')) +
      obj('Deployment', 'web') +
      obj('ConfigMap', 'b-config') +
      obj('ConfigMap', 'a-config') +
      obj('Job', 'pre', hook('PreSync')) +
      obj('Service', 'early', wave(-1)) +
      obj('ConfigMap', 'late', wave(2)) +
      obj('Job', 'sync-hook', hook('Sync'));
    expect(order(yaml)).toEqual([
      'PreSync/0 Job/pre',
      'Sync/-1 Service/early',
      'Sync/0 ConfigMap/a-config',
      'Sync/0 ConfigMap/b-config',
      'Sync/0 Deployment/web',
      'Sync/0 Job/sync-hook',
      'Sync/2 ConfigMap/late',
      'PostSync/0 Job/post',
      'SyncFail/0 Job/fail',
    ]);
  });

  it('puts negative waves first', () => {
    expect(
      order(
        obj('ConfigMap', 'zero') +
          obj('ConfigMap', 'minus-ten', wave(-10)) +
          obj('ConfigMap', 'ten', wave(10)),
      ),
    ).toEqual(['Sync/-10 ConfigMap/minus-ten', 'Sync/0 ConfigMap/zero', 'Sync/10 ConfigMap/ten']);
  });

  it('puts unknown kinds (custom resources) after every known kind of the same wave', () => {
    const cr = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: aaa\n---\n';
    expect(
      order(
        cr +
          obj('Job', 'zzz') +
          'apiVersion: apiregistration.k8s.io/v1\nkind: APIService\nmetadata:\n  name: v1.x.io\n---\n',
      ),
    ).toEqual(['Sync/0 Job/zzz', 'Sync/0 APIService/v1.x.io', 'Sync/0 Widget/aaa']);
  });

  it('applies a Helm hook-weight as the wave of a non-hook', () => {
    expect(order(obj('ConfigMap', 'a') + obj('ConfigMap', 'b', { 'helm.sh/hook-weight': '-2' }))).toEqual([
      'Sync/-2 ConfigMap/b',
      'Sync/0 ConfigMap/a',
    ]);
  });

  it('runs a hook with several phases once per phase', () => {
    expect(order(obj('Job', 'twice', hook('PreSync,PostSync')))).toEqual([
      'PreSync/0 Job/twice',
      'PostSync/0 Job/twice',
    ]);
  });

  it("moves a Namespace before the first object in it, with that object's phase and wave", () => {
    const yaml =
      obj('Namespace', 'ns1', wave(1)) +
      obj('Namespace', 'ns2', wave(2)) +
      obj('Job', 'hook1', hook('PreSync'), '').replace('name: hook1', 'name: hook1\n  namespace: ns1') +
      obj('Job', 'hook2', hook('PreSync'), '').replace('name: hook2', 'name: hook2\n  namespace: ns2');
    const { plan } = planYaml(yaml);
    expect(plan!.tasks.map((t) => `${t.phase}/${t.wave} ${t.kind}/${t.name}`)).toEqual([
      'PreSync/0 Namespace/ns1',
      'PreSync/0 Job/hook1',
      'PreSync/0 Namespace/ns2',
      'PreSync/0 Job/hook2',
    ]);
    expect(plan!.tasks[0]!.movedFrom).toEqual({ phase: 'Sync', wave: 1 });
  });

  it('leaves a Namespace that already comes first where it is', () => {
    const yaml =
      obj('Namespace', 'apps', wave(-5)) +
      obj('ConfigMap', 'c').replace('name: c', 'name: c\n  namespace: apps');
    const { plan } = planYaml(yaml);
    expect(plan!.tasks.map((t) => `${t.phase}/${t.wave} ${t.kind}/${t.name}`)).toEqual([
      'Sync/-5 Namespace/apps',
      'Sync/0 ConfigMap/c',
    ]);
    expect(plan!.tasks[0]!.movedFrom).toBeUndefined();
  });

  it('moves a CRD before its first custom resource, with its phase and wave', () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
  annotations:
    argocd.argoproj.io/sync-wave: "3"
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Widget, plural: widgets}
---
`;
    const cr =
      'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  annotations:\n    argocd.argoproj.io/hook: PreSync\n---\n';
    const { plan } = planYaml(crd + cr + obj('ConfigMap', 'c'));
    expect(plan!.tasks.map((t) => `${t.phase}/${t.wave} ${t.kind}/${t.name}`)).toEqual([
      'PreSync/0 CustomResourceDefinition/widgets.example.com',
      'PreSync/0 Widget/w',
      'Sync/0 ConfigMap/c',
    ]);
    expect(plan!.tasks[0]!.movedFrom).toEqual({ phase: 'Sync', wave: 3 });
  });

  it('is deterministic for objects that differ only by namespace', () => {
    const yaml =
      obj('ConfigMap', 'same').replace('name: same', 'name: same\n  namespace: b') +
      obj('ConfigMap', 'same').replace('name: same', 'name: same\n  namespace: a');
    const { plan } = planYaml(yaml);
    expect(plan!.tasks.map((t) => t.namespace)).toEqual(['a', 'b']);
  });
});
