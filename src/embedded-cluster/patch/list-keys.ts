/**
 * How a list field merges in strategic merge patches and server-side apply. Built-in Kubernetes types
 * declare this in their schemas (patchMergeKey / listType); we keep the table by field name, with the key
 * chosen from what the items carry where one name means two things (`ports` in a container and in a Service).
 */
export type ListStrategy = { type: 'map'; keys: string[] } | { type: 'set' } | { type: 'atomic' };

const BY_FIELD: Readonly<Record<string, ListStrategy>> = {
  containers: { type: 'map', keys: ['name'] },
  initContainers: { type: 'map', keys: ['name'] },
  ephemeralContainers: { type: 'map', keys: ['name'] },
  env: { type: 'map', keys: ['name'] },
  volumes: { type: 'map', keys: ['name'] },
  volumeMounts: { type: 'map', keys: ['mountPath'] },
  volumeDevices: { type: 'map', keys: ['devicePath'] },
  imagePullSecrets: { type: 'map', keys: ['name'] },
  hostAliases: { type: 'map', keys: ['ip'] },
  conditions: { type: 'map', keys: ['type'] },
  ownerReferences: { type: 'map', keys: ['uid'] },
  topologySpreadConstraints: { type: 'map', keys: ['topologyKey', 'whenUnsatisfiable'] },
  resourceClaims: { type: 'map', keys: ['name'] },
  finalizers: { type: 'set' },
};

export function listStrategy(field: string, items: readonly unknown[], typed: boolean): ListStrategy {
  // Custom resources have no merge keys without a schema: their lists are atomic.
  if (!typed) return field === 'finalizers' ? { type: 'set' } : { type: 'atomic' };
  if (field === 'ports') {
    const first = items.find((i) => typeof i === 'object' && i !== null) as
      Record<string, unknown> | undefined;
    if (first && 'containerPort' in first) return { type: 'map', keys: ['containerPort', 'protocol'] };
    if (first && 'port' in first) return { type: 'map', keys: ['port', 'protocol'] };
    return { type: 'atomic' };
  }
  return BY_FIELD[field] ?? { type: 'atomic' };
}

/** Default values that count as part of a key when absent (a port's protocol is TCP). */
const KEY_DEFAULTS: Readonly<Record<string, unknown>> = { protocol: 'TCP' };

export function keyValues(item: unknown, keys: readonly string[]): Record<string, unknown> | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const rec = item as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = rec[k] ?? KEY_DEFAULTS[k];
    if (v === undefined) {
      if (k === keys[0]) return undefined;
      continue;
    }
    out[k] = v;
  }
  return out;
}

/** The `k:{...}` identity of a list item (keys sorted, as fieldsV1 writes them). */
export function itemKey(item: unknown, keys: readonly string[]): string | undefined {
  const kv = keyValues(item, keys);
  if (!kv) return undefined;
  const sorted = Object.keys(kv).sort();
  return JSON.stringify(Object.fromEntries(sorted.map((k) => [k, kv[k]])));
}
