/** Loading plus planning, the entry point both faces (CLI and action) use. */
import { InvalidInputError, hasErrors, type Diagnostic } from '../diagnostics.js';
import { loadManifests } from '../manifests/load-manifests.js';
import { buildPlan, type PlanOptions } from './build-plan.js';
import type { Plan } from './sync-task.js';

export interface LoadPlanOptions extends PlanOptions {
  cwd?: string;
  /** Called with the files found, before they are planned: may throw to refuse them. */
  checkFiles?: (files: readonly string[]) => void;
}

/** An operation that needs no manifests: a delete works from the inventory alone (the branch is gone). */
function needsManifests(options: LoadPlanOptions): boolean {
  return options.operation !== 'delete';
}

/** Throws InvalidInputError, carrying every diagnostic, when the input is invalid. */
export async function loadPlan(paths: readonly string[], options: LoadPlanOptions): Promise<Plan> {
  const loaded =
    paths.length || needsManifests(options)
      ? await loadManifests(paths, { cwd: options.cwd })
      : { manifests: [], files: [], diagnostics: [] };
  options.checkFiles?.(loaded.files);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  if (loaded.manifests.length === 0 && !hasErrors(diagnostics) && needsManifests(options)) {
    diagnostics.push({
      severity: 'error',
      code: 'no-objects',
      message: `no Kubernetes objects found in ${paths.join(', ')}`,
      hint: 'point at files or directories that contain manifests',
    });
  }
  const result = buildPlan(loaded.manifests, options);
  diagnostics.push(...result.diagnostics);
  if (!result.plan || hasErrors(diagnostics)) throw new InvalidInputError(diagnostics);
  // Loader warnings (a skipped kustomization.yaml) belong with the plan's own.
  result.plan.warnings = diagnostics.filter((d) => d.severity === 'warning');
  return result.plan;
}
