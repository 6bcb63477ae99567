/**
 * "Did you mean …?" for values written by hand: the known value a typo most likely stands for. Only close
 * matches count (a letter or two off, or the same word in another case), so a value that is simply
 * something else gets the list of known values instead of a wrong guess.
 */

/** Edits (insert, delete, substitute, swap two neighbours) to turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++)
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

/** The known value closest to `value`, when it is close enough to be a typo of it. */
export function nearest(value: string, known: readonly string[]): string | undefined {
  const lower = value.toLowerCase();
  const sameButCase = known.find((k) => k.toLowerCase() === lower);
  if (sameButCase) return sameButCase;
  // One edit per four letters, at least one and at most three: "PreSynk" → PreSync, "Foo" → nothing.
  const allowed = Math.min(3, Math.max(1, Math.floor(value.length / 4)));
  let best: { value: string; distance: number } | undefined;
  for (const k of known) {
    const distance = editDistance(lower, k.toLowerCase());
    if (distance <= allowed && (!best || distance < best.distance)) best = { value: k, distance };
  }
  return best?.value;
}

/** `did you mean "X"?` when a close match exists, otherwise `use one of A, B, C`. */
export function suggestion(value: string, known: readonly string[]): string {
  const match = nearest(value, known);
  return match ? `did you mean "${match}"?` : `use one of ${known.join(', ')}`;
}
