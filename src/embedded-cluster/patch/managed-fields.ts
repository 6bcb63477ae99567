/**
 * Field ownership: server-side apply (`application/apply-patch+yaml`) and the bookkeeping every other write
 * does, so that `managedFields` reads like a real cluster's and apply conflicts between managers are found.
 */
import { isPlainObject } from './json-merge-patch.js';
import {
  addPath,
  describePath,
  fieldSetOf,
  fromFieldsV1,
  hasPath,
  leaves,
  removePath,
  removeValueAt,
  sameValue,
  stripUnowned,
  toFieldsV1,
  valueAt,
  type FieldPath,
  type FieldSet,
} from './field-sets.js';
import { itemKey, listStrategy } from './list-keys.js';
import { cloneJson } from '../clone.js';

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

interface Owner {
  entry: ManagedFieldsEntry;
  set: FieldSet;
}

export interface ApplyConflict {
  manager: string;
  apiVersion: string;
  field: string;
}

function readOwners(obj: Record<string, unknown> | undefined): Owner[] {
  const meta = obj?.metadata as Record<string, unknown> | undefined;
  const entries = Array.isArray(meta?.managedFields) ? (meta.managedFields as ManagedFieldsEntry[]) : [];
  return entries.map((entry) => ({ entry, set: fromFieldsV1(entry.fieldsV1) }));
}

function writeOwners(obj: Record<string, unknown>, owners: Owner[]): void {
  const kept = owners.filter((o) => o.set.size > 0);
  const meta = (obj.metadata ?? {}) as Record<string, unknown>;
  meta.managedFields = kept.map((o) => ({ ...o.entry, fieldsV1: toFieldsV1(o.set) }));
  if (kept.length === 0) delete meta.managedFields;
  obj.metadata = meta;
}

function mergeApplied(live: unknown, config: unknown, typed: boolean): unknown {
  if (!isPlainObject(config)) return cloneJson(config);
  const out: Record<string, unknown> = isPlainObject(live) ? { ...live } : {};
  for (const [field, value] of Object.entries(config)) {
    if (value === null) delete out[field];
    else if (Array.isArray(value)) {
      const strategy = listStrategy(field, value, typed);
      const current = Array.isArray(out[field]) ? (out[field] as unknown[]) : [];
      if (strategy.type === 'map') {
        const merged = [...current];
        for (const item of value) {
          const key = itemKey(item, strategy.keys);
          const at = key === undefined ? -1 : merged.findIndex((m) => itemKey(m, strategy.keys) === key);
          if (at >= 0) merged[at] = mergeApplied(merged[at], item, typed);
          else merged.push(cloneJson(item));
        }
        out[field] = merged;
      } else if (strategy.type === 'set') {
        const merged = [...current];
        for (const v of value)
          if (!merged.some((m) => JSON.stringify(m) === JSON.stringify(v))) merged.push(v);
        out[field] = merged;
      } else out[field] = cloneJson(value);
    } else if (isPlainObject(value)) out[field] = mergeApplied(out[field], value, typed);
    else out[field] = value;
  }
  return out;
}

export interface ApplyArgs {
  live: Record<string, unknown> | undefined;
  /** The applied configuration, as sent. */
  config: Record<string, unknown>;
  manager: string;
  force: boolean;
  /** Built-in kinds know their list keys; custom resources' lists are atomic. */
  typed: boolean;
  apiVersion: string;
  now: string;
  /** `status` when applying to the status subresource. */
  subresource?: string;
}

