// npm run soak: syncs and deletes of the examples, one after another, against the embedded cluster started
// as a process of its own with `--error-rate 0.1 --watch-cut-ms 2000` (a tenth of all requests answered
// 429, 500, 503 or a reset connection; every watch cut every 2 s). Three variants take turns: one that
// succeeds (examples/app), one whose migration fails (examples/failing-migration), one cancelled with
// SIGTERM while a hook runs. After every sync and every delete: the right exit code and status, no hook
// left contrary to its delete policy (nor running), no Lease held, the inventory equal to the cluster, and
// every numbered line of a counting hook printed once (or the result says its log is incomplete).
// Prints the tally (docs/RELIABILITY.md). Options: --runs=50 --error-rate=0.1 --watch-cut-ms=2000
// --time-scale=1 --seed=1. Exit code 1 when any check failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli, root, startCluster } from './bench/cluster-process.mjs';
import {
  checked,
  hookProblems,
  inventoryProblems,
  leaseProblems,
  logProblems,
  statusProblems,
} from './soak/checks.mjs';
import { answersByCode } from './soak/cluster-reads.mjs';
import { writeVariants } from './soak/variants.mjs';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const RUNS = Number(args.get('runs') ?? 50);
const FLAGS = [
  '--error-rate',
  String(args.get('error-rate') ?? 0.1),
  '--watch-cut-ms',
  String(args.get('watch-cut-ms') ?? 2000),
  '--time-scale',
  String(args.get('time-scale') ?? 1),
  '--seed',
  String(args.get('seed') ?? 1),
];

/** Runs the CLI; `cancelAt`: SIGTERM once stdout has that line. Resolves with code, output, result. */
function hookSync(argv, json, cancelAt) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...argv, '--json', json], { cwd: root });
    let stdout = '';
    let stderr = '';
    let cancelled = false;
    child.stdout.on('data', (c) => {
      stdout += c;
      if (cancelAt && !cancelled && stdout.includes(cancelAt)) {
        cancelled = true;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const result = existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : undefined;
      resolve({ code, stdout, stderr, result, cancelled });
    });
  });
}

const work = mkdtempSync(path.join(tmpdir(), 'hook-sync-soak-'));
const variants = writeVariants(root, work);
const tally = new Map(
  variants.map((v) => [
    v.name,
    { runs: 0, statusOk: 0, deleteOk: 0, hooks: 0, leases: 0, inventory: 0, logs: 0, logsIncomplete: 0 },
  ]),
);
const problems = [];
const started = performance.now();
const cluster = await startCluster(work, 'soak', FLAGS);
let answers;
try {
  for (let i = 0; i < RUNS; i++) {
    const v = variants[i % variants.length];
    const t = tally.get(v.name);
    t.runs++;
    const app = `soak-${i}`;
    const common = ['--kubeconfig', cluster.kubeconfig, '--namespace', app, '--app', app];
    const found = [];
    const note = (kind, list) => {
      if (list.length) t[kind]++;
      for (const p of list) found.push(`${kind}: ${p}`);
    };

    const synced = await hookSync(
      ['sync', v.dir, ...common, '--create-namespace'],
      path.join(work, `${app}-sync.json`),
      v.expect.cancelAt,
    );
    const wrong = statusProblems('sync', synced, synced.result, v.expect);
    if (!wrong.length) t.statusOk++;
    found.push(...wrong.map((p) => `status: ${p}`));
    note('hooks', await hookProblems(cluster, app, synced.result));
    note('leases', await leaseProblems(cluster, app, app));
    note('inventory', await inventoryProblems(cluster, app, app));
    const logs = logProblems(synced.stdout, synced.result, v.expect);
    if (logs.incomplete) t.logsIncomplete++;
    note('logs', logs.problems);

    const deleted = await hookSync(['delete', v.dir, ...common], path.join(work, `${app}-delete.json`));
    const wrongDelete = statusProblems('delete', deleted, deleted.result, { code: 0, status: 'Succeeded' });
    if (!wrongDelete.length) t.deleteOk++;
    found.push(...wrongDelete.map((p) => `status: ${p}`));
    note('hooks', await hookProblems(cluster, app, deleted.result));
    note('leases', await leaseProblems(cluster, app, app));
    note('inventory', await inventoryProblems(cluster, app, app));

    for (const p of found) problems.push(`${app} (${v.name}): ${p}`);
    process.stderr.write(
      `soak: ${i + 1}/${RUNS} ${v.name}: sync ${synced.result?.status ?? synced.code}, delete ${deleted.result?.status ?? deleted.code}${found.length ? ` — ${found.length} problem(s)` : ''}\n`,
    );
  }
  answers = await answersByCode(cluster);
} finally {
  await cluster.stop();
  rmSync(work, { recursive: true, force: true });
}

const minutes = ((performance.now() - started) / 60_000).toFixed(1);
const faults = ['429', '500', '503', '0']
  .map((c) => `${answers.codes[c] ?? 0} × ${c === '0' ? 'reset' : c}`)
  .join(', ');
const served = Object.values(answers.codes).reduce((a, b) => a + b, 0);
console.log(
  `hook-sync soak — ${RUNS} syncs and deletes in ${minutes} min; cluster ${FLAGS.join(' ')}; node ${process.version}\n`,
);
console.log(
  '| variant | runs | sync status right | delete status right | hook problems | Lease problems | inventory problems | log problems | logs marked incomplete |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const [name, t] of tally)
  console.log(
    `| ${name} | ${t.runs} | ${t.statusOk} | ${t.deleteOk} | ${t.hooks} | ${t.leases} | ${t.inventory} | ${t.logs} | ${t.logsIncomplete} |`,
  );
console.log(
  `\n${served} requests answered, faults among them: ${faults}; ${answers.verbs.WATCH ?? 0} watches opened (each cut after 2 s, then resumed or listed again)`,
);
console.log(
  `checked: ${checked.hooks} hook tasks against ${checked.jobs} Jobs listed, ${checked.leases} Leases, ${checked.inventoryEntries} inventory entries, ${checked.trackedObjects} tracked objects, ${checked.logLines} numbered log lines`,
);
if (problems.length) {
  console.log(`\n${problems.length} problem(s):`);
  for (const p of problems) console.log(`- ${p}`);
  process.exitCode = 1;
} else console.log('\nno problems');
