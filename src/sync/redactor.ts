/**
 * Masks secret values in everything hook-sync writes: the values of Secrets in the manifests (a hook that
 * echoes its DATABASE_PASSWORD must not put it in a PR comment) and any credential registered by the caller.
 */
import type { Plan } from '../plan/sync-task.js';

const MASK = '***';

export class Redactor {
  private readonly masked = new Set<string>();

  add(value: string): void {
    // Very short values would mask ordinary words; Kubernetes' own masking has the same floor.
    if (value.length >= 4) this.masked.add(value);
  }

  /** Every data and stringData value of the plan's Secrets, decoded. */
  addSecretsOf(plan: Plan): void {
    for (const task of plan.tasks)
      if (task.group === '' && task.kind === 'Secret') this.addSecretObject(task.object);
  }

  /** A Secret's values, as written (base64) and decoded, whole and line by line. */
  addSecretObject(secret: Readonly<Record<string, unknown>>): void {
    const { data, stringData } = secret as {
      data?: Record<string, unknown>;
      stringData?: Record<string, unknown>;
    };
    for (const v of Object.values(stringData ?? {})) if (typeof v === 'string') this.addWithLines(v);
    for (const v of Object.values(data ?? {})) {
      if (typeof v !== 'string') continue;
      this.add(v);
      this.addWithLines(Buffer.from(v, 'base64').toString('utf8'));
    }
  }

  private addWithLines(value: string): void {
    this.add(value);
    for (const line of value.split('\n')) this.add(line.trim());
  }

  /** Everything registered, so a runner can be told to mask the same values. */
  get values(): readonly string[] {
    return [...this.masked];
  }

  /** Every string in a JSON value, masked before it is serialised (escaping would hide a value with `"`). */
  redactJson<T>(value: T): T {
    if (typeof value === 'string') return this.redact(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.redactJson(v)) as T;
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.redactJson(v)])) as T;
    return value;
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a value containing another is masked whole.
    for (const v of [...this.masked].sort((a, b) => b.length - a.length))
      if (out.includes(v)) out = out.split(v).join(MASK);
    return out;
  }
}
