// The protobuf codec's rules: Go's JSON for what the wire leaves out, Duration's text form, errors that
// name what is wrong, and a schema table that covers every served kind.
import { describe, expect, it } from '@jest/globals';
import { decodeMessage, decodeObject } from '../../src/embedded-cluster/protobuf/decode.js';
import { encodeMessage, encodeObject } from '../../src/embedded-cluster/protobuf/encode.js';
import { ProtobufError } from '../../src/embedded-cluster/protobuf/errors.js';
import { kubernetesSchema } from '../../src/embedded-cluster/protobuf/schema.js';
import { formatGoDuration, parseGoDuration } from '../../src/embedded-cluster/protobuf/well-known.js';
import { ProtoWriter } from '../../src/embedded-cluster/protobuf/wire.js';
import { apiVersionOf, BUILT_IN_TYPES } from '../../src/embedded-cluster/resource-types.js';

const roundTrip = (obj: Record<string, unknown>) => decodeObject(encodeObject(obj));

/** The magic and a runtime.Unknown around `raw`, built by hand. */
function envelope(apiVersion: string, kind: string, raw: Uint8Array, contentEncoding = ''): Buffer {
  const typeMeta = new ProtoWriter();
  typeMeta.stringField(1, apiVersion);
  typeMeta.stringField(2, kind);
  const unknown = new ProtoWriter();
  unknown.bytesField(1, typeMeta.finish());
  unknown.bytesField(2, raw);
  unknown.stringField(3, contentEncoding);
  return Buffer.concat([Buffer.from('k8s\0', 'latin1'), unknown.finish()]);
}

function objectMeta(name: string): Uint8Array {
  const meta = new ProtoWriter();
  meta.stringField(1, name);
  return meta.finish();
}

function codecError(fn: () => unknown): ProtobufError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ProtobufError) return err;
    throw err;
  }
  throw new Error('expected a ProtobufError');
}

describe('Duration', () => {
  it("Go's text form, both ways", () => {
    const through = (text: string) =>
      decodeMessage('meta/v1.Duration', encodeMessage('meta/v1.Duration', text, 'd'), 'd');
    expect(through('1h2m3.5s')).toBe('1h2m3.5s');
    expect(through('90m')).toBe('1h30m0s');
    expect(through('250ms')).toBe('250ms');
    expect(through('0')).toBe('0s');
    expect(through('-1.5us')).toBe('-1.5µs');
    expect(formatGoDuration(parseGoDuration('2h45m', 'd'))).toBe('2h45m0s');
    expect(codecError(() => parseGoDuration('5 minutes', 'spec.timeout')).message).toBe(
      'spec.timeout: expected a duration such as "1h30m", "90s" or "250ms"',
    );
  });
});

describe("Go's JSON rules for what the wire leaves out", () => {
  it('absent structs are written empty, absent pointers and omitempty zeros are left out', () => {
    expect(decodeObject(envelope('apps/v1', 'Deployment', new Uint8Array(0)))).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {},
      spec: { template: { metadata: {}, spec: {} }, strategy: {} },
      status: {},
    });
  });

  it('a pointer set to zero is kept, a plain zero with omitempty is dropped, one without is written', () => {
    const decoded = roundTrip({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: {
        ports: [{ name: 'p', targetPort: 'http' }],
        allocateLoadBalancerNodePorts: false,
        sessionAffinity: '',
      },
    }) as any;
    expect(decoded.spec).toEqual({
      ports: [{ name: 'p', port: 0, targetPort: 'http' }],
      allocateLoadBalancerNodePorts: false,
    });
  });

  it('repeated numbers are read packed and unpacked alike', () => {
    const podSecurity = (packed: boolean) => {
      const context = new ProtoWriter();
      if (packed) {
        // One length-delimited run of bare varints: 1000 and 2000.
        context.bytesField(4, Uint8Array.of(0xe8, 0x07, 0xd0, 0x0f));
      } else {
        context.varintField(4, 1000);
        context.varintField(4, 2000);
      }
      const spec = new ProtoWriter();
      spec.bytesField(14, context.finish());
      const pod = new ProtoWriter();
      pod.bytesField(1, objectMeta('p'));
      pod.bytesField(2, spec.finish());
      return (decodeObject(envelope('v1', 'Pod', pod.finish())) as any).spec.securityContext;
    };
    expect(podSecurity(true)).toEqual({ supplementalGroups: [1000, 2000] });
    expect(podSecurity(false)).toEqual({ supplementalGroups: [1000, 2000] });
  });
});

