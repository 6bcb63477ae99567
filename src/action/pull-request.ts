/**
 * Which pull request a run belongs to: the event's own; for a push, the PR whose head is this commit, or
 * the PR this commit merged (a merge commit or a squash: the PR's merge_commit_sha is the pushed commit).
 */
import type { getOctokit } from '@actions/github';

type Octokit = ReturnType<typeof getOctokit>;

export interface RunEvent {
  eventName: string;
  sha: string;
  owner: string;
  repo: string;
  payload: { pull_request?: { number?: number } };
}

export async function findPullRequest(octokit: Octokit, event: RunEvent): Promise<number | undefined> {
  if (event.payload.pull_request?.number) return event.payload.pull_request.number;
  if (event.eventName !== 'push') return undefined;
  const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
    owner: event.owner,
    repo: event.repo,
    commit_sha: event.sha,
  });
  const pr =
    data.find((p) => p.head?.sha === event.sha) ?? data.find((p) => p.merge_commit_sha === event.sha);
  return pr?.number;
}
