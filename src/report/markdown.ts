/** Text that came from users or clusters, made safe for GitHub-flavoured Markdown with HTML. */
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]!);
}

/** For a table cell: HTML-escaped, pipes escaped, newlines as <br>. */
export function cell(text: string): string {
  return escapeHtml(text).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** Inline code that survives backticks and HTML in the value. */
export function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}

/** A preformatted block: HTML-escaped, so no log line can close it or inject markup. */
export function pre(lines: readonly string[]): string {
  return `<pre>${escapeHtml(lines.join('\n'))}</pre>`;
}

export const STATUS_ICON: Record<string, string> = {
  Succeeded: '✅',
  Failed: '❌',
  Cancelled: '⏹️',
  Invalid: '⚠️',
  Terminated: '⛔',
  Skipped: '⏭️',
  Pending: '⏸️',
};