describe('errors name what is wrong', () => {
  it('a kind without a schema', () => {
    const err = codecError(() => decodeObject(envelope('example.com/v1', 'Widget', new Uint8Array(0))));
    expect(err.reason).toBe('unknown-kind');
    expect(err.message).toBe(
      'the server does not understand protobuf for example.com/v1, Kind=Widget; send JSON (application/json)',
    );
  });

  it('a field number a known message does not have, at its path', () => {
    const configMap = new ProtoWriter();
    configMap.bytesField(1, objectMeta('settings'));
    configMap.varintField(99, 1);
    const top = codecError(() => decodeObject(envelope('v1', 'ConfigMap', configMap.finish())));
    expect(top.reason).toBe('unknown-field');
    expect(top.message).toMatch(
      /^ConfigMap: field number 99 is not a field of core\/v1\.ConfigMap \(the server's table knows 1, /,
    );

    const container = new ProtoWriter();
    container.stringField(1, 'web');
    container.stringField(77, 'surprise');
    const podSpec = new ProtoWriter();
    podSpec.bytesField(2, container.finish());
    const pod = new ProtoWriter();
    pod.bytesField(2, podSpec.finish());
    const nested = codecError(() => decodeObject(envelope('v1', 'Pod', pod.finish())));
    expect(nested.message).toMatch(
      /^Pod\.spec\.containers\[0\]: field number 77 is not a field of core\/v1\.Container/,
    );
  });

  it('malformed bytes: no magic, truncated, a wrong wire type', () => {
    expect(codecError(() => decodeObject(Buffer.from('{"kind":"ConfigMap"}'))).message).toBe(
      'the request body does not start with the protobuf magic "k8s\\0"',
    );
    const good = encodeObject({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'x' },
      data: { a: 'b' },
    });
    const truncated = codecError(() => decodeObject(good.subarray(0, good.length - 3)));
    expect(truncated.reason).toBe('malformed');
    const wrongWire = new ProtoWriter();
    wrongWire.varintField(1, 5); // metadata is a message, not a number
    expect(codecError(() => decodeObject(envelope('v1', 'ConfigMap', wrongWire.finish()))).message).toBe(
      'ConfigMap.metadata: wire type 0 where meta/v1.ObjectMeta needs wire type 2',
    );
  });

  it('an encoded envelope is refused: the server reads plain protobuf only', () => {
    const err = codecError(() => decodeObject(envelope('v1', 'ConfigMap', new Uint8Array(0), 'gzip')));
    expect(err.reason).toBe('unsupported');
  });

  it('encoding: a JSON field protobuf has no number for, a wrong type, bad base64 (the value not shown)', () => {
    const unknown = codecError(() =>
      encodeObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, spec: { a: 1 } }),
    );
    expect(unknown.message).toBe(
      'ConfigMap: field "spec" has no protobuf field in core/v1.ConfigMap; ask for application/json to read it',
    );
    expect(
      codecError(() => encodeObject({ apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: 'two' } }))
        .message,
    ).toBe('Deployment.spec.replicas: expected an integer (int32)');
    const secret = codecError(() =>
      encodeObject({ apiVersion: 'v1', kind: 'Secret', data: { password: 'hunter2 is not base64!' } }),
    );
    expect(secret.message).toBe('Secret.data["password"]: expected base64 data');
    expect(secret.message).not.toContain('hunter2');
  });
});

describe('the schema table', () => {
  it('has a message for every built-in kind and its List, and every field type it names exists', () => {
    const schema = kubernetesSchema();
    const seen = new Set<string>();
    const walk = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const field of schema.message(name).fields)
        if (!/^(string|int32|int64|bool|bytes|double)$/.test(field.type)) walk(field.type);
    };
    for (const type of BUILT_IN_TYPES) {
      for (const kind of [type.kind, `${type.kind}List`]) {
        const message = schema.messageOfKind(apiVersionOf(type), kind);
        expect({ kind, message }).toEqual({
          kind,
          message: expect.stringMatching(new RegExp(`\\.${kind}$`)),
        });
        walk(message!);
      }
    }
    expect(seen.size).toBeGreaterThan(300);
  });
});
