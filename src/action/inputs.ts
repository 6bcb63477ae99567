/** The action's inputs, read and checked in one place (as actions/checkout's input-helper does). */
import * as core from '@actions/core';
import { checkDuration } from '../duration.js';
import { LOCK_TTL_LIMITS, appNameProblem } from '../lifecycle/input-limits.js';
import { overrideInputsFromLines, type ImageOverrideInput } from '../manifests/image-overrides.js';
import type { NamespaceRequest } from '../lifecycle/app-namespace.js';
import { namespaceNameProblem, parseNamespaceMetadata } from '../lifecycle/namespace-metadata.js';

export class ActionInputError extends Error {
  override name = 'ActionInputError';
}

export interface ActionInputs {
  manifests: string[];
  /** Image substitutions, one a line (checked when the manifests are loaded). */
  images: ImageOverrideInput[];
  /** Kubeconfig text (YAML or base64); never written to disk. Empty: $KUBECONFIG, then ~/.kube/config. */
  kubeconfig: string;
  context?: string;
  namespace: string;
  app: string;
  operation: 'sync' | 'plan' | 'delete';
  prune: boolean;
  lock: boolean;
  /** Seconds a killed run's lock outlives its last renewal. */
  lockTtlSeconds?: number;
  /** create-namespace, with namespace-labels and namespace-annotations. */
  createNamespace?: NamespaceRequest;
  wait: boolean;
  timeoutMs: number;
  githubToken: string;
  comment: boolean;
  commentHeader: string;
}

function booleanInput(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim().toLowerCase();
  if (!raw) return fallback;
  if (['true', 'yes', '1', 'on'].includes(raw)) return true;
  if (['false', 'no', '0', 'off'].includes(raw)) return false;
  throw new ActionInputError(`input "${name}" must be true or false, not "${core.getInput(name)}"`);
}

export function readInputs(env: NodeJS.ProcessEnv = process.env): ActionInputs {
  const manifests = core
    .getMultilineInput('manifests')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const operation = (core.getInput('operation') || 'sync').trim();
  if (operation !== 'sync' && operation !== 'plan' && operation !== 'delete')
    throw new ActionInputError(`input "operation" must be sync, plan or delete, not "${operation}"`);
  // A delete works from the application's inventory alone: a closed PR's branch may be gone.
  if (manifests.length === 0 && operation !== 'delete')
    throw new ActionInputError(
      'input "manifests" is required: paths, directories or globs of manifests, one per line',
    );
  // Empty: the kubeconfig a login step left in $KUBECONFIG or ~/.kube/config (found when syncing).
  const kubeconfig = core.getInput('kubeconfig');
  const timeout = checkDuration(core.getInput('timeout') || '10m');
  if (timeout.problem !== undefined) throw new ActionInputError(`input "timeout" ${timeout.problem}`);
  const timeoutMs = timeout.ms;
  const lockTtlText = core.getInput('lock-ttl').trim();
  const ttl = lockTtlText ? checkDuration(lockTtlText, LOCK_TTL_LIMITS) : undefined;
  if (ttl?.problem !== undefined) throw new ActionInputError(`input "lock-ttl" ${ttl.problem}`);
  const lockTtl = ttl?.ms;
  const appInput = core.getInput('app', { trimWhitespace: false });
  const appProblem = appInput.trim() ? appNameProblem(appInput.trim()) : undefined;
  if (appProblem) throw new ActionInputError(`input "app" ${appProblem}`);
  const namespace = core.getInput('namespace').trim() || 'default';
  const labels = parseNamespaceMetadata(
    core.getMultilineInput('namespace-labels'),
    'label',
    'input "namespace-labels"',
  );
  const annotations = parseNamespaceMetadata(
    core.getMultilineInput('namespace-annotations'),
    'annotation',
    'input "namespace-annotations"',
  );
  const problems = [namespaceNameProblem(namespace), ...labels.errors, ...annotations.errors].filter(
    (p): p is string => !!p,
  );
  if (problems.length) throw new ActionInputError(problems.join('\n'));
  const createNamespace = booleanInput('create-namespace', false);
  const metadataAsked = Object.keys(labels.values).length + Object.keys(annotations.values).length > 0;
  const repository = env.GITHUB_REPOSITORY ?? '';
  return {
    manifests,
    images: overrideInputsFromLines(core.getInput('images', { trimWhitespace: false }), 'images'),
    kubeconfig,
    context: core.getInput('context').trim() || undefined,
    namespace,
    app: core.getInput('app').trim() || repository.split('/')[1] || 'app',
    operation,
    prune: booleanInput('prune', false),
    lock: booleanInput('lock', true),
    lockTtlSeconds: lockTtl === undefined ? undefined : Math.ceil(lockTtl / 1000),
    ...(createNamespace || metadataAsked
      ? {
          createNamespace: {
            create: createNamespace,
            labels: labels.values,
            annotations: annotations.values,
          },
        }
      : {}),
    wait: booleanInput('wait', true),
    timeoutMs,
    githubToken: core.getInput('github-token'),
    comment: booleanInput('comment', true),
    commentHeader: core.getInput('comment-header').trim(),
  };
}
