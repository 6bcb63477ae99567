/**
 * A guard against YAML alias bombs ("billion laughs"): anchors that alias anchors, nine deep, fit in 600
 * bytes and stand for 9^9 nodes. js-yaml shares aliased values instead of copying them, so loading and
 * planning stay cheap, but anything that walks or serialises the objects (a sync sends them as JSON)
 * expands them for real. We count, on the parser's events and without expanding anything, how many nodes
 * the aliases of each document stand for, and refuse the file past a generous budget.
 */
import { EVENT_ID, type Event } from 'js-yaml';

/** Nodes aliases may add to a file, whatever its size: real manifests use a few hundred at most. */
export const MIN_ALIAS_BUDGET = 100_000;
/** Larger files get more: aliases may multiply what is written by this much. */
export const ALIAS_BUDGET_PER_WRITTEN_NODE = 10;

export interface AliasExpansion {
  /** Offset of the document's first node, or -1 for an empty document. */
  offset: number;
  /** Nodes the document's aliases stand for (an alias of a scalar counts 1). */
  aliasNodes: number;
}

/** The document whose aliases overspend the file's budget, if one does. */
export interface AliasBudgetExceeded extends AliasExpansion {
  /** Nodes aliases add across the file, up to and including this document. */
  total: number;
  budget: number;
}

function anchorName(source: string, e: { anchorStart: number; anchorEnd: number }): string | undefined {
  return e.anchorStart >= 0 ? source.slice(e.anchorStart, e.anchorEnd) : undefined;
}

/**
 * One linear pass: every node counts itself plus its children; an anchored node remembers its count, and
 * an alias counts what its anchor counted. Counts are numbers, so even 9^100 stays a (huge) number.
 */
export function measureAliasExpansion(
  events: readonly Event[],
  source: string,
): { documents: AliasExpansion[]; writtenNodes: number } {
  const documents: AliasExpansion[] = [];
  let writtenNodes = 0;
  let anchors = new Map<string, number>();
  let current: AliasExpansion | undefined;
  // Nodes under each open collection, the collection itself included; its anchor, if any.
  const stack: { count: number; anchor: string | undefined }[] = [];
  const add = (count: number) => {
    const top = stack[stack.length - 1];
    if (top) top.count += count;
  };

  for (const e of events) {
    switch (e.type) {
      case EVENT_ID.DOCUMENT:
        // Anchors are local to their document.
        anchors = new Map();
        current = { offset: -1, aliasNodes: 0 };
        documents.push(current);
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        if (current && current.offset < 0) current.offset = e.start;
        writtenNodes++;
        stack.push({ count: 1, anchor: anchorName(source, e) });
        break;
      case EVENT_ID.SCALAR: {
        if (current && current.offset < 0 && e.valueStart >= 0) current.offset = e.valueStart;
        writtenNodes++;
        const anchor = anchorName(source, e);
        if (anchor !== undefined) anchors.set(anchor, 1);
        add(1);
        break;
      }
      case EVENT_ID.ALIAS: {
        if (current && current.offset < 0) current.offset = e.anchorStart;
        const count = anchors.get(source.slice(e.anchorStart, e.anchorEnd)) ?? 1;
        if (current) current.aliasNodes += count;
        add(count);
        break;
      }
      case EVENT_ID.POP: {
        // Closes a collection, or a document (whose stack is then empty).
        const closed = stack.pop();
        if (!closed) break;
        if (closed.anchor !== undefined) anchors.set(closed.anchor, closed.count);
        add(closed.count);
        break;
      }
    }
  }
  return { documents, writtenNodes };
}

/** The first document at which the file's aliases pass max(100,000, 10 × the nodes written). */
export function findAliasBudgetExceeded(
  events: readonly Event[],
  source: string,
): AliasBudgetExceeded | undefined {
  const { documents, writtenNodes } = measureAliasExpansion(events, source);
  const budget = Math.max(MIN_ALIAS_BUDGET, ALIAS_BUDGET_PER_WRITTEN_NODE * writtenNodes);
  let total = 0;
  for (const doc of documents) {
    total += doc.aliasNodes;
    if (total > budget) return { ...doc, total, budget };
  }
  return undefined;
}
