// Manifests copied from a live cluster are warned about, at the field's line, before anything runs.
import { describe, expect, it } from '@jest/globals';
import type { Diagnostic } from '../../src/diagnostics.js';
import { parseManifestText } from '../../src/manifests/load-manifests.js';
import { buildPlan } from '../../src/plan/build-plan.js';

function warnings(yaml: string): { code: string; line?: number }[] {
  const diagnostics: Diagnostic[] = [];
  const manifests = parseManifestText(yaml, 'dump.yaml', diagnostics);
  const { diagnostics: more } = buildPlan(manifests, {
    operation: 'sync',
    namespace: 'shop',
    revision: 'abcdef0',
    startedAt: 1,
  });
  return [...diagnostics, ...more]
    .filter((d) => d.severity === 'warning')
    .map((d) => ({ code: d.code, line: d.source?.line }));
}

describe('live-state warnings', () => {
  it('flags server-written fields, controller-owned objects and Events, each at its line', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: web-5d-abc
  uid: 1234
  resourceVersion: "41"
  ownerReferences:
    - {apiVersion: apps/v1, kind: ReplicaSet, name: web-5d, uid: rs, controller: true}
spec: {containers: [{name: web, image: nginx}]}
status: {phase: Running}
---
apiVersion: v1
kind: Event
metadata: {name: web.1}
involvedObject: {kind: Pod, name: web}
`;
    expect(warnings(yaml)).toEqual([
      { code: 'controller-owned', line: 8 },
      { code: 'live-state-fields', line: 5 },
      { code: 'event-in-manifests', line: 13 },
    ]);
  });

  it('says nothing about a manifest as people write it', () => {
    expect(warnings('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: "1"}\n')).toEqual(
      [],
    );
  });
});
