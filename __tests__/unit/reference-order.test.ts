import { describe, expect, it } from '@jest/globals';
import { podReferences } from '../../src/plan/reference-order.js';
import { codes, planYaml } from '../helpers/plan-from-yaml.js';

const secret = (name: string, annotations = '') =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\n${annotations}stringData: {a: b}\n---\n`;
const migration = (phase: string, env: string) => `apiVersion: batch/v1
kind: Job
metadata:
  generateName: migrate-
  annotations: {argocd.argoproj.io/hook: ${phase}}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: m
          image: busybox
${env}---
`;
const envFrom = (name: string, optional = false) =>
  `          envFrom: [{secretRef: {name: ${name}${optional ? ', optional: true' : ''}}}]\n`;

describe('references to objects the sync creates later', () => {
  it('warns when a PreSync hook reads a Secret of the Sync phase, at the hook, naming both places', () => {
    const { plan } = planYaml(secret('db') + migration('PreSync', envFrom('db')));
    expect(plan!.warnings).toEqual([
      expect.objectContaining({
        code: 'reference-created-later',
        source: { file: 'app.yaml', line: 7 },
        message: expect.stringContaining(
          'this PreSync hook needs Secret "db", which this sync creates only later (Sync wave 0, app.yaml:1)',
        ),
        hint: 'create the Secret first: make it a PreSync hook in an earlier wave',
      }),
    ]);
  });

  it('is quiet when the Secret comes first, is optional, or is not part of the sync', () => {
    expect(
      codes(
        planYaml(
          secret(
            'db',
            '  annotations: {argocd.argoproj.io/hook: PreSync, argocd.argoproj.io/sync-wave: "-1"}\n',
          ) + migration('PreSync', envFrom('db')),
        ).plan!.warnings,
      ),
    ).toEqual([]);
    expect(codes(planYaml(secret('db') + migration('PreSync', envFrom('db', true))).plan!.warnings)).toEqual(
      [],
    );
    expect(codes(planYaml(migration('PreSync', envFrom('elsewhere'))).plan!.warnings)).toEqual([]);
    expect(codes(planYaml(secret('db') + migration('PostSync', envFrom('db'))).plan!.warnings)).toEqual([]);
  });

  it('warns for a Deployment reading a ConfigMap of a later wave, suggesting a lower wave', () => {
    const yaml = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  annotations: {argocd.argoproj.io/sync-wave: "5"}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx, env: [{name: X, valueFrom: {configMapKeyRef: {name: settings, key: x}}}]}]
`;
    expect(planYaml(yaml).plan!.warnings).toEqual([
      expect.objectContaining({
        code: 'reference-created-later',
        hint: 'create the ConfigMap first: make it a lower sync-wave than 0',
      }),
    ]);
  });

  it('finds references in env, envFrom, volumes, projected volumes, init containers and the service account', () => {
    expect(
      podReferences({
        serviceAccountName: 'migrator',
        initContainers: [{ env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 's1', key: 'k' } } }] }],
        containers: [
          { envFrom: [{ configMapRef: { name: 'c1' } }, { secretRef: { name: 's2', optional: true } }] },
        ],
        volumes: [
          { name: 'v', secret: { secretName: 's3' } },
          { name: 'p', projected: { sources: [{ configMap: { name: 'c2' } }] } },
        ],
      }),
    ).toEqual([
      { kind: 'Secret', name: 's1' },
      { kind: 'ConfigMap', name: 'c1' },
      { kind: 'Secret', name: 's3' },
      { kind: 'ConfigMap', name: 'c2' },
      { kind: 'ServiceAccount', name: 'migrator' },
    ]);
  });
});