/** Server-side apply. Returns the new object, or the conflicts that stop it (only when not forced). */
export function serverSideApply(
  args: ApplyArgs,
): { object: Record<string, unknown> } | { conflicts: ApplyConflict[] } {
  const onStatus = args.subresource === 'status';
  const config = stripUnowned(args.config, onStatus);
  const applied = fieldSetOf(config, args.typed);
  const appliedLeaves = leaves(applied);
  const live = cloneJson(args.live ?? {});
  const owners = readOwners(args.live);
  const isMe = (o: Owner) =>
    o.entry.manager === args.manager &&
    o.entry.operation === 'Apply' &&
    (o.entry.subresource ?? '') === (args.subresource ?? '');
  const mine = owners.find(isMe);
  const others = owners.filter((o) => !isMe(o));

  const conflicts: ApplyConflict[] = [];
  const taken: { owner: Owner; path: FieldPath }[] = [];
  for (const path of appliedLeaves) {
    if (path[path.length - 1] === '.') continue;
    const wanted = valueAt(config, path);
    // An empty map owns nothing below it, so it cannot conflict with fields others own inside it.
    if (isPlainObject(wanted)) continue;
    const current = valueAt(live, path);
    if (sameValue(wanted, current)) continue;
    for (const other of others) {
      if (!hasPath(other.set, path)) continue;
      if (args.force) taken.push({ owner: other, path });
      else
        conflicts.push({
          manager: other.entry.manager,
          apiVersion: other.entry.apiVersion,
          field: describePath(path),
        });
    }
  }
  if (conflicts.length > 0) return { conflicts };
  for (const { owner, path } of taken) removePath(owner.set, path);

  // Fields this manager applied before and no longer does are removed, unless someone else still owns them.
  if (mine) {
    const dropped = leaves(mine.set).filter((p) => !hasPath(applied, p));
    // Whole list items first, so their own fields need no separate removal.
    dropped.sort((a, b) => a.length - b.length);
    for (const path of dropped) {
      if (others.some((o) => hasPath(o.set, path))) continue;
      removeValueAt(live, path);
    }
  }

  const merged = mergeApplied(live, config, args.typed) as Record<string, unknown>;
  const entry: ManagedFieldsEntry = {
    manager: args.manager,
    operation: 'Apply',
    apiVersion: args.apiVersion,
    time: args.now,
    fieldsType: 'FieldsV1',
    fieldsV1: {},
    ...(args.subresource ? { subresource: args.subresource } : {}),
  };
  writeOwners(merged, [...others, { entry, set: applied }]);
  return { object: merged };
}

/** The 409 message the API server gives for apply conflicts. */
export function describeConflicts(conflicts: readonly ApplyConflict[]): string {
  if (conflicts.length === 1) {
    const c = conflicts[0]!;
    return `Apply failed with 1 conflict: conflict with "${c.manager}" using ${c.apiVersion}: ${c.field}`;
  }
  const lines = conflicts.map((c) => `conflict with "${c.manager}" using ${c.apiVersion}: ${c.field}`);
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}

/**
 * Bookkeeping for a non-apply write (create, update, patch): the writer takes ownership of the fields it
 * changed, other managers lose them, and fields that disappeared are owned by no one.
 */
export function recordUpdate(args: {
  previous: Record<string, unknown> | undefined;
  next: Record<string, unknown>;
  manager: string;
  typed: boolean;
  apiVersion: string;
  now: string;
  subresource?: string;
}): void {
  const onStatus = args.subresource === 'status';
  const before = args.previous ? stripUnowned(args.previous, onStatus) : {};
  const after = stripUnowned(args.next, onStatus);
  const afterSet = fieldSetOf(after, args.typed);
  const changed = leaves(afterSet).filter(
    (p) => p[p.length - 1] !== '.' && !sameValue(valueAt(before, p), valueAt(after, p)),
  );
  const gone = args.previous
    ? leaves(fieldSetOf(before, args.typed)).filter((p) => !hasPath(afterSet, p))
    : [];
  const owners = readOwners(args.previous);
  if (changed.length === 0 && gone.length === 0) {
    writeOwners(args.next, owners);
    return;
  }
  let mine = owners.find(
    (o) =>
      o.entry.manager === args.manager &&
      o.entry.operation === 'Update' &&
      (o.entry.subresource ?? '') === (args.subresource ?? ''),
  );
  for (const owner of owners) {
    if (owner === mine) continue;
    for (const p of changed) removePath(owner.set, p);
  }
  for (const owner of owners) for (const p of gone) removePath(owner.set, p);
  if (!mine) {
    mine = {
      entry: {
        manager: args.manager,
        operation: 'Update',
        apiVersion: args.apiVersion,
        time: args.now,
        fieldsType: 'FieldsV1',
        fieldsV1: {},
        ...(args.subresource ? { subresource: args.subresource } : {}),
      },
      set: new Map(),
    };
    owners.push(mine);
  }
  mine.entry = { ...mine.entry, time: args.now, apiVersion: args.apiVersion };
  for (const p of changed) {
    addPath(mine.set, p);
    // Own the list items along the way, as the API server records them.
    for (let i = 1; i < p.length; i++)
      if (p[i - 1]!.startsWith('k:')) addPath(mine.set, [...p.slice(0, i), '.']);
  }
  writeOwners(args.next, owners);
}
