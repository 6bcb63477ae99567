/**
 * A Kubernetes object as the user wrote it. We keep it as plain JSON on purpose: typed client models drop
 * fields they do not know, and the contract is that manifests reach the API server exactly as written.
 */
export interface KubeObject {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: KubeMetadata;
  [field: string]: unknown;
}

export interface KubeMetadata {
  name?: unknown;
  generateName?: unknown;
  namespace?: unknown;
  annotations?: unknown;
  labels?: unknown;
  [field: string]: unknown;
}

/** The API group of an apiVersion: `apps/v1` → `apps`, `v1` → `` (the core group). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Annotations as strings only; validation reports non-string values separately. */
export function stringAnnotations(obj: KubeObject): Record<string, string> {
  const raw = obj.metadata?.annotations;
  const out: Record<string, string> = {};
  if (!isRecord(raw)) return out;
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/** Identity of an object in a cluster: what makes two manifests "the same object". */
export function identityKey(group: string, kind: string, namespace: string, name: string): string {
  return `${group}/${kind}/${namespace}/${name}`;
}
