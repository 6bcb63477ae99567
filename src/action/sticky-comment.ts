/**
 * Creates or updates the one hook-sync comment of this app on the pull request. Missing permissions (a
 * fork's read-only token, no `pull-requests: write`) are a warning: the deployment's result stands.
 */
import * as core from '@actions/core';
import type { getOctokit } from '@actions/github';

type Octokit = ReturnType<typeof getOctokit>;

export interface CommentTarget {
  owner: string;
  repo: string;
  issue: number;
}

/** The comment that starts with `marker` is updated (render gets its body), or a new one is created. */
export async function upsertComment(
  octokit: Octokit,
  target: CommentTarget,
  marker: string,
  render: (existing: string | undefined) => string,
): Promise<{ outcome: 'created' | 'updated' | 'skipped'; url?: string }> {
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: target.owner,
      repo: target.repo,
      issue_number: target.issue,
      per_page: 100,
    });
    const existing = comments.find((c) => c.body?.startsWith(marker));
    const body = render(existing?.body ?? undefined);
    if (existing) {
      const { data } = await octokit.rest.issues.updateComment({
        owner: target.owner,
        repo: target.repo,
        comment_id: existing.id,
        body,
      });
      return { outcome: 'updated', url: data.html_url };
    }
    const { data } = await octokit.rest.issues.createComment({
      owner: target.owner,
      repo: target.repo,
      issue_number: target.issue,
      body,
    });
    return { outcome: 'created', url: data.html_url };
  } catch (err) {
    const status = (err as { status?: number }).status;
    const why =
      status === 403 || status === 404
        ? 'the token may not comment on this pull request (a fork\'s read-only token, or the workflow lacks "permissions: pull-requests: write")'
        : (err as Error).message;
    core.warning(
      `hook-sync could not write the pull request comment: ${why}. The sync result is unaffected.`,
    );
    return { outcome: 'skipped' };
  }
}
