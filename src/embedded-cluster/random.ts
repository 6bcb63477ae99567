/** Seeded randomness, so generated names and fault injection are the same on every run with one seed. */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export class SeededRandom {
  private state: number;
  constructor(seed = 0x5eed) {
    this.state = seed >>> 0 || 1;
  }

  /** Mulberry32: small, fast, good enough for names and fault dice. */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** The 5-character suffix Kubernetes appends to generateName, from the same alphabet. */
  nameSuffix(length = 5): string {
    let s = '';
    for (let i = 0; i < length; i++) s += NAME_ALPHABET[Math.floor(this.next() * NAME_ALPHABET.length)];
    return s;
  }

  uid(): string {
    const hex = () =>
      Math.floor(this.next() * 0x10000)
        .toString(16)
        .padStart(4, '0');
    return `${hex()}${hex()}-${hex()}-4${hex().slice(1)}-a${hex().slice(1)}-${hex()}${hex()}${hex()}`;
  }
}

/**
 * The value as the controllers' Go structs hold it: nulls and empty objects are the zero values a
 * struct cannot tell from absent (`creationTimestamp: null`, `resources: {}`), and key order is not
 * data. Clients round-tripping a template through Go types (kubectl rollout undo) add exactly those.
 */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = canonical((value as Record<string, unknown>)[key]);
    if (v === null || v === undefined) continue;
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    out[key] = v;
  }
  return out;
}

/**
 * A stable short hash of a pod template (the pod-template-hash a Deployment's ReplicaSets carry): the
 * same template hashes the same however a client wrote it, so a rollback finds its ReplicaSet again.
 */
export function templateHash(value: unknown): string {
  const text = JSON.stringify(canonical(value));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let out = '';
  for (let i = 0; i < 10; i++) {
    out += NAME_ALPHABET[h % NAME_ALPHABET.length];
    h = Math.floor(h / NAME_ALPHABET.length) || (h ^ 0x9e3779b9) >>> 0;
  }
  return out;
}
