/**
 * From loaded manifests to the ordered list of tasks a sync (or delete) operation runs: every hook
 * annotation interpreted, every name final, every namespace filled in, all problems reported together.
 * Pure: no file or network access, so it is the same function for `plan`, `sync` and the action.
 */
import type { Diagnostic, ObjectRef } from '../diagnostics.js';
import { formatLocation } from '../diagnostics.js';
import type { AnnotationProblem } from '../hooks/annotations.js';
import { parseDeletePolicies } from '../hooks/delete-policy.js';
import { classifyHook } from '../hooks/hook-types.js';
import { phasesOf, type Operation } from '../hooks/phase.js';
import { parseSyncOptions } from '../hooks/sync-options.js';
import { parseWave } from '../hooks/sync-wave.js';
import { hookSyncAnnotationProblems } from '../hooks/hook-sync-annotations.js';
import { groupOf, identityKey, stringAnnotations, type KubeObject } from '../manifests/kube-object.js';
import type { Manifest } from '../manifests/load-manifests.js';
import { liveStateWarnings } from '../manifests/live-state-fields.js';
import { objectRefOf, validateShape } from '../manifests/validate-object.js';
import { generatedHookName } from './hook-names.js';
import { checkNamespaceName, checkObjectName } from './object-names.js';
import { orderTasks } from './order-tasks.js';
import { referenceOrderWarnings } from './reference-order.js';
import { ScopeTable } from './scope.js';
import type { Plan, SyncTask } from './sync-task.js';

export interface PlanOptions {
  operation: Operation;
  /** For namespaced objects that name none. */
  namespace: string;
  /** Commit SHA (or any revision string) of the manifests. */
  revision: string;
  /** Operation start, Unix seconds. */
  startedAt: number;
}

export interface PlanResult {
  /** Absent when there are errors. */
  plan?: Plan;
  /** Errors and warnings, in manifest order. */
  diagnostics: Diagnostic[];
}

function annotationDiagnostics(
  manifest: Manifest,
  object: ObjectRef,
  problems: readonly AnnotationProblem[],
): Diagnostic[] {
  return problems.map((p) => ({
    severity: p.severity,
    code: p.code,
    message: p.message,
    hint: p.hint,
    source: manifest.locate(['metadata', 'annotations', p.annotation]),
    object,
  }));
}

function withNameAndNamespace(obj: KubeObject, name: string, namespace: string): KubeObject {
  const copy = structuredClone(obj);
  const meta = { ...(copy.metadata ?? {}) };
  meta.name = name;
  if (namespace) meta.namespace = namespace;
  // A generated name replaces generateName; sending both would be redundant and confusing in diffs.
  if (meta.generateName !== undefined && obj.metadata?.name === undefined) delete meta.generateName;
  copy.metadata = meta;
  return copy;
}

