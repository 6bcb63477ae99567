// Mistakes in the manifests themselves: each is refused before the cluster is asked anything (exit 2, not
// one request sent), with one line naming the cause, the file:line and the object, and what to do.
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectRefused, type BadInputCase } from '../helpers/bad-input.js';
import { quietNamespace } from '../helpers/cluster-snapshot.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
  await quietNamespace(t.cluster, 'bad-input');
});
afterAll(() => t.stop());

const target = () => ['--kubeconfig', t.kubeconfigPath, '--namespace', 'bad-input', '--app', 'bad-input'];
const manifest = (file: string, says: BadInputCase['says']): BadInputCase => ({
  name: file,
  argv: [file],
  exit: 2,
  says,
});

const shape: BadInputCase[] = [
  manifest('kind-missing.yaml', [
    'kind-missing.yaml:2: error:',
    'settings',
    'kind is missing',
    'add for example',
  ]),
  manifest('api-version-missing.yaml', [
    'api-version-missing.yaml:2: error:',
    'ConfigMap settings',
    'apiVersion is missing',
    '"apiVersion: v1"',
  ]),
  manifest('hook-without-name.yaml', [
    'hook-without-name.yaml:5: error:',
    'Job (unnamed)',
    'metadata.name is missing',
    'set metadata.name or metadata.generateName',
  ]),
  manifest('resource-with-generate-name.yaml', [
    'resource-with-generate-name.yaml:5: error:',
    'ConfigMap settings-*',
    'generateName is only supported on hooks',
    'set metadata.name',
  ]),
  manifest('metadata-not-mapping.yaml', [
    'metadata-not-mapping.yaml:4: error:',
    'metadata must be a mapping',
  ]),
  manifest('name-not-string.yaml', [
    'name-not-string.yaml:5: error:',
    'metadata.name must be a string',
    'quote it',
  ]),
  manifest('label-not-string.yaml', [
    'label-not-string.yaml:7: error:',
    'ConfigMap settings',
    'metadata.labels["enabled"] is a boolean',
    'quote the value',
  ]),
  manifest('invalid-name.yaml', [
    'invalid-name.yaml:5: error:',
    '"My_Settings" is not a valid ConfigMap name',
    'rename the object',
  ]),
  manifest('invalid-namespace.yaml', [
    'invalid-namespace.yaml:6: error:',
    'ConfigMap Shop_Prod/settings',
    'metadata.namespace "Shop_Prod" is not a valid namespace name',
  ]),
  manifest('not-an-object.yaml', [
    'not-an-object.yaml:2: error:',
    'must be a Kubernetes object',
    'found a list',
  ]),
];

const annotations: BadInputCase[] = [
  manifest('sync-wave-decimal.yaml', [
    'sync-wave-decimal.yaml:7: error: ConfigMap settings:',
    'sync-wave must be an integer, found "1.5"',
    'write a whole number',
  ]),
  manifest('sync-wave-word.yaml', ['sync-wave-word.yaml:7: error:', 'must be an integer, found "first"']),
  manifest('sync-wave-unquoted.yaml', [
    'sync-wave-unquoted.yaml:7: error:',
    'is a number, but Kubernetes only accepts strings',
    'quote the value: "1"',
  ]),
  manifest('hook-weight-word.yaml', [
    'hook-weight-word.yaml:8: error:',
    'helm.sh/hook-weight must be an integer, found "heavy"',
  ]),
  manifest('merge-key-wave.yaml', [
    'merge-key-wave.yaml:16: error: ConfigMap second:',
    'must be an integer, found "soon"',
  ]),
  manifest('hook-timeout-too-long.yaml', [
    'hook-timeout-too-long.yaml:8: error: Job migrate:',
    'hook-sync.io/timeout must be at most 24h, found "1000h"',
  ]),
  manifest('hook-timeout-negative.yaml', [
    'hook-timeout-negative.yaml:8: error:',
    'hook-sync.io/timeout must not be negative, found "-5s"',
  ]),
  manifest('hook-timeout-zero.yaml', [
    'hook-timeout-zero.yaml:8: error:',
    'hook-sync.io/timeout must be longer than 0, found "0s"',
  ]),
  manifest('hook-timeout-unit.yaml', [
    'hook-timeout-unit.yaml:8: error:',
    'must be a duration such as "90s", "5m" or "1h30m", found "10x"',
  ]),
  manifest('fail-fast-word.yaml', [
    'fail-fast-word.yaml:8: error:',
    'hook-sync.io/fail-fast-after must be a duration',
    'or "off" to wait without failing fast',
  ]),
  manifest('fail-fast-too-long.yaml', [
    'fail-fast-too-long.yaml:8: error:',
    'hook-sync.io/fail-fast-after must be at most 24h, found "500h"',
  ]),
];

