/**
 * When a hook object is deleted (contract §4). Argo and Helm policies are merged; none at all means
 * BeforeHookCreation, so a named hook runs again on every sync.
 */
import {
  ARGO_HOOK_DELETE_POLICY,
  HELM_HOOK_DELETE_POLICY,
  csv,
  type AnnotationProblem,
} from './annotations.js';
import { suggestion } from './nearest.js';

export const DELETE_POLICIES = ['BeforeHookCreation', 'HookSucceeded', 'HookFailed'] as const;
export type DeletePolicy = (typeof DELETE_POLICIES)[number];

const HELM_TO_ARGO: Readonly<Record<string, DeletePolicy>> = {
  'before-hook-creation': 'BeforeHookCreation',
  'hook-succeeded': 'HookSucceeded',
  'hook-failed': 'HookFailed',
};

export interface DeletePolicyResult {
  policies: DeletePolicy[];
  /** True when no policy was written and the default applies. */
  defaulted: boolean;
  problems: AnnotationProblem[];
}

export function parseDeletePolicies(annotations: Readonly<Record<string, string>>): DeletePolicyResult {
  const problems: AnnotationProblem[] = [];
  const found = new Set<DeletePolicy>();
  const argo = annotations[ARGO_HOOK_DELETE_POLICY];
  if (argo !== undefined) {
    for (const v of csv(argo)) {
      if ((DELETE_POLICIES as readonly string[]).includes(v)) found.add(v as DeletePolicy);
      else
        problems.push({
          annotation: ARGO_HOOK_DELETE_POLICY,
          severity: 'warning',
          code: 'unknown-delete-policy',
          message: `unknown hook delete policy "${v}" is ignored`,
          hint: suggestion(v, DELETE_POLICIES),
        });
    }
  }
  const helm = annotations[HELM_HOOK_DELETE_POLICY];
  if (helm !== undefined) {
    for (const v of csv(helm)) {
      const mapped = HELM_TO_ARGO[v];
      if (mapped) found.add(mapped);
      else
        problems.push({
          annotation: HELM_HOOK_DELETE_POLICY,
          severity: 'warning',
          code: 'unknown-delete-policy',
          message: `unknown Helm hook delete policy "${v}" is ignored`,
          hint: suggestion(v, Object.keys(HELM_TO_ARGO)),
        });
    }
  }
  if (found.size === 0) return { policies: ['BeforeHookCreation'], defaulted: true, problems };
  return { policies: DELETE_POLICIES.filter((p) => found.has(p)), defaulted: false, problems };
}
