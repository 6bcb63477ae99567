/**
 * The GitHub Action face: inputs in; the same plan and engine as the CLI; results out as a job summary, a
 * sticky PR comment, annotations and outputs. Credentials are registered as secrets before anything is
 * logged, and every text written is passed through the same redaction.
 */
import * as core from '@actions/core';
import * as github from '@actions/github';
import { readFileSync } from 'node:fs';
import { KubeconfigError, findKubeconfig, kubeconfigSecrets } from '../cluster/kubeconfig.js';
import { InvalidInputError, formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { loadPlan } from '../plan/load-plan.js';
import type { Plan } from '../plan/sync-task.js';
import { renderJobSummary } from '../report/job-summary.js';
import { planJson, renderPlanText } from '../report/plan-report.js';
import { Redactor } from '../sync/redactor.js';
import { invalidResult, syncFromPaths, type SyncOutcome } from '../sync/sync-from-paths.js';
import type { SyncResult } from '../sync/sync-result.js';
import { ActionInputError, readInputs, type ActionInputs } from './inputs.js';
import { groupedLogObserver } from './log-groups.js';
import { findPullRequest } from './pull-request.js';
import { upsertComment } from './sticky-comment.js';
import { checkFilesInside, checkManifestPaths } from './workspace-paths.js';

function runUrl(): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = process.env;
  return GITHUB_SERVER_URL && GITHUB_REPOSITORY && GITHUB_RUN_ID
    ? `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`
    : undefined;
}

function eventPayload(): { pull_request?: { number?: number } } {
  const file = process.env.GITHUB_EVENT_PATH;
  if (!file) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { pull_request?: { number?: number } };
  } catch {
    return {};
  }
}

function annotate(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const props = d.source
      ? {
          file: d.source.file,
          startLine: d.source.line,
          ...(d.source.column ? { startColumn: d.source.column } : {}),
        }
      : {};
    if (d.severity === 'error') core.error(formatDiagnostic(d), props);
    else core.warning(formatDiagnostic(d), props);
  }
}

async function comment(inputs: ActionInputs, result: SyncResult, redactor: Redactor): Promise<void> {
  if (!inputs.comment) return;
  if (!inputs.githubToken) {
    core.info('no github-token: skipping the pull request comment');
    return;
  }
  const [owner = '', repo = ''] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) return;
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
  const { outcome, url } = await upsertComment(
    octokit,
    { owner, repo, issue },
    result,
    inputs.app,
    inputs.commentHeader,
    runUrl(),
    (s) => redactor.redact(s),
  );
  if (outcome !== 'skipped') core.info(`pull request #${issue}: comment ${outcome}${url ? ` (${url})` : ''}`);
  if (url) core.setOutput('comment-url', url);
}

/** Outputs, the job summary and the PR comment, for every way a run ends; fails the job unless Succeeded. */
async function finish(
  inputs: ActionInputs | undefined,
  result: SyncResult,
  context: string,
  warnings: readonly Diagnostic[],
  redactor: Redactor,
): Promise<void> {
  const safe = (s: string) => redactor.redact(s);
  const summary = renderJobSummary(result, {
    app: inputs?.app ?? '',
    namespace: inputs?.namespace ?? '',
    context,
    runUrl: runUrl(),
    warnings,
  });
  core.setOutput('status', result.status);
  core.setOutput('result', safe(JSON.stringify(result)));
  const failed = result.tasks.find((t) => t.status === 'Failed' || t.status === 'Terminated');
  core.setOutput(
    'failed-task',
    failed ? `${failed.kind}/${failed.namespace ? `${failed.namespace}/` : ''}${failed.name}` : '',
  );
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(safe(summary), true).write();
  if (inputs) await comment(inputs, result, redactor);
  if (result.status !== 'Succeeded') core.setFailed(safe(`hook-sync: ${result.status}: ${result.message}`));
}

