import { describe, expect, it } from '@jest/globals';
import type { Diagnostic } from '../../src/diagnostics.js';
import { parseManifestText } from '../../src/manifests/load-manifests.js';
import { YamlSyntaxError, parseYamlDocuments } from '../../src/manifests/yaml-documents.js';

function load(text: string, file = 'm.yaml') {
  const diagnostics: Diagnostic[] = [];
  const manifests = parseManifestText(text, file, diagnostics);
  return { manifests, diagnostics };
}

describe('multi-document YAML', () => {
  it('keeps the line each object starts on, skipping comments, empty documents and a trailing ---', () => {
    const { manifests, diagnostics } = load(
      [
        '# leading comment',
        '---',
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: {name: a}',
        '---',
        '---',
        '',
        '# only a comment',
        '---',
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: b',
        '---',
        '',
      ].join('\n'),
    );
    expect(diagnostics).toEqual([]);
    expect(manifests.map((m) => [m.object.metadata?.name, m.source.line])).toEqual([
      ['a', 3],
      ['b', 11],
    ]);
  });

  it('locates a nested field by its own line', () => {
    const { manifests } = load(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations:\n    x: "1"\n    argocd.argoproj.io/sync-wave: "abc"\n',
    );
    expect(manifests[0]!.locate(['metadata', 'annotations', 'argocd.argoproj.io/sync-wave']).line).toBe(7);
    expect(manifests[0]!.locate(['metadata', 'annotations', 'absent']).line).toBe(6);
  });

  it('reports a syntax error with its line and column and yields nothing from that file', () => {
    const { manifests, diagnostics } = load('apiVersion: v1\nkind: ConfigMap\n metadata: x\n');
    expect(manifests).toEqual([]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'yaml-syntax',
      source: { file: 'm.yaml', line: 3 },
    });
    expect(diagnostics[0]!.source!.column).toBeGreaterThan(0);
  });

  it('rejects duplicate keys, as the API server would', () => {
    expect(() => parseYamlDocuments('a: 1\na: 2\n')).toThrow(YamlSyntaxError);
  });

  it('keeps the last of duplicate keys when asked (for kubectl output), saying where each repeat is', () => {
    const docs = parseYamlDocuments('a: 1\nb: {c: 1, c: 2}\na: 3\n---\nd: 1\n', {
      duplicateKeys: 'last-wins',
    });
    expect(docs.map((d) => d.value)).toEqual([{ a: 3, b: { c: 2 } }, { d: 1 }]);
    expect(docs[0]!.duplicateKeys).toEqual([
      { key: 'c', offset: 15 },
      { key: 'a', offset: 21 },
    ]);
    expect(docs[1]!.duplicateKeys).toBeUndefined();
  });

  it('does not turn dates into timestamps (manifests go out as written)', () => {
    const { manifests } = load(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  day: 2024-01-01\n',
    );
    expect((manifests[0]!.object.data as Record<string, unknown>).day).toBe('2024-01-01');
  });

  it('honours merge keys', () => {
    const { manifests } = load(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nbase: &b {x: "1"}\ndata:\n  <<: *b\n  y: "2"\n',
    );
    expect(manifests[0]!.object.data).toEqual({ x: '1', y: '2' });
  });

  it('expands kind: List and *List with each item at its own line', () => {
    const { manifests } = load(
      [
        'apiVersion: v1',
        'kind: List',
        'items:',
        '  - apiVersion: v1',
        '    kind: ConfigMap',
        '    metadata: {name: a}',
        '  - apiVersion: v1',
        '    kind: ConfigMap',
        '    metadata: {name: b}',
        '---',
        'apiVersion: v1',
        'kind: ConfigMapList',
        'items:',
        '- apiVersion: v1',
        '  kind: ConfigMap',
        '  metadata: {name: c}',
      ].join('\n'),
    );
    expect(manifests.map((m) => [m.object.metadata?.name, m.source.line])).toEqual([
      ['a', 4],
      ['b', 7],
      ['c', 14],
    ]);
  });

  it('reads JSON files, including tab-indented ones YAML would refuse', () => {
    const json = '{\n\t"apiVersion": "v1",\n\t"kind": "ConfigMap",\n\t"metadata": {"name": "j"}\n}\n';
    const { manifests, diagnostics } = load(json, 'cm.json');
    expect(diagnostics).toEqual([]);
    expect(manifests[0]!.object.metadata?.name).toBe('j');
  });

  it('refuses a document that is not a mapping, pointing at it', () => {
    const { diagnostics } = load(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n- just\n- a list\n',
    );
    expect(diagnostics).toMatchObject([{ code: 'not-an-object', source: { line: 5 } }]);
  });

  it('skips a kustomization.yaml with a warning instead of applying it', () => {
    const { manifests, diagnostics } = load(
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n',
    );
    expect(manifests).toEqual([]);
    expect(diagnostics).toMatchObject([{ severity: 'warning', code: 'kustomization-skipped' }]);
  });
});
