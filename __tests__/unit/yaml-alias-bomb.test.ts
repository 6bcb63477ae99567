// YAML alias bombs are refused when the file is loaded, from the parser's events, without expanding them.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseEvents } from 'js-yaml';
import type { Diagnostic } from '../../src/diagnostics.js';
import { measureAliasExpansion } from '../../src/manifests/alias-expansion.js';
import { parseManifestText } from '../../src/manifests/load-manifests.js';
import { runCli } from '../helpers/cli.js';

/** "Billion laughs": `levels` anchors, each a list of `width` aliases of the one before. */
function bomb(levels: number, width = 9): string {
  const lines = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata: {name: lol}',
    'data:',
    `  l0: &l0 [${Array(width).fill('"lol"').join(',')}]`,
  ];
  for (let i = 1; i < levels; i++)
    lines.push(
      `  l${i}: &l${i} [${Array(width)
        .fill(`*l${i - 1}`)
        .join(',')}]`,
    );
  return lines.join('\n') + '\n';
}

function load(text: string, file = 'm.yaml') {
  const diagnostics: Diagnostic[] = [];
  const manifests = parseManifestText(text, file, diagnostics);
  return { manifests, diagnostics };
}

const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-alias-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('YAML alias expansion', () => {
  it('counts the nodes aliases stand for, without expanding them', () => {
    const text = 'a: &a [x, y]\nb: [*a, *a]\nc: &s z\nd: *s\n';
    const { documents, writtenNodes } = measureAliasExpansion(parseEvents(text, {}), text);
    // Written: the mapping, 4 keys, [x, y] (3), [*a, *a] (1), z. Aliases: 2 × 3 nodes, and 1 scalar.
    expect(writtenNodes).toBe(10);
    expect(documents).toEqual([{ offset: 0, aliasNodes: 7 }]);
  });

  it('refuses a billion-laughs file (9 levels of 9) with what, where and what to do', () => {
    const { manifests, diagnostics } = load(bomb(9), 'bomb.yaml');
    expect(manifests).toEqual([]);
    expect(diagnostics).toHaveLength(1);
    const [d] = diagnostics;
    expect(d).toMatchObject({
      severity: 'error',
      code: 'yaml-alias-bomb',
      source: { file: 'bomb.yaml', line: 1 },
    });
    expect(d!.message).toMatch(
      /^YAML aliases expand to too many nodes: [\d,]+ \(at most 100,000 in this file\)$/,
    );
    expect(d!.hint).toContain('write the repeated parts out');
  });

  it('refuses a bomb far too large ever to expand (40 levels: 9^40 nodes), so nothing is expanded', () => {
    const { diagnostics } = load(bomb(40));
    expect(diagnostics[0]!.code).toBe('yaml-alias-bomb');
    expect(diagnostics[0]!.message).toMatch(/too many nodes: \d\.\de\+\d+ /);
  });

  it('points at the document that holds the bomb', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: fine}\n---\n' + bomb(9);
    const { diagnostics } = load(text);
    expect(diagnostics).toMatchObject([{ code: 'yaml-alias-bomb', source: { line: 5 } }]);
  });

  it('still reads ordinary anchors, aliases and merge keys', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web, labels: &labels {app: web, tier: front}}',
      'spec:',
      '  selector: {matchLabels: *labels}',
      '  template:',
      '    metadata: {labels: *labels}',
      '    spec:',
      '      containers:',
      '        - &container {name: web, image: "nginx:1.27", env: [{name: MODE, value: prod}]}',
      '        - <<: *container',
      '          name: sidecar',
    ].join('\n');
    const { manifests, diagnostics } = load(text);
    expect(diagnostics).toEqual([]);
    const spec = manifests[0]!.object.spec as {
      selector: unknown;
      template: { metadata: unknown; spec: { containers: Record<string, unknown>[] } };
    };
    expect(spec.selector).toEqual({ matchLabels: { app: 'web', tier: 'front' } });
    expect(spec.template.metadata).toEqual({ labels: { app: 'web', tier: 'front' } });
    expect(spec.template.spec.containers[1]).toEqual({
      name: 'sidecar',
      image: 'nginx:1.27',
      env: [{ name: 'MODE', value: 'prod' }],
    });
  });

  it('lets aliases multiply a large file tenfold: the limit grows with what is written', () => {
    // 3,000 objects, each aliasing its own 41-node label block: 123,000 nodes from aliases in the file.
    const labels = Array.from({ length: 20 }, (_, i) => `k${i}: v`).join(', ');
    const docs = Array.from(
      { length: 3000 },
      (_, i) =>
        `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}, labels: &l {${labels}}, annotations: *l}`,
    );
    const { manifests, diagnostics } = load(docs.join('\n---\n'));
    expect(diagnostics).toEqual([]);
    expect(manifests).toHaveLength(3000);
    expect(manifests[2999]!.object.metadata?.annotations).toEqual(manifests[2999]!.object.metadata?.labels);
  });

  it('makes `hook-sync plan` exit 2 naming the file and line', async () => {
    writeFileSync(path.join(dir, 'bomb.yaml'), bomb(9));
    const { code, stderr } = await runCli(['plan', 'bomb.yaml'], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^bomb\.yaml:1: error: YAML aliases expand to too many nodes/m);
  });
});
