import type { Diagnostic } from '../../src/diagnostics.js';
import { parseManifestText } from '../../src/manifests/load-manifests.js';
import { buildPlan, type PlanOptions } from '../../src/plan/build-plan.js';

export const DEFAULTS: PlanOptions = {
  operation: 'sync',
  namespace: 'default',
  revision: '0123456789abcdef',
  startedAt: 1700000000,
};

/** Plans YAML text as if it were the file `app.yaml`. */
export function planYaml(text: string, options: Partial<PlanOptions> = {}) {
  const diagnostics: Diagnostic[] = [];
  const manifests = parseManifestText(text, 'app.yaml', diagnostics);
  const result = buildPlan(manifests, { ...DEFAULTS, ...options });
  return { ...result, diagnostics: [...diagnostics, ...result.diagnostics] };
}

/** `Phase/wave Kind/name` per task, the shape most ordering assertions want. */
export function order(text: string, options: Partial<PlanOptions> = {}): string[] {
  const { plan, diagnostics } = planYaml(text, options);
  if (!plan) throw new Error(`unexpected errors: ${JSON.stringify(diagnostics, null, 2)}`);
  return plan.tasks.map((t) => `${t.phase}/${t.wave} ${t.kind}/${t.name}`);
}

export function codes(diagnostics: readonly Diagnostic[], severity?: 'error' | 'warning'): string[] {
  return diagnostics.filter((d) => !severity || d.severity === severity).map((d) => d.code);
}

/** A minimal object of a kind with the given annotations. */
export function obj(
  kind: string,
  name: string,
  annotations: Record<string, string> = {},
  extra = '',
): string {
  const apiVersion =
    {
      Job: 'batch/v1',
      Deployment: 'apps/v1',
      StatefulSet: 'apps/v1',
      CustomResourceDefinition: 'apiextensions.k8s.io/v1',
      ClusterRole: 'rbac.authorization.k8s.io/v1',
    }[kind] ?? 'v1';
  const ann = Object.entries(annotations)
    .map(([k, v]) => `\n    ${k}: ${JSON.stringify(v)}`)
    .join('');
  const nameLine = name.endsWith('-') ? `generateName: ${name}` : `name: ${name}`;
  return `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  ${nameLine}${ann ? `\n  annotations:${ann}` : ''}\n${extra}---\n`;
}
