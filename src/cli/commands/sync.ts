/** `hook-sync sync <paths…>`: run the sync against a cluster, as the action does. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ClusterClient } from '../../cluster/cluster-client.js';
import { clusterErrorDetail } from '../../cluster/api-error.js';
import { findKubeconfig } from '../../cluster/kubeconfig.js';
import { overrideInputsFromFlags } from '../../manifests/image-overrides.js';
import { imagesText } from '../../report/image-substitutions.js';
import { formatDiagnostic } from '../../diagnostics.js';
import { progressPrinter, renderResultText } from '../../report/sync-progress.js';
import { Redactor } from '../../sync/redactor.js';
import { syncFromPaths } from '../../sync/sync-from-paths.js';
import type { SyncResult } from '../../sync/sync-result.js';
import type { Operation } from '../../hooks/phase.js';
import { defaultAppName, localIdentity } from '../app-name.js';
import { EXIT, UsageError, type CliIo } from '../io.js';
import { AppNotFoundError, findAppNamespace } from '../../lifecycle/app-catalog.js';
import { namespaceNameProblem, parseNamespaceMetadata } from '../../lifecycle/namespace-metadata.js';
import { connectCluster } from '../cluster-connection.js';
import { checkOperationOptions, joinNegativeValues } from '../operation-options.js';
import { resolveRevision } from '../revision.js';

const CONNECTION = `  --kubeconfig FILE   kubeconfig to use (default: $KUBECONFIG, then ~/.kube/config)
  --context NAME      context of the kubeconfig (default: its current context)
  --namespace NS      the application's namespace, for objects that name none (default: default;
                      a delete with no manifests: the one namespace with an inventory of the app)
  --app NAME          the application: its inventory and history are kept under this name
                      (default: the git checkout's folder name)
  --no-lock           do not take the application's lock (a Lease): for people who know no other
                      run touches this app; by default a second run waits for the first
  --lock-ttl DURATION how long the lock outlives its holder's last renewal (default 60s): a killed
                      run's lock is free again after it
  --image REF         repeatable: REPOSITORY:TAG or REPOSITORY@sha256:DIGEST replaces the tag or digest
                      of every container (init containers and hooks too) whose image has that repository`;

export const SYNC_USAGE = `Usage: hook-sync sync <paths…> [options]

Syncs the manifests to a cluster: PreSync hooks, then resources and Sync hooks wave by wave (each wave
Healthy before the next), then PostSync hooks; SyncFail hooks if anything fails. What the application
had and the manifests no longer have is pruned with --prune, and listed as would-be-pruned without.

Options:
${CONNECTION}
  --prune             delete what left the manifests, after the Sync phase, last wave first
  --create-namespace  create the namespace when it does not exist; a delete removes it again, last
                      (only a namespace hook-sync created)
  --pull-request N    the pull request this preview is for, recorded with the app (status --all shows
                      it; the nightly cleanup recipe selects on it); the action records it by itself
  --namespace-label K=V, --namespace-annotation K=V
                      metadata for the namespace (repeatable; also applied to an existing namespace)
  --revision SHA      revision of the manifests (default: $GITHUB_SHA, else git HEAD)
  --timeout DURATION  for the whole operation, e.g. 10m (default: 10m)
  --no-wait           do not wait for the last wave's resources to be Healthy (Argo CD's behaviour)
  --json FILE         write the result document to FILE

Exit codes: 0 Succeeded, 1 Failed, 2 invalid input (nothing applied), 130 cancelled.
`;

export const DELETE_USAGE = `Usage: hook-sync delete [paths…] --app NAME [options]

Deletes an application (a PR preview's teardown): its PreDelete hooks (from the manifests, when given;
a failure stops here and nothing is removed), then every object its inventory holds, last wave first,
each deletion awaited (Delete=false objects are kept), then its PostDelete hooks, then the inventory.
Works with no manifests at all: the inventory in the cluster suffices.

Options:
${CONNECTION}
  --timeout DURATION  for the whole operation, e.g. 10m (default: 10m)
  --json FILE         write the result document to FILE

Exit codes: 0 Succeeded, 1 Failed, 2 invalid input (nothing deleted), 130 cancelled.
`;

export interface SyncCommandDeps {
  signals?: NodeJS.EventEmitter;
  /** Tests and the demo pass a client for an in-process cluster. */
  client?: ClusterClient;
}

export function syncCommand(argv: string[], io: CliIo, deps: SyncCommandDeps = {}): Promise<number> {
  return operationCommand('sync', argv, io, deps);
}

export function deleteCommand(argv: string[], io: CliIo, deps: SyncCommandDeps = {}): Promise<number> {
  return operationCommand('delete', argv, io, deps);
}

