/**
 * `operation: plan`: what a sync would do, for the people reviewing a pull request — in the log, the job
 * summary and a sticky comment of its own. With a kubeconfig (the input, `$KUBECONFIG` or
 * `~/.kube/config`), also what would change in the cluster, from server-side dry runs; without one (a
 * fork's pull request has no secrets), the order alone. Nothing is ever written to the cluster.
 */
import * as core from '@actions/core';
import { ClusterClient } from '../cluster/cluster-client.js';
import {
  KubeconfigError,
  findKubeconfig,
  kubeconfigSecrets,
  loadKubeconfigSource,
} from '../cluster/kubeconfig.js';
import { InvalidInputError, formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { changesJson, previewPlan, type TaskPreview } from '../diff/live-preview.js';
import { pruneCandidates, type InventoryObject } from '../lifecycle/inventory.js';
import { InventoryStore } from '../lifecycle/inventory-store.js';
import { markOwnership } from '../lifecycle/recovery.js';
import { loadPlan } from '../plan/load-plan.js';
import type { Plan } from '../plan/sync-task.js';
import { planJson, renderPlanText } from '../report/plan-report.js';
import { planCommentMarker, renderPlanMarkdown } from '../report/plan-summary.js';
import type { Redactor } from '../sync/redactor.js';
import type { ActionInputs } from './inputs.js';
import { commentOnPullRequest, runUrl } from './pull-request-comment.js';
import { checkFilesInside } from './workspace-paths.js';

export interface PlanRun {
  workspace: string;
  revision: string;
  startedAt: Date;
  redactor: Redactor;
  annotate: (diagnostics: readonly Diagnostic[]) => void;
}

/** The cluster to diff against, when one is at hand; a plan never needs one. */
function clusterFor(
  inputs: ActionInputs,
  redactor: Redactor,
): { client: ClusterClient; context: string } | undefined {
  let source;
  try {
    source = findKubeconfig({ text: inputs.kubeconfig, textOrigin: 'the kubeconfig input' }, process.env);
  } catch (err) {
    if (err instanceof KubeconfigError) return undefined;
    throw err;
  }
  for (const s of kubeconfigSecrets(source.text)) {
    core.setSecret(s);
    redactor.add(s);
  }
  const loaded = loadKubeconfigSource(source, inputs.context);
  core.info(
    `hook-sync: comparing with the cluster at ${loaded.server} (context ${loaded.context}, kubeconfig from ${source.origin})`,
  );
  return { client: new ClusterClient(loaded.kc), context: loaded.context };
}

export async function runPlanOperation(inputs: ActionInputs, run: PlanRun): Promise<void> {
  const { redactor } = run;
  const safe = (s: string) => redactor.redact(s);
  let plan: Plan;
  try {
    plan = await loadPlan(inputs.manifests, {
      checkFiles: (files) => checkFilesInside(files, run.workspace),
      cwd: run.workspace,
      images: inputs.images,
      operation: 'sync',
      namespace: inputs.namespace,
      revision: run.revision,
      startedAt: Math.floor(run.startedAt.getTime() / 1000),
    });
  } catch (err) {
    if (!(err instanceof InvalidInputError)) throw err;
    run.annotate(err.diagnostics);
    const errors = err.diagnostics.filter((d) => d.severity === 'error');
    core.setOutput('status', 'Invalid');
    core.setFailed(
      safe(`hook-sync: Invalid: ${errors.length} error${errors.length === 1 ? '' : 's'} in the manifests`),
    );
    if (process.env.GITHUB_STEP_SUMMARY)
      await core.summary
        .addRaw(
          safe(
            `## ⚠️ hook-sync plan: Invalid\n\n${errors.map((e) => `- ${formatDiagnostic(e)}`).join('\n')}\n`,
          ),
          true,
        )
        .write();
    return;
  }
  redactor.addSecretsOf(plan);
  for (const value of redactor.values) core.setSecret(value);
  run.annotate(plan.warnings);
  core.info(safe(renderPlanText(plan)));

  const cluster = clusterFor(inputs, redactor);
  let previews: TaskPreview[] | undefined;
  let leaving: InventoryObject[] | undefined;
  if (cluster) {
    try {
      // Judged as the sync would write them: with the app's tracking annotation.
      previews = await previewPlan(markOwnership(plan, inputs.app), cluster.client, {
        createNamespace: inputs.createNamespace?.create,
      });
      leaving = pruneCandidates(
        await new InventoryStore(cluster.client, inputs.app, inputs.namespace).read(),
        plan,
      );
    } catch (err) {
      core.warning(safe(`hook-sync: no live diff: ${(err as Error).message}`));
    }
  } else core.info('hook-sync: no kubeconfig: the plan shows the order only, no live diff');

  const ctx = {
    app: inputs.app,
    previews,
    context: cluster?.context,
    runUrl: runUrl(),
    leaving: leaving && { objects: leaving, prune: inputs.prune },
  };
  core.setOutput('status', 'Succeeded');
  core.setOutput(
    'result',
    safe(
      JSON.stringify({
        ...planJson(plan),
        ...(previews ? { changes: changesJson(previews) } : {}),
      }),
    ),
  );
  if (process.env.GITHUB_STEP_SUMMARY)
    await core.summary.addRaw(safe(renderPlanMarkdown(plan, ctx)), true).write();
  await commentOnPullRequest(inputs, planCommentMarker(inputs.app, inputs.commentHeader), () =>
    safe(`${planCommentMarker(inputs.app, inputs.commentHeader)}\n${renderPlanMarkdown(plan, ctx, true)}`),
  );
}
