/**
 * Requests served, counted as a real API server's `apiserver_request_total` counts them and served at
 * `/metrics` in Prometheus' text format (`kubectl get --raw /metrics`), so a benchmark or a test can say
 * how many requests a client made. Labels: `verb` (the HTTP method; WATCH for a watch), `dry_run` (All
 * for a server-side dry run) and `code` (the answer; 0 for a connection reset on purpose). Probes and
 * `/metrics` itself are not counted.
 */
export class RequestMetrics {
  private readonly counts = new Map<string, number>();

  count(method: string, url: string, code: number): void {
    // Called for every request: the query is only parsed when it may hold what the labels need.
    const query =
      url.includes('watch=') || url.includes('dryRun=')
        ? new URLSearchParams(url.slice(url.indexOf('?') + 1))
        : undefined;
    const verb = method === 'GET' && query?.get('watch') === 'true' ? 'WATCH' : method;
    const key = `verb="${verb}",dry_run="${query?.get('dryRun') === 'All' ? 'All' : ''}",code="${code}"`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Every request counted so far. */
  get total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  render(): string {
    const lines = [
      '# HELP apiserver_request_total Counter of apiserver requests broken out for each verb, dry run value and HTTP response code.',
      '# TYPE apiserver_request_total counter',
      ...[...this.counts]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([labels, n]) => `apiserver_request_total{${labels}} ${n}`),
    ];
    return lines.join('\n') + '\n';
  }
}
