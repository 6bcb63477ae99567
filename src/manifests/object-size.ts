/**
 * Sizes the API server refuses, checked before anything is written: a ConfigMap's or Secret's data over
 * 1 MiB, annotations over 256 KiB, any object over the 1.5 MiB a request may carry. Refusing here names
 * the object and its file:line; the server would refuse it mid-sync (or time out sending it).
 */
import type { Diagnostic, ObjectRef } from '../diagnostics.js';
import { isRecord } from './kube-object.js';
import type { Manifest } from './load-manifests.js';

const MiB = 1024 * 1024;
/** ConfigMap and Secret data (the API server's validation). */
const MAX_DATA_BYTES = MiB;
/** All annotations of an object together. */
const MAX_ANNOTATION_BYTES = 256 * 1024;
/** One request to the API server (etcd's limit). */
const MAX_OBJECT_BYTES = 1.5 * MiB;

function size(bytes: number): string {
  return bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

function entriesBytes(map: unknown, decode: (value: string) => number): number {
  if (!isRecord(map)) return 0;
  let total = 0;
  for (const [key, value] of Object.entries(map))
    total += Buffer.byteLength(key) + (typeof value === 'string' ? decode(value) : 0);
  return total;
}

const utf8 = (v: string) => Buffer.byteLength(v);
const base64 = (v: string) => Buffer.from(v, 'base64').length;

/** Bytes of data the API server counts against the 1 MiB limit, for the kinds that have one. */
function dataBytes(kind: string, obj: Record<string, unknown>): number | undefined {
  if (kind === 'ConfigMap') return entriesBytes(obj.data, utf8) + entriesBytes(obj.binaryData, base64);
  if (kind === 'Secret') return entriesBytes(obj.data, base64) + entriesBytes(obj.stringData, utf8);
  return undefined;
}

export function sizeProblems(manifest: Manifest, object: ObjectRef): Diagnostic[] {
  const obj = manifest.object;
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const error = (message: string, path: string[], hint: string): Diagnostic => ({
    severity: 'error',
    code: 'object-too-large',
    message,
    hint,
    source: manifest.locate(path),
    object,
  });
  const problems: Diagnostic[] = [];
  const data = dataBytes(kind, obj);
  if (data !== undefined && data > MAX_DATA_BYTES)
    problems.push(
      error(
        `the ${kind}'s data is ${size(data)}; the API server accepts at most 1 MiB (1,048,576 bytes) of data in a ${kind}`,
        ['data'],
        `split it into several ${kind}s, or keep large files out of the cluster's API (a volume, an image, object storage)`,
      ),
    );
  const annotations = entriesBytes(obj.metadata?.annotations, utf8);
  if (annotations > MAX_ANNOTATION_BYTES)
    problems.push(
      error(
        `its annotations are ${size(annotations)}; the API server accepts at most 256 KiB of annotations per object`,
        ['metadata', 'annotations'],
        'move large values into a ConfigMap and refer to it',
      ),
    );
  if (problems.length === 0) {
    const bytes = Buffer.byteLength(JSON.stringify(obj));
    if (bytes > MAX_OBJECT_BYTES)
      problems.push(
        error(
          `the object is ${size(bytes)}; the API server accepts at most 1.5 MiB per object`,
          [],
          'split it into smaller objects',
        ),
      );
  }
  return problems;
}
