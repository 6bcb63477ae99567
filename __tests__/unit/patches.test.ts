import { stripUnowned } from '../../src/embedded-cluster/patch/field-sets.js';
import { describe, expect, it } from '@jest/globals';
import { applyJsonPatch } from '../../src/embedded-cluster/patch/json-patch.js';
import { applyMergePatch } from '../../src/embedded-cluster/patch/json-merge-patch.js';
import {
  describeConflicts,
  recordUpdate,
  serverSideApply,
} from '../../src/embedded-cluster/patch/managed-fields.js';
import { applyStrategicMergePatch } from '../../src/embedded-cluster/patch/strategic-merge-patch.js';

describe('JSON merge patch', () => {
  it('merges maps, deletes on null, replaces lists', () => {
    expect(applyMergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { b: null, d: 3 }, l: [3] })).toEqual({
      a: { c: 2, d: 3 },
      l: [3],
    });
  });
});

describe('JSON patch', () => {
  it('adds, removes, replaces, moves, copies and tests', () => {
    const doc = { a: [1, 2], b: { c: 'x' } };
    expect(
      applyJsonPatch(doc, [
        { op: 'add', path: '/a/-', value: 3 },
        { op: 'remove', path: '/a/0' },
        { op: 'replace', path: '/b/c', value: 'y' },
        { op: 'copy', from: '/b/c', path: '/d' },
        { op: 'move', from: '/d', path: '/e' },
        { op: 'test', path: '/e', value: 'y' },
      ]),
    ).toEqual({ a: [2, 3], b: { c: 'y' }, e: 'y' });
    expect(doc).toEqual({ a: [1, 2], b: { c: 'x' } });
  });
  it('fails a test op and a remove of a missing path', () => {
    expect(() => applyJsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }])).toThrow(
      'testing value /a failed',
    );
    expect(() => applyJsonPatch({}, [{ op: 'remove', path: '/nope' }])).toThrow('missing path');
  });
});

describe('strategic merge patch', () => {
  const pod = {
    spec: {
      containers: [
        { name: 'a', image: 'a:1', env: [{ name: 'X', value: '1' }] },
        { name: 'b', image: 'b:1' },
      ],
      finalizers: ['one'],
    },
  };
  it('merges keyed lists by key', () => {
    const out = applyStrategicMergePatch(pod, {
      spec: {
        containers: [
          { name: 'b', image: 'b:2' },
          { name: 'c', image: 'c:1' },
        ],
      },
    }) as typeof pod;
    expect(out.spec.containers.map((c) => `${c.name}=${c.image}`)).toEqual(['a=a:1', 'b=b:2', 'c=c:1']);
    expect(out.spec.containers[0]!.env).toEqual([{ name: 'X', value: '1' }]);
  });
  it('deletes list items with $patch: delete and reorders with $setElementOrder', () => {
    const out = applyStrategicMergePatch(pod, {
      spec: {
        $setElementOrder: undefined,
        containers: [
          { name: 'a', $patch: 'delete' },
          { name: 'c', image: 'c:1' },
        ],
        '$setElementOrder/containers': [{ name: 'c' }, { name: 'b' }],
      },
    }) as typeof pod;
    expect(out.spec.containers.map((c) => c.name)).toEqual(['c', 'b']);
    expect(JSON.stringify(out)).not.toContain('$');
  });
  it('replaces a map with $patch: replace, and unions and removes set members', () => {
    expect(applyStrategicMergePatch({ m: { a: 1, b: 2 } }, { m: { $patch: 'replace', c: 3 } })).toEqual({
      m: { c: 3 },
    });
    expect(
      applyStrategicMergePatch(pod, {
        spec: { finalizers: ['two'], '$deleteFromPrimitiveList/finalizers': ['one'] },
      }),
    ).toMatchObject({ spec: { finalizers: ['two'] } });
  });
  it('merges Service ports by port and container ports by containerPort', () => {
    const svc = { spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443 }] } };
    expect(applyStrategicMergePatch(svc, { spec: { ports: [{ port: 80, targetPort: 9090 }] } })).toEqual({
      spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443 }] },
    });
  });
});

