/**
 * The sticky comment of a run on its pull request, for a sync and for a plan alike: which PR, which
 * comment (found by its marker), and the `comment-url` output. Never fails the job: the result stands.
 */
import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import type { ActionInputs } from './inputs.js';
import { findPullRequest } from './pull-request.js';
import { upsertComment } from './sticky-comment.js';

export function runUrl(): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = process.env;
  return GITHUB_SERVER_URL && GITHUB_REPOSITORY && GITHUB_RUN_ID
    ? `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`
    : undefined;
}

/** The event that started the run, read afresh (the toolkit's `context` is read once, at import). */
export function eventPayload(): { pull_request?: { number?: number; html_url?: string } } {
  const file = process.env.GITHUB_EVENT_PATH;
  if (!file) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as {
      pull_request?: { number?: number; html_url?: string };
    };
  } catch {
    return {};
  }
}

/** `render` gets the existing comment's body (its run history) and returns the new, already masked. */
export async function commentOnPullRequest(
  inputs: ActionInputs,
  marker: string,
  render: (existing: string | undefined) => string,
): Promise<void> {
  if (!inputs.comment) return;
  if (!inputs.githubToken) {
    core.info('no github-token: skipping the pull request comment');
    return;
  }
  const [owner = '', repo = ''] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) return;
  // Imported when a comment is due: the GitHub API client is not needed before the sync's end.
  const github = await import('@actions/github');
  const octokit = github.getOctokit(inputs.githubToken, {
    baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
  });
  let issue: number | undefined;
  try {
    issue = await findPullRequest(octokit, {
      eventName: process.env.GITHUB_EVENT_NAME ?? '',
      sha: process.env.GITHUB_SHA ?? '',
      owner,
      repo,
      payload: eventPayload(),
    });
  } catch (err) {
    core.warning(
      `hook-sync could not look up the pull request of this commit: ${(err as Error).message}. No comment written.`,
    );
    return;
  }
  if (!issue) {
    core.info('this run belongs to no pull request: no comment written');
    return;
  }
  const { outcome, url } = await upsertComment(octokit, { owner, repo, issue }, marker, render);
  if (outcome !== 'skipped') core.info(`pull request #${issue}: comment ${outcome}${url ? ` (${url})` : ''}`);
  if (url) core.setOutput('comment-url', url);
}
