export const id = 210;
export const ids = [210];
export const modules = {

/***/ 2210:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// UNUSED EXPORTS: VERSION

// EXTERNAL MODULE: ./src/diagnostics.ts
var src_diagnostics = __webpack_require__(5627);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(8924);
;// CONCATENATED MODULE: ./src/cli/commands/cluster.ts
/** `hook-sync cluster`: the embedded cluster as a server, for the demo, for kubectl, for local runs. */


const CLUSTER_USAGE = `Usage: hook-sync cluster [options]

Runs the embedded Kubernetes cluster (an API server with simulated controllers and a kubelet) on
127.0.0.1 until interrupted (SIGINT or SIGTERM).

Options:
  --port N            port to listen on (default 0: any free port)
  --kubeconfig FILE   write a kubeconfig for the cluster to FILE once it is ready
  --state FILE        load objects from FILE at start and keep saving them there
  --time-scale F      multiply every simulated duration by F (0.1: ten times faster; default 1)
  --latency-ms N      add N ms to every request
  --error-rate R      answer a fraction R (0–1) of requests with 429, 500, 503 or a connection reset
  --throttle-rate R   answer a fraction R of requests with 429 and Retry-After
  --retry-after-s N   the Retry-After of every 429, in seconds (default 1; 0: none sent)
  --reset-rate R      destroy the connection of a fraction R of requests before any answer
  --lost-response-rate R
                      do a fraction R of writes, then destroy the connection: the answer is lost
  --watch-cut-ms N    close every watch stream after N ms
  --watch-gone-rate R answer a fraction R of watches resumed from a resourceVersion with 410 Gone
  --watch-delay-ms N  deliver watch events N ms after the writes that made them (a lagging watch cache)
  --log-cut-ms N      end every log stream that follows a running container after N ms
  --seed N            seed for generated names and injected faults
`;
function number(value, flag, min, max = Number.POSITIVE_INFINITY) {
    if (value === undefined)
        return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max)
        throw new cli_io/* UsageError */.eb(`${flag} must be a number from ${min}${Number.isFinite(max) ? ` to ${max}` : ''}, not "${value}"`);
    return n;
}
async function clusterCommand(argv, io, signals = process) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: false,
        strict: true,
        options: {
            port: { type: 'string' },
            kubeconfig: { type: 'string' },
            state: { type: 'string' },
            'time-scale': { type: 'string' },
            'latency-ms': { type: 'string' },
            'error-rate': { type: 'string' },
            'throttle-rate': { type: 'string' },
            'retry-after-s': { type: 'string' },
            'reset-rate': { type: 'string' },
            'lost-response-rate': { type: 'string' },
            'watch-cut-ms': { type: 'string' },
            'watch-gone-rate': { type: 'string' },
            'watch-delay-ms': { type: 'string' },
            'log-cut-ms': { type: 'string' },
            seed: { type: 'string' },
            help: { type: 'boolean', short: 'h', default: false },
        },
    });
    if (values.help) {
        io.stdout(CLUSTER_USAGE);
        return cli_io/* EXIT */.dc.ok;
    }
    void positionals;
    // Imported here: the emulator is a large part of the bundle and no other command needs it.
    const { EmbeddedCluster } = await Promise.all(/* import() */[__webpack_require__.e(208), __webpack_require__.e(145)]).then(__webpack_require__.bind(__webpack_require__, 6145));
    const cluster = await EmbeddedCluster.start({
        port: number(values.port, '--port', 0, 65535),
        stateFile: values.state,
        timeScale: number(values['time-scale'], '--time-scale', 0),
        seed: number(values.seed, '--seed', 0),
        faults: {
            latencyMs: number(values['latency-ms'], '--latency-ms', 0) ?? 0,
            errorRate: number(values['error-rate'], '--error-rate', 0, 1) ?? 0,
            throttleRate: number(values['throttle-rate'], '--throttle-rate', 0, 1) ?? 0,
            retryAfterSeconds: number(values['retry-after-s'], '--retry-after-s', 0, 3600) ?? 1,
            resetRate: number(values['reset-rate'], '--reset-rate', 0, 1) ?? 0,
            lostResponseRate: number(values['lost-response-rate'], '--lost-response-rate', 0, 1) ?? 0,
            watchCutMs: number(values['watch-cut-ms'], '--watch-cut-ms', 0) ?? 0,
            watchGoneRate: number(values['watch-gone-rate'], '--watch-gone-rate', 0, 1) ?? 0,
            watchDelayMs: number(values['watch-delay-ms'], '--watch-delay-ms', 0) ?? 0,
            logCutMs: number(values['log-cut-ms'], '--log-cut-ms', 0) ?? 0,
        },
    });
    if (values.kubeconfig)
        cluster.writeKubeconfig(values.kubeconfig);
    io.stdout(`embedded cluster listening on ${cluster.url}${values.kubeconfig ? `; kubeconfig written to ${values.kubeconfig}` : ''}\n`);
    await new Promise((resolve) => {
        const done = () => resolve();
        signals.once('SIGINT', done);
        signals.once('SIGTERM', done);
    });
    await cluster.stop();
    io.stdout('embedded cluster stopped\n');
    return cli_io/* EXIT */.dc.ok;
}

// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/config.js + 15 modules
var config = __webpack_require__(8311);
// EXTERNAL MODULE: ./src/cluster/cluster-client.ts + 5 modules
var cluster_client = __webpack_require__(8162);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/cluster/api-error.ts
var api_error = __webpack_require__(3693);
// EXTERNAL MODULE: ./src/cluster/kubeconfig.ts + 1 modules
var kubeconfig = __webpack_require__(3190);
// EXTERNAL MODULE: ./src/manifests/image-overrides.ts + 1 modules
var image_overrides = __webpack_require__(9037);
// EXTERNAL MODULE: ./src/report/image-substitutions.ts
var image_substitutions = __webpack_require__(3064);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(575);
// EXTERNAL MODULE: ./src/report/task-narration.ts
var task_narration = __webpack_require__(5766);
;// CONCATENATED MODULE: ./src/report/sync-progress.ts
/** Live progress of a sync as plain text lines (the CLI's stdout; the action wraps them in log groups). */


