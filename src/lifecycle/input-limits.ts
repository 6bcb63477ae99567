/**
 * What both faces (CLI options, action inputs) accept for an operation's application name and lock TTL,
 * so the rule and its wording are the same wherever it is given.
 */
import type { DurationLimits } from '../duration.js';

/**
 * A killed run's lock blocks the app's next runs until it expires: at least a second (a shorter lease
 * cannot be renewed in time), at most an hour.
 */
export const LOCK_TTL_LIMITS: DurationLimits = { minMs: 1000, maxMs: 3_600_000 };

/** The longest application name: the longest Kubernetes object name (it is recorded in the inventory). */
const MAX_APP_NAME = 253;

/**
 * Why `app` cannot name an application, or undefined. Any printable text works (object names derived
 * from it are cleaned up and hashed); empty, multi-line or very long names are mistakes.
 */
export function appNameProblem(app: string): string | undefined {
  if (!app.trim()) return 'must not be empty';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(app))
    return `must be one line of printable characters, found ${JSON.stringify(app)}`;
  if (app.length > MAX_APP_NAME) return `must be at most ${MAX_APP_NAME} characters, found ${app.length}`;
  return undefined;
}
