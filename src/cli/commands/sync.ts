/** `hook-sync sync <paths…>`: run the sync against a cluster, as the action does. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ClusterClient } from '../../cluster/cluster-client.js';
import { KubeconfigError, loadKubeconfig } from '../../cluster/kubeconfig.js';
import { InvalidInputError, formatDiagnostic } from '../../diagnostics.js';
import { parseDuration } from '../../duration.js';
import { loadPlan } from '../../plan/load-plan.js';
import { progressPrinter, renderResultText } from '../../report/sync-progress.js';
import { cancelOnSignals } from '../../sync/cancel-on-signals.js';
import { runSync } from '../../sync/sync-operation.js';
import type { SyncResult } from '../../sync/sync-result.js';
import { EXIT, UsageError, type CliIo } from '../io.js';
import { resolveRevision } from '../revision.js';

export const SYNC_USAGE = `Usage: hook-sync sync <paths…> [options]

Syncs the manifests to a cluster: PreSync hooks, then resources and Sync hooks wave by wave (each wave
Healthy before the next), then PostSync hooks; SyncFail hooks if anything fails.

Options:
  --kubeconfig FILE   kubeconfig to use (default: $KUBECONFIG, then ~/.kube/config)
  --context NAME      context of the kubeconfig (default: its current context)
  --namespace NS      namespace for objects that name none (default: default)
  --revision SHA      revision of the manifests (default: $GITHUB_SHA, else git HEAD)
  --timeout DURATION  for the whole operation, e.g. 10m (default: 10m)
  --no-wait           do not wait for the last wave's resources to be Healthy (Argo CD's behaviour)
  --json FILE         write the result document to FILE

Exit codes: 0 Succeeded, 1 Failed, 2 invalid input (nothing applied), 130 cancelled.
`;

export interface SyncCommandDeps {
  signals?: NodeJS.EventEmitter;
  /** Tests and the demo pass a client for an in-process cluster. */
  client?: ClusterClient;
}

export async function syncCommand(argv: string[], io: CliIo, deps: SyncCommandDeps = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      kubeconfig: { type: 'string' },
      context: { type: 'string' },
      namespace: { type: 'string', default: 'default' },
      revision: { type: 'string' },
      timeout: { type: 'string', default: '10m' },
      'no-wait': { type: 'boolean', default: false },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(SYNC_USAGE);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('sync needs at least one path to manifests');
  const timeoutMs = parseDuration(values.timeout);
  if (timeoutMs === undefined || timeoutMs <= 0)
    throw new UsageError(`--timeout must be a duration such as 90s or 10m, not "${values.timeout}"`);
  const revision = resolveRevision(values.revision, io.env, io.cwd);
  const startedAt = new Date();
  const writeJson = (result: SyncResult) => {
    if (values.json) writeFileSync(path.resolve(io.cwd, values.json), JSON.stringify(result, null, 2) + '\n');
  };
  const invalid = (message: string): number => {
    writeJson({
      status: 'Invalid',
      message,
      revision,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      tasks: [],
    });
    return EXIT.invalid;
  };

  let plan;
  try {
    plan = await loadPlan(positionals, {
      cwd: io.cwd,
      operation: 'sync',
      namespace: values.namespace,
      revision,
      startedAt: Math.floor(startedAt.getTime() / 1000),
    });
  } catch (err) {
    if (!(err instanceof InvalidInputError)) throw err;
    for (const d of err.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
    io.stderr('hook-sync: invalid manifests; nothing was applied\n');
    return invalid(
      err.diagnostics
        .filter((d) => d.severity === 'error')
        .map(formatDiagnostic)
        .join('\n'),
    );
  }
  for (const w of plan.warnings) io.stderr(formatDiagnostic(w) + '\n');

  let client = deps.client;
  if (!client) {
    try {
      const kubeconfigPath = values.kubeconfig ? path.resolve(io.cwd, values.kubeconfig) : undefined;
      client = new ClusterClient(
        loadKubeconfig(
          { file: kubeconfigPath ?? (io.env.KUBECONFIG?.split(path.delimiter)[0] || undefined) },
          values.context,
        ).kc,
      );
    } catch (err) {
      if (!(err instanceof KubeconfigError)) throw err;
      io.stderr(`hook-sync: ${err.message}\n`);
      return invalid(err.message);
    }
  }

  const controller = new AbortController();
  const release = cancelOnSignals(deps.signals ?? process, controller, () =>
    io.stderr('hook-sync: cancelling: no new work, deleting running hooks\n'),
  );
  const write = (line: string) => io.stdout(line + '\n');
  write(
    `hook-sync sync: ${plan.tasks.length} tasks, revision ${plan.revision.slice(0, 7)}, cluster ${client.server}, namespace ${plan.namespace}`,
  );
  try {
    const result = await runSync(plan, client, {
      timeoutMs,
      wait: !values['no-wait'],
      signal: controller.signal,
      observer: progressPrinter(write),
    });
    io.stdout(renderResultText(result));
    writeJson(result);
    return result.status === 'Succeeded'
      ? EXIT.ok
      : result.status === 'Cancelled'
        ? EXIT.cancelled
        : EXIT.failed;
  } finally {
    release();
  }
}