const MARK = {
    Succeeded: '✓',
    Failed: '✗',
    Terminated: '✗',
    Skipped: '-',
    Pending: '·',
};
function progressPrinter(write) {
    const narrate = (0,task_narration/* createNarrator */.M)();
    return {
        wave: (phase, wave, runs) => write(`== ${phase} wave ${wave} (${runs.length} task${runs.length === 1 ? '' : 's'})`),
        info: (message) => write(`   ${message}`),
        hookLog: (l) => write(`   [${l.hook}] ${l.line}`),
        task: (run) => {
            const said = narrate(run);
            if (said)
                write(`   ${run.done ? `${MARK[run.state] ?? '?'} ` : ''}${said.line}`);
        },
    };
}
function taskLine(t) {
    const obj = `${t.kind}/${t.namespace ? `${t.namespace}/` : ''}${t.name}`;
    const took = t.startedAt && t.finishedAt ? (0,duration/* formatDuration */.a3)(Date.parse(t.finishedAt) - Date.parse(t.startedAt)) : '';
    return `  ${MARK[t.status] ?? '?'} ${t.phase.padEnd(8)} ${String(t.wave).padStart(3)}  ${obj}${t.hook ? ' (hook)' : ''}  ${t.status}${took ? ` ${took}` : ''}${t.deleted ? ', deleted' : ''}${t.message ? ` — ${t.message}` : ''}`;
}
function renderResultText(result) {
    const took = (0,duration/* formatDuration */.a3)(Date.parse(result.finishedAt) - Date.parse(result.startedAt));
    const lines = [
        '',
        `Result: ${result.status} in ${took} — ${result.message}`,
        ...(result.urls ?? []).map((u) => `Address: ${u.url} (${u.source})`),
        ...result.tasks.map(taskLine),
    ];
    for (const t of result.tasks.filter((x) => ((x.status === 'Failed' || x.status === 'Terminated') &&
        (x.logs?.length || x.events?.length || x.logsWithheld)) ||
        x.logsIncomplete)) {
        lines.push('', `${t.kind}/${t.name}:`);
        // A hook that succeeded is listed for its incomplete logs only: its output was shown live.
        const failed = t.status === 'Failed' || t.status === 'Terminated';
        if (failed && t.events?.length)
            lines.push('  events:', ...t.events.map((e) => `    ${e}`));
        if (failed && t.logs?.length)
            lines.push('  last log lines:', ...t.logs.map((l) => `    ${l}`));
        if (t.logsWithheld)
            lines.push(`  logs: ${t.logsWithheld}`);
        if (t.logsIncomplete)
            lines.push(`  logs incomplete: ${t.logsIncomplete}`);
    }
    return lines.join('\n') + '\n';
}

// EXTERNAL MODULE: ./src/sync/redactor.ts
var sync_redactor = __webpack_require__(8959);
// EXTERNAL MODULE: ./src/sync/sync-from-paths.ts + 20 modules
var sync_from_paths = __webpack_require__(7279);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/cli/app-name.ts
/** Who the CLI is and which application it works on, when not told. */



/** The checkout's folder name (as the action defaults to the repository's name), else the folder's. */
function defaultAppName(cwd) {
    try {
        const top = (0,external_node_child_process_.execFileSync)('git', ['rev-parse', '--show-toplevel'], {
            cwd,
            stdio: ['ignore', 'pipe', 'ignore'],
        })
            .toString()
            .trim();
        if (top)
            return external_node_path_default().basename(top);
    }
    catch {
        // not a git checkout
    }
    return external_node_path_default().basename(external_node_path_default().resolve(cwd)) || 'app';
}
/** `user@host`, recorded in the application's history for runs from a laptop. */
function localIdentity() {
    let user = 'someone';
    try {
        user = (0,external_node_os_.userInfo)().username;
    }
    catch {
        // no passwd entry (some containers)
    }
    return `${user}@${(0,external_node_os_.hostname)()}`;
}

// EXTERNAL MODULE: ./src/lifecycle/inventory-store.ts
var inventory_store = __webpack_require__(4024);
// EXTERNAL MODULE: ./src/lifecycle/app-names.ts
var app_names = __webpack_require__(8914);
;// CONCATENATED MODULE: ./src/lifecycle/app-catalog.ts
/**
 * Every application hook-sync has in a cluster, found by their inventories (ConfigMaps labelled
 * `hook-sync.io/inventory: "true"`, in any namespace): what `status --all` lists, and how `delete --app`
 * and `status --app` find an app's namespace when none is given. Summaries are pure functions of the
 * inventories, so "how old is this preview" is decided without a network.
 */



function summarise(inventory, namespace, now) {
    const last = inventory.history[0];
    const at = last ? Date.parse(last.finishedAt ?? last.startedAt) : NaN;
    return {
        app: inventory.app,
        namespace,
        objects: inventory.objects.length,
        ...(last ? { last } : {}),
        ...(Number.isFinite(at) ? { ageSeconds: Math.max(0, Math.round((now.getTime() - at) / 1000)) } : {}),
        ...(inventory.origin ? { origin: inventory.origin } : {}),
    };
}
/** "3d", "5h", "12m", "40s": an age as kubectl prints one. */
function shortAge(seconds) {
    if (seconds >= 2 * 86400)
        return `${Math.floor(seconds / 86400)}d`;
    if (seconds >= 2 * 3600)
        return `${Math.floor(seconds / 3600)}h`;
    if (seconds >= 120)
        return `${Math.floor(seconds / 60)}m`;
    return `${seconds}s`;
}
/** The inventories in every namespace (`selector`: a label selector they must also match). */
async function listApps(client, selector, now = new Date()) {
    const labelSelector = [`${inventory_store/* INVENTORY_LABEL */.UA}=true`, selector].filter(Boolean).join(',');
    const list = await client.request('GET', '/api/v1/configmaps', {
        query: { labelSelector },
        idempotent: true,
    });
    return (list.body.items ?? [])
        .map((cm) => {
        const meta = cm.metadata;
        return summarise((0,inventory_store/* inventoryOf */.o8)(cm, String(meta.name)), String(meta.namespace), now);
    })
        .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.app.localeCompare(b.app));
}
class AppNotFoundError extends Error {
    name = 'AppNotFoundError';
}
/**
 * The namespace of an app's inventory when the caller did not say: the only one there is. Several (the
 * same app name in two namespaces) or none: an error that lists what there is and what to pass.
 */