export function buildPlan(manifests: readonly Manifest[], options: PlanOptions): PlanResult {
  const diagnostics: Diagnostic[] = [];
  const operationPhases = phasesOf(options.operation);
  const scopes = new ScopeTable();
  scopes.learnFromCrds(manifests.map((m) => m.object));

  const nsProblem = checkNamespaceName(options.namespace);
  if (nsProblem) {
    diagnostics.push({
      severity: 'error',
      code: 'invalid-namespace',
      message: `the default namespace "${options.namespace}" is not a valid namespace name: ${nsProblem}`,
    });
  }

  const tasks: SyncTask[] = [];
  /** identity → where it was first defined, to report duplicates at both places. */
  const defined = new Map<string, Manifest>();

  for (const manifest of manifests) {
    const shape = validateShape(manifest, diagnostics);
    if (!shape) continue;
    diagnostics.push(...liveStateWarnings(manifest));
    const object = objectRefOf(manifest);
    const annotations = stringAnnotations(manifest.object);
    const hook = classifyHook(annotations);
    diagnostics.push(...annotationDiagnostics(manifest, object, hook.problems));
    if (hook.role.role === 'skip' || hook.role.role === 'dropped') continue;

    const wave = parseWave(annotations);
    const policies = parseDeletePolicies(annotations);
    const syncOptions = parseSyncOptions(annotations);
    diagnostics.push(...annotationDiagnostics(manifest, object, wave.problems));
    diagnostics.push(...annotationDiagnostics(manifest, object, syncOptions.problems));

    const isHook = hook.role.role === 'hook';
    diagnostics.push(...annotationDiagnostics(manifest, object, hookSyncAnnotationProblems(annotations)));
    if (isHook) {
      diagnostics.push(...annotationDiagnostics(manifest, object, policies.problems));
    } else if (!policies.defaulted) {
      diagnostics.push({
        severity: 'warning',
        code: 'delete-policy-on-resource',
        message: 'a hook delete policy has no effect on an object that is not a hook',
        hint: 'add argocd.argoproj.io/hook, or remove the delete policy',
        source: manifest.locate(['metadata', 'annotations']),
        object,
      });
    }

    const group = groupOf(shape.apiVersion);
    const { kind } = shape;
    if (!shape.name && !(isHook && shape.generateName)) {
      diagnostics.push({
        severity: 'error',
        code: 'missing-name',
        message: shape.generateName
          ? 'metadata.generateName is only supported on hooks; a resource needs metadata.name'
          : 'metadata.name is missing',
        hint: isHook ? 'set metadata.name or metadata.generateName' : 'set metadata.name',
        source: manifest.locate(['metadata']),
        object,
      });
      continue;
    }

    const clusterScoped = scopes.isClusterScoped(group, kind);
    const namespace = clusterScoped ? '' : (shape.namespace ?? options.namespace);
    if (clusterScoped && shape.namespace)
      diagnostics.push({
        severity: 'warning',
        code: 'namespace-ignored',
        message: `metadata.namespace "${shape.namespace}" is ignored: ${kind} is cluster-scoped`,
        hint: 'remove metadata.namespace (the API server drops it too)',
        source: manifest.locate(['metadata', 'namespace']),
        object,
      });
    if (shape.namespace && !clusterScoped) {
      const problem = checkNamespaceName(shape.namespace);
      if (problem) {
        diagnostics.push({
          severity: 'error',
          code: 'invalid-namespace',
          message: `metadata.namespace "${shape.namespace}" is not a valid namespace name: ${problem}`,
          source: manifest.locate(['metadata', 'namespace']),
          object,
        });
      }
    }

    const phases =
      hook.role.role === 'hook'
        ? hook.role.phases.filter((p) => operationPhases.includes(p))
        : ['Sync' as const];
    if (!isHook && options.operation !== 'sync') continue;

    const namedIdentity = shape.name ? identityKey(group, kind, namespace, shape.name) : undefined;
    if (namedIdentity) {
      const first = defined.get(namedIdentity);
      if (first) {
        diagnostics.push({
          severity: 'error',
          code: 'duplicate-object',
          message: `this object is also defined at ${formatLocation(first.source)}`,
          hint: 'keep one definition, or give them different names',
          source: manifest.source,
          object,
        });
        continue;
      }
      defined.set(namedIdentity, manifest);
    }

    for (const phase of phases) {
      const name =
        shape.name ?? generatedHookName(shape.generateName!, options.revision, phase, options.startedAt);
      const nameProblem = checkObjectName(group, kind, name);
      if (nameProblem) {
        diagnostics.push({
          severity: 'error',
          code: 'invalid-name',
          message: shape.name
            ? `"${name}" is not a valid ${kind} name: ${nameProblem}`
            : `the generated ${phase} name "${name}" is not a valid ${kind} name: ${nameProblem}`,
          hint: shape.name
            ? 'rename the object'
            : 'shorten metadata.generateName, or pass a commit SHA as the revision',
          source: manifest.locate(['metadata', shape.name ? 'name' : 'generateName']),
          object,
        });
        break;
      }
      if (!shape.name) {
        const generatedIdentity = `${phase}:${identityKey(group, kind, namespace, name)}`;
        const first = defined.get(generatedIdentity);
        if (first) {
          diagnostics.push({
            severity: 'error',
            code: 'duplicate-object',
            message: `this hook generates the same ${phase} name "${name}" as the hook at ${formatLocation(first.source)}`,
            hint: 'give each hook its own generateName',
            source: manifest.locate(['metadata', 'generateName']),
            object,
          });
          break;
        }
        defined.set(generatedIdentity, manifest);
      }
      tasks.push({
        phase,
        wave: wave.wave,
        apiVersion: shape.apiVersion,
        group,
        kind,
        namespace,
        name,
        hook: isHook,
        deletePolicies: isHook ? policies.policies : [],
        ...(isHook ? { hookIdentity: shape.name ?? shape.generateName! } : {}),
        syncOptions: syncOptions.options,
        source: manifest.source,
        object: withNameAndNamespace(manifest.object, name, namespace),
      });
    }
  }

  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const ordered = orderTasks(tasks);
  diagnostics.push(...referenceOrderWarnings(ordered));
  return {
    plan: {
      operation: options.operation,
      revision: options.revision,
      startedAt: options.startedAt,
      namespace: options.namespace,
      tasks: ordered,
      warnings: diagnostics.filter((d) => d.severity === 'warning'),
    },
    diagnostics,
  };
}
