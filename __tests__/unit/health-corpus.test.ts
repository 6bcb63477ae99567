// Every fixture is a realistic object state with the verdict hook-sync must give for it.
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { assessHealth } from '../../src/health/resource-health.js';

interface Case {
  case: string;
  expect: { status: string; message: string; reason?: string } | null;
  object: Record<string, unknown>;
}

const dir = path.resolve(import.meta.dirname, '..', 'fixtures', 'health');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const corpus = files.flatMap((file) =>
  (load(readFileSync(path.join(dir, file), 'utf8')) as Case[]).map((c) => ({ file, ...c })),
);

describe('the health fixture corpus', () => {
  it('holds at least 60 object states', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
  });

  it('covers every kind with a health check', () => {
    const kinds = new Set(corpus.map((c) => c.object.kind));
    for (const kind of [
      'Deployment',
      'StatefulSet',
      'DaemonSet',
      'ReplicaSet',
      'Pod',
      'Job',
      'Service',
      'Ingress',
      'PersistentVolumeClaim',
      'HorizontalPodAutoscaler',
      'APIService',
      'CustomResourceDefinition',
      'Workflow',
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  it.each(corpus.map((c) => [`${c.file}: ${c.case}`, c] as const))('%s', (_name, c) => {
    const health = assessHealth(c.object);
    if (c.expect === null) {
      expect(health).toBeUndefined();
      return;
    }
    expect(health).toEqual({
      status: c.expect.status,
      message: c.expect.message,
      ...(c.expect.reason ? { reason: c.expect.reason } : {}),
    });
  });
});
