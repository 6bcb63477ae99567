/**
 * Strategic merge patch (`application/strategic-merge-patch+json`), what `kubectl apply` (client side),
 * `kubectl edit` and `kubectl patch` send for built-in kinds. Lists of named things merge by key instead
 * of being replaced, and `$`-directives steer the merge: `$patch`, `$setElementOrder/<list>`,
 * `$deleteFromPrimitiveList/<list>`, `$retainKeys`.
 */
import { cloneJson } from '../clone.js';
import { isPlainObject } from './json-merge-patch.js';
import { itemKey, listStrategy } from './list-keys.js';

const SET_ORDER = '$setElementOrder/';
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList/';

function stripDirectives(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value
      .filter((v) => !(isPlainObject(v) && v.$patch !== undefined && Object.keys(v).length === 1))
      .map(stripDirectives);
  }
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!k.startsWith('$')) out[k] = stripDirectives(v);
  return out;
}

function mergeList(field: string, live: unknown, patch: unknown[]): unknown[] {
  const current = Array.isArray(live) ? live : [];
  if (patch.some((p) => isPlainObject(p) && p.$patch === 'replace')) {
    return patch.filter((p) => !(isPlainObject(p) && p.$patch === 'replace')).map(stripDirectives);
  }
  const strategy = listStrategy(field, patch.length ? patch : current, true);
  if (strategy.type === 'set') {
    const out = [...current];
    for (const v of patch) if (!out.some((o) => JSON.stringify(o) === JSON.stringify(v))) out.push(v);
    return out;
  }
  if (strategy.type !== 'map') return patch.map(stripDirectives);
  const out = current.map((v) => v);
  for (const item of patch) {
    const key = itemKey(item, strategy.keys);
    const at = key === undefined ? -1 : out.findIndex((o) => itemKey(o, strategy.keys) === key);
    if (isPlainObject(item) && item.$patch === 'delete') {
      if (at >= 0) out.splice(at, 1);
      continue;
    }
    if (at >= 0) out[at] = mergeValue(out[at], item);
    else out.push(stripDirectives(item));
  }
  return out;
}

function orderBy(list: unknown[], order: unknown[], field: string): unknown[] {
  const strategy = listStrategy(field, list, true);
  const idOf = (v: unknown) => (strategy.type === 'map' ? itemKey(v, strategy.keys) : JSON.stringify(v));
  const wanted = order.map(idOf);
  const ranked = list.map((v, i) => {
    const r = wanted.indexOf(idOf(v));
    return { v, rank: r < 0 ? wanted.length + i : r };
  });
  return ranked.sort((a, b) => a.rank - b.rank).map((x) => x.v);
}

function mergeValue(live: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return cloneJson(patch);
  if (patch.$patch === 'replace') return stripDirectives(patch);
  if (patch.$patch === 'delete') return undefined;
  const out: Record<string, unknown> = isPlainObject(live) ? { ...live } : {};
  const retain = Array.isArray(patch.$retainKeys) ? (patch.$retainKeys as string[]) : undefined;
  if (retain) for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];

  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    if (value === null) {
      delete out[key];
      continue;
    }
    if (Array.isArray(value)) out[key] = mergeList(key, out[key], value);
    else if (isPlainObject(value)) {
      const merged = mergeValue(out[key], value);
      if (merged === undefined) delete out[key];
      else out[key] = merged;
    } else out[key] = value;
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith(DELETE_PRIMITIVE) && Array.isArray(value)) {
      const field = key.slice(DELETE_PRIMITIVE.length);
      if (Array.isArray(out[field])) {
        out[field] = (out[field] as unknown[]).filter(
          (v) => !value.some((d) => JSON.stringify(d) === JSON.stringify(v)),
        );
      }
    }
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith(SET_ORDER) && Array.isArray(value)) {
      const field = key.slice(SET_ORDER.length);
      if (Array.isArray(out[field])) out[field] = orderBy(out[field] as unknown[], value, field);
    }
  }
  return out;
}

export function applyStrategicMergePatch(target: unknown, patch: unknown): unknown {
  return mergeValue(target, patch) ?? {};
}
