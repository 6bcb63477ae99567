/**
 * Multi-document YAML with source positions. js-yaml's parser emits events carrying source offsets; we walk
 * them once to build a tree of positions beside the constructed values, so any field of any object (an
 * annotation, a List item) can be pointed at by line, not only the document it sits in.
 */
import {
  CORE_SCHEMA,
  EVENT_ID,
  constructFromEvents,
  getScalarValue,
  mergeTag,
  parseEvents,
  type Event,
} from 'js-yaml';

/** Kubernetes' own YAML reader honours `<<` merge keys; the 1.2 core schema otherwise matches it. */
const SCHEMA = CORE_SCHEMA.withTags(mergeTag);

export interface PositionNode {
  offset: number;
  /** For mappings: key → position of the key and of its value. */
  entries?: Map<string, { keyOffset: number; value: PositionNode }>;
  /** For sequences. */
  items?: PositionNode[];
}

export interface YamlDocument {
  value: unknown;
  /** Absent for an empty document. */
  root?: PositionNode;
}

export class YamlSyntaxError extends Error {
  constructor(
    readonly reason: string,
    /** 1-based. */
    readonly line: number,
    /** 1-based. */
    readonly column: number,
  ) {
    super(`${reason} (line ${line}, column ${column})`);
    this.name = 'YamlSyntaxError';
  }
}

/** Offsets to 1-based lines and columns. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }
}

interface Frame {
  node: PositionNode | undefined;
  /** In a mapping: true when the next child is a key. */
  expectKey: boolean;
  pendingKey?: { name: string; offset: number };
  isDocument: boolean;
  root?: PositionNode;
}

function eventOffset(e: Event): number {
  switch (e.type) {
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return e.anchorStart >= 0 ? Math.min(e.anchorStart, e.start) : e.start;
    case EVENT_ID.SCALAR:
      return e.valueStart;
    case EVENT_ID.ALIAS:
      return e.anchorStart;
    default:
      return -1;
  }
}

function buildPositions(events: Event[], source: string): (PositionNode | undefined)[] {
  const roots: (PositionNode | undefined)[] = [];
  const stack: Frame[] = [];

  const attach = (child: PositionNode, keyName?: string) => {
    const parent = stack[stack.length - 1];
    if (!parent) return;
    if (parent.isDocument) {
      parent.root = child;
      return;
    }
    if (parent.node?.items) {
      parent.node.items.push(child);
      return;
    }
    if (parent.node?.entries) {
      if (parent.expectKey) {
        parent.pendingKey = { name: keyName ?? '\u0000complex-key', offset: child.offset };
        parent.expectKey = false;
      } else {
        const key = parent.pendingKey ?? { name: '\u0000missing-key', offset: child.offset };
        parent.node.entries.set(key.name, { keyOffset: key.offset, value: child });
        parent.pendingKey = undefined;
        parent.expectKey = true;
      }
    }
  };

  for (const e of events) {
    switch (e.type) {
      case EVENT_ID.DOCUMENT:
        stack.push({ node: undefined, expectKey: false, isDocument: true });
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const node: PositionNode =
          e.type === EVENT_ID.MAPPING
            ? { offset: eventOffset(e), entries: new Map() }
            : { offset: eventOffset(e), items: [] };
        attach(node, undefined);
        stack.push({ node, expectKey: true, isDocument: false });
        break;
      }
      case EVENT_ID.SCALAR: {
        const empty = e.valueStart < 0;
        const node: PositionNode = {
          offset: empty ? (stack[stack.length - 1]?.node?.offset ?? 0) : e.valueStart,
        };
        const isKey = !!stack[stack.length - 1]?.node?.entries && !!stack[stack.length - 1]?.expectKey;
        attach(node, isKey ? getScalarValue(source, e) : undefined);
        break;
      }
      case EVENT_ID.ALIAS:
        attach({ offset: eventOffset(e) });
        break;
      case EVENT_ID.POP: {
        const frame = stack.pop();
        if (frame?.isDocument) {
          // An empty document holds a single empty scalar; it has no position worth reporting.
          const root = frame.root;
          roots.push(root && (root.entries || root.items) ? root : undefined);
        }
        break;
      }
    }
  }
  return roots;
}

interface MarkedError {
  reason?: string;
  message?: string;
  mark?: { line: number; column: number };
}

function toSyntaxError(err: unknown): YamlSyntaxError {
  const e = err as MarkedError;
  const line = (e.mark?.line ?? 0) + 1;
  const column = (e.mark?.column ?? 0) + 1;
  return new YamlSyntaxError(e.reason ?? e.message ?? String(err), line, column);
}

/** Parses every document of a YAML (or JSON) text. Throws YamlSyntaxError with a 1-based line and column. */
export function parseYamlDocuments(text: string): YamlDocument[] {
  let events: Event[];
  let values: unknown[];
  try {
    events = parseEvents(text, {});
    values = constructFromEvents(events, { source: text, schema: SCHEMA });
  } catch (err) {
    throw toSyntaxError(err);
  }
  const roots = buildPositions(events, text);
  return values.map((value, i) => ({ value, root: roots[i] }));
}

/** The offset of the deepest node along `path` that exists; the root's when none does. */
export function offsetAt(
  root: PositionNode | undefined,
  path: readonly (string | number)[],
): number | undefined {
  let node = root;
  let best = root?.offset;
  for (const step of path) {
    if (!node) break;
    if (typeof step === 'number') node = node.items?.[step];
    else node = node.entries?.get(step)?.value;
    if (node) best = node.offset;
  }
  return best;
}

/** The sub-tree at `path`, if every step exists. */
export function nodeAt(
  root: PositionNode | undefined,
  path: readonly (string | number)[],
): PositionNode | undefined {
  let node = root;
  for (const step of path) {
    if (!node) return undefined;
    node = typeof step === 'number' ? node.items?.[step] : node.entries?.get(step)?.value;
  }
  return node;
}
