/** `hook-sync plan <paths…>`: what a sync would do, in order, before anything touches a cluster. */
import { parseArgs } from 'node:util';
import { loadPlan } from '../../plan/load-plan.js';
import { planJson, renderPlanText } from '../../report/plan-report.js';
import { EXIT, UsageError, type CliIo } from '../io.js';
import { resolveRevision } from '../revision.js';
import type { Operation } from '../../hooks/phase.js';

export const PLAN_USAGE = `Usage: hook-sync plan <paths…> [options]

Shows the order in which a sync would apply every object and run every hook.

Paths are files, directories (searched recursively for .yaml, .yml and .json) or globs.

Options:
  --revision SHA      revision the manifests come from (default: $GITHUB_SHA, else git HEAD)
  --namespace NS      namespace for objects that name none (default: default)
  --operation OP      sync (default) or delete (PreDelete and PostDelete hooks)
  --started-at UNIX   operation start in Unix seconds, used in generated hook names (default: now)
  --json              print one JSON document instead of the listing
`;

export async function planCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      revision: { type: 'string' },
      namespace: { type: 'string', default: 'default' },
      operation: { type: 'string', default: 'sync' },
      'started-at': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(PLAN_USAGE);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('plan needs at least one path to manifests');
  if (values.operation !== 'sync' && values.operation !== 'delete') {
    throw new UsageError(`--operation must be sync or delete, not "${values.operation}"`);
  }
  let startedAt = Math.floor(Date.now() / 1000);
  if (values['started-at'] !== undefined) {
    startedAt = Number(values['started-at']);
    if (!Number.isSafeInteger(startedAt) || startedAt < 0) {
      throw new UsageError(`--started-at must be Unix seconds, not "${values['started-at']}"`);
    }
  }
  const plan = await loadPlan(positionals, {
    cwd: io.cwd,
    operation: values.operation as Operation,
    namespace: values.namespace,
    revision: resolveRevision(values.revision, io.env, io.cwd),
    startedAt,
  });
  io.stdout(values.json ? JSON.stringify(planJson(plan), null, 2) + '\n' : renderPlanText(plan));
  return EXIT.ok;
}