async function operationCommand(
  operation: Operation,
  argv: string[],
  io: CliIo,
  deps: SyncCommandDeps,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: joinNegativeValues(argv, ['--timeout', '--lock-ttl']),
    allowPositionals: true,
    strict: true,
    options: {
      kubeconfig: { type: 'string' },
      context: { type: 'string' },
      namespace: { type: 'string' },
      'create-namespace': { type: 'boolean', default: false },
      'namespace-label': { type: 'string', multiple: true, default: [] },
      'namespace-annotation': { type: 'string', multiple: true, default: [] },
      'pull-request': { type: 'string' },
      revision: { type: 'string' },
      timeout: { type: 'string', default: '10m' },
      'no-wait': { type: 'boolean', default: false },
      app: { type: 'string' },
      prune: { type: 'boolean', default: false },
      'no-lock': { type: 'boolean', default: false },
      'lock-ttl': { type: 'string' },
      json: { type: 'string' },
      image: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(operation === 'sync' ? SYNC_USAGE : DELETE_USAGE);
    return EXIT.ok;
  }
  if (positionals.length === 0 && operation === 'sync')
    throw new UsageError('sync needs at least one path to manifests');
  if (operation === 'delete' && !values.app)
    throw new UsageError('delete needs --app NAME: the application whose inventory says what to delete');
  if (operation === 'delete' && (values.prune || values['no-wait']))
    throw new UsageError('--prune and --no-wait are options of sync, not of delete');
  const labels = parseNamespaceMetadata(values['namespace-label'], 'label', '--namespace-label');
  const annotations = parseNamespaceMetadata(
    values['namespace-annotation'],
    'annotation',
    '--namespace-annotation',
  );
  const metadataProblems = [...labels.errors, ...annotations.errors];
  if (metadataProblems.length) throw new UsageError(metadataProblems.join('\n'));
  if (
    operation === 'delete' &&
    (values['create-namespace'] || values['namespace-label'].length || values['namespace-annotation'].length)
  )
    throw new UsageError(
      '--create-namespace is an option of sync: a delete removes the namespace it created',
    );
  const pullRequest = values['pull-request'] === undefined ? undefined : Number(values['pull-request']);
  if (pullRequest !== undefined && !(Number.isSafeInteger(pullRequest) && pullRequest > 0))
    throw new UsageError(
      `--pull-request must be a pull request's number, such as 42, not "${values['pull-request']}"`,
    );
  const nameProblem = values.namespace === undefined ? undefined : namespaceNameProblem(values.namespace);
  if (nameProblem) throw new UsageError(nameProblem);
  const { timeoutMs, lockTtlMs: lockTtl } = checkOperationOptions({ ...values, cwd: io.cwd });
  const revision = resolveRevision(values.revision, io.env, io.cwd);
  const startedAt = new Date();
  const redactor = new Redactor();
  const app = values.app ?? defaultAppName(io.cwd);
  let namespace = values.namespace ?? 'default';
  if (values.namespace === undefined && operation === 'delete' && positionals.length === 0) {
    // A preview's teardown from `status --all`: the app's name is enough.
    const client = deps.client ?? connectCluster('delete', values, io, redactor);
    if (!client) return EXIT.invalid;
    try {
      namespace = await findAppNamespace(client, app);
    } catch (err) {
      if (err instanceof AppNotFoundError) {
        io.stderr(`hook-sync delete: ${err.message}\n`);
        return EXIT.invalid;
      }
      io.stderr(
        redactor.redact(
          `hook-sync delete: cannot look for app ${app} in the cluster at ${client.server}: ${clusterErrorDetail(err)}\n`,
        ),
      );
      return EXIT.failed;
    }
  }
  const writeJson = (result: SyncResult) => {
    if (values.json)
      writeFileSync(
        path.resolve(io.cwd, values.json),
        JSON.stringify(redactor.redactJson(result), null, 2) + '\n',
      );
  };
  const write = (line: string) => io.stdout(redactor.redact(line) + '\n');
  const outcome = await syncFromPaths({
    operation,
    app,
    by: localIdentity(),
    prune: values.prune,
    lock: !values['no-lock'],
    lockTtlSeconds: lockTtl === undefined ? undefined : Math.ceil(lockTtl / 1000),
    ...(values['create-namespace'] || Object.keys({ ...labels.values, ...annotations.values }).length
      ? {
          createNamespace: {
            create: values['create-namespace'],
            labels: labels.values,
            annotations: annotations.values,
          },
        }
      : {}),
    ...(pullRequest
      ? {
          origin: {
            pullRequest,
            ...(io.env.GITHUB_REPOSITORY ? { repository: io.env.GITHUB_REPOSITORY } : {}),
          },
        }
      : {}),
    paths: positionals,
    cwd: io.cwd,
    images: overrideInputsFromFlags(values.image),
    namespace,
    revision,
    startedAt,
    cluster: deps.client
      ? { client: deps.client }
      : {
          kubeconfig: () =>
            findKubeconfig({ file: values.kubeconfig && path.resolve(io.cwd, values.kubeconfig) }, io.env),
          context: values.context,
        },
    timeoutMs,
    wait: !values['no-wait'],
    signals: deps.signals ?? process,
    onCancelling: () => io.stderr('hook-sync: cancelling: no new work, deleting running hooks\n'),
    observer: progressPrinter(write),
    redactor,
    onStart: (plan, target) => {
      for (const w of plan.warnings) io.stderr(redactor.redact(formatDiagnostic(w)) + '\n');
      write(
        `hook-sync ${operation}: app ${app}, ${plan.tasks.length} tasks, revision ${plan.revision.slice(0, 7)}, cluster ${target.server}${target.context ? ` (context ${target.context}, kubeconfig from ${target.origin})` : ''}, namespace ${plan.namespace}`,
      );
      for (const line of imagesText(plan.images)) write(line);
    },
  });
  writeJson(outcome.result);
  switch (outcome.kind) {
    case 'invalid-kubeconfig':
      io.stderr(`hook-sync: ${redactor.redact(outcome.message)}\n`);
      return EXIT.invalid;
    case 'invalid-manifests':
      for (const d of outcome.diagnostics) io.stderr(redactor.redact(formatDiagnostic(d)) + '\n');
      io.stderr('hook-sync: invalid manifests; nothing was applied\n');
      return EXIT.invalid;
    case 'synced': {
      io.stdout(redactor.redact(renderResultText(outcome.result)));
      const { status } = outcome.result;
      return status === 'Succeeded' ? EXIT.ok : status === 'Cancelled' ? EXIT.cancelled : EXIT.failed;
    }
  }
}
