/**
 * Sets of field paths, the model behind `metadata.managedFields` (`FieldsV1`): who owns which field.
 * A path step is `f:<field>`, `k:<key json>` for an item of a keyed list, `v:<json>` for a member of a set,
 * and `.` for a list item itself. An entry with no children is a leaf: a value owned as a whole.
 */
import { isPlainObject } from './json-merge-patch.js';
import { listStrategy } from './list-keys.js';
import { itemKey } from './list-keys.js';

export type FieldSet = Map<string, FieldSet>;
export type FieldPath = string[];

const UNOWNED_METADATA = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'managedFields',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'selfLink',
  'generateName',
]);

/** A key as data, even `__proto__` (a JSON body may carry one; assigning it would set the prototype). */
function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * Fields no manager owns: identity and server-set metadata. Copied without them, not copied then deleted
 * from (an object that has had properties deleted is slower to read, and this runs on every write).
 */
export function stripUnowned(obj: Record<string, unknown>, withStatus: boolean): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const k in obj) {
    if (k === 'apiVersion' || k === 'kind' || (k === 'status' && !withStatus)) continue;
    const value = obj[k];
    if (k !== 'metadata' || !isPlainObject(value)) {
      setKey(copy, k, value);
      continue;
    }
    const meta: Record<string, unknown> = {};
    let owned = false;
    for (const f in value)
      if (!UNOWNED_METADATA.has(f)) {
        setKey(meta, f, value[f]);
        owned = true;
      }
    if (owned) copy.metadata = meta;
  }
  return copy;
}

function walk(value: unknown, set: FieldSet, typed: boolean): void {
  if (!isPlainObject(value)) return;
  for (const [field, child] of Object.entries(value)) {
    let node = set.get(`f:${field}`);
    if (!node) set.set(`f:${field}`, (node = new Map()));
    if (isPlainObject(child)) walk(child, node, typed);
    else if (Array.isArray(child)) {
      const strategy = listStrategy(field, child, typed);
      if (strategy.type === 'map') {
        for (const item of child) {
          const key = itemKey(item, strategy.keys);
          if (key === undefined) continue;
          let itemSet = node.get(`k:${key}`);
          if (!itemSet) node.set(`k:${key}`, (itemSet = new Map([['.', new Map()]])));
          walk(item, itemSet, typed);
        }
      } else if (strategy.type === 'set') {
        for (const item of child) node.set(`v:${JSON.stringify(item)}`, new Map());
      }
    }
  }
}

export function fieldSetOf(obj: unknown, typed: boolean): FieldSet {
  const set: FieldSet = new Map();
  walk(obj, set, typed);
  return set;
}

export function leaves(set: FieldSet, prefix: FieldPath = [], out: FieldPath[] = []): FieldPath[] {
  for (const [step, child] of set) {
    const path = [...prefix, step];
    if (child.size === 0) out.push(path);
    else leaves(child, path, out);
  }
  return out;
}

export function hasPath(set: FieldSet, path: FieldPath): boolean {
  let node: FieldSet | undefined = set;
  for (const step of path) {
    node = node.get(step);
    if (!node) return false;
  }
  return true;
}

export function removePath(set: FieldSet, path: FieldPath): void {
  const trail: FieldSet[] = [set];
  let node: FieldSet | undefined = set;
  for (const step of path.slice(0, -1)) {
    node = node.get(step);
    if (!node) return;
    trail.push(node);
  }
  node.delete(path[path.length - 1]!);
  // Prune parents left with nothing but the item marker.
  for (let i = trail.length - 1; i > 0; i--) {
    const t = trail[i]!;
    if (t.size === 0 || (t.size === 1 && t.has('.'))) trail[i - 1]!.delete(path[i - 1]!);
    else break;
  }
}

export function addPath(set: FieldSet, path: FieldPath): void {
  let node = set;
  for (const step of path) {
    let next = node.get(step);
    if (!next) node.set(step, (next = new Map()));
    node = next;
  }
}

export function toFieldsV1(set: FieldSet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of [...set].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = toFieldsV1(v);
  return out;
}

export function fromFieldsV1(json: unknown): FieldSet {
  const set: FieldSet = new Map();
  if (isPlainObject(json)) for (const [k, v] of Object.entries(json)) set.set(k, fromFieldsV1(v));
  return set;
}

function matchesKey(item: unknown, keyJson: string): boolean {
  if (!isPlainObject(item)) return false;
  const key = JSON.parse(keyJson) as Record<string, unknown>;
  return Object.entries(key).every(([k, v]) => (item[k] ?? (k === 'protocol' ? 'TCP' : undefined)) === v);
}

const MISSING = Symbol('missing');

/** The value a path points at in an object, or MISSING. */
export function valueAt(obj: unknown, path: FieldPath): unknown {
  let cur: unknown = obj;
  for (const step of path) {
    if (step === '.') return cur;
    if (step.startsWith('f:')) {
      if (!isPlainObject(cur) || !(step.slice(2) in cur)) return MISSING;
      cur = cur[step.slice(2)];
    } else if (step.startsWith('k:')) {
      if (!Array.isArray(cur)) return MISSING;
      const found = cur.find((item) => matchesKey(item, step.slice(2)));
      if (found === undefined) return MISSING;
      cur = found;
    } else if (step.startsWith('v:')) {
      if (!Array.isArray(cur)) return MISSING;
      const wanted = step.slice(2);
      return cur.some((v) => JSON.stringify(v) === wanted) ? JSON.parse(wanted) : MISSING;
    }
  }
  return cur;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === MISSING || b === MISSING) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Removes what a path points at; a path ending in `.` removes the whole list item. */
export function removeValueAt(obj: unknown, path: FieldPath): void {
  const steps = path[path.length - 1] === '.' ? path.slice(0, -1) : path;
  let cur: unknown = obj;
  for (let i = 0; i < steps.length - 1; i++) {
    const step = steps[i]!;
    if (step.startsWith('f:') && isPlainObject(cur)) cur = cur[step.slice(2)];
    else if (step.startsWith('k:') && Array.isArray(cur))
      cur = cur.find((item) => matchesKey(item, step.slice(2)));
    else return;
    if (cur === undefined) return;
  }
  const last = steps[steps.length - 1]!;
  if (last.startsWith('f:') && isPlainObject(cur)) delete cur[last.slice(2)];
  else if (last.startsWith('k:') && Array.isArray(cur)) {
    const i = cur.findIndex((item) => matchesKey(item, last.slice(2)));
    if (i >= 0) cur.splice(i, 1);
  } else if (last.startsWith('v:') && Array.isArray(cur)) {
    const i = cur.findIndex((v) => JSON.stringify(v) === last.slice(2));
    if (i >= 0) cur.splice(i, 1);
  }
}

/** `.spec.template.spec.containers[name="web"].image`, the way the API server prints a field path. */
export function describePath(path: FieldPath): string {
  let out = '';
  for (const step of path) {
    if (step === '.') continue;
    if (step.startsWith('f:')) out += `.${step.slice(2)}`;
    else if (step.startsWith('k:')) {
      const key = JSON.parse(step.slice(2)) as Record<string, unknown>;
      out += `[${Object.entries(key)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(',')}]`;
    } else if (step.startsWith('v:')) out += `[=${step.slice(2)}]`;
  }
  return out;
}
