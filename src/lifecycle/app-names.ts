/** Names derived from an application's name: valid for Kubernetes whatever the repository is called. */
import { createHash } from 'node:crypto';

function slug(text: string, max: number): string {
  const clean = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (clean.length <= max && clean === text) return clean || 'app';
  // Shortened or changed: a hash of the original keeps two apps that clean up alike apart.
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
  return `${clean.slice(0, max - 9).replace(/-+$/, '') || 'app'}-${hash}`;
}

/** `<prefix>-<app>`, a valid object name (DNS label rules, so it fits every kind). */
export function appObjectName(prefix: string, app: string): string {
  return `${prefix}-${slug(app, 63 - prefix.length - 1)}`;
}

/** The app as a label value (63 characters of [a-z0-9-]). */
export function appLabelValue(app: string): string {
  return slug(app, 63);
}