async function findAppNamespace(client, app) {
    let found;
    try {
        found = (await listApps(client, `${inventory_store/* APP_LABEL */.bZ}=${(0,app_names/* appLabelValue */.P)(app)}`)).filter((a) => a.app === app);
    }
    catch (err) {
        if (err instanceof api_error/* KubeApiError */.W3 && err.code === 403)
            throw new AppNotFoundError(`cannot look for app ${app} in every namespace (listing ConfigMaps cluster-wide is forbidden): pass --namespace`);
        throw err;
    }
    if (found.length === 1)
        return found[0].namespace;
    if (found.length === 0)
        throw new AppNotFoundError(`no application "${app}" in the cluster (no inventory of that name in any namespace); \`hook-sync status --all\` lists the apps there are`);
    throw new AppNotFoundError(`application "${app}" has an inventory in ${found.length} namespaces (${found.map((a) => a.namespace).join(', ')}): pass --namespace`);
}

// EXTERNAL MODULE: ./src/lifecycle/namespace-metadata.ts
var namespace_metadata = __webpack_require__(1037);
;// CONCATENATED MODULE: ./src/cli/cluster-connection.ts
/** A command's cluster from its --kubeconfig/--context (else $KUBECONFIG, ~/.kube/config), credentials masked. */



/** Undefined (the reason on stderr) when the kubeconfig is missing or unusable: the caller exits 2. */
function connectCluster(command, values, io, redactor) {
    try {
        const source = (0,kubeconfig/* findKubeconfig */.ZE)({ file: values.kubeconfig && external_node_path_default().resolve(io.cwd, values.kubeconfig) }, io.env);
        for (const s of (0,kubeconfig/* kubeconfigSecrets */.hT)(source.text))
            redactor.add(s);
        return new cluster_client/* ClusterClient */.EU((0,kubeconfig/* loadKubeconfigSource */.ne)(source, values.context).kc);
    }
    catch (err) {
        if (!(err instanceof kubeconfig/* KubeconfigError */.C2))
            throw err;
        io.stderr(`hook-sync ${command}: ${redactor.redact(err.message)}\n`);
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/lifecycle/input-limits.ts
var input_limits = __webpack_require__(8445);
;// CONCATENATED MODULE: ./src/cli/operation-options.ts
/**
 * The options `sync` and `delete` share that can be wrong in ways worth saying exactly: durations out of
 * range, an app name that cannot be one, a --json file that could not be written after the sync ran.
 * Everything here is checked before the cluster is asked anything.
 */





/**
 * `--timeout -5s` as `--timeout=-5s`: the argument parser takes a value starting with "-" for another
 * option and says something about ambiguity; joined, the value gets the duration check's message.
 */
function joinNegativeValues(argv, options) {
    const out = [];
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const next = argv[i + 1];
        if (options.includes(arg) && next !== undefined && /^-[\d.]/.test(next)) {
            out.push(`${arg}=${next}`);
            i++;
        }
        else
            out.push(arg);
    }
    return out;
}
function checkOperationOptions(values) {
    const timeout = (0,duration/* checkDuration */.fU)(values.timeout);
    if (timeout.problem !== undefined)
        throw new cli_io/* UsageError */.eb(`--timeout ${timeout.problem}`);
    let lockTtlMs;
    if (values['lock-ttl'] !== undefined) {
        const ttl = (0,duration/* checkDuration */.fU)(values['lock-ttl'], input_limits/* LOCK_TTL_LIMITS */.m);
        if (ttl.problem !== undefined)
            throw new cli_io/* UsageError */.eb(`--lock-ttl ${ttl.problem}`);
        lockTtlMs = ttl.ms;
    }
    if (values.app !== undefined) {
        const problem = (0,input_limits/* appNameProblem */.A)(values.app);
        if (problem)
            throw new cli_io/* UsageError */.eb(`--app ${problem}`);
    }
    if (values.json !== undefined) {
        const file = external_node_path_default().resolve(values.cwd, values.json);
        const dir = external_node_path_default().dirname(file);
        if (!(0,external_node_fs_.existsSync)(dir) || !(0,external_node_fs_.statSync)(dir).isDirectory())
            throw new cli_io/* UsageError */.eb(`--json ${values.json}: the folder ${dir} does not exist; create it first`);
        if ((0,external_node_fs_.existsSync)(file) && (0,external_node_fs_.statSync)(file).isDirectory())
            throw new cli_io/* UsageError */.eb(`--json ${values.json} is a folder; name a file`);
    }
    return { timeoutMs: timeout.ms, lockTtlMs };
}

;// CONCATENATED MODULE: ./src/cli/revision.ts
/** The revision hook names are derived from: explicit, else the CI's commit, else the checkout's HEAD. */

function resolveRevision(explicit, env, cwd) {
    if (explicit)
        return explicit;
    if (env.GITHUB_SHA)
        return env.GITHUB_SHA;
    try {
        return (0,external_node_child_process_.execFileSync)('git', ['rev-parse', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
            .toString()
            .trim();
    }
    catch {
        return 'local';
    }
}

;// CONCATENATED MODULE: ./src/cli/commands/sync.ts
/** `hook-sync sync <paths…>`: run the sync against a cluster, as the action does. */


















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
const SYNC_USAGE = `Usage: hook-sync sync <paths…> [options]

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
const DELETE_USAGE = `Usage: hook-sync delete [paths…] --app NAME [options]

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
function syncCommand(argv, io, deps = {}) {
    return operationCommand('sync', argv, io, deps);
}
function deleteCommand(argv, io, deps = {}) {
    return operationCommand('delete', argv, io, deps);
}
async function operationCommand(operation, argv, io, deps) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
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
        return cli_io/* EXIT */.dc.ok;
    }
    if (positionals.length === 0 && operation === 'sync')
        throw new cli_io/* UsageError */.eb('sync needs at least one path to manifests');
    if (operation === 'delete' && !values.app)
        throw new cli_io/* UsageError */.eb('delete needs --app NAME: the application whose inventory says what to delete');
    if (operation === 'delete' && (values.prune || values['no-wait']))
        throw new cli_io/* UsageError */.eb('--prune and --no-wait are options of sync, not of delete');
    const labels = (0,namespace_metadata/* parseNamespaceMetadata */.g)(values['namespace-label'], 'label', '--namespace-label');
    const annotations = (0,namespace_metadata/* parseNamespaceMetadata */.g)(values['namespace-annotation'], 'annotation', '--namespace-annotation');
    const metadataProblems = [...labels.errors, ...annotations.errors];
    if (metadataProblems.length)
        throw new cli_io/* UsageError */.eb(metadataProblems.join('\n'));
    if (operation === 'delete' &&
        (values['create-namespace'] || values['namespace-label'].length || values['namespace-annotation'].length))
        throw new cli_io/* UsageError */.eb('--create-namespace is an option of sync: a delete removes the namespace it created');
    const pullRequest = values['pull-request'] === undefined ? undefined : Number(values['pull-request']);
    if (pullRequest !== undefined && !(Number.isSafeInteger(pullRequest) && pullRequest > 0))
        throw new cli_io/* UsageError */.eb(`--pull-request must be a pull request's number, such as 42, not "${values['pull-request']}"`);
    const nameProblem = values.namespace === undefined ? undefined : (0,namespace_metadata/* namespaceNameProblem */.S)(values.namespace);
    if (nameProblem)
        throw new cli_io/* UsageError */.eb(nameProblem);
    const { timeoutMs, lockTtlMs: lockTtl } = checkOperationOptions({ ...values, cwd: io.cwd });
    const revision = resolveRevision(values.revision, io.env, io.cwd);
    const startedAt = new Date();
    const redactor = new sync_redactor/* Redactor */.p();
    const app = values.app ?? defaultAppName(io.cwd);
    let namespace = values.namespace ?? 'default';
    if (values.namespace === undefined && operation === 'delete' && positionals.length === 0) {
        // A preview's teardown from `status --all`: the app's name is enough.
        const client = deps.client ?? connectCluster('delete', values, io, redactor);
        if (!client)
            return cli_io/* EXIT */.dc.invalid;
        try {
            namespace = await findAppNamespace(client, app);
        }
        catch (err) {
            if (err instanceof AppNotFoundError) {
                io.stderr(`hook-sync delete: ${err.message}\n`);
                return cli_io/* EXIT */.dc.invalid;
            }
            io.stderr(redactor.redact(`hook-sync delete: cannot look for app ${app} in the cluster at ${client.server}: ${(0,api_error/* clusterErrorDetail */.We)(err)}\n`));
            return cli_io/* EXIT */.dc.failed;
        }
    }
    const writeJson = (result) => {
        if (values.json)
            (0,external_node_fs_.writeFileSync)(external_node_path_default().resolve(io.cwd, values.json), JSON.stringify(redactor.redactJson(result), null, 2) + '\n');
    };
    const write = (line) => io.stdout(redactor.redact(line) + '\n');
    const outcome = await (0,sync_from_paths/* syncFromPaths */.q)({
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
        images: (0,image_overrides/* overrideInputsFromFlags */.xd)(values.image),
        namespace,
        revision,
        startedAt,
        cluster: deps.client
            ? { client: deps.client }
            : {
                kubeconfig: () => (0,kubeconfig/* findKubeconfig */.ZE)({ file: values.kubeconfig && external_node_path_default().resolve(io.cwd, values.kubeconfig) }, io.env),
                context: values.context,
            },
        timeoutMs,
        wait: !values['no-wait'],
        signals: deps.signals ?? process,
        onCancelling: () => io.stderr('hook-sync: cancelling: no new work, deleting running hooks\n'),
        observer: progressPrinter(write),
        redactor,
        onStart: (plan, target) => {
            for (const w of plan.warnings)
                io.stderr(redactor.redact((0,src_diagnostics/* formatDiagnostic */.xy)(w)) + '\n');
            write(`hook-sync ${operation}: app ${app}, ${plan.tasks.length} tasks, revision ${plan.revision.slice(0, 7)}, cluster ${target.server}${target.context ? ` (context ${target.context}, kubeconfig from ${target.origin})` : ''}, namespace ${plan.namespace}`);
            for (const line of (0,image_substitutions/* imagesText */.WU)(plan.images))
                write(line);
        },
    });
    writeJson(outcome.result);
    switch (outcome.kind) {
        case 'invalid-kubeconfig':
            io.stderr(`hook-sync: ${redactor.redact(outcome.message)}\n`);
            return cli_io/* EXIT */.dc.invalid;
        case 'invalid-manifests':
            for (const d of outcome.diagnostics)
                io.stderr(redactor.redact((0,src_diagnostics/* formatDiagnostic */.xy)(d)) + '\n');
            io.stderr('hook-sync: invalid manifests; nothing was applied\n');
            return cli_io/* EXIT */.dc.invalid;
        case 'synced': {
            io.stdout(redactor.redact(renderResultText(outcome.result)));
            const { status } = outcome.result;
            return status === 'Succeeded' ? cli_io/* EXIT */.dc.ok : status === 'Cancelled' ? cli_io/* EXIT */.dc.cancelled : cli_io/* EXIT */.dc.failed;
        }
    }
}

;// CONCATENATED MODULE: ./src/cli/commands/demo.ts
/** `hook-sync demo`: the embedded cluster, a sync of the examples with live hook logs, the result. */





const DEMO_USAGE = `Usage: hook-sync demo [paths…] [--time-scale F] [--image REF…]

Starts the embedded cluster, syncs the manifests (default: examples/app) into namespace "demo" with live
hook logs, prints the result and stops. Needs no cluster of your own.
Try examples/failing-migration to see a failed PreSync hook and the SyncFail hook.
--image REPOSITORY:TAG (repeatable) substitutes images as hook-sync sync --image does.
`;
async function demoCommand(argv, io) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: true,
        options: {
            'time-scale': { type: 'string', default: '0.2' },
            json: { type: 'string' },
            image: { type: 'string', multiple: true },
            help: { type: 'boolean', short: 'h', default: false },
        },
    });
    if (values.help) {
        io.stdout(DEMO_USAGE);
        return cli_io/* EXIT */.dc.ok;
    }
    // Imported here: the emulator is a large part of the bundle and no other command needs it.
    const { EmbeddedCluster } = await Promise.all(/* import() */[__webpack_require__.e(208), __webpack_require__.e(145)]).then(__webpack_require__.bind(__webpack_require__, 6145));
    const cluster = await EmbeddedCluster.start({ timeScale: Number(values['time-scale']) });
    try {
        io.stdout(`embedded cluster at ${cluster.url} (simulated time x${(1 / Number(values['time-scale'])).toFixed(1)})\n`);
        const nsType = cluster.api.registry.byKind('', 'Namespace');
        cluster.api.create(nsType, undefined, {
            apiVersion: 'v1',
            kind: 'Namespace',
            metadata: { name: 'demo' },
        });
        const kc = new config/* KubeConfig */.yp();
        kc.loadFromString(cluster.kubeconfig());
        const args = [
            ...(positionals.length ? positionals : ['examples/app']),
            '--namespace',
            'demo',
            ...(values.json ? ['--json', values.json] : []),
            ...(values.image ?? []).flatMap((image) => ['--image', image]),
        ];
        return await syncCommand(args, io, { client: new cluster_client/* ClusterClient */.EU(kc) });
    }
    finally {
        await cluster.stop();
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/health/judge.ts + 1 modules
var judge = __webpack_require__(8792);
// EXTERNAL MODULE: ./src/health/object-fields.ts
var object_fields = __webpack_require__(1893);
// EXTERNAL MODULE: ./src/health/related-objects.ts
var related_objects = __webpack_require__(4524);
// EXTERNAL MODULE: ./src/manifests/load-manifests.ts + 6 modules
var load_manifests = __webpack_require__(3801);
;// CONCATENATED MODULE: ./src/cli/commands/health.ts
/** `hook-sync health <files…>`: why hook-sync thinks an object is (not) ready, from `kubectl get -o yaml`. */










const HEALTH_USAGE = `Usage: hook-sync health <files…> [--json] [--now RFC3339]

Judges live objects as hook-sync does during a sync. Give it what kubectl prints:

  kubectl get deployment,replicaset,pod,event -n shop -o yaml > state.yaml
  hook-sync health state.yaml

Pods and Events in the same input sharpen the verdict: an image that cannot be pulled, a missing
ConfigMap or a crash loop makes a workload Degraded once it has lasted past its grace period.

The input is read as kubectl's output, not as manifests: a key written twice in one mapping is accepted
(the last one wins, with a warning naming its file and line). The values of Secrets in the input are
masked in what is printed (a termination message can quote one): add the Secrets the pods read
(kubectl get secret,… -o yaml) when the output goes somewhere shared.

Options:
  --json        print one JSON array of {"kind","name","namespace","status","message"}
  --now TIME    judge as of this time (default: now), for reproducible answers

Exit codes: 0 nothing Degraded or Missing; 1 something is Degraded or Missing; 2 invalid input (a file
that cannot be read or parsed, a bad option).
`;
/** The verdicts that make the command fail, so a script can stop on them. */
const FAILING = new Set(['Degraded', 'Missing']);
async function healthCommand(argv, io) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
            json: { type: 'boolean', default: false },
            now: { type: 'string' },
            help: { type: 'boolean', short: 'h', default: false },
        },
    });
    if (values.help) {
        io.stdout(HEALTH_USAGE);
        return cli_io/* EXIT */.dc.ok;
    }
    if (positionals.length === 0)
        throw new cli_io/* UsageError */.eb('health needs at least one file (kubectl get … -o yaml output)');
    const now = values.now ? Date.parse(values.now) : Date.now();
    if (Number.isNaN(now))
        throw new cli_io/* UsageError */.eb(`--now must be a time such as 2026-01-02T03:04:05Z, not "${values.now}"`);
    const diagnostics = [];
    const objects = [];
    for (const file of positionals) {
        let text;
        try {
            text = await (0,promises_.readFile)(external_node_path_default().resolve(io.cwd, file), 'utf8');
        }
        catch (err) {
            diagnostics.push({
                severity: 'error',
                code: 'unreadable-file',
                message: `cannot read ${file}: ${err.message}`,
            });
            continue;
        }
        // What kubectl prints may repeat a key (Go's YAML readers keep the last one); manifests may not.
        const manifests = (0,load_manifests/* parseManifestText */.k_)(text, file, diagnostics, { duplicateKeys: 'last-wins' });
        objects.push(...manifests.map((m) => m.object));
    }
    if (diagnostics.some((d) => d.severity === 'error'))
        throw new src_diagnostics/* InvalidInputError */.oC(diagnostics);
    for (const d of diagnostics)
        io.stderr((0,src_diagnostics/* formatDiagnostic */.xy)(d) + '\n');
    const events = objects.filter((o) => (0,object_fields/* str */.gx)(o, 'kind') === 'Event');
    const lines = objects
        .filter((o) => (0,object_fields/* str */.gx)(o, 'kind') !== 'Event')
        .map((o) => {
        const { health } = (0,judge/* judgeResource */.e)(o, { pods: (0,related_objects/* podsOf */.E)(o, objects), events, now });
        return {
            kind: (0,object_fields/* str */.gx)(o, 'kind'),
            name: (0,object_fields/* str */.gx)(o, 'metadata.name'),
            namespace: (0,object_fields/* str */.gx)(o, 'metadata.namespace'),
            status: health?.status ?? 'Healthy',
            message: health
                ? health.message
                : `no health check for ${(0,object_fields/* str */.gx)(o, 'kind')}: counted healthy once it exists`,
        };
    });
    if (objects.length === 0)
        io.stderr('hook-sync health: the input holds no objects (check the namespace given to kubectl)\n');
    const redactor = new sync_redactor/* Redactor */.p();
    for (const o of objects)
        if ((0,object_fields/* str */.gx)(o, 'kind') === 'Secret' && (0,object_fields/* str */.gx)(o, 'apiVersion') === 'v1')
            redactor.addSecretObject(o);
    if (values.json)
        io.stdout(redactor.redact(JSON.stringify(redactor.redactJson(lines), null, 2)) + '\n');
    else
        for (const l of lines)
            io.stdout(redactor.redact(`${l.kind}/${l.name}: ${l.status}${l.message ? ` — ${l.message}` : ''}`) + '\n');
    return lines.some((l) => FAILING.has(l.status)) ? cli_io/* EXIT */.dc.failed : cli_io/* EXIT */.dc.ok;
}

