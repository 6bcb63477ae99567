/** Annotation keys hook-sync reads. Argo CD's own, so existing repositories work unchanged. */
export const ARGO_HOOK = 'argocd.argoproj.io/hook';
export const ARGO_HOOK_DELETE_POLICY = 'argocd.argoproj.io/hook-delete-policy';
export const ARGO_SYNC_WAVE = 'argocd.argoproj.io/sync-wave';
export const ARGO_SYNC_OPTIONS = 'argocd.argoproj.io/sync-options';

export const HELM_HOOK = 'helm.sh/hook';
export const HELM_HOOK_WEIGHT = 'helm.sh/hook-weight';
export const HELM_HOOK_DELETE_POLICY = 'helm.sh/hook-delete-policy';

/**
 * A problem with one annotation. The caller knows the manifest and turns it into a Diagnostic at the
 * annotation's own line.
 */
export interface AnnotationProblem {
  annotation: string;
  severity: 'error' | 'warning';
  code: string;
  message: string;
  hint?: string;
}

/** Comma-separated values, trimmed, empty ones dropped, duplicates removed (first wins). */
export function csv(value: string): string[] {
  const out: string[] = [];
  for (const part of value.split(',')) {
    const v = part.trim();
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}
