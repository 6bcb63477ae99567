// The embedded cluster refuses what a real API server refuses, in its words, with real kubectl.
// Where the texts come from (kubernetes/kubernetes, kubernetes/apimachinery, sigs.k8s.io/json,
// sigs.k8s.io/structured-merge-diff):
// - POST/PUT decode errors: apiserver endpoints/handlers/create.go transformDecodeError,
//   `<Kind> in version "<v>" cannot be handled as a <Kind>: <decoder error>`, 400; the decoder error is Go's
//   UnmarshalTypeError (`json: cannot unmarshal <kind> into Go struct field <Struct>.<path> of type <type>`)
//   or sigs.k8s.io/json's strict error (`strict decoding error: unknown field "<path>"`).
// - merge/JSON patches: handlers/patch.go jsonPatcher, 422 on field `patch`; strategic merge patches:
//   applyPatchToObject with runtime.DefaultUnstructuredConverter (`unrecognized type: int32`).
// - server-side apply: managedfields structuredmerge.go `failed to create typed patch object (ns/name; gvk)`
//   with structured-merge-diff's typed/validate.go messages, 500 (kubernetes/kubernetes#122480).
// - field validation: apimachinery util/validation (RegexError, IsConfigMapKey, IsValidPortNum…),
//   util/validation/field/errors.go (TooLong: "may not be more than N bytes"), core validation
//   ValidateConfigMap/ValidateSecret (1 MiB, the whole-object path printed as "[]").
// - body limit: handlers/rest.go limitedReadBody, 413 "Request entity too large: limit is 3145728".
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { base64ErrorOffset } from '../../src/embedded-cluster/schema/go-values.js';
import { kubectl, startTestCluster, type TestCluster } from '../helpers/embedded.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

const deployment = (name: string, replicas: string, container = 'image: nginx:1.27') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: web
          ${container}
`;

const stored = (kind: string, name: string, group = kind === 'Deployment' ? 'apps' : '') =>
  t.cluster.object(group, kind, 'default', name);

describe('field types', () => {
  it('refuses replicas: three on create with the decoder error, and stores nothing', async () => {
    const r = await kubectl(t, ['apply', '-f', '-'], deployment('typed', 'three'));
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect(stored('Deployment', 'typed')).toBeUndefined();
    // The same manifest with a number is accepted afterwards.
    expect((await kubectl(t, ['apply', '-f', '-'], deployment('typed', '2'))).code).toBe(0);
    expect(stored('Deployment', 'typed')?.spec).toMatchObject({ replicas: 2 });
  });

  it('names the Go struct and the path of a nested field', async () => {
    const r = await kubectl(
      t,
      ['create', '-f', '-'],
      deployment('nested-type', '1', 'image: nginx:1.27\n          env: [{name: A, value: 5}]'),
    );
    expect(r.stderr).toContain(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string',
    );
  });

  it('answers server-side apply with the typed-patch error (500, no reason)', async () => {
    const r = await kubectl(t, ['apply', '--server-side', '-f', '-'], deployment('ssa-typed', 'three'));
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'Error from server: failed to create typed patch object (default/ssa-typed; apps/v1, Kind=Deployment): .spec.replicas: expected numeric (int or float), got string',
    );
    expect(stored('Deployment', 'ssa-typed')).toBeUndefined();
  });

  it('refuses a merge patch and a strategic merge patch that break a type, leaving the object as it was', async () => {
    await kubectl(t, ['apply', '-f', '-'], deployment('patched', '1'));
    const generation = stored('Deployment', 'patched')!.metadata.generation;
    const merge = await kubectl(t, [
      'patch',
      'deployment',
      'patched',
      '--type',
      'merge',
      '-p',
      '{"spec":{"replicas":"three"}}',
    ]);
    expect(merge.code).toBe(1);
    expect(merge.stderr).toMatch(
      /^The request is invalid: patch: Invalid value: "\{.*\}": json: cannot unmarshal string into Go struct field DeploymentSpec\.spec\.replicas of type int32\n$/s,
    );
    const strategic = await kubectl(t, [
      'patch',
      'deployment',
      'patched',
      '-p',
      '{"spec":{"replicas":"three"}}',
    ]);
    expect(strategic.stderr.trim()).toBe(
      'The request is invalid: patch: Invalid value: "map[spec:map[replicas:three]]": unrecognized type: int32',
    );
    expect(stored('Deployment', 'patched')!.spec).toMatchObject({ replicas: 1 });
    expect(stored('Deployment', 'patched')!.metadata.generation).toBe(generation);
  });
});

describe('more type errors, each in its path’s wording', () => {
  it('quantities, strategic patches of a string map, and several mistakes at once in server-side apply', async () => {
    const quantity = await kubectl(
      t,
      ['apply', '-f', '-'],
      deployment('quantity', '1', 'image: nginx:1.27\n          resources: {limits: {cpu: "1 core"}}'),
    );
    expect(quantity.stderr.trim()).toBe(
      `Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    );
    // A number is a valid quantity.
    expect(
      (
        await kubectl(
          t,
          ['apply', '-f', '-'],
          deployment('quantity', '1', 'image: nginx:1.27\n          resources: {limits: {cpu: 2}}'),
        )
      ).code,
    ).toBe(0);

    await kubectl(t, ['apply', '-f', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: numbers}\n');
    const number = await kubectl(t, ['patch', 'configmap', 'numbers', '-p', '{"data":{"a":1}}']);
    expect(number.stderr.trim()).toBe(
      'The request is invalid: patch: Invalid value: "map[data:map[a:1]]": cannot convert int64 to string',
    );
    expect(stored('ConfigMap', 'numbers')).not.toHaveProperty('data');

    const two = await kubectl(
      t,
      ['apply', '--server-side', '-f', '-'],
      deployment('two-errors', 'three').replace('spec:\n  replicas', 'spec:\n  paused: "yes"\n  replicas'),
    );
    expect(two.stderr).toBe(
      'Error from server: failed to create typed patch object (default/two-errors; apps/v1, Kind=Deployment): errors:\n' +
        '  .spec.paused: expected boolean, got &{yes}\n' +
        '  .spec.replicas: expected numeric (int or float), got string\n',
    );
  });
});

