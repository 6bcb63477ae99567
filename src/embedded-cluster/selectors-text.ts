/**
 * Selectors written out as the API server and kubectl print them (`app=web,tier in (a,b)`): the Scale
 * subresource's status.selector and the Selector columns of `kubectl get -o wide`.
 */
type Rec = Record<string, unknown>;

interface Requirement {
  key: string;
  text: string;
}

/** A LabelSelector (matchLabels and matchExpressions) as labels.Selector's String(), sorted by key. */
export function formatLabelSelector(selector: unknown): string {
  if (typeof selector !== 'object' || selector === null) return '';
  const s = selector as { matchLabels?: Rec; matchExpressions?: Rec[] };
  const requirements: Requirement[] = Object.entries(s.matchLabels ?? {}).map(([key, value]) => ({
    key,
    text: `${key}=${String(value)}`,
  }));
  for (const e of s.matchExpressions ?? []) {
    const key = String(e.key ?? '');
    const values = ((e.values as unknown[]) ?? []).map(String).sort().join(',');
    const text =
      e.operator === 'In'
        ? `${key} in (${values})`
        : e.operator === 'NotIn'
          ? `${key} notin (${values})`
          : e.operator === 'DoesNotExist'
            ? `!${key}`
            : key;
    requirements.push({ key, text });
  }
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return requirements.map((r) => r.text).join(',');
}

/** A plain label map (a Service's selector) as labels.FormatLabels: sorted, `<none>` when empty. */
export function formatLabels(labels: unknown): string {
  const entries = Object.entries((labels as Rec | undefined) ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length ? entries.map(([k, v]) => `${k}=${String(v)}`).join(',') : '<none>';
}
