/** Where a workflow run comes from, kept with the app's inventory so `status --all` can name a preview's PR. */
import type { AppOrigin } from '../lifecycle/inventory.js';
import { eventPayload } from './pull-request-comment.js';

export function runOrigin(env: NodeJS.ProcessEnv = process.env): AppOrigin | undefined {
  const repository = env.GITHUB_REPOSITORY || undefined;
  const pr = eventPayload().pull_request;
  if (!repository && !pr?.number) return undefined;
  return {
    ...(repository ? { repository } : {}),
    ...(pr?.number ? { pullRequest: pr.number } : {}),
    ...(pr?.html_url ? { pullRequestUrl: pr.html_url } : {}),
  };
}
