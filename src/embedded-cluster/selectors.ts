/** Label and field selectors, as `?labelSelector=` and `?fieldSelector=` accept them. */
import { fieldAt } from '../json-fields.js';
import { badRequest } from './api/status-errors.js';

type LabelRequirement =
  | { op: 'eq' | 'neq'; key: string; value: string }
  | { op: 'in' | 'notin'; key: string; values: string[] }
  | { op: 'exists' | 'notexists'; key: string };

export type LabelSelector = (labels: Readonly<Record<string, string>>) => boolean;
export type FieldSelector = (obj: Record<string, unknown>) => boolean;

/** Splits on commas that are not inside parentheses (`a in (x,y),b`). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

function parseRequirement(text: string): LabelRequirement {
  let m = /^([^\s!=()]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(text);
  if (m) {
    return {
      op: m[2] as 'in' | 'notin',
      key: m[1]!,
      values: m[3]!
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    };
  }
  m = /^([^\s!=()]+)\s*(==|=|!=)\s*([^\s,()]*)$/.exec(text);
  if (m) return { op: m[2] === '!=' ? 'neq' : 'eq', key: m[1]!, value: m[3]! };
  m = /^!\s*([^\s!=()]+)$/.exec(text);
  if (m) return { op: 'notexists', key: m[1]! };
  m = /^([^\s!=()]+)$/.exec(text);
  if (m) return { op: 'exists', key: m[1]! };
  throw badRequest(`unable to parse requirement: "${text}"`);
}

export function parseLabelSelector(text: string | null | undefined): LabelSelector | undefined {
  if (!text) return undefined;
  const reqs = splitTopLevel(text).map(parseRequirement);
  return (labels) =>
    reqs.every((r) => {
      const has = Object.prototype.hasOwnProperty.call(labels, r.key);
      const v = labels[r.key];
      switch (r.op) {
        case 'eq':
          return has && v === r.value;
        case 'neq':
          return !has || v !== r.value;
        case 'in':
          return has && r.values.includes(v!);
        case 'notin':
          return !has || !r.values.includes(v!);
        case 'exists':
          return has;
        case 'notexists':
          return !has;
      }
    });
}

/** A structured selector (`matchLabels` + `matchExpressions`), as workloads carry. */
export function selectorFromSpec(spec: unknown): LabelSelector {
  const s = (spec ?? {}) as {
    matchLabels?: Record<string, string>;
    matchExpressions?: { key: string; operator: string; values?: string[] }[];
  };
  const matchLabels = s.matchLabels ?? {};
  const exprs = s.matchExpressions ?? [];
  if (Object.keys(matchLabels).length === 0 && exprs.length === 0) return () => false;
  return (labels) =>
    Object.entries(matchLabels).every(([k, v]) => labels[k] === v) &&
    exprs.every((e) => {
      const has = Object.prototype.hasOwnProperty.call(labels, e.key);
      switch (e.operator) {
        case 'In':
          return has && (e.values ?? []).includes(labels[e.key]!);
        case 'NotIn':
          return !has || !(e.values ?? []).includes(labels[e.key]!);
        case 'Exists':
          return has;
        case 'DoesNotExist':
          return !has;
        default:
          return false;
      }
    });
}

function fieldValue(obj: Record<string, unknown>, path: string): string {
  const value = fieldAt(obj, path);
  return value === undefined || value === null ? '' : String(value);
}

export function parseFieldSelector(text: string | null | undefined): FieldSelector | undefined {
  if (!text) return undefined;
  const reqs = splitTopLevel(text).map((part) => {
    const m = /^([^\s!=]+)\s*(==|=|!=)\s*(.*)$/.exec(part);
    if (!m) throw badRequest(`invalid selector: '${text}'; can't understand '${part}'`);
    return { path: m[1]!, neq: m[2] === '!=', value: m[3]! };
  });
  return (obj) => reqs.every((r) => (fieldValue(obj, r.path) === r.value) !== r.neq);
}
