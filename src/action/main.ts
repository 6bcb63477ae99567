/** The GitHub Action face: the same planning code as the CLI, reported through the runner. */
import * as core from '@actions/core';
import { InvalidInputError, formatDiagnostic } from '../diagnostics.js';
import { loadPlan } from '../plan/load-plan.js';
import { planJson, renderPlanText } from '../report/plan-report.js';
import { readInputs } from './inputs.js';

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    if (inputs.operation !== 'plan') {
      // The sync engine is not built yet; failing loudly beats pretending to have deployed.
      throw new Error('operation "sync" is not available in this version; use operation: plan');
    }
    const plan = await loadPlan(inputs.manifests, {
      cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
      operation: 'sync',
      namespace: inputs.namespace,
      revision: process.env.GITHUB_SHA ?? 'local',
      startedAt: Math.floor(Date.now() / 1000),
    });
    core.info(renderPlanText(plan));
    core.setOutput('status', 'Succeeded');
    core.setOutput('result', JSON.stringify(planJson(plan)));
  } catch (err) {
    if (err instanceof InvalidInputError) {
      for (const d of err.diagnostics) {
        const props = d.source ? { file: d.source.file, startLine: d.source.line } : {};
        if (d.severity === 'error') core.error(formatDiagnostic(d), props);
        else core.warning(formatDiagnostic(d), props);
      }
      core.setOutput('status', 'Invalid');
      core.setFailed('invalid manifests: nothing was applied');
      return;
    }
    core.setFailed((err as Error).message);
  }
}