describe('server-side apply', () => {
  const base = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };
  const apply = (
    live: Record<string, unknown> | undefined,
    data: Record<string, string>,
    manager: string,
    force = false,
  ) =>
    serverSideApply({
      live,
      config: { ...base, data },
      manager,
      force,
      typed: true,
      apiVersion: 'v1',
      now: 't',
    });

  it('records what each manager applied', () => {
    const r = apply(undefined, { a: '1' }, 'one');
    expect('object' in r && r.object.metadata).toMatchObject({
      managedFields: [{ manager: 'one', operation: 'Apply', fieldsV1: { 'f:data': { 'f:a': {} } } }],
    });
  });

  it('shares a field applied with the same value, and conflicts on a different one', () => {
    const first = apply(undefined, { a: '1' }, 'one');
    if (!('object' in first)) throw new Error('conflict');
    const same = apply(first.object, { a: '1' }, 'two');
    expect('object' in same).toBe(true);
    const different = apply(first.object, { a: '2' }, 'two');
    expect(different).toEqual({ conflicts: [{ manager: 'one', apiVersion: 'v1', field: '.data.a' }] });
    expect(describeConflicts((different as { conflicts: never[] }).conflicts)).toBe(
      'Apply failed with 1 conflict: conflict with "one" using v1: .data.a',
    );
  });

  it('takes ownership when forced', () => {
    const first = apply(undefined, { a: '1' }, 'one');
    if (!('object' in first)) throw new Error('conflict');
    const forced = apply(first.object, { a: '2' }, 'two', true);
    if (!('object' in forced)) throw new Error('conflict');
    expect(forced.object.data).toEqual({ a: '2' });
    expect(
      (forced.object.metadata as { managedFields: { manager: string }[] }).managedFields.map(
        (m) => m.manager,
      ),
    ).toEqual(['two']);
  });

  it('removes a field its manager no longer applies, but not one another manager owns', () => {
    const one = apply(undefined, { a: '1', b: '2' }, 'one');
    if (!('object' in one)) throw new Error('conflict');
    const two = apply(one.object, { b: '2' }, 'two');
    if (!('object' in two)) throw new Error('conflict');
    const shrunk = apply(two.object, {}, 'one');
    expect('object' in shrunk && shrunk.object.data).toEqual({ b: '2' });
  });

  it('merges keyed list items and removes the ones a manager dropped', () => {
    const deploy = (containers: { name: string; image: string }[]) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { template: { spec: { containers } } },
    });
    const first = serverSideApply({
      live: undefined,
      config: deploy([
        { name: 'a', image: 'a' },
        { name: 'b', image: 'b' },
      ]),
      manager: 'm',
      force: false,
      typed: true,
      apiVersion: 'apps/v1',
      now: 't',
    });
    if (!('object' in first)) throw new Error('conflict');
    const second = serverSideApply({
      live: first.object,
      config: deploy([{ name: 'a', image: 'a2' }]),
      manager: 'm',
      force: false,
      typed: true,
      apiVersion: 'apps/v1',
      now: 't',
    });
    if (!('object' in second)) throw new Error('conflict');
    expect(
      (second.object.spec as { template: { spec: { containers: unknown[] } } }).template.spec.containers,
    ).toEqual([{ name: 'a', image: 'a2' }]);
  });

  it('an Update takes the fields it changed away from an applier', () => {
    const first = apply(undefined, { a: '1', b: '1' }, 'applier');
    if (!('object' in first)) throw new Error('conflict');
    const next = structuredClone(first.object);
    (next.data as Record<string, string>).a = 'edited';
    recordUpdate({
      previous: first.object,
      next,
      manager: 'kubectl-edit',
      typed: true,
      apiVersion: 'v1',
      now: 't',
    });
    expect((next.metadata as { managedFields: unknown[] }).managedFields).toEqual([
      expect.objectContaining({ manager: 'applier', fieldsV1: { 'f:data': { 'f:b': {} } } }),
      expect.objectContaining({
        manager: 'kubectl-edit',
        operation: 'Update',
        fieldsV1: { 'f:data': { 'f:a': {} } },
      }),
    ]);
  });
});

describe('ownership bookkeeping', () => {
  it('copies a key named __proto__ as data, never as the copy’s prototype', () => {
    const body = JSON.parse('{"kind":"X","spec":{"a":1},"__proto__":{"polluted":true}}') as Record<
      string,
      unknown
    >;
    const copy = stripUnowned(body, false);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['spec', '__proto__']);
  });
});