describe('unknown fields', () => {
  it('are all named in one refusal, in the order the decoder meets them (kubectl sorts the keys)', async () => {
    const r = await kubectl(
      t,
      ['create', '-f', '-'],
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: typos, labelz: {a: b}}\ndatta: {a: b}\n',
    );
    expect(r.stderr.trim()).toBe(
      'Error from server (BadRequest): error when creating "STDIN": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "datta", unknown field "metadata.labelz"',
    );
  });

  const typo = (name: string) => deployment(name, '1', 'imagee: nginx:1.27\n          image: nginx:1.27');

  it('are refused at any depth under fieldValidation=Strict (kubectl’s default), naming the path', async () => {
    const r = await kubectl(t, ['apply', '-f', '-'], typo('strict'));
    expect(r.stderr.trim()).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].imagee"',
    );
    expect(stored('Deployment', 'strict')).toBeUndefined();
  });

  it('are reported in a Warning header and dropped under Warn', async () => {
    const r = await kubectl(t, ['apply', '--validate=warn', '-f', '-'], typo('warned'));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Warning: unknown field "spec.template.spec.containers[0].imagee"');
    const containers = (stored('Deployment', 'warned')!.spec as any).template.spec.containers;
    expect(containers[0]).not.toHaveProperty('imagee');
    expect(containers[0].image).toBe('nginx:1.27');
  });

  it('are dropped silently under Ignore', async () => {
    const r = await kubectl(t, ['apply', '--validate=false', '-f', '-'], typo('ignored'));
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect((stored('Deployment', 'ignored')!.spec as any).template.spec.containers[0]).not.toHaveProperty(
      'imagee',
    );
  });

  it('fail server-side apply whatever the directive', async () => {
    const r = await kubectl(t, ['apply', '--server-side', '--validate=false', '-f', '-'], typo('ssa-typo'));
    expect(r.stderr.trim()).toBe(
      'Error from server: failed to create typed patch object (default/ssa-typo; apps/v1, Kind=Deployment): .spec.template.spec.containers[name="web"].imagee: field not declared in schema',
    );
  });

  it('in a patch are warned about by default (kubectl patch sends no directive) and refused under Strict', async () => {
    await kubectl(t, ['apply', '-f', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: patch-typo}\n');
    const warned = await kubectl(t, [
      'patch',
      'configmap',
      'patch-typo',
      '--type',
      'merge',
      '-p',
      '{"dta":{"a":"1"}}',
    ]);
    expect(warned).toMatchObject({
      code: 0,
      stderr: 'Warning: unknown field "dta"\n',
      stdout: 'configmap/patch-typo patched (no change)\n',
    });
    const strict = await fetch(
      `${t.cluster.url}/api/v1/namespaces/default/configmaps/patch-typo?fieldValidation=Strict`,
      {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: JSON.stringify({ dta: { a: '1' } }),
      },
    );
    expect(strict.status).toBe(422);
    const status = (await strict.json()) as { message: string; details: unknown };
    expect(status.message).toMatch(
      /^ "" is invalid: patch: Invalid value: "\{.*\}": strict decoding error: unknown field "dta"$/s,
    );
    expect(status.details).toMatchObject({ causes: [{ reason: 'FieldValueInvalid', field: 'patch' }] });
  });
});

