/**
 * What a write would change in a live object, field by field: the live object against the server's dry
 * run of the write. Fields the server owns (status, resourceVersion, managedFields…) are not changes the
 * manifests make, and a Secret's values are never shown, only that they change.
 */
type Json = Record<string, unknown>;

export interface FieldChange {
  /** `spec.template.spec.containers[0].image`, `metadata.labels["app.kubernetes.io/name"]`. */
  path: string;
  op: 'add' | 'remove' | 'change';
  /** Rendered values (JSON, shortened); absent for a Secret's data. */
  before?: string;
  after?: string;
}

const SERVER_METADATA = [
  'managedFields',
  'resourceVersion',
  'generation',
  'uid',
  'creationTimestamp',
  'selfLink',
];
const SERVER_ANNOTATIONS = [
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
];
const MAX_VALUE = 80;

function isMap(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object without what the server writes by itself. */
function comparable(obj: Json): Json {
  const copy = structuredClone(obj);
  delete copy.status;
  const meta = (copy.metadata ?? {}) as Json;
  for (const k of SERVER_METADATA) delete meta[k];
  const annotations = meta.annotations as Json | undefined;
  if (annotations) {
    for (const k of SERVER_ANNOTATIONS) delete annotations[k];
    if (Object.keys(annotations).length === 0) delete meta.annotations;
  }
  return copy;
}

function key(path: string, k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? (path ? `${path}.${k}` : k) : `${path}[${JSON.stringify(k)}]`;
}

function render(v: unknown): string {
  const text = JSON.stringify(v) ?? 'null';
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** A Secret's `data` and `stringData`: whether they change, never what to. */
function hidden(kind: string, path: string): boolean {
  return kind === 'Secret' && /^(data|stringData)([.[]|$)/.test(path);
}

function walk(kind: string, path: string, before: unknown, after: unknown, out: FieldChange[]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (isMap(before) && isMap(after)) {
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)]))
      walk(kind, key(path, k), before[k], after[k], out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((b, i) => walk(kind, `${path}[${i}]`, b, after[i], out));
    return;
  }
  const op = before === undefined ? 'add' : after === undefined ? 'remove' : 'change';
  const show = !hidden(kind, path);
  out.push({
    path,
    op,
    ...(show && before !== undefined ? { before: render(before) } : {}),
    ...(show && after !== undefined ? { after: render(after) } : {}),
  });
}

/** Field changes from `live` to `dryRun` (the object as the write would leave it); empty when unchanged. */
export function diffObjects(live: Json, dryRun: Json): FieldChange[] {
  const out: FieldChange[] = [];
  walk(String(dryRun.kind ?? live.kind ?? ''), '', comparable(live), comparable(dryRun), out);
  return out;
}

/** `~ spec.replicas: 2 → 3`, `+ data.b: "x"`, `- metadata.labels.old`; a Secret's values as `(hidden)`. */
export function formatChange(c: FieldChange): string {
  const sign = c.op === 'add' ? '+' : c.op === 'remove' ? '-' : '~';
  if (c.op === 'add') return `${sign} ${c.path}: ${c.after ?? '(hidden)'}`;
  if (c.op === 'remove') return `${sign} ${c.path}`;
  return `${sign} ${c.path}: ${c.before ?? '(hidden)'} → ${c.after ?? '(hidden)'}`;
}