const files: BadInputCase[] = [
  manifest('tabs.yaml', ['tabs.yaml:5:1: error:', 'tab characters', 'indent with spaces']),
  manifest('duplicate-key.yaml', [
    'duplicate-key.yaml:6:3: error:',
    'duplicated mapping key "name"',
    'keep one of them',
  ]),
  manifest('helm-template.yaml', [
    'helm-template.yaml:5:1: error:',
    'the file is a template, not a manifest',
    'this is a Helm template: render it first (helm template',
  ]),
  manifest('helm-template-quoted.yaml', [
    'helm-template-quoted.yaml:5: error:',
    'name "{{ .Release.Name }}-settings" is template code',
    'render it first',
  ]),
  manifest('anchor-across-documents.yaml', [
    'anchor-across-documents.yaml:13:8: error:',
    'unidentified alias "shared"',
    'anchors do not carry across "---"',
  ]),
  manifest('bom-wave.yaml', ['bom-wave.yaml:7: error:', 'must be an integer, found "later"']),
  manifest('wave.json', ['wave.json:7: error: ConfigMap settings:', 'must be an integer, found "later"']),
  manifest('broken.json', [
    'broken.json:4:3: error: invalid JSON:',
    "Expected ',' or '}' after property value",
  ]),
  manifest('empty.yaml', [
    'error: no Kubernetes objects found in empty.yaml',
    'point at files or directories',
  ]),
  manifest('comments-only.yaml', ['no Kubernetes objects found in comments-only.yaml']),
  manifest('alias-bomb.yaml', [
    'alias-bomb.yaml:2: error:',
    'YAML aliases expand to too many nodes',
    'billion laughs',
  ]),
  manifest('missing.yaml', ['no such file or directory: missing.yaml', 'paths are resolved from']),
  manifest('no-manifests', ['the directory "no-manifests" holds no .yaml, .yml or .json file']),
  manifest('nothing-*.yaml', ['the pattern "nothing-*.yaml" matched no .yaml, .yml or .json file']),
];

const identity: BadInputCase[] = [
  manifest('same-object-twice.yaml', [
    'same-object-twice.yaml:7: error: ConfigMap settings:',
    'also defined at same-object-twice.yaml:2',
    'keep one definition',
  ]),
  manifest('two-files', [
    'two-files/b.yaml:2: error: ConfigMap settings:',
    'also defined at two-files/a.yaml:2',
  ]),
  manifest('list-duplicate-items.yaml', [
    'list-duplicate-items.yaml:9: error:',
    'also defined at list-duplicate-items.yaml:5',
  ]),
  manifest('list-item-without-kind.yaml', [
    'list-item-without-kind.yaml:9: error:',
    'second',
    'kind is missing',
  ]),
  manifest('generated-name-too-long.yaml', [
    'generated-name-too-long.yaml:5: error:',
    'the generated PreSync name',
    'is not a valid Job name',
    'shorten metadata.generateName',
  ]),
  manifest('same-generate-name.yaml', [
    'same-generate-name.yaml:17: error:',
    'generates the same PostSync name',
    'same-generate-name.yaml:2',
    'give each hook its own generateName',
  ]),
];

function inTempDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-bad-input-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

describe('bad manifests are refused before the cluster is asked', () => {
  for (const [group, cases] of Object.entries({ shape, annotations, files, identity }))
    describe(group, () => {
      it.each(cases)('$name', (c) => expectRefused(t.cluster, { ...c, argv: [...c.argv, ...target()] }));
    });

  // Written here rather than kept as fixtures: binary, huge or CRLF files do not belong in the repository.
  describe('generated files', () => {
    it('a binary file', () =>
      expectRefused(t.cluster, {
        name: 'binary',
        argv: ['logo.yaml', ...target()],
        cwd: inTempDir({
          'logo.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]),
        }),
        exit: 2,
        says: ['logo.yaml:1: error:', 'the file is binary, not a YAML or JSON manifest', 'remove it'],
      }));

    it('CRLF line ends: the line of the mistake is still right', () =>
      expectRefused(t.cluster, {
        name: 'crlf',
        argv: ['windows.yaml', ...target()],
        cwd: inTempDir({
          'windows.yaml':
            'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: settings\r\n  annotations:\r\n    argocd.argoproj.io/sync-wave: later\r\n',
        }),
        exit: 2,
        says: ['windows.yaml:6: error:', 'must be an integer, found "later"'],
      }));

    it('a 60 MB ConfigMap, refused client-side, naming it', () => {
      const blob = 'x'.repeat(60 * 1024 * 1024);
      return expectRefused(t.cluster, {
        name: 'huge configmap',
        argv: ['dump.yaml', ...target()],
        cwd: inTempDir({
          'dump.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: database-dump\ndata:\n  dump.sql: "${blob}"\n`,
        }),
        exit: 2,
        says: [
          'dump.yaml:6: error: ConfigMap database-dump:',
          "the ConfigMap's data is 60.0 MiB",
          'at most 1 MiB',
          'split it',
        ],
      });
    });

    it('a Secret just over 1 MiB', () =>
      expectRefused(t.cluster, {
        name: 'large secret',
        argv: ['cert.yaml', ...target()],
        cwd: inTempDir({
          'cert.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: bundle\ndata:\n  bundle.pem: ${Buffer.alloc(1024 * 1024 + 1).toString('base64')}\n`,
        }),
        exit: 2,
        says: ['cert.yaml:6: error: Secret bundle:', "the Secret's data is 1.0 MiB", 'at most 1 MiB'],
      }));

    it('annotations over 256 KiB', () =>
      expectRefused(t.cluster, {
        name: 'huge annotation',
        argv: ['notes.yaml', ...target()],
        cwd: inTempDir({
          'notes.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: notes\n  annotations:\n    notes: "${'n'.repeat(300 * 1024)}"\n`,
        }),
        exit: 2,
        says: ['notes.yaml:6: error: ConfigMap notes:', 'its annotations are 300.0 KiB', 'at most 256 KiB'],
      }));
  });
});
