/**
 * Multi-document YAML with source positions. js-yaml's parser emits events carrying source offsets; we walk
 * them once to build a tree of positions beside the constructed values, so any field of any object (an
 * annotation, a List item) can be pointed at by line, not only the document it sits in.
 */
import { findAliasBudgetExceeded } from './alias-expansion.js';
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
  /** Keys written twice in one mapping (only with `duplicateKeys: 'last-wins'`): where the later one is. */
  duplicateKeys?: { key: string; offset: number }[];
}

export interface ParseOptions {
  /**
   * 'refuse' (the default): a key written twice in a mapping is a syntax error, as for the API server.
   * 'last-wins': the later value is kept and the key reported, as Go's YAML readers do: for reading what
   * kubectl or a tool printed, not for manifests.
   */
  duplicateKeys?: 'refuse' | 'last-wins';
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

/** 387,420,489; past a trillion, 1.2e+15 (a bomb's count can be astronomically large). */
export function formatCount(n: number): string {
  return n < 1e12 ? Math.round(n).toLocaleString('en-US') : n.toExponential(1);
}

/** The aliases of a document stand for more nodes than any manifest needs: an alias bomb. */
export class YamlAliasBombError extends Error {
  constructor(
    /** Offset of the document's first node. */
    readonly offset: number,
    /** Nodes the file's aliases stand for, up to and including this document. */
    readonly nodes: number,
    readonly budget: number,
  ) {
    super(
      `YAML aliases expand to too many nodes (${formatCount(nodes)}; the limit is ${formatCount(budget)})`,
    );
    this.name = 'YamlAliasBombError';
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
  /** Set on document frames. */
  duplicateKeys?: { key: string; offset: number }[];
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

interface DocumentPositions {
  root: PositionNode | undefined;
  duplicateKeys: { key: string; offset: number }[];
}

function buildPositions(events: Event[], source: string): DocumentPositions[] {
  const roots: DocumentPositions[] = [];
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
        // Only reached when duplicates are allowed (js-yaml refuses them otherwise); the later one wins,
        // as in the constructed value.
        if (parent.node.entries.has(key.name) && !key.name.startsWith('\u0000'))
          stack[0]?.duplicateKeys?.push({ key: key.name, offset: key.offset });
        parent.node.entries.set(key.name, { keyOffset: key.offset, value: child });
        parent.pendingKey = undefined;
        parent.expectKey = true;
      }
    }
  };

  for (const e of events) {
    switch (e.type) {
      case EVENT_ID.DOCUMENT:
        stack.push({ node: undefined, expectKey: false, isDocument: true, duplicateKeys: [] });
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
          roots.push({
            root: root && (root.entries || root.items) ? root : undefined,
            duplicateKeys: frame.duplicateKeys ?? [],
          });
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

/**
 * Parses every document of a YAML (or JSON) text. Throws YamlSyntaxError with a 1-based line and column,
 * or YamlAliasBombError before anything is built.
 */
export function parseYamlDocuments(text: string, options: ParseOptions = {}): YamlDocument[] {
  const lenient = options.duplicateKeys === 'last-wins';
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch (err) {
    throw toSyntaxError(err);
  }
  const bomb = findAliasBudgetExceeded(events, text);
  if (bomb) throw new YamlAliasBombError(Math.max(bomb.offset, 0), bomb.total, bomb.budget);
  let values: unknown[];
  try {
    // js-yaml's `json` mode keeps the last of duplicated keys (JSON.parse's rule) instead of refusing them.
    values = constructFromEvents(events, { source: text, schema: SCHEMA, json: lenient });
  } catch (err) {
    throw toSyntaxError(err);
  }
  const positions = buildPositions(events, text);
  return values.map((value, i) => {
    const doc: YamlDocument = { value, root: positions[i]?.root };
    const duplicateKeys = positions[i]?.duplicateKeys ?? [];
    if (duplicateKeys.length > 0) doc.duplicateKeys = duplicateKeys;
    return doc;
  });
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
