/** Text that came from users or clusters, made safe for GitHub-flavoured Markdown with HTML. */
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]!);
}

/** What an empty table cell shows: a table never has an empty cell. */
export const NONE = '—';

/** For a table cell: HTML-escaped, pipes escaped, newlines as <br>; `—` when there is nothing to show. */
export function cell(text: string): string {
  if (!text.trim()) return NONE;
  return escapeHtml(text).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** Inline code that survives backticks and HTML in the value. */
export function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}

/**
 * A preformatted block: HTML-escaped, so no log line can close it or inject markup. A blank line would end
 * the HTML block it sits in (Markdown would then format the rest of the logs): blank lines hold a space.
 */
export function pre(lines: readonly string[]): string {
  return `<pre>${lines.map((l) => (l.trim() ? escapeHtml(l) : '&#32;')).join('\n')}</pre>`;
}

/** At most `max` characters, cut at a word boundary with `…` when the text is longer. */
export function truncateAtWord(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  // The last space that leaves room for the ellipsis; a word longer than half the room is cut anyway.
  const space = flat.lastIndexOf(' ', max - 1);
  const cut = space >= max / 2 ? flat.slice(0, space) : flat.slice(0, max - 1);
  return `${cut.replace(/[\s,;:.·—-]+$/, '')}…`;
}

/** `run #4242` for a workflow run's address, else `workflow run`. */
export function runLinkText(url: string): string {
  const id = /\/runs\/(\d+)(?:\/|$|[?#])/.exec(url)?.[1];
  return id ? `run #${id}` : 'workflow run';
}

export function runLink(url: string): string {
  return `<a href="${escapeHtml(url)}">${runLinkText(url)}</a>`;
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
