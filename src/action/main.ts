/**
 * The GitHub Action face: inputs in; the same plan and engine as the CLI; results out as a job summary, a
 * sticky PR comment, annotations and outputs. Credentials are registered as secrets before anything is
 * logged, and every text written is passed through the same redaction.
 */
import * as core from '@actions/core';
import { KubeconfigError, findKubeconfig, kubeconfigSecrets } from '../cluster/kubeconfig.js';
import { InvalidInputError, formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { ImageSubstitution } from '../manifests/image-overrides.js';
import { imagesText } from '../report/image-substitutions.js';
import { renderJobSummary } from '../report/job-summary.js';
import { commentMarker, renderPrComment } from '../report/pr-comment.js';
import { Redactor } from '../sync/redactor.js';
import { runOrigin } from './run-origin.js';
import { invalidResult, syncFromPaths, type SyncOutcome } from '../sync/sync-from-paths.js';
import type { SyncResult } from '../sync/sync-result.js';
import { ActionInputError, readInputs, type ActionInputs } from './inputs.js';
import { groupedLogObserver } from './log-groups.js';
import { commentOnPullRequest, runUrl } from './pull-request-comment.js';
import { runPlanOperation } from './plan-operation.js';
import { checkFilesInside, checkManifestPaths } from './workspace-paths.js';

export function annotate(diagnostics: readonly Diagnostic[]): void {
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

/** Outputs, the job summary and the PR comment, for every way a run ends; fails the job unless Succeeded. */
async function finish(
  inputs: ActionInputs | undefined,
  result: SyncResult,
  context: string,
  warnings: readonly Diagnostic[],
  redactor: Redactor,
  images?: readonly ImageSubstitution[],
): Promise<void> {
  const safe = (s: string) => redactor.redact(s);
  const summary = renderJobSummary(result, {
    app: inputs?.app ?? '',
    namespace: inputs?.namespace ?? '',
    context,
    runUrl: runUrl(),
    warnings,
    images,
  });
  core.setOutput('status', result.status);
  core.setOutput('result', JSON.stringify(redactor.redactJson(result)));
  // `url` fits a job's `environment: url:`; `urls` has every address, one per line.
  const urls = (result.urls ?? []).map((u) => u.url);
  core.setOutput('urls', safe(urls.join('\n')));
  core.setOutput('url', safe(urls[0] ?? ''));
  const failed = result.tasks.find((t) => t.status === 'Failed' || t.status === 'Terminated');
  core.setOutput(
    'failed-task',
    failed ? `${failed.kind}/${failed.namespace ? `${failed.namespace}/` : ''}${failed.name}` : '',
  );
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(safe(summary), true).write();
  if (inputs)
    await commentOnPullRequest(inputs, commentMarker(inputs.app, inputs.commentHeader), (existing) =>
      safe(renderPrComment(result, inputs.app, inputs.commentHeader, runUrl(), existing)),
    );
  // An Invalid run's errors were each printed (annotated) already: the failure line only points at them.
  if (result.status === 'Invalid')
    core.setFailed('hook-sync: Invalid: nothing was applied (the errors are above)');
  else if (result.status !== 'Succeeded')
    core.setFailed(safe(`hook-sync: ${result.status}: ${result.message}`));
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
    checkManifestPaths(inputs.manifests, workspace);
    if (inputs.operation === 'plan')
      return await runPlanOperation(inputs, { workspace, revision, startedAt, redactor, annotate });

    const observer = groupedLogObserver((s) => redactor.redact(s));
    const given = inputs;
    let context = given.context ?? '';
    let outcome: SyncOutcome;
    try {
      outcome = await syncFromPaths({
        operation: given.operation === 'delete' ? 'delete' : 'sync',
        app: given.app,
        by: runUrl() ?? 'a GitHub Actions run',
        prune: given.prune,
        lock: given.lock,
        lockTtlSeconds: given.lockTtlSeconds,
        createNamespace: given.createNamespace,
        origin: runOrigin(),
        paths: given.manifests,
        cwd: workspace,
        checkFiles: (files) => checkFilesInside(files, workspace),
        images: given.images,
        namespace: given.namespace,
        revision,
        startedAt,
        cluster: {
          kubeconfig: () =>
            findKubeconfig(
              {
                text: given.kubeconfig,
                textOrigin: 'the kubeconfig input',
                howToGive:
                  'set the kubeconfig input from a secret, or run a cluster login step first (fork pull requests get no secrets: use operation: plan there)',
              },
              process.env,
            ),
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
          for (const line of imagesText(plan.images)) core.info(`hook-sync: ${line}`);
          core.info(
            `hook-sync: ${given.operation === 'delete' ? 'deleting' : 'syncing'} app ${given.app}: ${plan.tasks.length} tasks at ${revision.slice(0, 7)} to ${target.server} (context ${target.context}, kubeconfig from ${target.origin}), namespace ${given.namespace}`,
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
    await finish(inputs, outcome.result, context, outcome.plan.warnings, redactor, outcome.plan.images);
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
