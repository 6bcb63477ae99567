/** Loading plus planning, the entry point both faces (CLI and action) use. */
import { InvalidInputError, hasErrors, type Diagnostic } from '../diagnostics.js';
import {
  applyImageOverrides,
  parseImageOverrides,
  type ImageOverrideInput,
  type ImageSubstitution,
} from '../manifests/image-overrides.js';
import { loadManifests } from '../manifests/load-manifests.js';
import { buildPlan, type PlanOptions } from './build-plan.js';
import type { Plan } from './sync-task.js';

export interface LoadPlanOptions extends PlanOptions {
  cwd?: string;
  /** Called with the files found, before they are planned: may throw to refuse them. */
  checkFiles?: (files: readonly string[]) => void;
  /** Image substitutions (`--image`, the action's `images`), applied to the loaded manifests. */
  images?: readonly ImageOverrideInput[];
  /** For the kubectl that renders kustomizations. Default: process.env. */
  env?: NodeJS.ProcessEnv;
}

/** An operation that needs no manifests: a delete works from the inventory alone (the branch is gone). */
function needsManifests(options: LoadPlanOptions): boolean {
  return options.operation !== 'delete';
}

/**
 * The substitutions on objects the plan runs, each named as its (first) task is: final name and
 * namespace. Tasks carry their manifest's `source` object itself, so identity finds them.
 */
function substitutionsOfPlan(plan: Plan, substitutions: readonly ImageSubstitution[]): ImageSubstitution[] {
  return substitutions.flatMap((s) => {
    const task = plan.tasks.find((t) => t.source === s.manifest);
    if (!task) return [];
    const object = {
      kind: task.kind,
      name: task.name,
      ...(task.namespace ? { namespace: task.namespace } : {}),
    };
    return [{ ...s, object }];
  });
}

/** Throws InvalidInputError, carrying every diagnostic, when the input is invalid. */
export async function loadPlan(paths: readonly string[], options: LoadPlanOptions): Promise<Plan> {
  const loaded =
    paths.length || needsManifests(options)
      ? await loadManifests(paths, { cwd: options.cwd, env: options.env })
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
  const overrides = parseImageOverrides(options.images ?? []);
  diagnostics.push(...overrides.diagnostics);
  const images = applyImageOverrides(loaded.manifests, overrides.overrides);
  // A warning that an entry matched nothing only means something when the manifests could be read.
  if (!hasErrors(diagnostics)) diagnostics.push(...images.diagnostics);
  const result = buildPlan(images.manifests, options);
  diagnostics.push(...result.diagnostics);
  if (!result.plan || hasErrors(diagnostics)) throw new InvalidInputError(diagnostics);
  // Loader warnings (a skipped kustomization) belong with the plan's own.
  result.plan.warnings = diagnostics.filter((d) => d.severity === 'warning');
  if (images.substitutions.length)
    result.plan.images = substitutionsOfPlan(result.plan, images.substitutions);
  return result.plan;
}
