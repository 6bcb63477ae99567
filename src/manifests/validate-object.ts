/**
 * The shape every manifest must have before anything else can be said about it: apiVersion, kind, a
 * metadata mapping, and string-valued labels and annotations (the API server rejects `sync-wave: 1`
 * unquoted, because YAML makes it a number); no unrendered template code where names go, and a size the
 * API server accepts.
 */
import type { Diagnostic, ObjectRef } from '../diagnostics.js';
import { isRecord } from './kube-object.js';
import type { Manifest } from './load-manifests.js';
import { sizeProblems } from './object-size.js';

export interface ObjectShape {
  apiVersion: string;
  kind: string;
  name?: string;
  generateName?: string;
  namespace?: string;
}

export function objectRefOf(manifest: Manifest): ObjectRef {
  const obj = manifest.object;
  const meta = isRecord(obj.metadata) ? obj.metadata : {};
  const name =
    typeof meta.name === 'string' && meta.name
      ? meta.name
      : typeof meta.generateName === 'string'
        ? `${meta.generateName}*`
        : '(unnamed)';
  return {
    kind: typeof obj.kind === 'string' && obj.kind ? obj.kind : '(no kind)',
    name,
    namespace: typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : undefined,
  };
}

/** Checks the shape; returns it when usable, with problems appended to `diagnostics`. */
export function validateShape(manifest: Manifest, diagnostics: Diagnostic[]): ObjectShape | undefined {
  const obj = manifest.object;
  const object = objectRefOf(manifest);
  const error = (code: string, message: string, path: (string | number)[], hint?: string) =>
    diagnostics.push({ severity: 'error', code, message, hint, source: manifest.locate(path), object });

  let usable = true;
  if (typeof obj.apiVersion !== 'string' || !obj.apiVersion.trim()) {
    error('missing-api-version', 'apiVersion is missing', ['apiVersion'], 'add for example "apiVersion: v1"');
    usable = false;
  }
  if (typeof obj.kind !== 'string' || !obj.kind.trim()) {
    error('missing-kind', 'kind is missing', ['kind'], 'add for example "kind: ConfigMap"');
    usable = false;
  }
  if (obj.metadata !== undefined && !isRecord(obj.metadata)) {
    error('invalid-metadata', 'metadata must be a mapping', ['metadata']);
    return undefined;
  }
  const meta = obj.metadata ?? {};
  for (const field of ['name', 'generateName', 'namespace'] as const) {
    const value = meta[field];
    if (value !== undefined && typeof value !== 'string') {
      error('invalid-metadata', `metadata.${field} must be a string`, ['metadata', field], 'quote it');
      usable = false;
    }
  }
  for (const field of ['annotations', 'labels'] as const) {
    const map = meta[field];
    if (map === undefined || map === null) continue;
    if (!isRecord(map)) {
      error('invalid-metadata', `metadata.${field} must be a mapping of strings`, ['metadata', field]);
      usable = false;
      continue;
    }
    for (const [key, value] of Object.entries(map)) {
      if (typeof value !== 'string') {
        error(
          'non-string-metadata',
          `metadata.${field}["${key}"] is ${value === null ? 'null' : `a ${typeof value}`}, but Kubernetes only accepts strings`,
          ['metadata', field, key],
          `quote the value: "${String(value ?? '')}"`,
        );
        usable = false;
      }
    }
  }
  for (const [field, value] of [
    ['apiVersion', obj.apiVersion],
    ['kind', obj.kind],
    ...(['name', 'generateName', 'namespace'] as const).map((f) => [f, meta[f]] as const),
  ] as const) {
    if (typeof value === 'string' && value.includes('{{')) {
      error(
        'unrendered-template',
        `${field} "${value}" is template code, not a value`,
        field === 'apiVersion' || field === 'kind' ? [field] : ['metadata', field],
        'this looks like a Helm template: render it first (helm template <release> <chart> > rendered.yaml) and point hook-sync at the output',
      );
      usable = false;
    }
  }
  const tooLarge = sizeProblems(manifest, object);
  diagnostics.push(...tooLarge);
  if (!usable || tooLarge.length) return undefined;
  if (
    typeof meta.name === 'string' &&
    meta.name &&
    typeof meta.generateName === 'string' &&
    meta.generateName
  )
    diagnostics.push({
      severity: 'warning',
      code: 'name-and-generate-name',
      message: `metadata.generateName "${meta.generateName}" is ignored: metadata.name "${meta.name}" is set`,
      hint: 'remove one: name for a fixed object, generateName for a hook that gets a new object every sync',
      source: manifest.locate(['metadata', 'generateName']),
      object,
    });
  return {
    apiVersion: obj.apiVersion as string,
    kind: obj.kind as string,
    name: typeof meta.name === 'string' && meta.name ? meta.name : undefined,
    generateName: typeof meta.generateName === 'string' && meta.generateName ? meta.generateName : undefined,
    namespace: typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : undefined,
  };
}