describe('data', () => {
  const configMap = (name: string, value: string) =>
    JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { big: value } });

  it('refuses more than 1 MiB of ConfigMap data (422) and a body over 3 MiB (413)', async () => {
    const tooMuch = await kubectl(t, ['create', '-f', '-'], configMap('big', 'x'.repeat(2 * 1024 * 1024)));
    expect(tooMuch.stderr.trim()).toBe(
      'The ConfigMap "big" is invalid: []: Too long: may not be more than 1048576 bytes',
    );
    const huge = await kubectl(t, ['create', '-f', '-'], configMap('huge', 'x'.repeat(4 * 1024 * 1024)));
    expect(huge.stderr.trim()).toBe(
      'Error from server (RequestEntityTooLarge): error when creating "STDIN": Request entity too large: limit is 3145728',
    );
    expect(stored('ConfigMap', 'big')).toBeUndefined();
    expect(stored('ConfigMap', 'huge')).toBeUndefined();
    // Just under the limit is fine.
    const fits = await kubectl(t, ['create', '-f', '-'], configMap('fits', 'x'.repeat(1024 * 1024 - 3)));
    expect(fits.code).toBe(0);
  });

  it('refuses what kubectl apply would store in its annotation beyond 256 KiB', async () => {
    const r = await kubectl(t, ['apply', '-f', '-'], configMap('annotated', 'x'.repeat(300 * 1024)));
    expect(r.stderr.trim()).toBe(
      'The ConfigMap "annotated" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes',
    );
  });

  it('refuses invalid base64 in a Secret with the decoder’s offset', async () => {
    const secret = (value: string) =>
      JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'b64' }, data: { token: value } });
    const r = await kubectl(t, ['apply', '-f', '-'], secret('not base64!'));
    expect(r.stderr.trim()).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3',
    );
    expect((await kubectl(t, ['apply', '-f', '-'], secret('c2VjcmV0'))).code).toBe(0);
  });

  it('reports base64 errors at the offset Go’s decoder (encoding/base64 decodeQuantum) reports', () => {
    expect(base64ErrorOffset('c2VjcmV0')).toBeUndefined();
    expect(base64ErrorOffset('YQ==')).toBeUndefined();
    expect(base64ErrorOffset('YW\nJj')).toBeUndefined(); // newlines are skipped
    expect(base64ErrorOffset('YQ')).toBe(0); // padding missing: the start of the unfinished quantum
    expect(base64ErrorOffset('YWJj=')).toBe(4); // padding as a quantum's first character
    expect(base64ErrorOffset('YQ=x')).toBe(2); // "==" expected after "YQ="
    expect(base64ErrorOffset('YQ==YQ==')).toBe(4); // data after the padding
    expect(base64ErrorOffset('ab$d')).toBe(2);
  });

  it('refuses ConfigMap keys outside [-._a-zA-Z0-9]', async () => {
    const created = await kubectl(
      t,
      ['create', '-f', '-'],
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'keys' },
        data: { 'a/b': '1' },
      }),
    );
    expect(created.stderr.trim()).toBe(
      `The ConfigMap "keys" is invalid: data[a/b]: Invalid value: "a/b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    );
  });
});

describe('formats', () => {
  it('refuses a Service port out of range, on the port and on the target port defaulted from it', async () => {
    const r = await kubectl(
      t,
      ['apply', '-f', '-'],
      'apiVersion: v1\nkind: Service\nmetadata: {name: ports}\nspec:\n  ports: [{port: 99999}]\n',
    );
    expect(r.stderr).toBe(
      'The Service "ports" is invalid: \n' +
        '* spec.ports[0].port: Invalid value: 99999: must be between 1 and 65535, inclusive\n' +
        '* spec.ports[0].targetPort: Invalid value: 99999: must be between 1 and 65535, inclusive\n',
    );
  });

  it('refuses a container port out of range inside a Deployment', async () => {
    const r = await kubectl(
      t,
      ['apply', '-f', '-'],
      deployment('cport', '1', 'image: nginx:1.27\n          ports: [{containerPort: 70000}]'),
    );
    expect(r.stderr.trim()).toBe(
      'The Deployment "cport" is invalid: spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    );
  });

  it('refuses a label value with a space and a label key with two slashes', async () => {
    const r = await kubectl(
      t,
      ['apply', '-f', '-'],
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: labelled\n  labels: {team: "a b"}\n',
    );
    expect(r.stderr.trim()).toBe(
      `The ConfigMap "labelled" is invalid: metadata.labels: Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
    const key = await kubectl(
      t,
      ['apply', '-f', '-'],
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: labelled\n  labels: {"a/b/c": x}\n',
    );
    expect(key.stderr).toContain(
      `metadata.labels: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters`,
    );
  });

  it('checks names in the format each kind uses', async () => {
    const service = await kubectl(t, [
      'create',
      'service',
      'clusterip',
      '1web',
      '--tcp=80',
      '--dry-run=server',
    ]);
    expect(service.stderr).toContain(
      `metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    );
    const ns = await kubectl(
      t,
      ['apply', '-f', '-'],
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: a.b}\n',
    );
    expect(ns.stderr.trim()).toBe(
      'The Namespace "a.b" is invalid: metadata.name: Invalid value: "a.b": must not contain dots',
    );
    const cm = await kubectl(
      t,
      ['apply', '-f', '-'],
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: Web}\n',
    );
    expect(cm.stderr).toContain(
      `metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
  });
});