export async function run(): Promise<void> {
  const startedAt = new Date();
  const redactor = new Redactor();
  const revision = process.env.GITHUB_SHA ?? 'local';
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  let inputs: ActionInputs | undefined;
  try {
    inputs = readInputs();
    // Before anything is logged: every credential of the kubeconfig is a secret to the runner and to us.
    for (const s of kubeconfigSecrets(inputs.kubeconfig)) {
      core.setSecret(s);
      redactor.add(s);
    }
    if (inputs.prune)
      core.warning(
        'input "prune" is not supported yet (it arrives with the inventory of applied objects); nothing will be pruned',
      );
    checkManifestPaths(inputs.manifests, workspace);
    if (inputs.operation === 'plan') return await showPlan(inputs, workspace, revision, startedAt, redactor);

    const observer = groupedLogObserver((s) => redactor.redact(s));
    const given = inputs;
    let context = given.context ?? '';
    let outcome: SyncOutcome;
    try {
      outcome = await syncFromPaths({
        paths: given.manifests,
        cwd: workspace,
        checkFiles: (files) => checkFilesInside(files, workspace),
        namespace: given.namespace,
        revision,
        startedAt,
        cluster: {
          kubeconfig: () => {
            try {
              return findKubeconfig(
                { text: given.kubeconfig, textOrigin: 'the kubeconfig input' },
                process.env,
              );
            } catch (err) {
              throw new KubeconfigError(
                `${(err as Error).message}. In a workflow: set the kubeconfig input from a secret, or run a cluster login step first (fork pull requests get no secrets: use operation: plan there)`,
              );
            }
          },
          context: given.context,
        },
        timeoutMs: given.timeoutMs,
        wait: given.wait,
        signals: process,
        onCancelling: () => core.warning('hook-sync: cancelled: deleting running hooks'),
        observer,
        redactor,
        onSecret: (value) => core.setSecret(value),
        onStart: (plan, target) => {
          context = target.context;
          annotate(plan.warnings);
          core.info(
            `hook-sync: syncing ${plan.tasks.length} tasks of app ${given.app} at ${revision.slice(0, 7)} to ${target.server} (context ${target.context}, kubeconfig from ${target.origin}), namespace ${given.namespace}`,
          );
        },
      });
    } finally {
      observer.close();
    }
    if (outcome.kind === 'invalid-kubeconfig') throw new KubeconfigError(outcome.message);
    if (outcome.kind === 'invalid-manifests') {
      annotate(outcome.diagnostics);
      const warnings = outcome.diagnostics.filter((d) => d.severity === 'warning');
      await finish(inputs, outcome.result, context, warnings, redactor);
      return;
    }
    core.info(redactor.redact(`hook-sync: ${outcome.result.status}: ${outcome.result.message}`));
    await finish(inputs, outcome.result, context, outcome.plan.warnings, redactor);
  } catch (err) {
    if (
      err instanceof ActionInputError ||
      err instanceof KubeconfigError ||
      err instanceof InvalidInputError
    ) {
      const message =
        err instanceof InvalidInputError ? err.diagnostics.map(formatDiagnostic).join('\n') : err.message;
      const result = invalidResult(message, revision, startedAt);
      core.error(redactor.redact(message));
      await finish(undefined, result, inputs?.context ?? '', [], redactor);
      return;
    }
    core.setOutput('status', 'Failed');
    core.setFailed(redactor.redact(`hook-sync failed: ${(err as Error).message}`));
  }
}

/** operation: plan — the ordered plan in the log and the result output; nothing touches a cluster. */
async function showPlan(
  inputs: ActionInputs,
  workspace: string,
  revision: string,
  startedAt: Date,
  redactor: Redactor,
): Promise<void> {
  let plan: Plan;
  try {
    plan = await loadPlan(inputs.manifests, {
      checkFiles: (files) => checkFilesInside(files, workspace),
      cwd: workspace,
      operation: 'sync',
      namespace: inputs.namespace,
      revision,
      startedAt: Math.floor(startedAt.getTime() / 1000),
    });
  } catch (err) {
    if (!(err instanceof InvalidInputError)) throw err;
    annotate(err.diagnostics);
    const errors = err.diagnostics.filter((d) => d.severity === 'error');
    const result = invalidResult(
      `${errors.length} error${errors.length === 1 ? '' : 's'} in the manifests:\n${errors.map(formatDiagnostic).join('\n')}`,
      revision,
      startedAt,
    );
    await finish(
      inputs,
      result,
      inputs.context ?? '',
      err.diagnostics.filter((d) => d.severity === 'warning'),
      redactor,
    );
    return;
  }
  redactor.addSecretsOf(plan);
  for (const value of redactor.values) core.setSecret(value);
  annotate(plan.warnings);
  core.info(redactor.redact(renderPlanText(plan)));
  core.setOutput('status', 'Succeeded');
  core.setOutput('result', redactor.redact(JSON.stringify(planJson(plan))));
}
