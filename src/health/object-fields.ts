/** Typed reads of the few fields health checks look at, from objects kept as plain JSON. */
import { fieldAt } from '../json-fields.js';

export type Json = Record<string, unknown>;

export const field = fieldAt;

export function num(obj: unknown, path: string, fallback = 0): number {
  const v = field(obj, path);
  return typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : fallback;
}

export function str(obj: unknown, path: string): string {
  const v = field(obj, path);
  return typeof v === 'string' ? v : '';
}

export function list(obj: unknown, path: string): Json[] {
  const v = field(obj, path);
  return Array.isArray(v) ? v.filter((x): x is Json => typeof x === 'object' && x !== null) : [];
}

export interface Condition {
  type: string;
  status: string;
  reason: string;
  message: string;
  lastTransitionTime: string;
}

export function conditions(obj: unknown): Condition[] {
  return list(obj, 'status.conditions').map((c) => ({
    type: String(c.type ?? ''),
    status: String(c.status ?? ''),
    reason: String(c.reason ?? ''),
    message: String(c.message ?? ''),
    lastTransitionTime: String(c.lastTransitionTime ?? ''),
  }));
}

export function condition(obj: unknown, type: string): Condition | undefined {
  return conditions(obj).find((c) => c.type === type);
}

export function nameOf(obj: unknown): string {
  return str(obj, 'metadata.name');
}

export function groupOfObject(obj: unknown): string {
  const apiVersion = str(obj, 'apiVersion');
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}
