/**
 * Which phases an object runs in, from `argocd.argoproj.io/hook` and `helm.sh/hook` (contract §1).
 * Argo's recognised types win over Helm's on the same object; an object whose hook annotation names no
 * phase we know is dropped, as Argo CD drops it, but unlike Argo CD we say so.
 */
import { ARGO_HOOK, HELM_HOOK, csv, type AnnotationProblem } from './annotations.js';
import { suggestion } from './nearest.js';
import { phaseOrder, type Phase } from './phase.js';

export type HookRole =
  /** A normal resource, applied in the Sync phase. */
  | { role: 'resource' }
  /** `hook: Skip`: neither applied nor pruned. */
  | { role: 'skip' }
  | { role: 'hook'; phases: Phase[]; from: 'argo' | 'helm' }
  /** A hook with no phase we run: dropped, with a warning. */
  | { role: 'dropped' };

const ARGO_TYPES: readonly string[] = [
  'PreSync',
  'Sync',
  'PostSync',
  'SyncFail',
  'PreDelete',
  'PostDelete',
  'Skip',
];

const HELM_TO_PHASE: Readonly<Record<string, Phase>> = {
  'pre-install': 'PreSync',
  'pre-upgrade': 'PreSync',
  'post-install': 'PostSync',
  'post-upgrade': 'PostSync',
  'pre-delete': 'PreDelete',
  'post-delete': 'PostDelete',
};
const HELM_TEST = ['test', 'test-success', 'test-failure'];
const HELM_ROLLBACK = ['pre-rollback', 'post-rollback'];

export interface HookClassification {
  role: HookRole;
  problems: AnnotationProblem[];
}

function sortPhases(phases: Iterable<Phase>): Phase[] {
  return [...new Set(phases)].sort((a, b) => phaseOrder(a) - phaseOrder(b));
}

function argoTypes(value: string, problems: AnnotationProblem[]): string[] {
  const known: string[] = [];
  for (const v of csv(value)) {
    if (ARGO_TYPES.includes(v)) {
      known.push(v);
      continue;
    }
    const sameButCase = ARGO_TYPES.find((t) => t.toLowerCase() === v.toLowerCase());
    problems.push({
      annotation: ARGO_HOOK,
      severity: 'warning',
      code: 'unknown-hook-type',
      message: `unknown hook type "${v}"`,
      hint: sameButCase ? `hook types are case-sensitive: write "${sameButCase}"` : suggestion(v, ARGO_TYPES),
    });
  }
  return known;
}

function helmPhases(value: string, problems: AnnotationProblem[]): Phase[] {
  const phases: Phase[] = [];
  for (const v of csv(value)) {
    const phase = HELM_TO_PHASE[v];
    if (phase) phases.push(phase);
    else if (v === 'crd-install') continue;
    else if (HELM_TEST.includes(v)) {
      problems.push({
        annotation: HELM_HOOK,
        severity: 'warning',
        code: 'helm-test-hook-dropped',
        message: `Helm "${v}" hooks are not run during a sync`,
        hint: 'run chart tests with "helm test", or make it a PostSync hook with argocd.argoproj.io/hook: PostSync',
      });
    } else if (HELM_ROLLBACK.includes(v)) {
      problems.push({
        annotation: HELM_HOOK,
        severity: 'warning',
        code: 'helm-rollback-hook-dropped',
        message: `Helm "${v}" hooks are not run during a sync`,
      });
    } else {
      problems.push({
        annotation: HELM_HOOK,
        severity: 'warning',
        code: 'unknown-helm-hook',
        message: `unknown Helm hook "${v}"`,
        hint: suggestion(v, [...Object.keys(HELM_TO_PHASE), 'crd-install']),
      });
    }
  }
  return sortPhases(phases);
}

export function classifyHook(annotations: Readonly<Record<string, string>>): HookClassification {
  const problems: AnnotationProblem[] = [];
  const argo = annotations[ARGO_HOOK];
  const helm = annotations[HELM_HOOK];

  if (argo !== undefined) {
    const types = argoTypes(argo, problems);
    const phases = sortPhases(types.filter((t): t is Phase => t !== 'Skip'));
    if (phases.length > 0) {
      if (helm !== undefined) {
        problems.push({
          annotation: HELM_HOOK,
          severity: 'warning',
          code: 'helm-hook-overridden',
          message: `helm.sh/hook "${helm}" is ignored because ${ARGO_HOOK} is set on the same object`,
          hint: 'remove one of the two annotations to make the intent clear',
        });
      }
      return { role: { role: 'hook', phases, from: 'argo' }, problems };
    }
    if (types.length === 1 && types[0] === 'Skip') return { role: { role: 'skip' }, problems };
    // No recognised Argo type: Argo CD falls back to the Helm types of the same object.
    const fromHelm = helm !== undefined ? helmPhases(helm, problems) : [];
    if (fromHelm.length > 0) return { role: { role: 'hook', phases: fromHelm, from: 'helm' }, problems };
    problems.push({
      annotation: ARGO_HOOK,
      severity: 'warning',
      code: 'hook-dropped',
      message: `the object is a hook with no known phase ("${argo}"), so it is neither applied nor pruned`,
      hint: 'set a phase such as PreSync, or remove the annotation to apply it as a normal resource',
    });
    return { role: { role: 'dropped' }, problems };
  }

  if (helm !== undefined) {
    const values = csv(helm);
    if (values.length === 1 && values[0] === 'crd-install') return { role: { role: 'resource' }, problems };
    const phases = helmPhases(helm, problems);
    if (phases.length > 0) return { role: { role: 'hook', phases, from: 'helm' }, problems };
    if (
      !problems.some((p) => p.code === 'helm-test-hook-dropped' || p.code === 'helm-rollback-hook-dropped')
    ) {
      problems.push({
        annotation: HELM_HOOK,
        severity: 'warning',
        code: 'hook-dropped',
        message: `the object is a Helm hook with no phase hook-sync runs ("${helm}"), so it is neither applied nor pruned`,
      });
    }
    return { role: { role: 'dropped' }, problems };
  }

  return { role: { role: 'resource' }, problems };
}
