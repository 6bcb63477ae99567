/** The app's addresses (result.urls) in the job summary's headline and on the PR comment's first line. */
import type { SyncResult } from '../sync/sync-result.js';
import { escapeHtml } from './markdown.js';

const MAX_SHOWN = 3;

function links(result: SyncResult): string {
  const urls = result.urls ?? [];
  const shown = urls
    .slice(0, MAX_SHOWN)
    .map((u) => `[${escapeHtml(u.url)}](${encodeURI(u.url).replace(/\)/g, '%29')})`);
  const more = urls.length - shown.length;
  return shown.join(' · ') + (more > 0 ? ` (+${more} more)` : '');
}

/** ` · https://…` after the summary's heading, or ''. */
export function urlsInline(result: SyncResult): string {
  return result.urls?.length ? ` · ${links(result)}` : '';
}

/** `**Preview:** https://…`, or undefined when the sync published no address. */
export function previewLine(result: SyncResult): string | undefined {
  return result.urls?.length ? `**Preview:** ${links(result)}` : undefined;
}
