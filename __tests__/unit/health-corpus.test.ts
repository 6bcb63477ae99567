// Every fixture is a realistic object state with the verdict hook-sync must give for it. A case without
// `message` (argo-cd-corpus.yaml: Argo CD's own tests assert the status only) asserts the status, and the
// reason when it names one.
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { assessHealth } from '../../src/health/resource-health.js';

interface Case {
  case: string;
  expect: { status: string; message?: string; reason?: string } | null;
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

  it("holds every object state of Argo CD's health tests (gitops-engine pkg/health)", () => {
    expect(corpus.filter((c) => c.file === 'argo-cd-corpus.yaml')).toHaveLength(49);
  });

  it.each(corpus.map((c) => [`${c.file}: ${c.case}`, c] as const))('%s', (_name, c) => {
    const health = assessHealth(c.object);
    if (c.expect === null) {
      expect(health).toBeUndefined();
      return;
    }
    if (c.expect.message === undefined) {
      expect(health?.status).toBe(c.expect.status);
      // Every verdict but Healthy must still tell a person what to do.
      if (c.expect.status !== 'Healthy') expect(health?.message).not.toBe('');
      if (c.expect.reason) expect(health?.reason).toBe(c.expect.reason);
      return;
    }
    expect(health).toEqual({
      status: c.expect.status,
      message: c.expect.message,
      ...(c.expect.reason ? { reason: c.expect.reason } : {}),
    });
  });
});
