/** RFC 6902 JSON patch (`application/json-patch+json`). */
import { badRequest, invalid } from '../api/status-errors.js';
import { cloneJson } from '../clone.js';

interface Op {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw badRequest(`invalid JSON pointer "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = Record<string, unknown> | unknown[];

function resolveParent(doc: unknown, parts: string[], pointer: string): { parent: Container; last: string } {
  let cur: unknown = doc;
  for (const part of parts.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[Number(part)];
    else if (typeof cur === 'object' && cur !== null) cur = (cur as Record<string, unknown>)[part];
    else cur = undefined;
    if (cur === undefined) throw unprocessable(`doc is missing path: "${pointer}"`);
  }
  if (typeof cur !== 'object' || cur === null) throw unprocessable(`doc is missing path: "${pointer}"`);
  return { parent: cur as Container, last: parts[parts.length - 1]! };
}

function unprocessable(message: string) {
  return invalid('', '', '', [{ reason: 'FieldValueInvalid', message }]);
}

function getAt(doc: unknown, pointer: string): unknown {
  let cur = doc;
  for (const part of parsePointer(pointer)) {
    if (Array.isArray(cur)) cur = cur[part === '-' ? cur.length : Number(part)];
    else if (typeof cur === 'object' && cur !== null) cur = (cur as Record<string, unknown>)[part];
    else return undefined;
  }
  return cur;
}

function add(doc: unknown, pointer: string, value: unknown): unknown {
  const parts = parsePointer(pointer);
  if (parts.length === 0) return value;
  const { parent, last } = resolveParent(doc, parts, pointer);
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(i) || i < 0 || i > parent.length)
      throw unprocessable(`add operation index out of bounds: ${pointer}`);
    parent.splice(i, 0, value);
  } else parent[last] = value;
  return doc;
}

function remove(doc: unknown, pointer: string): unknown {
  const parts = parsePointer(pointer);
  const { parent, last } = resolveParent(doc, parts, pointer);
  if (Array.isArray(parent)) {
    const i = Number(last);
    if (!(i >= 0 && i < parent.length))
      throw unprocessable(`remove operation does not apply: doc is missing path: "${pointer}"`);
    parent.splice(i, 1);
  } else {
    if (!(last in parent))
      throw unprocessable(`remove operation does not apply: doc is missing path: "${pointer}"`);
    delete parent[last];
  }
  return doc;
}

export function applyJsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw badRequest('json patch must be a list of operations');
  let doc = cloneJson(target);
  for (const raw of ops as Op[]) {
    switch (raw.op) {
      case 'add':
        doc = add(doc, raw.path, cloneJson(raw.value));
        break;
      case 'remove':
        doc = remove(doc, raw.path);
        break;
      case 'replace':
        doc = remove(doc, raw.path);
        doc = add(doc, raw.path, cloneJson(raw.value));
        break;
      case 'move': {
        const value = getAt(doc, raw.from ?? '');
        doc = remove(doc, raw.from ?? '');
        doc = add(doc, raw.path, value);
        break;
      }
      case 'copy':
        doc = add(doc, raw.path, cloneJson(getAt(doc, raw.from ?? '')));
        break;
      case 'test':
        if (JSON.stringify(getAt(doc, raw.path)) !== JSON.stringify(raw.value)) {
          throw unprocessable(`testing value ${raw.path} failed`);
        }
        break;
      default:
        throw badRequest(`unexpected json patch operation "${raw.op}"`);
    }
  }
  return doc;
}
