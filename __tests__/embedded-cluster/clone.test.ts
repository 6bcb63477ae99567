// The embedded cluster copies objects with cloneJson (not structuredClone, nine times slower): a copy must
// share nothing with its source, keep what JSON and YAML bodies decode to, and never let a key named
// "__proto__" become a prototype.
import { describe, expect, it } from '@jest/globals';
import { cloneJson } from '../../src/embedded-cluster/clone.js';

describe('cloneJson', () => {
  it('copies deeply: changing the copy leaves the source as it was', () => {
    const source = {
      metadata: {
        name: 'a',
        labels: { app: 'x' },
        managedFields: [{ manager: 'm', fieldsV1: { 'f:data': {} } }],
      },
      data: { k: 'v' },
      spec: { replicas: 2, paused: false, selector: null, ports: [80, 443] },
    };
    const copy = cloneJson(source);
    expect(copy).toEqual(source);
    copy.metadata.labels.app = 'y';
    copy.metadata.managedFields[0]!.fieldsV1['f:data'] = { changed: true } as never;
    copy.spec.ports.push(8080);
    expect(source.metadata.labels.app).toBe('x');
    expect(source.metadata.managedFields[0]!.fieldsV1['f:data']).toEqual({});
    expect(source.spec.ports).toEqual([80, 443]);
  });

  it('keeps a Date (an unquoted YAML timestamp) and bytes as values of their own kind, copied', () => {
    const when = new Date('2026-11-23T10:00:00Z');
    const bytes = new Uint8Array([1, 2, 3]);
    const copy = cloneJson({ at: when, raw: bytes });
    expect(Object.prototype.toString.call(copy.at)).toBe('[object Date]'); // jest's realm has its own Date
    expect(copy.at.getTime()).toBe(when.getTime());
    expect(copy.at).not.toBe(when);
    expect(Array.from(copy.raw)).toEqual([1, 2, 3]);
    expect(copy.raw).not.toBe(bytes);
  });

  it('keeps a "__proto__" key a key', () => {
    const source = JSON.parse('{"data":{"__proto__":{"polluted":"yes"},"ok":"1"}}') as {
      data: Record<string, unknown>;
    };
    const copy = cloneJson(source);
    expect(Object.keys(copy.data)).toEqual(['__proto__', 'ok']);
    expect((copy.data as { polluted?: string }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(copy.data)).toBe(Object.prototype);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(source));
  });
});