// EXTERNAL MODULE: ./src/plan/load-plan.ts + 11 modules
var load_plan = __webpack_require__(1040);
// EXTERNAL MODULE: ./src/report/plan-report.ts
var plan_report = __webpack_require__(6914);
// EXTERNAL MODULE: ./src/diff/live-preview.ts
var live_preview = __webpack_require__(4696);
// EXTERNAL MODULE: ./src/lifecycle/inventory.ts
var inventory = __webpack_require__(6996);
// EXTERNAL MODULE: ./src/lifecycle/recovery.ts
var recovery = __webpack_require__(6393);
// EXTERNAL MODULE: ./src/diff/object-diff.ts
var object_diff = __webpack_require__(9818);
;// CONCATENATED MODULE: ./src/report/plan-changes-text.ts
/** The plan's comparison with a cluster, as text for the CLI: what would change, what would be pruned. */

function plan_changes_text_name(o) {
    return `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
}
function renderPlanChangesText(previews, leaving) {
    const lines = ['', 'In the cluster:'];
    for (const { task, preview } of previews) {
        if (preview.change === 'run')
            continue;
        if (preview.change === 'update') {
            lines.push(`  changed    ${plan_changes_text_name(task)}`, ...preview.fields.map((f) => `               ${(0,object_diff/* formatChange */.e)(f)}`));
        }
        else if (preview.change === 'refused' || preview.change === 'unknown')
            lines.push(`  ${preview.change.padEnd(10)} ${plan_changes_text_name(task)}: ${preview.message}`);
        else
            lines.push(`  ${(preview.change === 'create' ? 'created' : 'unchanged').padEnd(10)} ${plan_changes_text_name(task)}`);
    }
    if (leaving.length) {
        lines.push('', 'Left the manifests (pruned by sync --prune, last wave first):');
        for (const o of leaving)
            lines.push(`  ${plan_changes_text_name(o)} (wave ${o.wave}${o.prune === 'false' ? ', kept: Prune=false' : ''})`);
    }
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/cli/commands/plan.ts
/** `hook-sync plan <paths…>`: what a sync would do, in order, before anything touches a cluster. */















const PLAN_USAGE = `Usage: hook-sync plan <paths…> [options]

Shows the order in which a sync would apply every object and run every hook.

Paths are files, directories (searched recursively for .yaml, .yml and .json) or globs. A directory
holding a kustomization.yaml is rendered with "kubectl kustomize" instead (HOOK_SYNC_KUBECTL: another
kubectl).

Options:
  --revision SHA      revision the manifests come from (default: $GITHUB_SHA, else git HEAD)
  --namespace NS      namespace for objects that name none (default: default)
  --operation OP      sync (default) or delete (PreDelete and PostDelete hooks)
  --started-at UNIX   operation start in Unix seconds, used in generated hook names (default: now)
  --image REF         repeatable: REPOSITORY:TAG or REPOSITORY@sha256:DIGEST replaces the tag or digest
                      of every container (init containers and hooks too) whose image has that repository
  --json              print one JSON document instead of the listing
  --kubeconfig FILE   also compare with a cluster: what would be created, changed (field by field; Secret
                      values never shown) or unchanged, by server-side dry runs; nothing is written
  --context NAME      context of the kubeconfig
  --app NAME          with --kubeconfig: the application, whose inventory says what would be pruned
                      (default: the git checkout's folder name)
  --create-namespace  with --kubeconfig: the sync would create a missing namespace (all in it is new)
`;
async function planCommand(argv, io) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
            revision: { type: 'string' },
            namespace: { type: 'string', default: 'default' },
            operation: { type: 'string', default: 'sync' },
            'started-at': { type: 'string' },
            json: { type: 'boolean', default: false },
            kubeconfig: { type: 'string' },
            context: { type: 'string' },
            app: { type: 'string' },
            image: { type: 'string', multiple: true },
            'create-namespace': { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false },
        },
    });
    if (values.help) {
        io.stdout(PLAN_USAGE);
        return cli_io/* EXIT */.dc.ok;
    }
    if (positionals.length === 0)
        throw new cli_io/* UsageError */.eb('plan needs at least one path to manifests');
    if (values.operation !== 'sync' && values.operation !== 'delete') {
        throw new cli_io/* UsageError */.eb(`--operation must be sync or delete, not "${values.operation}"`);
    }
    let startedAt = Math.floor(Date.now() / 1000);
    if (values['started-at'] !== undefined) {
        startedAt = Number(values['started-at']);
        if (!Number.isSafeInteger(startedAt) || startedAt < 0) {
            throw new cli_io/* UsageError */.eb(`--started-at must be Unix seconds, not "${values['started-at']}"`);
        }
    }
    const plan = await (0,load_plan/* loadPlan */.Y)(positionals, {
        cwd: io.cwd,
        images: (0,image_overrides/* overrideInputsFromFlags */.xd)(values.image),
        operation: values.operation,
        namespace: values.namespace,
        revision: resolveRevision(values.revision, io.env, io.cwd),
        startedAt,
    });
    if (!values.kubeconfig) {
        io.stdout(values.json ? JSON.stringify((0,plan_report/* planJson */.iY)(plan), null, 2) + '\n' : (0,plan_report/* renderPlanText */.$D)(plan));
        return cli_io/* EXIT */.dc.ok;
    }
    const redactor = new sync_redactor/* Redactor */.p();
    redactor.addSecretsOf(plan);
    const client = connectCluster('plan', values, io, redactor);
    if (!client)
        return cli_io/* EXIT */.dc.invalid;
    const app = values.app ?? defaultAppName(io.cwd);
    try {
        const previews = await (0,live_preview/* previewPlan */.O)((0,recovery/* markOwnership */.$l)(plan, app), client, {
            createNamespace: values['create-namespace'],
        });
        const leaving = (0,inventory/* pruneCandidates */.Bu)(await new inventory_store/* InventoryStore */.yq(client, app, plan.namespace).read(), plan);
        if (values.json)
            io.stdout(JSON.stringify(redactor.redactJson({
                ...(0,plan_report/* planJson */.iY)(plan),
                changes: (0,live_preview/* changesJson */.c)(previews),
                wouldBePruned: leaving,
            }), null, 2) + '\n');
        else
            io.stdout(redactor.redact((0,plan_report/* renderPlanText */.$D)(plan) + renderPlanChangesText(previews, leaving)));
        return cli_io/* EXIT */.dc.ok;
    }
    catch (err) {
        io.stderr(redactor.redact(`hook-sync plan: cannot compare with the cluster at ${client.server}: ${(0,api_error/* clusterErrorDetail */.We)(err)}\n`));
        return cli_io/* EXIT */.dc.failed;
    }
}

// EXTERNAL MODULE: ./src/health/resource-health.ts + 11 modules
var resource_health = __webpack_require__(5540);
;// CONCATENATED MODULE: ./src/cli/commands/status.ts
/** `hook-sync status --app NAME`: what an application owns in the cluster, how each object is, its history. */









const STATUS_USAGE = `Usage: hook-sync status [--app NAME] [options]
       hook-sync status --all [--selector LABELS] [options]

Prints what an application owns in the cluster (its inventory), each object's live health, and its last
operations (revision, result, when, by whom). With --all: every application hook-sync has in the cluster
(one line each: namespace, last operation, its age, the pull request it came from) — forgotten previews
included.

Options:
  --app NAME          the application (default: the git checkout's folder name)
  --namespace NS      the application's namespace, where its inventory lives (default: the one
                      namespace that has an inventory of that app)
  --all               list every application in the cluster instead
  --selector LABELS   with --all: only inventories matching this label selector, e.g.
                      hook-sync.io/pull-request (the ones a pull request made)
  --kubeconfig FILE   kubeconfig to use (default: $KUBECONFIG, then ~/.kube/config)
  --context NAME      context of the kubeconfig (default: its current context)
  --json              print one JSON document: {"app","namespace","objects":[…],"history":[…]};
                      with --all: {"apps":[{"app","namespace","objects","last","ageSeconds","origin"}]}

Exit codes: 0 every object is there and nothing is Degraded (--all: the list was read); 1 something is
Missing or Degraded, or the application has no inventory there; 2 invalid input (options, kubeconfig).
`;
async function statusOf(client, o) {
    const info = await client.resourceFor(o.apiVersion, o.kind);
    const live = info
        ? await client.get({
            apiVersion: o.apiVersion,
            kind: o.kind,
            namespace: o.namespace || undefined,
            name: o.name,
        })
        : undefined;
    if (!live)
        return {
            ...o,
            health: 'Missing',
            message: o.state === 'pending' ? 'recorded by a run that did not finish; not created' : 'not in the cluster',
        };
    const health = (0,resource_health/* assessHealth */.X)(live);
    return {
        ...o,
        health: health?.status ?? 'Healthy',
        message: health?.message ?? 'exists (no health check for its kind)',
    };
}
async function statusCommand(argv, io) {
    const { values } = (0,external_node_util_.parseArgs)({
        args: argv,
        strict: true,
        options: {
            app: { type: 'string' },
            namespace: { type: 'string' },
            all: { type: 'boolean', default: false },
            selector: { type: 'string' },
            kubeconfig: { type: 'string' },
            context: { type: 'string' },
            json: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false },
        },
    });
    if (values.help) {
        io.stdout(STATUS_USAGE);
        return cli_io/* EXIT */.dc.ok;
    }
    if (values.all && (values.app || values.namespace))
        throw new cli_io/* UsageError */.eb('--all lists every application: it takes no --app or --namespace');
    if (values.selector && !values.all)
        throw new cli_io/* UsageError */.eb('--selector goes with --all');
    const redactor = new sync_redactor/* Redactor */.p();
    const client = connectCluster('status', values, io, redactor);
    if (!client)
        return cli_io/* EXIT */.dc.invalid;
    if (values.all)
        return listAll(client, values.selector, values.json, io, redactor);
    const app = values.app ?? defaultAppName(io.cwd);
    let namespace = values.namespace ?? '';
    let objects;
    let history;
    try {
        if (!namespace) {
            try {
                namespace = await findAppNamespace(client, app);
            }
            catch (err) {
                if (!(err instanceof AppNotFoundError))
                    throw err;
                io.stderr(`hook-sync status: ${err.message}\n`);
                return cli_io/* EXIT */.dc.failed;
            }
        }
        const inventory = await new inventory_store/* InventoryStore */.yq(client, app, namespace).read();
        if (inventory.objects.length === 0 && inventory.history.length === 0) {
            io.stderr(`hook-sync status: no application "${app}" in namespace ${namespace} (no inventory there); pass --app and --namespace as the sync had them\n`);
            return cli_io/* EXIT */.dc.failed;
        }
        objects = await Promise.all(inventory.objects.map((o) => statusOf(client, o)));
        history = inventory.history;
    }
    catch (err) {
        io.stderr(redactor.redact(`hook-sync status: cannot talk to the cluster at ${client.server}: ${(0,api_error/* clusterErrorDetail */.We)(err)}\n`));
        return cli_io/* EXIT */.dc.failed;
    }
    if (values.json)
        io.stdout(JSON.stringify(redactor.redactJson({ app, namespace, objects, history }), null, 2) + '\n');
    else {
        const lines = [`Application ${app} in namespace ${namespace}: ${objects.length} objects`, ''];
        for (const o of objects)
            lines.push(`  ${o.health.padEnd(11)} ${o.kind}${o.group ? `.${o.group}` : ''} ${o.namespace ? `${o.namespace}/` : ''}${o.name}${o.hook ? ' (hook)' : ''} — ${o.message}`);
        lines.push('', 'Last operations (newest first):');
        for (const h of history)
            lines.push(`  ${h.startedAt}  ${h.operation.padEnd(6)} ${h.status.padEnd(9)} ${h.revision.slice(0, 7)}  by ${h.by}${h.message ? ` — ${h.message.split('\n')[0]}` : ''}`);
        io.stdout(redactor.redact(lines.join('\n')) + '\n');
    }
    return objects.some((o) => o.health === 'Missing' || o.health === 'Degraded') ? cli_io/* EXIT */.dc.failed : cli_io/* EXIT */.dc.ok;
}
function pullRequestOf(a) {
    const o = a.origin;
    if (!o?.pullRequest)
        return '';
    return `#${o.pullRequest}${o.repository ? ` (${o.repository})` : ''}`;
}
/** `status --all`: one line per application, oldest activity easy to spot. */
async function listAll(client, selector, json, io, redactor) {
    let apps;
    try {
        apps = await listApps(client, selector);
    }
    catch (err) {
        io.stderr(redactor.redact(`hook-sync status --all: cannot list the applications' inventories at ${client.server}: ${(0,api_error/* clusterErrorDetail */.We)(err)}\n`));
        return cli_io/* EXIT */.dc.failed;
    }
    if (json) {
        io.stdout(JSON.stringify(redactor.redactJson({ apps }), null, 2) + '\n');
        return cli_io/* EXIT */.dc.ok;
    }
    if (apps.length === 0) {
        io.stdout(`No applications${selector ? ` matching ${selector}` : ''} in the cluster.\n`);
        return cli_io/* EXIT */.dc.ok;
    }
    const rows = [
        ['APP', 'NAMESPACE', 'OBJECTS', 'LAST OPERATION', 'REVISION', 'AGE', 'PULL REQUEST', 'BY'],
        ...apps.map((a) => [
            a.app,
            a.namespace,
            String(a.objects),
            a.last ? `${a.last.operation} ${a.last.status}` : '-',
            a.last ? a.last.revision.slice(0, 7) : '-',
            a.ageSeconds === undefined ? '-' : shortAge(a.ageSeconds),
            pullRequestOf(a) || '-',
            a.last?.by ?? '-',
        ]),
    ];
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    io.stdout(redactor.redact(rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n')) + '\n');
    return cli_io/* EXIT */.dc.ok;
}

// EXTERNAL MODULE: ./src/hooks/nearest.ts
var nearest = __webpack_require__(9450);
;// CONCATENATED MODULE: ./src/cli/usage-message.ts
/** What a command-line mistake is, in hook-sync's words: an unknown option names the one meant. */

function usageMessage(err, usage) {
    if (err.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
        return err.message;
    const option = /Unknown option '([^']+)'/.exec(err.message)?.[1];
    if (!option)
        return err.message;
    const known = [...new Set(usage.match(/--[a-z][a-z-]*/g) ?? [])];
    const match = (0,nearest/* nearest */.p)(option, known);
    return `Unknown option '${option}'${match ? `: did you mean ${match}?` : ''} (the options are listed below)`;
}

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/cli/main.ts
/** The `hook-sync` command: dispatches to a sub-command and maps outcomes to exit codes. */










/** package.json's version, bundled into dist/ (a version bump makes dist/ stale, as it should). */
const VERSION = package_namespaceObject.rE;
const USAGE = `Usage: hook-sync <command> [options]

Commands:
  plan <paths…>    show what a sync would do, in order, without a cluster
  sync <paths…>    run the sync against a cluster (PreSync, Sync waves, PostSync, SyncFail; --prune)
  delete [paths…]  delete an application: PreDelete hooks, its objects, PostDelete hooks (--app NAME)
  status           what an application owns in the cluster, its health and its last operations
  demo [paths…]    sync the examples into the embedded cluster, with live hook logs
  health <files…>  judge live objects (kubectl get -o yaml output) as a sync would
  cluster          run the embedded Kubernetes cluster (for the demo, tests and kubectl)

Run "hook-sync <command> --help" for a command's options; "hook-sync --version" for the version.
`;
const COMMANDS = {
    plan: { run: planCommand, usage: PLAN_USAGE },
    sync: { run: (argv, io) => syncCommand(argv, io), usage: SYNC_USAGE },
    delete: { run: (argv, io) => deleteCommand(argv, io), usage: DELETE_USAGE },
    status: { run: statusCommand, usage: STATUS_USAGE },
    demo: { run: demoCommand, usage: DEMO_USAGE },
    health: { run: healthCommand, usage: HEALTH_USAGE },
    cluster: { run: (argv, io) => clusterCommand(argv, io), usage: CLUSTER_USAGE },
};
async function main(argv, io) {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
        io.stdout(USAGE);
        return name ? cli_io/* EXIT */.dc.ok : cli_io/* EXIT */.dc.invalid;
    }
    if (name === '--version' || name === '-V') {
        io.stdout(`${VERSION}\n`);
        return cli_io/* EXIT */.dc.ok;
    }
    const command = COMMANDS[name];
    if (!command) {
        io.stderr(`hook-sync: unknown command "${name}"\n\n${USAGE}`);
        return cli_io/* EXIT */.dc.invalid;
    }
    try {
        return await command.run(rest, io);
    }
    catch (err) {
        if (err instanceof src_diagnostics/* InvalidInputError */.oC) {
            for (const d of err.diagnostics)
                io.stderr((0,src_diagnostics/* formatDiagnostic */.xy)(d) + '\n');
            const errors = err.diagnostics.filter((d) => d.severity === 'error').length;
            const applies = name !== 'health'; // health only reads
            io.stderr(`hook-sync: ${errors} error${errors === 1 ? '' : 's'}${applies ? '; nothing was applied' : ''}\n`);
            return cli_io/* EXIT */.dc.invalid;
        }
        if (err instanceof cli_io/* UsageError */.eb || err.code?.startsWith('ERR_PARSE_ARGS')) {
            io.stderr(`hook-sync ${name}: ${usageMessage(err, command.usage)}\n\n${command.usage}`);
            return cli_io/* EXIT */.dc.invalid;
        }
        io.stderr(`hook-sync ${name}: ${err.stack ?? String(err)}\n`);
        return cli_io/* EXIT */.dc.failed;
    }
}


/***/ })

};
