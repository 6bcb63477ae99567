export const id = 248;
export const ids = [248];
export const modules = {

/***/ 3693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CP: () => (/* binding */ KubeConnectionError),
/* harmony export */   E3: () => (/* binding */ connectionProblem),
/* harmony export */   W3: () => (/* binding */ KubeApiError),
/* harmony export */   We: () => (/* binding */ clusterErrorDetail)
/* harmony export */ });
/** A failed API request, with the server's Status (reason, message, causes) parsed out of the body. */
class KubeApiError extends Error {
    code;
    reason;
    causes;
    retryAfter;
    constructor(code, reason, message, causes = [], 
    /** The server's Retry-After header as sent (seconds or an HTTP-date): it did not act, come back then. */
    retryAfter) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.causes = causes;
        this.retryAfter = retryAfter;
        this.name = 'KubeApiError';
    }
    static fromResponse(code, body, retryAfter) {
        try {
            const status = JSON.parse(body);
            if (status && typeof status === 'object' && status.message) {
                const causes = status.details?.causes ?? [];
                return new KubeApiError(code, status.reason ?? 'Unknown', readableMessage(code, status.message, causes), causes, retryAfter || undefined);
            }
        }
        catch {
            /* not a Status */
        }
        return new KubeApiError(code, code === 404 ? 'NotFound' : 'Unknown', body.trim().slice(0, 500) || `HTTP ${code}`, [], retryAfter || undefined);
    }
    get notFound() {
        return this.code === 404;
    }
}
/** The connection itself failed (refused, reset, DNS): the request may or may not have reached the server. */
class KubeConnectionError extends Error {
    cause;
    constructor(message, cause) {
        super(message);
        this.cause = cause;
        this.name = 'KubeConnectionError';
    }
}
/** What to tell a person when the cluster itself failed a request: refused credentials get a hint. */
function clusterErrorDetail(err) {
    if (err instanceof KubeApiError && err.code === 403 && rbacDenial(err.message))
        return err.message;
    return err instanceof KubeApiError && (err.code === 401 || err.code === 403)
        ? `${err.message} (the cluster refused the kubeconfig's credentials${err.code === 403 ? ' or they lack permission' : ''}; check the kubeconfig and its context)`
        : err.message;
}
/**
 * The API server's message, made to say what to do: an RBAC refusal gets who needs which permission,
 * and a validation error's value dumps (a whole pod template, for an immutable field) are left out.
 */
function readableMessage(code, message, causes) {
    if (code === 403) {
        const denial = rbacDenial(message);
        if (denial)
            return `${message} (${rbacRemedy(denial)})`;
    }
    // Server-side apply's answer (a 500, as upstream) for a field the kind does not have.
    const undeclared = /failed to create typed patch object .*?: (\.\S+): field not declared in schema/.exec(message);
    if (undeclared)
        return `${message} (${undeclared[1]} is not a field of this kind: check its spelling and indentation)`;
    let out = message;
    for (const cause of causes) {
        const text = cause.message ?? '';
        const dump = /^Invalid value: ([\s\S]{160,}): ([^:]+)$/.exec(text);
        if (dump && out.includes(text))
            out = out.replace(text, `Invalid value (${dump[1].length} characters, not shown): ${dump[2]}`);
    }
    return out;
}
/** The parts of the API server's RBAC refusal: `User "u" cannot VERB resource "R" in API group "G" …`. */
function rbacDenial(message) {
    const m = /User "([^"]+)" cannot (\S+) resource "([^"]+)" in API group "([^"]*)"(?: in the namespace "([^"]+)")?/.exec(message);
    return m ? { user: m[1], verb: m[2], resource: m[3], group: m[4], namespace: m[5] } : undefined;
}
function rbacRemedy(d) {
    const sa = /^system:serviceaccount:([^:]+):(.+)$/.exec(d.user);
    const who = sa ? `ServiceAccount ${sa[1]}/${sa[2]}` : `User "${d.user}"`;
    const what = `"${d.verb}" on ${d.group ? `${d.resource}.${d.group}` : d.resource}`;
    return d.namespace
        ? `ask a cluster admin for ${what} in namespace ${d.namespace} for ${who} (a Role and RoleBinding), or use a kubeconfig whose user has it`
        : `ask a cluster admin for ${what} for ${who} (a ClusterRole and ClusterRoleBinding), or use a kubeconfig whose user has it`;
}
const UNTRUSTED_CERTIFICATE = new Set([
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_SIGNATURE_FAILURE',
]);
/** Error codes along the `cause` chain (fetch wraps the socket's error). */
function codesOf(err) {
    const codes = [];
    for (let e = err, depth = 0; e && depth < 5; depth++) {
        if (typeof e.code === 'string')
            codes.push(e.code);
        e = e.cause;
    }
    return codes;
}
/**
 * A connection failure a person must fix in the kubeconfig (an untrusted or wrong certificate, a key that
 * does not fit, an address nothing answers at) said as such, naming the kubeconfig's entries; undefined
 * for the others (a reset, a timeout), whose low-level message is kept.
 */
function connectionProblem(err, target) {
    const codes = codesOf(err);
    const cluster = `cluster "${target.cluster ?? '?'}" (context "${target.context ?? '?'}")`;
    const code = codes.find((c) => UNTRUSTED_CERTIFICATE.has(c));
    if (code)
        return `the server's certificate is not trusted by the certificate authority the kubeconfig gives for ${cluster} (${code}): check that its certificate-authority-data is the CA of ${target.server}, and that this is the cluster you mean`;
    if (codes.includes('ERR_TLS_CERT_ALTNAME_INVALID'))
        return `the server's certificate does not name the host of ${target.server} (ERR_TLS_CERT_ALTNAME_INVALID): check the server address of ${cluster}`;
    if (codes.includes('CERT_HAS_EXPIRED') || codes.includes('CERT_NOT_YET_VALID'))
        return `the server's certificate is outside its validity period (${codes.includes('CERT_HAS_EXPIRED') ? 'CERT_HAS_EXPIRED' : 'CERT_NOT_YET_VALID'}): the cluster's certificate must be renewed, or this machine's clock is wrong`;
    if (codes.includes('ERR_OSSL_X509_KEY_VALUES_MISMATCH'))
        return `the client certificate and key of user "${target.user ?? '?'}" (context "${target.context ?? '?'}") do not belong together: take both from the same pair`;
    const unreadable = codes.find((c) => c.startsWith('ERR_OSSL_'));
    if (unreadable)
        return `the TLS material of ${cluster}, user "${target.user ?? '?'}", cannot be used (${unreadable}): check that the certificate-authority-data, client-certificate-data and client-key-data fields hold base64-encoded PEM`;
    if (codes.includes('ECONNREFUSED'))
        return `nothing answers there (ECONNREFUSED): check the server address of ${cluster}, and that the cluster is up (kubectl cluster-info)`;
    if (codes.includes('ENOTFOUND'))
        return `its host name is not known (ENOTFOUND): check the server address of ${cluster}`;
    return undefined;
}


/***/ }),

/***/ 8162:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  c_: () => (/* binding */ CREATE_TOKEN_LABEL),
  EU: () => (/* binding */ ClusterClient),
  vy: () => (/* binding */ FIELD_MANAGER)
});

// UNUSED EXPORTS: KubeAuthError

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/gen/http/isomorphic-fetch.js
var isomorphic_fetch = __webpack_require__(3025);
// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/gen/http/http.js
var http = __webpack_require__(5517);
// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/watch.js
var watch = __webpack_require__(742);
// EXTERNAL MODULE: ./src/cluster/api-error.ts
var api_error = __webpack_require__(3693);
;// CONCATENATED MODULE: ./src/cluster/connection-reuse.ts
/**
 * Are two sets of dispatcher options the same (certificates and keys compared byte for byte)? Asked for
 * every request, so it compares in place rather than spelling both out as strings.
 */
function sameOptions(a, b) {
    if (a === b)
        return true;
    if (a instanceof Uint8Array || b instanceof Uint8Array)
        return a instanceof Uint8Array && b instanceof Uint8Array && Buffer.compare(a, b) === 0;
    if (Array.isArray(a) || Array.isArray(b))
        return (Array.isArray(a) &&
            Array.isArray(b) &&
            a.length === b.length &&
            a.every((item, i) => sameOptions(item, b[i])));
    if (!a || !b || typeof a !== 'object' || typeof b !== 'object')
        return false;
    const x = a;
    const y = b;
    // A key whose value is undefined is the same as no key (client-node sets some only when configured).
    for (const k in x)
        if (!sameOptions(x[k], y[k]))
            return false;
    for (const k in y)
        if (!(k in x) && y[k] !== undefined)
            return false;
    return true;
}
const patched = new WeakSet();
/** From now on, requests made through `kc` reuse connections. Idempotent. */
function reuseConnections(kc) {
    if (patched.has(kc))
        return;
    const target = kc;
    const original = target.createDispatcher;
    // A client-node without this method builds its dispatchers some other way: leave it alone.
    if (typeof original !== 'function' || typeof kc.createDispatcherOptions !== 'function')
        return;
    patched.add(kc);
    const pools = [];
    target.createDispatcher = (cluster, agentOptions) => {
        const options = kc.createDispatcherOptions(cluster, agentOptions);
        let found = pools.find((p) => sameOptions(p.options, options));
        if (!found) {
            // No TLS settings at all: client-node leaves the request to undici's global dispatcher. A pool of
            // our own instead, verifying certificates as Node does by default, so every request has one.
            const pool = original.call(kc, cluster, agentOptions) ??
                original.call(kc, cluster, {
                    ...agentOptions,
                    rejectUnauthorized: process.env.NODE_TLS_REJECT_UNAUTHORIZED !== '0',
                });
            found = { options, pool };
            pools.push(found);
        }
        return found.pool;
    };
}

;// CONCATENATED MODULE: ./src/cluster/http-transport.ts
function isDispatcher(d) {
    return typeof d?.dispatch === 'function';
}
/**
 * The exchange with `target` over the context's dispatcher, or through `fallback` (fetch) when it has
 * none. The context carries the credentials (headers, the dispatcher); the target is given apart, already
 * a string, because building and parsing URLs three times a request was a twentieth of the client's CPU.
 * A handler of its own, not undici's `request()`: that one wraps every answer in a Readable stream and an
 * async resource, which a JSON answer read whole has no use for (a tenth of the client's CPU per request).
 */
async function exchange(ctx, target, fallback) {
    const dispatcher = ctx.getDispatcher();
    if (!isDispatcher(dispatcher)) {
        ctx.setUrl(target.origin + target.path);
        const response = await fallback.send(ctx).toPromise();
        return { status: response.httpStatusCode, headers: response.headers, text: await response.body.text() };
    }
    const signal = ctx.getSignal();
    const body = ctx.getBody();
    if (signal?.aborted)
        throw signal.reason ?? new Error('aborted');
    return new Promise((resolve, reject) => {
        let status = 0;
        let headers = {};
        const chunks = [];
        let started;
        let settled = false;
        const reason = () => (signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
        const settle = (outcome) => {
            if (settled)
                return;
            settled = true;
            signal?.removeEventListener('abort', onAbort);
            outcome();
        };
        // A cancel or a timeout ends the wait at once, even while the request is still queued or connecting
        // (undici starts a request, and gives its controller, only once a connection can take it); the
        // request itself is stopped as soon as it starts.
        function onAbort() {
            started?.abort(reason());
            settle(() => reject(signal?.reason ?? reason()));
        }
        signal?.addEventListener('abort', onAbort, { once: true });
        const options = {
            origin: target.origin,
            path: target.path,
            method: ctx.getHttpMethod().toString(),
            headers: ctx.getHeaders(),
            ...(typeof body === 'string' ? { body } : {}),
        };
        const handler = {
            onRequestStart(controller) {
                started = controller;
                if (signal?.aborted)
                    controller.abort(reason());
            },
            onResponseStart(_controller, statusCode, responseHeaders) {
                status = statusCode;
                headers = {}; // an informational answer (103) before the final one: its headers are not the answer's
                for (const [name, value] of Object.entries(responseHeaders))
                    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
            },
            onResponseData(_controller, chunk) {
                chunks.push(chunk);
            },
            onResponseEnd() {
                const text = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
                settle(() => resolve({ status, headers, text }));
            },
            onResponseError(_controller, err) {
                settle(() => reject(signal?.aborted ? (signal.reason ?? err) : new TypeError('fetch failed', { cause: err })));
            },
        };
        try {
            dispatcher.dispatch(options, handler);
        }
        catch (err) {
            settle(() => reject(new TypeError('fetch failed', { cause: err })));
        }
    });
}

// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
;// CONCATENATED MODULE: ./src/cluster/watch-stream.ts
/**
 * A watch stream read straight off the connection pool (undici's dispatch API), one JSON event a line.
 * client-node's Watch goes through fetch, a web stream turned into a Node stream, then readline: a sync of
 * a thousand objects brings a thousand events, and that path cost more CPU per event than the event's own
 * work. It also dropped a line it could not parse without a word; here such a line ends the stream with an
 * error, so the watcher resumes from the last version it took and the event comes again.
 */

/** An answer other than 200 to a watch: its status, read by the watcher (410 Gone: list again). */
class WatchRefused extends Error {
    statusCode;
    name = 'WatchRefused';
    constructor(statusCode, body) {
        super(`the watch was answered HTTP ${statusCode}${body ? `: ${body.slice(0, 200)}` : ''}`);
        this.statusCode = statusCode;
    }
}
/** Starts the stream; the controller ends it (then onDone is told nothing more). */
function openWatchStream(options) {
    const { onEvent, onDone } = options;
    const stop = new AbortController();
    const decoder = new external_node_string_decoder_.StringDecoder('utf8');
    let partial = '';
    let status = 0;
    let refusal = '';
    let started;
    let done = false;
    /** The stream is over; a request still under way (a timeout, a bad line) is stopped. */
    const finish = (err, requestOver = false) => {
        if (done)
            return;
        done = true;
        clearTimeout(idle);
        stop.signal.removeEventListener('abort', onStop);
        if (err && !requestOver)
            started?.abort(err);
        onDone(err);
    };
    // One timer, pushed back by each chunk (refresh, not a new timer per chunk).
    const idle = setTimeout(() => finish(new DOMException('no data from the watch in time', 'TimeoutError')), options.idleTimeoutMs);
    idle.unref();
    function onStop() {
        if (done)
            return;
        done = true;
        clearTimeout(idle);
        started?.abort(new DOMException('the watch was stopped', 'AbortError'));
    }
    stop.signal.addEventListener('abort', onStop, { once: true });
    const lines = (text) => {
        const all = partial + text;
        let from = 0;
        for (let nl = all.indexOf('\n'); nl >= 0 && !done; nl = all.indexOf('\n', from)) {
            const line = all.slice(from, nl).trim();
            from = nl + 1;
            if (line)
                take(line);
        }
        partial = all.slice(from);
    };
    const take = (line) => {
        let event;
        try {
            event = JSON.parse(line);
        }
        catch {
            finish(new Error(`the watch sent a line that is not JSON (${line.length} characters)`));
            return;
        }
        if (typeof event !== 'object' || event === null || typeof event.type !== 'string') {
            finish(new Error(`the watch sent a line that is not an event (${line.length} characters)`));
            return;
        }
        try {
            onEvent(event);
        }
        catch (err) {
            // The listener's own failure: ended here, with its reason, not inside undici's handler.
            finish(err instanceof Error ? err : new Error(String(err)));
        }
    };
    try {
        options.dispatcher.dispatch({ origin: options.target.origin, path: options.target.path, method: 'GET', headers: options.headers }, {
            onRequestStart(controller) {
                started = controller;
                if (done)
                    controller.abort(new DOMException('the watch was stopped', 'AbortError'));
            },
            onResponseStart(_controller, statusCode) {
                status = statusCode;
                idle.refresh();
            },
            onResponseData(_controller, chunk) {
                if (done || status < 200)
                    return;
                idle.refresh();
                if (status !== 200)
                    refusal += chunk.toString('utf8');
                else
                    lines(decoder.write(chunk));
            },
            onResponseEnd() {
                if (status !== 200)
                    return finish(new WatchRefused(status, refusal), true);
                lines(`${decoder.end()}\n`);
                finish(null, true);
            },
            onResponseError(_controller, err) {
                finish(err, true);
            },
        });
    }
    catch (err) {
        finish(err instanceof Error ? err : new Error(String(err)));
    }
    return stop;
}

;// CONCATENATED MODULE: ./src/cluster/debug-log.ts
/** Escaped as the Actions runner reads workflow commands. */
function actionsCommand(message) {
    return message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function debugSinkFromEnv(env = process.env) {
    if (env.GITHUB_ACTIONS === 'true' && env.RUNNER_DEBUG === '1')
        return (m) => void process.stdout.write(`::debug::${actionsCommand(m)}\n`);
    if (env.HOOK_SYNC_DEBUG && env.HOOK_SYNC_DEBUG !== '0')
        return (m) => void process.stderr.write(`debug: ${m}\n`);
    return undefined;
}

// EXTERNAL MODULE: ./src/cluster/retry-policy.ts
var retry_policy = __webpack_require__(8747);
// EXTERNAL MODULE: ./src/cluster/transient-failure.ts
var transient_failure = __webpack_require__(5927);
;// CONCATENATED MODULE: ./src/cluster/retrying.ts
/**
 * One request's tries: repeated after transient failures where a repeat is safe, waiting as the policy
 * says (`retry-policy.ts`), each retry logged at debug level with its reason.
 */



/**
 * Runs `attempt` until it succeeds, fails in a way another try would not mend, or the policy (attempts,
 * Retry-After, the operation's deadline and cancel) says stop; the last failure is then thrown.
 */
async function retrying(client, what, safe, signal, attempt, 
/** `maybeActed`: the last failure leaves open whether the server carried the request out. */
beforeRetry) {
    const limits = (0,retry_policy/* currentRetryLimits */.gl)();
    let maybeActed = false;
    for (let failures = 0;;) {
        if (failures > 0 && beforeRetry) {
            const found = await beforeRetry(maybeActed);
            if (found !== undefined) {
                client.debug?.(`${what}: found what the try whose answer was lost had done`);
                return found;
            }
        }
        try {
            return await attempt();
        }
        catch (err) {
            if (signal?.aborted)
                throw err;
            const transient = (0,transient_failure/* transientFailure */.RG)(err);
            if (!transient)
                throw err;
            if (!safe && !transient.notActedOn)
                throw err instanceof api_error/* KubeConnectionError */.CP
                    ? new api_error/* KubeConnectionError */.CP(`${err.message}; ${what} was not repeated, as it may have been carried out: look at the cluster, or run again`, err.cause)
                    : err;
            failures++;
            maybeActed = !transient.notActedOn;
            const decision = (0,retry_policy/* decideRetry */.tE)(failures, (0,retry_policy/* parseRetryAfter */.mu)(transient.retryAfter, client.timing.now()), client.retry, client.timing, limits, signal);
            if (!decision.retry) {
                client.debug?.(`not retrying ${what} (${transient.reason}): ${decision.why}`);
                throw failures > 1 && err instanceof api_error/* KubeConnectionError */.CP
                    ? new api_error/* KubeConnectionError */.CP(`${err.message} (${failures} attempts)`, err.cause)
                    : err;
            }
            client.stats.retries++;
            client.debug?.(`retrying ${what} in ${decision.delayMs} ms (attempt ${failures + 1} of ${client.retry.attempts}): ${transient.reason}`);
            if (!(await (0,retry_policy/* waitBeforeRetry */.jy)(decision.delayMs, client.timing, limits, signal)))
                throw err;
        }
    }
}

;// CONCATENATED MODULE: ./src/cluster/cluster-client.ts
/**
 * The one place hook-sync talks to a cluster. Requests go through @kubernetes/client-node's KubeConfig
 * (tokens, client certificates, exec plugins, TLS, proxies) but bodies are plain JSON written by us: the
 * client's typed models drop fields they do not know, and manifests must reach the server as written.
 * Transient failures (429 with Retry-After, 5xx, broken connections, no answer) are retried where a
 * repeat is safe (`transient-failure.ts`), with back-off bounded by the operation (`retry-policy.ts`).
 */










const FIELD_MANAGER = 'hook-sync';
/**
 * A watch that brings nothing (no event, no bookmark) for this long is given up and resumed: as
 * client-node's Watch does, so a connection that died without a word is noticed.
 */
const WATCH_IDLE_TIMEOUT_MS = 30_000;
function writeQuery(options) {
    return {
        fieldManager: FIELD_MANAGER,
        fieldValidation: options.fieldValidation ?? 'Strict',
        ...(options.dryRun ? { dryRun: 'All' } : {}),
    };
}
function refOf(obj) {
    const meta = (obj.metadata ?? {});
    return {
        apiVersion: String(obj.apiVersion),
        kind: String(obj.kind),
        namespace: meta.namespace,
        name: String(meta.name),
    };
}
/**
 * The kubeconfig's credentials could not be obtained (an exec plugin failed or printed something else).
 * The plugin's output is never quoted: it may hold a token.
 */
class KubeAuthError extends Error {
    name = 'KubeAuthError';
}
function authFailure(err) {
    const message = err instanceof Error ? err.message : String(err);
    const detail = err instanceof SyntaxError
        ? 'its exec credential plugin printed something that is not an ExecCredential JSON document (not shown: it may hold a credential)'
        : `its credential plugin failed: ${message.split('\n')[0].slice(0, 200) || 'no message'}`;
    return new KubeAuthError(`cannot get credentials from the kubeconfig: ${detail}; run the plugin by hand to see what it prints`);
}
/** On objects created under a generateName: lets a retry find what a create whose answer was lost made. */
const CREATE_TOKEN_LABEL = 'hook-sync.io/create-token';
/** A server address split once: requests are sent to its origin, under its path. */
function splitServer(server) {
    try {
        const url = new URL(server);
        return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
    }
    catch {
        // Not an address at all (the kubeconfig's checks say so first): the request fails on its origin.
        return { origin: server, basePath: '' };
    }
}
/**
 * `/api/v1` or `/apis/<group>/<version>`, encoded: a stray character in a manifest's apiVersion is then a
 * group-version the server does not serve (404), not a path the HTTP client refuses to send.
 */
function groupVersionPath(group, version) {
    const v = encodeURIComponent(version);
    return group ? `/apis/${encodeURIComponent(group)}/${v}` : `/api/${v}`;
}
function splitApiVersion(apiVersion) {
    const slash = apiVersion.indexOf('/');
    return slash < 0
        ? { group: '', version: apiVersion }
        : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}
class ClusterClient {
    kc;
    http = new isomorphic_fetch/* IsomorphicFetchHttpLibrary */.l();
    resources = new Map();
    groupVersionsLoaded = new Set();
    groupVersionsLoading = new Map();
    server;
    /** The server's origin, and the path it is served under (a proxy's prefix; usually empty). */
    origin;
    basePath;
    retry;
    timing;
    debug;
    /** Requests made and repeated, for tests and for counting the faults a run survived. */
    stats = { requests: 0, retries: 0 };
    constructor(kc, retry = {}, hooks = {}) {
        this.kc = kc;
        this.server = (kc.getCurrentCluster()?.server ?? '').replace(/\/+$/, '');
        ({ origin: this.origin, basePath: this.basePath } = splitServer(this.server));
        reuseConnections(kc);
        this.retry = { ...retry_policy/* DEFAULT_RETRY_POLICY */.cO, ...retry };
        this.timing = { ...retry_policy/* REAL_TIMING */.wR, ...hooks.timing };
        this.debug = hooks.debug ?? debugSinkFromEnv();
    }
    /** The path and query of a request, as a string: no URL object is built per request. */
    target(path, query = {}) {
        let search = '';
        for (const k in query) {
            const v = query[k];
            if (v !== undefined)
                search += `${search ? '&' : '?'}${encodeURIComponent(k)}=${encodeURIComponent(v)}`;
        }
        return { origin: this.origin, path: this.basePath + path + search };
    }
    async request(method, path, options = {}) {
        const target = this.target(path, options.query);
        const safe = options.idempotent ?? (0,transient_failure/* safeToRepeat */._r)(method, options.contentType, options.query);
        return this.withRetries(`${method} ${path}`, safe, options.signal, () => this.once(method, target, options), options.beforeRetry);
    }
    /** See `retrying`: `attempt` tried until it succeeds or the policy says stop. */
    withRetries(what, safe, signal, attempt, beforeRetry) {
        return retrying(this, what, safe, signal, attempt, beforeRetry);
    }
    /** The request's credentials (headers, the connection pool); its URL is the server's until it is sent. */
    async context(method, signal) {
        const ctx = new http/* RequestContext */.bb(this.origin, method);
        await this.authenticate(ctx);
        ctx.setHeaderParam('User-Agent', 'hook-sync');
        if (signal)
            ctx.setSignal(signal);
        this.stats.requests++;
        return ctx;
    }
    connectionFailure(err, timedOut) {
        const code = err.cause?.code;
        const detail = timedOut
            ? `no answer in ${this.retry.requestTimeoutMs / 1000} s`
            : ((0,api_error/* connectionProblem */.E3)(err, {
                server: this.server,
                cluster: this.kc.getCurrentCluster()?.name,
                context: this.kc.getCurrentContext(),
                user: this.kc.getCurrentUser()?.name,
            }) ?? `${err.message}${typeof code === 'string' ? ` (${code})` : ''}`);
        return new api_error/* KubeConnectionError */.CP(`cannot reach the Kubernetes API at ${this.server}: ${detail}`, err);
    }
    /** One try: the whole answer read within the request timeout. */
    async once(method, target, options) {
        // One controller per try, aborted by its timer or by the caller's signal. Not AbortSignal.timeout and
        // AbortSignal.any: those leave a weakly held signal per request on the operation's long-lived signal
        // for the garbage collector to sweep, thousands of them in a large sync.
        const controller = new AbortController();
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            controller.abort(new DOMException('the request timed out', 'TimeoutError'));
        }, this.retry.requestTimeoutMs);
        const cancel = () => controller.abort(options.signal?.reason);
        if (options.signal?.aborted)
            cancel();
        else
            options.signal?.addEventListener('abort', cancel, { once: true });
        try {
            return await this.exchangeOnce(method, target, options, controller.signal, () => timedOut);
        }
        finally {
            clearTimeout(timer);
            options.signal?.removeEventListener('abort', cancel);
        }
    }
    async exchangeOnce(method, target, options, signal, timedOut) {
        const ctx = await this.context(method, signal);
        ctx.setHeaderParam('Accept', 'application/json');
        if (options.body !== undefined) {
            ctx.setHeaderParam('Content-Type', options.contentType ?? 'application/json');
            ctx.setBody(typeof options.body === 'string' ? options.body : JSON.stringify(options.body));
        }
        let status;
        let text;
        let retryAfter;
        try {
            ({
                status,
                text,
                headers: { 'retry-after': retryAfter },
            } = await exchange(ctx, target, this.http));
        }
        catch (err) {
            if (options.signal?.aborted)
                throw err;
            throw this.connectionFailure(err, timedOut());
        }
        if (status < 400)
            return { status, body: (text ? JSON.parse(text) : undefined) };
        throw api_error/* KubeApiError */.W3.fromResponse(status, text, retryAfter);
    }
    /**
     * A long-running GET (a log stream) with this client's credentials: one try, no timeout. An answer of
     * 400 or more is thrown as a KubeApiError, a connection that fails as a KubeConnectionError.
     */
    async openStream(path, query, signal) {
        const { origin, path: pathAndQuery } = this.target(path, query);
        const ctx = await this.context('GET', signal);
        ctx.setUrl(origin + pathAndQuery);
        try {
            const response = await this.http.send(ctx).toPromise();
            if (response.httpStatusCode >= 400)
                throw api_error/* KubeApiError */.W3.fromResponse(response.httpStatusCode, await response.body.text(), response.headers['retry-after']);
            return response.body.stream();
        }
        catch (err) {
            if (err instanceof api_error/* KubeApiError */.W3 || signal?.aborted)
                throw err;
            throw this.connectionFailure(err, false);
        }
    }
    async authenticate(ctx) {
        try {
            await this.kc.applySecurityAuthentication(ctx);
        }
        catch (err) {
            throw authFailure(err);
        }
    }
    /** Kind → resource, from discovery, loaded once per group-version (again when a kind is not found). */
    async resourceFor(apiVersion, kind, refresh = false) {
        const key = `${apiVersion}/${kind}`;
        if (!refresh && this.resources.has(key))
            return this.resources.get(key);
        if (refresh || !this.groupVersionsLoaded.has(apiVersion))
            await this.loadGroupVersion(apiVersion, refresh);
        return this.resources.get(key);
    }
    /**
     * Discovery of several group-versions at once (a run's kinds, the lock's and the inventory's): one round
     * trip before the first read instead of one per group as each is met.
     */
    async discover(apiVersions) {
        await Promise.all([...new Set(apiVersions)]
            .filter((v) => !this.groupVersionsLoaded.has(v))
            .map((v) => this.loadGroupVersion(v, false)));
    }
    /** One discovery request per group-version, shared by everyone who asks while it is in flight. */
    loadGroupVersion(apiVersion, refresh) {
        const inFlight = this.groupVersionsLoading.get(apiVersion);
        if (inFlight && !refresh)
            return inFlight;
        const loading = this.fetchGroupVersion(apiVersion).finally(() => {
            if (this.groupVersionsLoading.get(apiVersion) === loading)
                this.groupVersionsLoading.delete(apiVersion);
        });
        this.groupVersionsLoading.set(apiVersion, loading);
        return loading;
    }
    async fetchGroupVersion(apiVersion) {
        const { group, version } = splitApiVersion(apiVersion);
        const path = groupVersionPath(group, version);
        try {
            const { body } = await this.request('GET', path);
            this.groupVersionsLoaded.add(apiVersion);
            for (const r of body.resources ?? []) {
                if (r.name.includes('/'))
                    continue;
                this.resources.set(`${apiVersion}/${r.kind}`, {
                    group,
                    version,
                    kind: r.kind,
                    plural: r.name,
                    namespaced: r.namespaced,
                });
            }
        }
        catch (err) {
            if (!(err instanceof api_error/* KubeApiError */.W3 && err.notFound))
                throw err;
        }
    }
    async requireResource(apiVersion, kind) {
        const info = (await this.resourceFor(apiVersion, kind)) ?? (await this.resourceFor(apiVersion, kind, true));
        if (!info)
            throw new api_error/* KubeApiError */.W3(404, 'NotFound', `the server does not serve kind "${kind}" in "${apiVersion}"`);
        return info;
    }
    collectionPath(info, namespace) {
        const base = groupVersionPath(info.group, info.version);
        return info.namespaced && namespace
            ? `${base}/namespaces/${encodeURIComponent(namespace)}/${encodeURIComponent(info.plural)}`
            : `${base}/${encodeURIComponent(info.plural)}`;
    }
    async objectPath(ref) {
        const info = await this.requireResource(ref.apiVersion, ref.kind);
        return `${this.collectionPath(info, ref.namespace)}/${encodeURIComponent(ref.name)}`;
    }
    async get(ref) {
        try {
            return (await this.request('GET', await this.objectPath(ref))).body;
        }
        catch (err) {
            if (err instanceof api_error/* KubeApiError */.W3 && err.notFound)
                return undefined;
            throw err;
        }
    }
    /**
     * Server-side apply as `hook-sync`, forcing conflicts (the manifests are the source of truth, as for Argo
     * CD). `beforeRetry`: before a repeat, what a try whose answer was lost did, if it can be found (on a
     * missing object an apply is a create: a hook's must not be repeated blindly).
     */
    async apply(obj, options = {}) {
        const { status, body } = await this.request('PATCH', await this.objectPath(refOf(obj)), {
            query: { ...writeQuery(options), force: true },
            body: obj,
            contentType: 'application/apply-patch+yaml',
            idempotent: true,
            beforeRetry: options.beforeRetry,
            signal: options.signal,
        });
        return { object: body, created: status === 201 };
    }
    /**
     * POST: the object must not exist. A named create is repeated only when the server did not act (a
     * repeat of one that went through would answer AlreadyExists). Under a generateName, the object gets a
     * token label, and before a repeat the collection is searched for it: the object of a create whose
     * answer was lost is found, not made twice.
     */
    async create(obj, options = {}) {
        const meta = (obj.metadata ?? {});
        const info = await this.requireResource(String(obj.apiVersion), String(obj.kind));
        const path = this.collectionPath(info, meta.namespace);
        const base = { query: writeQuery(options), signal: options.signal };
        if (options.dryRun || meta.name || !meta.generateName)
            return (await this.request('POST', path, { ...base, body: obj })).body;
        const token = (0,external_node_crypto_.randomBytes)(8).toString('hex');
        const labels = { ...(meta.labels ?? {}), [CREATE_TOKEN_LABEL]: token };
        const { body } = await this.request('POST', path, {
            ...base,
            body: { ...obj, metadata: { ...meta, labels } },
            idempotent: true,
            beforeRetry: async () => {
                const { items } = await this.list(info, meta.namespace, {
                    labelSelector: `${CREATE_TOKEN_LABEL}=${token}`,
                });
                return items[0] ? { status: 201, body: items[0] } : undefined;
            },
        });
        return body;
    }
    /** PUT: the object becomes exactly what is sent; fields other writers added are gone. */
    async replace(obj, options = {}) {
        const { body } = await this.request('PUT', await this.objectPath(refOf(obj)), {
            query: writeQuery(options),
            body: obj,
            idempotent: true,
            signal: options.signal,
        });
        return body;
    }
    /** A JSON merge patch (RFC 7386), as client-side apply sends it. */
    async mergePatch(ref, patch, options = {}) {
        const { body } = await this.request('PATCH', await this.objectPath(ref), {
            query: writeQuery(options),
            body: patch,
            contentType: 'application/merge-patch+json',
            idempotent: true,
            signal: options.signal,
        });
        return body;
    }
    /** A server-side dry run of creating the object under a generated name (for objects that will be replaced). */
    async dryRunCreate(obj, options = {}) {
        const meta = { ...(obj.metadata ?? {}) };
        meta.generateName = `${String(meta.name).slice(0, 40)}-`;
        delete meta.name;
        return this.create({ ...obj, metadata: meta }, { ...options, dryRun: true });
    }
    /** Deletes with Foreground propagation by default (a Job's pods go with it). NotFound is success. */
    async delete(ref, options = {}) {
        try {
            const { body } = await this.request('DELETE', await this.objectPath(ref), {
                body: {
                    kind: 'DeleteOptions',
                    apiVersion: 'v1',
                    propagationPolicy: options.propagationPolicy ?? 'Foreground',
                    ...(options.uid ? { preconditions: { uid: options.uid } } : {}),
                },
                signal: options.signal,
            });
            return body;
        }
        catch (err) {
            if (err instanceof api_error/* KubeApiError */.W3 && (err.notFound || (err.code === 409 && options.uid)))
                return undefined;
            throw err;
        }
    }
    async list(info, namespace, query = {}) {
        const { body } = await this.request('GET', this.collectionPath(info, namespace), { query });
        const items = (body.items ?? []).map((i) => ({
            apiVersion: info.group ? `${info.group}/${info.version}` : info.version,
            kind: info.kind,
            ...i,
        }));
        return { items, resourceVersion: body.metadata?.resourceVersion ?? '' };
    }
    /**
     * A watch stream with this client's credentials; objects arrive as plain JSON. `onDone` is called once,
     * when the stream ends (null: the server closed it) — not after the returned controller stopped it.
     */
    async watch(path, query, onEvent, onDone) {
        const ctx = await this.context('GET', undefined);
        const dispatcher = ctx.getDispatcher();
        // A client-node that builds no dispatcher of its own (see connection-reuse.ts): its own Watch.
        if (!isDispatcher(dispatcher))
            return new watch/* Watch */.o(this.kc).watch(path, query, (type, obj) => onEvent(type, obj), onDone);
        ctx.setHeaderParam('Accept', 'application/json');
        return openWatchStream({
            dispatcher,
            target: this.target(path, { watch: true, ...query }),
            headers: ctx.getHeaders(),
            onEvent: (event) => onEvent(event.type, event.object),
            onDone,
            idleTimeoutMs: WATCH_IDLE_TIMEOUT_MS,
        });
    }
}


/***/ }),

/***/ 3190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C2: () => (/* binding */ KubeconfigError),
  ZE: () => (/* binding */ findKubeconfig),
  hT: () => (/* binding */ kubeconfigSecrets),
  ne: () => (/* binding */ loadKubeconfigSource)
});

// UNUSED EXPORTS: decodeKubeconfig, loadKubeconfig

// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/config.js + 15 modules
var config = __webpack_require__(8311);
// EXTERNAL MODULE: ../../../node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(1813);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/cluster/kubeconfig-tls.ts


/** Why the TLS material of the current context is unusable, or undefined. */
function tlsMaterialProblem(kc) {
    const cluster = kc.getCurrentCluster();
    const user = kc.getCurrentUser();
    const context = kc.getCurrentContext();
    if (cluster && !cluster.skipTLSVerify) {
        const ca = material(cluster.caData, cluster.caFile, 'certificate-authority');
        if (ca.problem)
            return `cluster "${cluster.name}" (context "${context}"): ${ca.problem}`;
        if (ca.pem !== undefined && !certificate(ca.pem))
            return `cluster "${cluster.name}" (context "${context}"): its ${ca.field} is not a PEM certificate; it must be the cluster's CA certificate (base64-encoded in certificate-authority-data)`;
    }
    if (!user)
        return undefined;
    const cert = material(user.certData, user.certFile, 'client-certificate');
    const key = material(user.keyData, user.keyFile, 'client-key');
    const where = `user "${user.name}" (context "${context}")`;
    if (cert.problem)
        return `${where}: ${cert.problem}`;
    if (key.problem)
        return `${where}: ${key.problem}`;
    if (cert.pem === undefined && key.pem === undefined)
        return undefined;
    if (cert.pem === undefined || key.pem === undefined)
        return `${where}: it has a ${cert.pem === undefined ? 'client key but no client certificate' : 'client certificate but no client key'}; give both (client-certificate-data and client-key-data), or neither`;
    const x509 = certificate(cert.pem);
    if (!x509)
        return `${where}: its ${cert.field} is not a PEM certificate (base64-encoded in client-certificate-data)`;
    const privateKey = keyOf(key.pem);
    if (!privateKey)
        return `${where}: its ${key.field} is not a PEM private key (base64-encoded in client-key-data)`;
    if (!x509.checkPrivateKey(privateKey))
        return `${where}: its client certificate and client key do not belong together (the key is not the certificate's); take both from the same pair, as your cluster's login command wrote them`;
    return undefined;
}
/**
 * Why the current cluster's server address cannot be used, or undefined. `http://localhost:8080` is what
 * kubectl falls back to without a kubeconfig, so a kubeconfig that says it was most likely not meant.
 */
function serverAddressProblem(kc) {
    const cluster = kc.getCurrentCluster();
    if (!cluster)
        return undefined;
    const where = `cluster "${cluster.name}" (context "${kc.getCurrentContext()}")`;
    let url;
    try {
        url = new URL(cluster.server);
    }
    catch {
        url = new URL('invalid:');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return `${where}: its server "${cluster.server}" is not an address; write it as https://host:port, as your cluster's login command prints it`;
    if (url.protocol === 'http:' && !cluster.skipTLSVerify)
        return `${where}: its server ${cluster.server} is plain HTTP, which is refused unless the cluster entry sets insecure-skip-tls-verify: true${url.host === 'localhost:8080' ? " (localhost:8080 is kubectl's default when it has no kubeconfig: was the real one not written?)" : ''}; use the API server's https:// address`;
    return undefined;
}
/** The PEM text of an inline (`*-data`, base64) or file field, or why it cannot be read. */
function material(data, file, name) {
    // As the client reads them: a file wins over inline data.
    if (!file)
        return data
            ? { pem: Buffer.from(data, 'base64').toString('utf8'), field: `${name}-data` }
            : { field: name };
    try {
        return { pem: (0,external_node_fs_.readFileSync)(file, 'utf8'), field: `${name} file ${file}` };
    }
    catch (err) {
        const code = err.code;
        return {
            field: name,
            problem: `its ${name} file ${file} cannot be read (${code ?? 'error'}); check the path (relative paths are resolved from the kubeconfig's folder)`,
        };
    }
}
function certificate(pem) {
    try {
        return new external_node_crypto_.X509Certificate(pem);
    }
    catch {
        return undefined;
    }
}
function keyOf(pem) {
    try {
        return (0,external_node_crypto_.createPrivateKey)(pem);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/cluster/kubeconfig.ts
/**
 * Loading a kubeconfig (file or text, plain or base64) and choosing its context. Problems are the user's to
 * fix, so they say which context exists and which does not; nothing here ever prints a credential.
 */






class KubeconfigError extends Error {
    name = 'KubeconfigError';
}
/** Accepts kubeconfig YAML, or the same base64-encoded (as it is often stored in a CI secret). */
function decodeKubeconfig(text) {
    const trimmed = text.trim();
    if (/^[A-Za-z0-9+/=\s]+$/.test(trimmed) && !trimmed.includes(':')) {
        const decoded = Buffer.from(trimmed.replace(/\s+/g, ''), 'base64').toString('utf8');
        if (/apiVersion|clusters|contexts/.test(decoded))
            return decoded;
    }
    return text;
}
/**
 * The kubeconfig to use: given text, a given file, else `$KUBECONFIG` (its first existing file), else
 * `~/.kube/config` — where cluster login steps (kind, aws eks update-kubeconfig, azure/k8s-set-context,
 * get-gke-credentials) leave it.
 */
function findKubeconfig(given, env) {
    if (given.text?.trim())
        return { text: given.text, origin: given.textOrigin ?? 'the kubeconfig given' };
    const read = (file, origin) => {
        try {
            return { text: (0,external_node_fs_.readFileSync)(file, 'utf8'), file, origin };
        }
        catch (err) {
            throw new KubeconfigError(`cannot read the kubeconfig ${file}: ${err.message.split('\n')[0]}`);
        }
    };
    if (given.file)
        return read(given.file, given.file);
    const fromEnv = (env.KUBECONFIG ?? '')
        .split((external_node_path_default()).delimiter)
        .filter(Boolean)
        .find((f) => (0,external_node_fs_.existsSync)(f));
    if (fromEnv)
        return read(fromEnv, `$KUBECONFIG (${fromEnv})`);
    const home = external_node_path_default().join(env.HOME || (0,external_node_os_.homedir)(), '.kube', 'config');
    if ((0,external_node_fs_.existsSync)(home))
        return read(home, '~/.kube/config');
    throw new KubeconfigError(`no kubeconfig: none was given${env.KUBECONFIG ? `, $KUBECONFIG (${env.KUBECONFIG}) names no file that exists` : ', $KUBECONFIG is not set'} and ${home} does not exist; ${given.howToGive ?? 'pass --kubeconfig FILE, or log in to the cluster first (kubectl must work)'}`);
}
function loadKubeconfigSource(source, context) {
    return loadKubeconfig(source.file ? { file: source.file } : { text: source.text }, context);
}
function loadKubeconfig(source, context) {
    const kc = new config/* KubeConfig */.yp();
    try {
        if (source.text !== undefined) {
            const text = decodeKubeconfig(source.text);
            const parsed = (0,js_yaml/* load */.Hh)(text);
            if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed.clusters)) {
                throw new KubeconfigError('the kubeconfig is not valid: it has no "clusters" list');
            }
            kc.loadFromString(text);
        }
        else if (source.file)
            kc.loadFromFile(source.file);
        else
            kc.loadFromDefault();
    }
    catch (err) {
        if (err instanceof KubeconfigError)
            throw err;
        // The parser's message may quote the file; it never holds more than a line, and never the secrets' values.
        throw new KubeconfigError(`cannot read the kubeconfig${source.file ? ` ${source.file}` : ''}: ${err.message.split('\n')[0]}`);
    }
    if (context) {
        if (!kc.getContextObject(context)) {
            const known = kc.getContexts().map((c) => c.name);
            throw new KubeconfigError(`the kubeconfig has no context "${context}"; it has: ${known.join(', ') || '(none)'}`);
        }
        kc.setCurrentContext(context);
    }
    const cluster = kc.getCurrentCluster();
    if (!cluster) {
        throw new KubeconfigError(kc.getContexts().length === 0
            ? 'the kubeconfig has no contexts'
            : `the kubeconfig's current context "${kc.getCurrentContext()}" names no cluster; pass a context (${kc
                .getContexts()
                .map((c) => c.name)
                .join(', ')})`);
    }
    const tls = serverAddressProblem(kc) ?? tlsMaterialProblem(kc);
    if (tls)
        throw new KubeconfigError(`the kubeconfig cannot be used: ${tls}`);
    return { kc, context: kc.getCurrentContext(), server: cluster.server };
}
/**
 * Every credential in a kubeconfig (tokens, passwords, keys, certificates, exec env values), so they can be
 * masked in anything hook-sync writes (the action registers them with core.setSecret).
 */
function kubeconfigSecrets(text) {
    const out = new Set();
    let doc;
    try {
        doc = (0,js_yaml/* load */.Hh)(decodeKubeconfig(text));
    }
    catch {
        return [];
    }
    const users = doc?.users ?? [];
    const add = (v) => {
        if (typeof v === 'string' && v.length >= 4) {
            out.add(v);
            // Embedded data is base64; mask the decoded form too.
            if (/^[A-Za-z0-9+/=]{8,}$/.test(v)) {
                const decoded = Buffer.from(v, 'base64').toString('utf8');
                if (decoded.length >= 4 && !/[\uFFFD]/.test(decoded))
                    for (const line of decoded.split('\n'))
                        if (line.trim().length >= 8)
                            out.add(line.trim());
            }
        }
    };
    for (const { user } of users) {
        if (!user)
            continue;
        for (const key of ['token', 'password', 'client-key-data', 'client-certificate-data', 'username'])
            add(user[key]);
        const authProvider = user['auth-provider'];
        for (const v of Object.values(authProvider?.config ?? {}))
            add(v);
        const exec = user.exec;
        for (const e of exec?.env ?? [])
            add(e.value);
    }
    // A server address with credentials in it (https://user:password@host): printed wherever the server
    // is named (headers, connection errors), so its user part is a secret too, whole and its password.
    const clusters = doc?.clusters ?? [];
    for (const { cluster } of clusters) {
        const userinfo = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/@\s]+)@/i.exec(String(cluster?.server ?? ''))?.[1];
        if (!userinfo)
            continue;
        add(userinfo);
        const password = userinfo.slice(userinfo.indexOf(':') + 1);
        if (userinfo.includes(':'))
            add(password);
        try {
            add(decodeURIComponent(password));
        }
        catch {
            // not percent-encoded: masked as written above
        }
    }
    return [...out];
}


/***/ }),

/***/ 9410:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ ObjectWatcher)
/* harmony export */ });
/* harmony import */ var _retry_policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8747);

function meta(obj) {
    const m = (obj.metadata ?? {});
    return {
        name: String(m.name ?? ''),
        namespace: String(m.namespace ?? ''),
        resourceVersion: String(m.resourceVersion ?? ''),
        uid: String(m.uid ?? ''),
    };
}
const NUMERIC = /^\d+$/;
/**
 * a's resourceVersion compared with b's: negative when older. resourceVersions are opaque, but every API
 * server in use hands out integers; for any other, 0 (not known to be older, so taken).
 */
function compareVersions(a, b) {
    if (!NUMERIC.test(a) || !NUMERIC.test(b))
        return 0;
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
}
class ObjectWatcher {
    client;
    streams = new Map();
    /** Initial lists under way: a second caller waits for the first's, so no state is missed. */
    loading = new Map();
    objects = new Map();
    /** Uids reported deleted: no later list (a lagging cache) brings one back. uids are never reused. */
    tombstones = new Set();
    listeners = new Set();
    closed = false;
    closing = new AbortController();
    /** How many times streams were resumed or re-listed: faults the sync survived. */
    resumptions = { rewatch: 0, relist: 0 };
    /** States not reported because a newer one of the object already was. */
    staleDropped = { events: 0, listed: 0 };
    constructor(client) {
        this.client = client;
    }
    objectKey(group, kind, namespace, name) {
        return `${group}/${kind}|${namespace}|${name}`;
    }
    /** Starts watching a kind (in a namespace); resolves once the initial list is loaded. */
    async watch(info, namespace) {
        const key = `${info.group}/${info.version}/${info.plural}|${info.namespaced ? (namespace ?? '') : ''}`;
        if (this.streams.has(key))
            return this.loading.get(key);
        const stream = {
            info,
            namespace: info.namespaced ? namespace : undefined,
            resourceVersion: '',
            relist: true,
            failures: 0,
        };
        this.streams.set(key, stream);
        const loaded = this.relist(stream).then(() => this.startWatch(stream));
        this.loading.set(key, loaded);
        try {
            await loaded;
        }
        catch (err) {
            this.streams.delete(key); // a later call lists again
            throw err;
        }
        finally {
            this.loading.delete(key);
        }
    }
    get(group, kind, namespace, name) {
        return this.objects.get(this.objectKey(group, kind, namespace ?? '', name));
    }
    list(group, kind, namespace) {
        const prefix = `${group}/${kind}|`;
        const out = [];
        for (const [k, v] of this.objects)
            if (k.startsWith(prefix) && (namespace === undefined || meta(v).namespace === namespace))
                out.push(v);
        return out;
    }
    onChange(listener) {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }
    close() {
        this.closed = true;
        this.closing.abort();
        for (const s of this.streams.values())
            s.controller?.abort();
        this.listeners.clear();
    }
    emit(change) {
        for (const l of [...this.listeners])
            l(change);
    }
    keyOf(stream, obj) {
        const m = meta(obj);
        return this.objectKey(stream.info.group, stream.info.kind, m.namespace, m.name);
    }
    emitStored(stream, type, obj, finalUnknown = false) {
        const key = this.keyOf(stream, obj);
        if (type === 'DELETED') {
            this.objects.delete(key);
            this.tombstones.add(meta(obj).uid);
        }
        else
            this.objects.set(key, obj);
        this.emit({
            type,
            group: stream.info.group,
            kind: stream.info.kind,
            object: obj,
            ...(finalUnknown ? { finalUnknown } : {}),
        });
    }
    /**
     * A state from a stream or a list, against what was reported of that name: a newer state is reported
     * (when an object of another uid replaced the one known, that one's deletion first); an older or the
     * same one is not ('stale', 'same').
     */
    take(stream, type, obj) {
        const known = this.objects.get(this.keyOf(stream, obj));
        const m = meta(obj);
        if (type !== 'DELETED' && this.tombstones.has(m.uid))
            return 'stale';
        if (type === 'DELETED') {
            this.tombstones.add(m.uid);
            if (known && meta(known).uid !== m.uid) {
                // A late deletion of the name's previous object: that uid is gone, the current object stays.
                this.emit({ type, group: stream.info.group, kind: stream.info.kind, object: obj });
                return 'reported';
            }
            this.emitStored(stream, 'DELETED', obj);
            return 'reported';
        }
        if (known) {
            const k = meta(known);
            if (k.resourceVersion === m.resourceVersion && k.uid === m.uid)
                return 'same';
            if (compareVersions(m.resourceVersion, k.resourceVersion) < 0)
                return 'stale';
            if (k.uid !== m.uid) {
                // Deleted and created again unseen: two events, so the old uid is known gone.
                this.emitStored(stream, 'DELETED', known, true);
                this.emitStored(stream, 'ADDED', obj);
                return 'reported';
            }
        }
        this.emitStored(stream, known ? 'MODIFIED' : 'ADDED', obj);
        return 'reported';
    }
    async relist(stream) {
        const { items, resourceVersion } = await this.client.list(stream.info, stream.namespace);
        const { group, kind } = stream.info;
        const seen = new Set();
        for (const item of items) {
            seen.add(this.keyOf(stream, item));
            if (this.take(stream, 'ADDED', item) === 'stale')
                this.staleDropped.listed++;
        }
        for (const [key, obj] of [...this.objects]) {
            if (!key.startsWith(`${group}/${kind}|`) || seen.has(key))
                continue;
            if (stream.namespace !== undefined && meta(obj).namespace !== stream.namespace)
                continue;
            // Newer than the list (another stream brought it after the list was taken): the list cannot judge it.
            if (compareVersions(meta(obj).resourceVersion, resourceVersion) > 0)
                continue;
            this.emitStored(stream, 'DELETED', obj, true);
        }
        // A list served from a cache behind the stream must not move the stream back: it would replay.
        if (!stream.resourceVersion || compareVersions(resourceVersion, stream.resourceVersion) >= 0)
            stream.resourceVersion = resourceVersion;
        stream.relist = false;
    }
    startWatch(stream) {
        if (this.closed)
            return;
        const path = this.client.collectionPath(stream.info, stream.namespace);
        const apiVersion = stream.info.group
            ? `${stream.info.group}/${stream.info.version}`
            : stream.info.version;
        void this.client
            .watch(path, { resourceVersion: stream.resourceVersion, allowWatchBookmarks: true }, (type, obj) => {
            if (type === 'ERROR') {
                // 410 Gone: the version resumed from was compacted away; the stream ends and is listed again.
                if (obj.code === 410)
                    stream.relist = true;
                return;
            }
            // Bookmarks carry only a resourceVersion: where to resume from, nothing to report.
            const rv = meta(obj).resourceVersion;
            if (rv)
                stream.resourceVersion = rv;
            stream.failures = 0;
            if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED')
                if (this.take(stream, type, { apiVersion, kind: stream.info.kind, ...obj }) === 'stale')
                    this.staleDropped.events++;
        }, (err) => this.resume(stream, err))
            .then((c) => {
            stream.controller = c;
            if (this.closed)
                c.abort();
        })
            .catch((err) => this.resume(stream, err));
    }
    /**
     * The stream ended: watched again from the last version seen, or listed again after 410 Gone. A stream
     * the server closed is resumed at once; failures and streams that end with nothing in them back off
     * (capped lower for clean ends), so a server that is down is not hammered.
     */
    resume(stream, err) {
        if (this.closed)
            return;
        const status = err?.statusCode;
        if (status === 410)
            stream.relist = true;
        const failures = stream.failures++;
        const policy = err
            ? this.client.retry
            : { ...this.client.retry, maxDelayMs: Math.min(1000, this.client.retry.maxDelayMs) };
        const delay = failures === 0 && !err ? 0 : (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .backoffMs */ .jo)(failures + 1, policy, this.client.timing.random);
        const what = `${stream.info.plural}${stream.namespace ? ` in ${stream.namespace}` : ''}`;
        this.client.debug?.(`watch of ${what} ended${err ? ` (${status ? `HTTP ${status}` : err.message})` : ''}; ${stream.relist ? 'listing again' : `resuming from resourceVersion ${stream.resourceVersion}`}${delay ? ` in ${delay} ms` : ''}`);
        const restart = async () => {
            if (delay)
                await this.client.timing.sleep(delay, this.closing.signal);
            if (this.closed)
                return;
            if (stream.relist) {
                this.resumptions.relist++;
                await this.relist(stream);
            }
            else
                this.resumptions.rewatch++;
            this.startWatch(stream);
        };
        restart().catch((e) => this.resume(stream, e));
    }
}


/***/ }),

/***/ 8747:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DU: () => (/* binding */ withCleanupLimits),
/* harmony export */   cO: () => (/* binding */ DEFAULT_RETRY_POLICY),
/* harmony export */   gl: () => (/* binding */ currentRetryLimits),
/* harmony export */   jo: () => (/* binding */ backoffMs),
/* harmony export */   jy: () => (/* binding */ waitBeforeRetry),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   tE: () => (/* binding */ decideRetry),
/* harmony export */   wR: () => (/* binding */ REAL_TIMING),
/* harmony export */   zP: () => (/* binding */ withRetryLimits)
/* harmony export */ });
/* unused harmony export realSleep */
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6698);
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_async_hooks__WEBPACK_IMPORTED_MODULE_0__);
/**
 * How long to wait before a request is tried again: capped exponential back-off with jitter, at least
 * what the server's Retry-After asks, and never a wait past the operation's deadline or after its cancel.
 * The clock, the sleep and the randomness are injectable, so tests decide them instead of waiting.
 */

const DEFAULT_RETRY_POLICY = {
    attempts: 6,
    baseDelayMs: 200,
    maxDelayMs: 5000,
    maxRetryAfterMs: 30_000,
    requestTimeoutMs: 60_000,
};
function realSleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal?.aborted)
            return resolve();
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    });
}
const REAL_TIMING = { now: Date.now, sleep: realSleep, random: Math.random };
/**
 * Retry-After as RFC 9110 defines it: delay-seconds, or an HTTP-date. Milliseconds to wait from `now`;
 * undefined when absent or unreadable (then the back-off alone decides).
 */
function parseRetryAfter(value, now) {
    const text = value?.trim();
    if (!text)
        return undefined;
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    if (!/[a-z]/i.test(text))
        return undefined; // "-1", "1.5": neither form
    const at = Date.parse(text);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
/**
 * The back-off after the `failures`-th failure in a row: base·2^(failures-1), capped, then "equal jitter":
 * somewhere in its upper half, so clients that failed together do not come back together.
 */
function backoffMs(failures, policy, random) {
    const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
    return Math.round(exponential / 2 + random() * (exponential / 2));
}
const limitsScope = new node_async_hooks__WEBPACK_IMPORTED_MODULE_0__.AsyncLocalStorage();
/** Runs `fn` with every retry it causes (however deep) bounded by `limits`. */
function withRetryLimits(limits, fn) {
    return limitsScope.run(limits, fn);
}
/**
 * Clean-up that a cancel or the operation's timeout made necessary (deleting the running hooks, the final
 * bookkeeping) runs under limits of its own: the cancel it answers and the deadline that has passed must
 * not stop its retries — one 503 would leave a migration running — but a short deadline of its own keeps
 * a cancelled run ending within seconds.
 */
function withCleanupLimits(ms, fn) {
    return limitsScope.run({ deadline: Date.now() + ms }, fn);
}
function currentRetryLimits() {
    return limitsScope.getStore() ?? {};
}
/**
 * Whether to try again after the `failures`-th failure in a row, and after how long. `retryAfterMs` is
 * the server's request; `signal` the request's own cancel, besides the limits in scope.
 */
function decideRetry(failures, retryAfterMs, policy, timing, limits, signal) {
    if (signal?.aborted || limits.signal?.aborted)
        return { retry: false, why: 'cancelled' };
    if (failures >= policy.attempts)
        return { retry: false, why: `gave up after ${failures} attempts` };
    if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs)
        return {
            retry: false,
            why: `the server asked to wait ${Math.ceil(retryAfterMs / 1000)} s before trying again, longer than hook-sync waits (${policy.maxRetryAfterMs / 1000} s)`,
        };
    const delayMs = Math.max(retryAfterMs ?? 0, backoffMs(failures, policy, timing.random));
    if (limits.deadline !== undefined && timing.now() + delayMs > limits.deadline)
        return { retry: false, why: "the operation's timeout comes before the next attempt would" };
    return { retry: true, delayMs };
}
/** Sleeps unless cancelled; true when the sleep ran its course. */
async function waitBeforeRetry(delayMs, timing, limits, signal) {
    const signals = [signal, limits.signal].filter((s) => !!s);
    const combined = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    await timing.sleep(delayMs, combined);
    return !combined?.aborted;
}


/***/ }),

/***/ 5927:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RG: () => (/* binding */ transientFailure),
/* harmony export */   _r: () => (/* binding */ safeToRepeat)
/* harmony export */ });
/* unused harmony export errorCodes */
/* harmony import */ var _api_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3693);
/**
 * Which failures are worth another try, and which requests may be tried again after them. A request is
 * repeated only when repeating it cannot do what one try would not have done: reads, server-side apply,
 * merge patches, deletes, updates (a resourceVersion makes a repeat after a lost success answer 409, which
 * callers already handle by reading again), dry runs. Anything else is repeated only when the server
 * certainly did not act: it throttled us (429), said when to come back (Retry-After), or the connection
 * was never made.
 */

const RETRIED_STATUS = new Set([429, 500, 502, 503, 504]);
/** The connection was never made: nothing reached the server. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH']);
/** The connection broke: the request may or may not have been acted on. */
const BROKEN = new Set([
    'ECONNRESET',
    'EPIPE',
    'ECONNABORTED',
    'ETIMEDOUT',
    'UND_ERR_SOCKET',
    'UND_ERR_CLOSED',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'ERR_STREAM_PREMATURE_CLOSE',
]);
/** The error codes along an error's `cause` chain (undici wraps the socket's error in a TypeError). */
function errorCodes(err) {
    const codes = [];
    for (let e = err, depth = 0; e && depth < 5; depth++) {
        if (typeof e.code === 'string')
            codes.push(e.code);
        if (e.name === 'TimeoutError')
            codes.push('TimeoutError');
        if (e instanceof AggregateError)
            for (const inner of e.errors)
                if (typeof inner?.code === 'string')
                    codes.push(inner.code);
        e = e.cause;
    }
    return codes;
}
function messages(err) {
    const parts = [];
    for (let e = err, depth = 0; e && depth < 5; depth++) {
        if (typeof e.message === 'string')
            parts.push(e.message);
        e = e.cause;
    }
    return parts.join(': ');
}
/**
 * A 500 that says what is wrong with the request itself: server-side apply's schema check of a typed
 * patch ("failed to create typed patch object", a field the kind does not have or of the wrong type).
 * The same body gets the same answer: retrying only delays the refusal.
 */
function deterministic(err) {
    return err.code === 500 && /failed to create typed patch object/.test(err.message);
}
/** Undefined when trying again would not help (a 4xx, a bad certificate, an unknown host). */
function transientFailure(err) {
    if (err instanceof _api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeApiError */ .W3) {
        if (!RETRIED_STATUS.has(err.code) || deterministic(err))
            return undefined;
        return {
            reason: `${err.code} ${err.reason}`,
            notActedOn: err.code === 429 || err.retryAfter !== undefined,
            retryAfter: err.retryAfter,
        };
    }
    const source = err instanceof _api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeConnectionError */ .CP ? err.cause : err;
    const codes = errorCodes(source);
    const never = codes.find((c) => NEVER_CONNECTED.has(c));
    if (never)
        return { reason: `connection not made (${never})`, notActedOn: true };
    const broken = codes.find((c) => BROKEN.has(c) || c === 'TimeoutError');
    if (broken)
        return {
            reason: broken === 'TimeoutError' ? 'no answer in time' : `connection broken (${broken})`,
            notActedOn: false,
        };
    // Node's http module and some proxies say it in words only.
    if (/socket hang up|other side closed|terminated|premature close/i.test(messages(source)))
        return { reason: 'connection broken', notActedOn: false };
    return undefined;
}
/** May this request be sent again after a failure that may have been acted on? */
function safeToRepeat(method, contentType, query) {
    if (query?.dryRun === 'All')
        return true; // nothing is written
    switch (method) {
        case 'GET':
        case 'DELETE': // a repeat of a delete that went through answers 404, which deleting callers take as done
        case 'PUT': // an update: conditional (409 on a repeat) or the same whole object written again
            return true;
        case 'PATCH': // apply and merge patches set values; a JSON patch may add to a list twice
            return contentType !== 'application/json-patch+json';
        default:
            return false; // POST: a create that went through would be made twice (see ClusterClient.create)
    }
}


/***/ }),

/***/ 5627:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cs: () => (/* binding */ hasErrors),
/* harmony export */   j$: () => (/* binding */ formatLocation),
/* harmony export */   oC: () => (/* binding */ InvalidInputError),
/* harmony export */   xy: () => (/* binding */ formatDiagnostic)
/* harmony export */ });
/* unused harmony export describeObject */
/**
 * Problems found in the user's input. Every one says what is wrong, where (file:line and the object), and
 * what to do about it, so that a CI log line is enough to fix the manifest without reading our code.
 */
function formatLocation(source) {
    if (!source)
        return '';
    return source.column ? `${source.file}:${source.line}:${source.column}` : `${source.file}:${source.line}`;
}
function describeObject(ref) {
    return ref.namespace ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`;
}
/** `file:line: error: Kind ns/name: message. hint` — the shape compilers use, so editors can jump to it. */
function formatDiagnostic(d) {
    const where = formatLocation(d.source);
    const parts = [where ? `${where}: ${d.severity}:` : `${d.severity}:`];
    if (d.object)
        parts.push(`${describeObject(d.object)}:`);
    parts.push(d.message);
    let text = parts.join(' ');
    if (d.hint)
        text += ` (${d.hint})`;
    return text;
}
/** Raised when input is invalid: nothing has touched a cluster, and the CLI exits with code 2. */
class InvalidInputError extends Error {
    diagnostics;
    constructor(diagnostics) {
        const errors = diagnostics.filter((d) => d.severity === 'error');
        super(`${errors.length} error${errors.length === 1 ? '' : 's'} in the input:\n` +
            errors.map((d) => `  ${formatDiagnostic(d)}`).join('\n'));
        this.name = 'InvalidInputError';
        this.diagnostics = diagnostics;
    }
}
function hasErrors(diagnostics) {
    return diagnostics.some((d) => d.severity === 'error');
}


/***/ }),

/***/ 4696:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ previewPlan),
/* harmony export */   c: () => (/* binding */ changesJson)
/* harmony export */ });
/* harmony import */ var _cluster_api_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3693);
/* harmony import */ var _sync_preflight_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7882);
/* harmony import */ var _sync_task_applier_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5688);
/* harmony import */ var _object_diff_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9818);
/**
 * What a sync would change in the cluster, before it runs: each resource's server-side dry run compared
 * with its live object (created / changed, field by field / unchanged). Nothing is written. Hooks run on
 * every sync, so they are listed as runs, not diffed.
 */




async function previewTask(client, t, createdNamespaces) {
    if (t.hook)
        return { change: 'run' };
    if (!(await client.resourceFor(t.apiVersion, t.kind)))
        return { change: 'unknown', message: `kind ${t.kind} is not served yet (its CRD comes with this sync)` };
    if (t.namespace && createdNamespaces.has(t.namespace))
        return { change: 'create' };
    try {
        const live = await client.get((0,_sync_task_applier_js__WEBPACK_IMPORTED_MODULE_2__/* .refOf */ .H8)(t));
        const after = await (0,_sync_task_applier_js__WEBPACK_IMPORTED_MODULE_2__/* .dryRunWrite */ .QE)(client, t, false);
        if (!live)
            return { change: 'create' };
        const fields = (0,_object_diff_js__WEBPACK_IMPORTED_MODULE_3__/* .diffObjects */ .w)(live, after);
        return fields.length ? { change: 'update', fields } : { change: 'unchanged' };
    }
    catch (err) {
        if (err instanceof _cluster_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeApiError */ .W3 && (err.code === 401 || err.code === 403))
            throw err;
        return { change: 'refused', message: err.message };
    }
}
/** Every task's preview, in plan order. */
async function previewPlan(plan, client, options = {}) {
    const concurrency = options.concurrency ?? 8;
    const createdNamespaces = new Set();
    // create-namespace: the sync would create the app's namespace first, so what goes in it is all new.
    if (options.createNamespace &&
        !(await client.get({ apiVersion: 'v1', kind: 'Namespace', name: plan.namespace })))
        createdNamespaces.add(plan.namespace);
    for (const t of plan.tasks)
        if (t.group === '' &&
            t.kind === 'Namespace' &&
            !(await client.get({ apiVersion: 'v1', kind: 'Namespace', name: t.name })))
            createdNamespaces.add(t.name);
    const previews = new Map();
    await (0,_sync_preflight_js__WEBPACK_IMPORTED_MODULE_1__/* .inBatches */ .oq)(plan.tasks, concurrency, async (t) => {
        previews.set(t, await previewTask(client, t, createdNamespaces));
    });
    return plan.tasks.map((task) => ({ task, preview: previews.get(task) }));
}
/** The previews as the result documents carry them (`changes`), one entry per task. */
function changesJson(previews) {
    return previews.map((p) => ({
        kind: p.task.kind,
        namespace: p.task.namespace,
        name: p.task.name,
        phase: p.task.phase,
        ...p.preview,
    }));
}


/***/ }),

/***/ 9818:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ formatChange),
/* harmony export */   w: () => (/* binding */ diffObjects)
/* harmony export */ });
const SERVER_METADATA = [
    'managedFields',
    'resourceVersion',
    'generation',
    'uid',
    'creationTimestamp',
    'selfLink',
];
const SERVER_ANNOTATIONS = [
    'kubectl.kubernetes.io/last-applied-configuration',
    'deployment.kubernetes.io/revision',
];
const MAX_VALUE = 80;
function isMap(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** The object without what the server writes by itself. */
function comparable(obj) {
    const copy = structuredClone(obj);
    delete copy.status;
    const meta = (copy.metadata ?? {});
    for (const k of SERVER_METADATA)
        delete meta[k];
    const annotations = meta.annotations;
    if (annotations) {
        for (const k of SERVER_ANNOTATIONS)
            delete annotations[k];
        if (Object.keys(annotations).length === 0)
            delete meta.annotations;
    }
    return copy;
}
function key(path, k) {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? (path ? `${path}.${k}` : k) : `${path}[${JSON.stringify(k)}]`;
}
function render(v) {
    const text = JSON.stringify(v) ?? 'null';
    return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}
/** A Secret's `data` and `stringData`: whether they change, never what to. */
function hidden(kind, path) {
    return kind === 'Secret' && /^(data|stringData)([.[]|$)/.test(path);
}
function walk(kind, path, before, after, out) {
    if (JSON.stringify(before) === JSON.stringify(after))
        return;
    if (isMap(before) && isMap(after)) {
        for (const k of new Set([...Object.keys(before), ...Object.keys(after)]))
            walk(kind, key(path, k), before[k], after[k], out);
        return;
    }
    if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
        before.forEach((b, i) => walk(kind, `${path}[${i}]`, b, after[i], out));
        return;
    }
    const op = before === undefined ? 'add' : after === undefined ? 'remove' : 'change';
    const show = !hidden(kind, path);
    out.push({
        path,
        op,
        ...(show && before !== undefined ? { before: render(before) } : {}),
        ...(show && after !== undefined ? { after: render(after) } : {}),
    });
}
/** Field changes from `live` to `dryRun` (the object as the write would leave it); empty when unchanged. */
function diffObjects(live, dryRun) {
    const out = [];
    walk(String(dryRun.kind ?? live.kind ?? ''), '', comparable(live), comparable(dryRun), out);
    return out;
}
/** `~ spec.replicas: 2 → 3`, `+ data.b: "x"`, `- metadata.labels.old`; a Secret's values as `(hidden)`. */
function formatChange(c) {
    const sign = c.op === 'add' ? '+' : c.op === 'remove' ? '-' : '~';
    if (c.op === 'add')
        return `${sign} ${c.path}: ${c.after ?? '(hidden)'}`;
    if (c.op === 'remove')
        return `${sign} ${c.path}`;
    return `${sign} ${c.path}: ${c.before ?? '(hidden)'} → ${c.after ?? '(hidden)'}`;
}


/***/ }),

/***/ 575:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   fU: () => (/* binding */ checkDuration)
/* harmony export */ });
/* unused harmony export MAX_DURATION_MS */
/** Durations as users write them in inputs and annotations: `90s`, `10m`, `1h30m`, `500ms`, or seconds. */
const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** Milliseconds, or undefined when the text is not a duration. */
function parseDuration(text) {
    const trimmed = text.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Math.round(Number(trimmed) * 1000);
    const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
    if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed)
        return undefined;
    return Math.round(parts.reduce((total, p) => total + Number(p[1]) * UNITS[p[2]], 0));
}
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    const s = Math.round(ms / 1000);
    if (s < 60)
        return `${s}s`;
    const m = Math.floor(s / 60);
    if (m < 60)
        return s % 60 ? `${m}m${s % 60}s` : `${m}m`;
    const h = Math.floor(m / 60);
    return m % 60 ? `${h}h${m % 60}m` : `${h}h`;
}
/**
 * The longest duration hook-sync accepts anywhere (`--timeout`, `hook-sync.io/timeout`, …): a day. A
 * GitHub-hosted job stops after 6 h, and Node's timers overflow (firing at once) past 24.8 days.
 */
const MAX_DURATION_MS = 24 * 3_600_000;
/** Milliseconds, or why `text` is not a duration within the limits (for "<what> <problem>" messages). */
function checkDuration(text, limits = {}) {
    const { minMs = 1, maxMs = MAX_DURATION_MS } = limits;
    const ms = parseDuration(text);
    if (ms === undefined) {
        const negative = /^-/.test(text.trim()) && parseDuration(text.trim().slice(1)) !== undefined;
        return {
            problem: negative
                ? `must not be negative, found "${text}"`
                : `must be a duration such as "90s", "5m" or "1h30m", found "${text}"`,
        };
    }
    if (ms < minMs)
        return {
            problem: minMs <= 1
                ? `must be longer than 0, found "${text}"`
                : `must be at least ${formatDuration(minMs)}, found "${text}"`,
        };
    if (ms > maxMs)
        return { problem: `must be at most ${formatDuration(maxMs)}, found "${text}"` };
    return { ms };
}


/***/ }),

/***/ 3406:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $o: () => (/* binding */ degraded),
/* harmony export */   IU: () => (/* binding */ suspended),
/* harmony export */   L5: () => (/* binding */ unknown),
/* harmony export */   OP: () => (/* binding */ progressing),
/* harmony export */   s2: () => (/* binding */ healthy)
/* harmony export */ });
/* unused harmony export isWorse */
/** Worst first, as Argo CD aggregates application health. */
const SEVERITY = (/* unused pure expression or super */ null && ([
    'Healthy',
    'Suspended',
    'Progressing',
    'Missing',
    'Degraded',
    'Unknown',
]));
function isWorse(a, b) {
    return SEVERITY.indexOf(a) > SEVERITY.indexOf(b);
}
function healthy(message = '') {
    return { status: 'Healthy', message };
}
function progressing(message, reason) {
    return { status: 'Progressing', message, ...(reason ? { reason } : {}) };
}
function degraded(message, reason) {
    return { status: 'Degraded', message, ...(reason ? { reason } : {}) };
}
function suspended(message, reason) {
    return { status: 'Suspended', message, ...(reason ? { reason } : {}) };
}
function unknown(message) {
    return { status: 'Unknown', message };
}


/***/ }),

/***/ 3458:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ outcomeFromTraces),
/* harmony export */   O: () => (/* binding */ hookOutcome)
/* harmony export */ });
/* harmony import */ var _resource_health_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5540);
/* harmony import */ var _object_fields_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1893);


function fromHealth(h) {
    switch (h.status) {
        case 'Healthy':
            return { state: 'Succeeded', message: h.message };
        case 'Degraded':
        case 'Unknown':
            // Unknown fails a hook (a resource would wait): a hook that cannot be judged must not pass.
            return { state: 'Failed', message: h.message, ...(h.reason ? { reason: h.reason } : {}) };
        default:
            return { state: 'Running', message: h.message, ...(h.reason ? { reason: h.reason } : {}) };
    }
}
function hookOutcome(obj) {
    const health = (0,_resource_health_js__WEBPACK_IMPORTED_MODULE_0__/* .assessHealth */ .X)(obj, { hook: true });
    if (!health)
        return { state: 'Succeeded', message: `${(0,_object_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(obj, 'kind')}/${(0,_object_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(obj, 'metadata.name')} created` };
    return fromHealth(health);
}
/**
 * A hook deleted while the watch was interrupted (its final state never seen): its outcome from what else
 * was seen — a Job's Completed, BackoffLimitExceeded or DeadlineExceeded event, or enough of its pods
 * Succeeded; a Pod's own end. Undefined when none of it tells.
 */
function outcomeFromTraces(obj, events, pods) {
    const kind = (0,_object_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(obj, 'kind');
    if (kind === 'Pod') {
        const phase = (0,_object_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(obj, 'status.phase');
        return phase === 'Succeeded' || phase === 'Failed' ? hookOutcome(obj) : undefined;
    }
    if (kind !== 'Job')
        return undefined;
    const failed = events.find((e) => ['BackoffLimitExceeded', 'DeadlineExceeded'].includes((0,_object_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(e, 'reason')));
    if (failed)
        return {
            state: 'Failed',
            message: (0,_object_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(failed, 'message') || (0,_object_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(failed, 'reason'),
            reason: (0,_object_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(failed, 'reason'),
        };
    if (events.some((e) => (0,_object_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(e, 'reason') === 'Completed'))
        return { state: 'Succeeded', message: 'Job completed (seen in its events)' };
    const completions = Number(obj.spec?.completions ?? 1);
    const succeeded = pods.filter((p) => (0,_object_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(p, 'status.phase') === 'Succeeded').length;
    if (succeeded >= completions)
        return {
            state: 'Succeeded',
            message: `${succeeded} of ${completions} pods succeeded (seen in its pods)`,
        };
    return undefined;
}


/***/ }),

/***/ 8792:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  L: () => (/* binding */ judgeHook),
  e: () => (/* binding */ judgeResource)
});

// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(575);
// EXTERNAL MODULE: ./src/hooks/hook-sync-annotations.ts
var hook_sync_annotations = __webpack_require__(2590);
// EXTERNAL MODULE: ./src/health/object-fields.ts
var object_fields = __webpack_require__(1893);
;// CONCATENATED MODULE: ./src/health/fail-fast.ts
/**
 * Fail-fast diagnosis: hooks and workloads that can never finish without someone changing something
 * (an image that cannot be pulled, a ConfigMap that does not exist, a pod no node can take, pods a Job's
 * controller is not allowed to create, a container that keeps crashing) are failed after a grace period,
 * with the reason in the message, instead of hanging until a timeout. Argo CD waits forever here.
 *
 * Pure: the caller passes the pods, the events and the current time; "since when" comes from event and
 * condition timestamps, or from the caller's own first sighting when those are missing.
 */



const DEFAULT_GRACE = {
    imagePull: 60_000,
    invalidImage: 0,
    containerConfig: 30_000,
    mount: 60_000,
    unschedulable: 60_000,
    failedCreate: 30_000,
    crashLoop: 60_000,
};
/** Grace periods for an object: defaults, overridden by options, overridden by its annotation. */
function gracePeriodsFor(obj, overrides = {}) {
    const annotation = (0,object_fields/* field */.ZZ)(obj, `metadata.annotations`);
    const raw = annotation?.[hook_sync_annotations/* FAIL_FAST_ANNOTATION */.GA];
    const merged = { ...DEFAULT_GRACE, ...overrides };
    if (typeof raw !== 'string')
        return merged;
    if (raw.trim() === 'off')
        return 'off';
    const ms = (0,duration/* parseDuration */.E9)(raw);
    if (ms === undefined)
        return merged;
    return Object.fromEntries(Object.keys(merged).map((k) => [k, k === 'invalidImage' ? 0 : ms]));
}
function time(value) {
    if (typeof value !== 'string' || !value)
        return undefined;
    const t = Date.parse(value);
    return Number.isNaN(t) ? undefined : t;
}
function eventsAbout(events, uid, match) {
    return events.filter((e) => typeof e === 'object' && e !== null && (0,object_fields/* field */.ZZ)(e, 'involvedObject.uid') === uid && match(e));
}
function earliest(...times) {
    const known = times.filter((t) => t !== undefined);
    return known.length ? Math.min(...known) : undefined;
}
function firstEventTime(events) {
    return earliest(...events.map((e) => time(e.firstTimestamp) ??
        time(e.eventTime) ??
        time(e.lastTimestamp) ??
        time((0,object_fields/* field */.ZZ)(e, 'metadata.creationTimestamp'))));
}
function podProblems(pod, input, grace, workload) {
    const problems = [];
    const uid = (0,object_fields/* str */.gx)(pod, 'metadata.uid');
    const podName = (0,object_fields/* str */.gx)(pod, 'metadata.name');
    const podCreated = time((0,object_fields/* field */.ZZ)(pod, 'metadata.creationTimestamp')) ?? input.now;
    const seen = (key) => input.firstSeen?.(`${uid}/${key}`);
    const scheduled = (0,object_fields/* list */.p_)(pod, 'status.conditions').find((c) => c.type === 'PodScheduled');
    if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') {
        const events = eventsAbout(input.events, uid, (e) => e.reason === 'FailedScheduling');
        problems.push({
            reason: 'Unschedulable',
            message: `pod ${podName} cannot be scheduled: ${String(scheduled.message ?? 'no node fits it')}`,
            since: earliest(time(scheduled.lastTransitionTime), firstEventTime(events), seen('Unschedulable')) ??
                podCreated,
            grace: grace.unschedulable,
        });
    }
    for (const c of [...(0,object_fields/* list */.p_)(pod, 'status.initContainerStatuses'), ...(0,object_fields/* list */.p_)(pod, 'status.containerStatuses')]) {
        const name = String(c.name);
        const waiting = c.state?.waiting;
        const reason = String(waiting?.reason ?? '');
        const detail = String(waiting?.message ?? '');
        if (reason === 'ErrImagePull' || reason === 'ImagePullBackOff') {
            const events = eventsAbout(input.events, uid, (e) => (e.reason === 'Failed' || e.reason === 'BackOff') && /pull/i.test(String(e.message)));
            const pullError = events.find((e) => String(e.message).startsWith('Failed to pull image'));
            problems.push({
                reason,
                message: `container "${name}" cannot pull image "${String(c.image)}": ${pullError ? String(pullError.message).replace(/^Failed to pull image "[^"]*": /, '') : detail || reason}`,
                since: earliest(firstEventTime(events), seen(`${name}/ImagePull`)) ?? input.now,
                grace: grace.imagePull,
            });
        }
        else if (reason === 'InvalidImageName') {
            problems.push({
                reason,
                message: `container "${name}" has an invalid image name "${String(c.image)}": ${detail}`,
                since: seen(`${name}/${reason}`) ?? input.now,
                grace: grace.invalidImage,
            });
        }
        else if (reason === 'CreateContainerConfigError') {
            const events = eventsAbout(input.events, uid, (e) => e.reason === 'Failed' && String(e.message).startsWith('Error:'));
            problems.push({
                reason,
                message: `container "${name}" cannot start: ${detail || 'its configuration references something missing'}`,
                since: earliest(firstEventTime(events), seen(`${name}/${reason}`)) ?? input.now,
                grace: grace.containerConfig,
            });
        }
        else if (workload && reason === 'CrashLoopBackOff') {
            const events = eventsAbout(input.events, uid, (e) => e.reason === 'BackOff' && String(e.message).startsWith('Back-off restarting'));
            const last = c.lastState?.terminated;
            const why = last
                ? last.message
                    ? String(last.message)
                    : last.reason === 'OOMKilled'
                        ? 'OOMKilled'
                        : `exit code ${String(last.exitCode)}`
                : 'it keeps exiting';
            problems.push({
                reason,
                message: `container "${name}" of pod ${podName} is crash-looping (${String(c.restartCount ?? 0)} restarts, last: ${why})`,
                since: earliest(firstEventTime(events), seen(`${name}/${reason}`), time(last?.finishedAt)) ?? input.now,
                grace: grace.crashLoop,
            });
        }
    }
    const mounts = eventsAbout(input.events, uid, (e) => e.reason === 'FailedMount');
    const started = [...(0,object_fields/* list */.p_)(pod, 'status.containerStatuses')].some((c) => c.state?.running || c.state?.terminated);
    if (mounts.length && !started) {
        const last = mounts[mounts.length - 1];
        problems.push({
            reason: 'FailedMount',
            message: `pod ${podName}: ${String(last.message)}`,
            since: firstEventTime(mounts) ?? input.now,
            grace: grace.mount,
        });
    }
    return problems;
}
function ownerProblems(obj, input, grace) {
    const uid = (0,object_fields/* str */.gx)(obj, 'metadata.uid');
    const refused = eventsAbout(input.events, uid, (e) => e.reason === 'FailedCreate');
    if (!refused.length)
        return [];
    const last = refused[refused.length - 1];
    return [
        {
            reason: 'FailedCreate',
            message: `${(0,object_fields/* str */.gx)(obj, 'kind')} ${(0,object_fields/* str */.gx)(obj, 'metadata.name')} cannot create pods: ${String(last.message)}`,
            since: firstEventTime(refused) ?? input.now,
            grace: grace.failedCreate,
        },
    ];
}
function diagnose(input) {
    const grace = gracePeriodsFor(input.object, input.grace);
    if (grace === 'off')
        return { pending: [] };
    const kind = (0,object_fields/* str */.gx)(input.object, 'kind');
    const workload = kind !== 'Job' && kind !== 'Pod' && kind !== 'Workflow';
    const problems = [
        ...ownerProblems(input.object, input, grace),
        ...input.pods
            .filter((p) => !(0,object_fields/* field */.ZZ)(p, 'metadata.deletionTimestamp'))
            .flatMap((p) => podProblems(p, input, grace, workload)),
    ];
    const pending = [];
    let failed;
    for (const p of problems.sort((a, b) => a.since + a.grace - (b.since + b.grace))) {
        const failsAt = p.since + p.grace;
        const d = { reason: p.reason, message: p.message, since: p.since };
        if (input.now >= failsAt)
            failed ??= {
                ...d,
                message: `${p.message} (for ${(0,duration/* formatDuration */.a3)(input.now - p.since)}; hook-sync fails this after ${(0,duration/* formatDuration */.a3)(p.grace)})`,
            };
        else
            pending.push({ ...d, failsAt });
    }
    return failed ? { failed, pending } : { pending };
}

// EXTERNAL MODULE: ./src/health/health.ts
var health_health = __webpack_require__(3406);
// EXTERNAL MODULE: ./src/health/hook-outcome.ts
var hook_outcome = __webpack_require__(3458);
// EXTERNAL MODULE: ./src/health/resource-health.ts + 11 modules
var resource_health = __webpack_require__(5540);
;// CONCATENATED MODULE: ./src/health/judge.ts
/**
 * Judgements with context: a resource's or hook's own status, made sharper by its pods and events (the
 * fail-fast diagnosis). This is what the sync engine asks and what `hook-sync health` prints.
 */




function judgeResource(obj, seen) {
    const health = (0,resource_health/* assessHealth */.X)(obj);
    if (!seen || !health || health.status === 'Healthy' || health.status === 'Degraded')
        return { health, diagnosis: { pending: [] } };
    const diagnosis = diagnose({ object: obj, ...seen });
    if (diagnosis.failed)
        return { health: (0,health_health/* degraded */.$o)(diagnosis.failed.message, diagnosis.failed.reason), diagnosis };
    return { health, diagnosis };
}
function judgeHook(obj, seen) {
    const outcome = (0,hook_outcome/* hookOutcome */.O)(obj);
    if (!seen || outcome.state !== 'Running')
        return { outcome, diagnosis: { pending: [] } };
    const diagnosis = diagnose({ object: obj, ...seen });
    if (diagnosis.failed)
        return {
            outcome: { state: 'Failed', message: diagnosis.failed.message, reason: diagnosis.failed.reason },
            diagnosis,
        };
    return { outcome, diagnosis };
}


/***/ }),

/***/ 1893:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vb: () => (/* binding */ nameOf),
/* harmony export */   ZZ: () => (/* binding */ field),
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   jA: () => (/* binding */ conditions),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   uH: () => (/* binding */ condition),
/* harmony export */   wq: () => (/* binding */ groupOfObject)
/* harmony export */ });
/* harmony import */ var _json_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(267);
/** Typed reads of the few fields health checks look at, from objects kept as plain JSON. */

const field = _json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .fieldAt */ .U;
function num(obj, path, fallback = 0) {
    const v = field(obj, path);
    return typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : fallback;
}
function str(obj, path) {
    const v = field(obj, path);
    return typeof v === 'string' ? v : '';
}
function list(obj, path) {
    const v = field(obj, path);
    return Array.isArray(v) ? v.filter((x) => typeof x === 'object' && x !== null) : [];
}
function conditions(obj) {
    return list(obj, 'status.conditions').map((c) => ({
        type: String(c.type ?? ''),
        status: String(c.status ?? ''),
        reason: String(c.reason ?? ''),
        message: String(c.message ?? ''),
        lastTransitionTime: String(c.lastTransitionTime ?? ''),
    }));
}
function condition(obj, type) {
    return conditions(obj).find((c) => c.type === type);
}
function nameOf(obj) {
    return str(obj, 'metadata.name');
}
function groupOfObject(obj) {
    const apiVersion = str(obj, 'apiVersion');
    const slash = apiVersion.indexOf('/');
    return slash < 0 ? '' : apiVersion.slice(0, slash);
}


/***/ }),

/***/ 4524:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ podsOf)
/* harmony export */ });
/* unused harmony export currentReplicaSet */
/* harmony import */ var _object_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1893);
/**
 * Which pods speak for a hook or workload, among objects at hand (a `kubectl get -o yaml` dump, a watch
 * cache): only those of its current revision. A Deployment fixed after a failed rollout still owns the old
 * ReplicaSet's broken pods for a while; judging by them would fail the fix with the old failure's reason.
 */

const DEPLOYMENT_REVISION = 'deployment.kubernetes.io/revision';
const REVISION_HASH_LABEL = 'controller-revision-hash';
function owners(obj) {
    const refs = (0,_object_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(obj, 'metadata.ownerReferences');
    return Array.isArray(refs) ? refs.map((r) => String(r.uid)) : [];
}
function ownedBy(uid) {
    return (o) => owners(o).includes(uid);
}
/** The controller has seen the latest spec; before that, which revision is current is not known. */
function generationObserved(obj) {
    const generation = Number((0,_object_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(obj, 'metadata.generation') ?? 0);
    const observed = (0,_object_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(obj, 'status.observedGeneration');
    return observed !== undefined && Number(observed) >= generation;
}
/** Annotation and label keys hold dots, so they are read by key, not by a dotted path. */
function keyOf(obj, map, key) {
    const values = (0,_object_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(obj, `metadata.${map}`);
    const value = values?.[key];
    return typeof value === 'string' ? value : undefined;
}
function revisionOf(rs) {
    return Number(keyOf(rs, 'annotations', DEPLOYMENT_REVISION) ?? 0);
}
/** The Deployment's current ReplicaSet: the one its revision annotation names (the newest, lacking one). */
function currentReplicaSet(deployment, objects) {
    if (!generationObserved(deployment))
        return undefined;
    const replicaSets = objects.filter((o) => (0,_object_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(o, 'kind') === 'ReplicaSet' && ownedBy((0,_object_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(deployment, 'metadata.uid'))(o));
    const wanted = keyOf(deployment, 'annotations', DEPLOYMENT_REVISION);
    if (wanted !== undefined)
        return replicaSets.find((rs) => revisionOf(rs) === Number(wanted));
    return replicaSets.sort((a, b) => revisionOf(b) - revisionOf(a))[0];
}
/** What a pod copies from its template unchanged: a fix to any of it is a new revision. */
function containerImages(containers) {
    return Array.isArray(containers)
        ? JSON.stringify(containers.map((c) => [c.name, c.image, c.command, c.args, c.env, c.envFrom, c.volumeMounts]))
        : '';
}
/**
 * A DaemonSet's status names no revision: a pod is current when its containers are the template's (name,
 * image, command, args, env, envFrom, mounts). Admission that rewrites these (an image-digest webhook)
 * leaves no pod current, and fail-fast then waits instead of failing early.
 */
function runsTemplate(pod, template) {
    return (containerImages((0,_object_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(pod, 'spec.containers')) === containerImages((0,_object_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(template, 'spec.containers')) &&
        containerImages((0,_object_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(pod, 'spec.initContainers')) ===
            containerImages((0,_object_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(template, 'spec.initContainers')));
}
/** Pods of the current revision of a Job, Pod, ReplicaSet, StatefulSet, DaemonSet or Deployment. */
function podsOf(obj, objects) {
    const kind = (0,_object_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(obj, 'kind');
    const uid = (0,_object_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(obj, 'metadata.uid');
    const namespace = (0,_object_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(obj, 'metadata.namespace');
    if (kind === 'Pod')
        return [obj];
    const pods = objects.filter((o) => (0,_object_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(o, 'kind') === 'Pod' && (0,_object_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(o, 'metadata.namespace') === namespace);
    switch (kind) {
        case 'Deployment': {
            const rs = currentReplicaSet(obj, objects);
            return rs ? pods.filter(ownedBy((0,_object_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(rs, 'metadata.uid'))) : [];
        }
        case 'StatefulSet': {
            const revision = (0,_object_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(obj, 'status.updateRevision');
            if (!generationObserved(obj) || !revision)
                return [];
            return pods.filter((p) => ownedBy(uid)(p) && keyOf(p, 'labels', REVISION_HASH_LABEL) === revision);
        }
        case 'DaemonSet':
            if (!generationObserved(obj))
                return [];
            return pods.filter((p) => ownedBy(uid)(p) && runsTemplate(p, (0,_object_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(obj, 'spec.template')));
        default:
            // Job, ReplicaSet, Argo Workflow: the pods it owns, by uid (a selector could match another's pods).
            return pods.filter(ownedBy(uid));
    }
}


/***/ }),

/***/ 5540:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  X: () => (/* binding */ assessHealth)
});

// UNUSED EXPORTS: hasHealthCheck

// EXTERNAL MODULE: ./src/health/health.ts
var health = __webpack_require__(3406);
// EXTERNAL MODULE: ./src/health/object-fields.ts
var object_fields = __webpack_require__(1893);
;// CONCATENATED MODULE: ./src/health/checks/api-extensions.ts
/** Health of the kinds that extend the API: CustomResourceDefinitions and APIServices. */


function customResourceDefinitionHealth(obj) {
    if ((0,object_fields/* field */.ZZ)(obj, 'metadata.deletionTimestamp'))
        return (0,health/* progressing */.OP)('CRD is terminating');
    if ((0,object_fields/* conditions */.jA)(obj).length === 0)
        return (0,health/* progressing */.OP)('Status conditions not found');
    const names = (0,object_fields/* condition */.uH)(obj, 'NamesAccepted');
    if (names?.status === 'False')
        return (0,health/* degraded */.$o)(names.message || 'CRD names were not accepted', names.reason || 'NamesNotAccepted');
    const nonStructural = (0,object_fields/* condition */.uH)(obj, 'NonStructuralSchema');
    if (nonStructural?.status === 'True')
        return (0,health/* degraded */.$o)(nonStructural.message || 'the CRD schema is not structural', 'NonStructuralSchema');
    const established = (0,object_fields/* condition */.uH)(obj, 'Established');
    if (established?.status === 'True')
        return (0,health/* healthy */.s2)('CRD is established');
    if (established?.reason === 'Installing')
        return (0,health/* progressing */.OP)('CRD is being installed');
    return (0,health/* degraded */.$o)(established?.message || 'CRD is not established', established?.reason || 'NotEstablished');
}
function apiServiceHealth(obj) {
    const available = (0,object_fields/* condition */.uH)(obj, 'Available');
    if (!available)
        return (0,health/* progressing */.OP)('Waiting to be processed');
    if (available.status === 'True')
        return (0,health/* healthy */.s2)(available.message);
    return (0,health/* progressing */.OP)(`${available.reason ? `${available.reason}: ` : ''}${available.message || 'not available yet'}`);
}

;// CONCATENATED MODULE: ./src/health/checks/argo-workflow.ts
/** Argo Workflows: `status.phase` says it all. */


function workflowHealth(obj) {
    const phase = (0,object_fields/* str */.gx)(obj, 'status.phase');
    const message = (0,object_fields/* str */.gx)(obj, 'status.message');
    switch (phase) {
        case '':
        case 'Pending':
        case 'Running':
            return (0,health/* progressing */.OP)(message || `workflow ${phase ? phase.toLowerCase() : 'not started'}`);
        case 'Succeeded':
            return (0,health/* healthy */.s2)(message || 'workflow succeeded');
        case 'Failed':
        case 'Error':
            return (0,health/* degraded */.$o)(message || `workflow ${phase.toLowerCase()}`, phase);
        default:
            return (0,health/* unknown */.L5)(message || `unknown workflow phase "${phase}"`);
    }
}

;// CONCATENATED MODULE: ./src/health/checks/autoscaling.ts
/**
 * HorizontalPodAutoscaler health: degraded when it cannot read its target's scale or its metrics.
 *
 * As in Argo CD, conditions are read in the order the controller writes them (AbleToScale first) and the
 * first decisive one wins. So an HPA that is able to scale but has no metrics yet is Healthy: right after
 * a sync, metrics for new pods take a minute to appear, and a sync must not fail for that. The missing
 * metrics are still named in the message.
 */


const DEGRADED = {
    AbleToScale: ['FailedGetScale', 'FailedUpdateScale'],
    ScalingActive: [
        'FailedGetResourceMetric',
        'FailedGetContainerResourceMetric',
        'FailedGetObjectMetric',
        'FailedGetPodsMetric',
        'FailedGetExternalMetric',
        'FailedComputeMetricsReplicas',
        'InvalidSelector',
    ],
};
/** autoscaling/v1 has no status.conditions: the controller keeps them, as JSON, in this annotation. */
const V1_CONDITIONS = 'autoscaling.alpha.kubernetes.io/conditions';
function v1Conditions(obj) {
    // The annotation's name holds dots, so it cannot be part of a field path.
    const annotations = (0,object_fields/* field */.ZZ)(obj, 'metadata.annotations');
    const text = typeof annotations === 'object' && annotations !== null
        ? annotations[V1_CONDITIONS]
        : undefined;
    if (typeof text !== 'string' || text === '')
        return [];
    const parsed = JSON.parse(text);
    if (!Array.isArray(parsed))
        throw new Error('it is not a JSON array');
    return (0,object_fields/* conditions */.jA)({ status: { conditions: parsed } });
}
function isDegraded(c) {
    return DEGRADED[c.type]?.includes(c.reason) ?? false;
}
function horizontalPodAutoscalerHealth(obj) {
    let conds;
    try {
        conds = (0,object_fields/* str */.gx)(obj, 'apiVersion') === 'autoscaling/v1' ? v1Conditions(obj) : (0,object_fields/* conditions */.jA)(obj);
    }
    catch (err) {
        return (0,health/* unknown */.L5)(`cannot read the ${V1_CONDITIONS} annotation: ${err.message}`);
    }
    for (const c of conds) {
        if (isDegraded(c))
            return (0,health/* degraded */.$o)(c.message || c.reason, c.reason);
        if ((c.type === 'AbleToScale' || c.type === 'ScalingLimited') && c.status === 'True') {
            const later = conds.find(isDegraded);
            const problem = later ? `${later.reason}: ${later.message || 'no message'}` : '';
            return (0,health/* healthy */.s2)([c.message, problem].filter(Boolean).join('; '));
        }
    }
    return (0,health/* progressing */.OP)('Waiting to Autoscale');
}

;// CONCATENATED MODULE: ./src/health/checks/daemonset.ts
/** DaemonSet health: generation observed, every scheduled pod updated and available. */


function daemonSetHealth(obj) {
    const name = (0,object_fields/* nameOf */.Vb)(obj);
    if ((0,object_fields/* num */.bu)(obj, 'metadata.generation', 0) > (0,object_fields/* num */.bu)(obj, 'status.observedGeneration', 0)) {
        return (0,health/* progressing */.OP)('Waiting for rollout to finish: observed daemon set generation less than desired generation');
    }
    if ((0,object_fields/* str */.gx)(obj, 'spec.updateStrategy.type') === 'OnDelete')
        return (0,health/* healthy */.s2)(`daemon set "${name}" uses OnDelete updates`);
    const desired = (0,object_fields/* num */.bu)(obj, 'status.desiredNumberScheduled');
    const updated = (0,object_fields/* num */.bu)(obj, 'status.updatedNumberScheduled');
    const available = (0,object_fields/* num */.bu)(obj, 'status.numberAvailable');
    if (updated < desired)
        return (0,health/* progressing */.OP)(`Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...`);
    if (available < desired)
        return (0,health/* progressing */.OP)(`Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...`);
    return (0,health/* healthy */.s2)(`daemon set "${name}" successfully rolled out`);
}

;// CONCATENATED MODULE: ./src/health/checks/deployment.ts
/** Deployment health, as `kubectl rollout status` and Argo CD judge it. */


function deploymentHealth(obj) {
    const name = (0,object_fields/* nameOf */.Vb)(obj);
    if ((0,object_fields/* field */.ZZ)(obj, 'spec.paused') === true)
        return (0,health/* suspended */.IU)(`Deployment "${name}" is paused`, 'DeploymentPaused');
    const generation = (0,object_fields/* num */.bu)(obj, 'metadata.generation', 0);
    const observed = (0,object_fields/* num */.bu)(obj, 'status.observedGeneration', 0);
    if (generation > observed) {
        return (0,health/* progressing */.OP)(`Waiting for rollout to finish: observed deployment generation ${observed} is less than desired generation ${generation}`);
    }
    const progressingCond = (0,object_fields/* condition */.uH)(obj, 'Progressing');
    if (progressingCond?.reason === 'ProgressDeadlineExceeded') {
        return (0,health/* degraded */.$o)(`Deployment "${name}" exceeded its progress deadline`, 'ProgressDeadlineExceeded');
    }
    const desired = (0,object_fields/* num */.bu)(obj, 'spec.replicas', 1);
    const updated = (0,object_fields/* num */.bu)(obj, 'status.updatedReplicas');
    const replicas = (0,object_fields/* num */.bu)(obj, 'status.replicas');
    const available = (0,object_fields/* num */.bu)(obj, 'status.availableReplicas');
    if (updated < desired) {
        return (0,health/* progressing */.OP)(`Waiting for rollout to finish: ${updated} out of ${desired} new replicas have been updated...`);
    }
    if (replicas > updated) {
        return (0,health/* progressing */.OP)(`Waiting for rollout to finish: ${replicas - updated} old replicas are pending termination...`);
    }
    if (available < updated) {
        return (0,health/* progressing */.OP)(`Waiting for rollout to finish: ${available} of ${updated} updated replicas are available...`);
    }
    return (0,health/* healthy */.s2)(`Deployment "${name}" successfully rolled out (${available}/${desired} available)`);
}

;// CONCATENATED MODULE: ./src/health/checks/job.ts
/**
 * Job health from its conditions. A Job that was resumed (Suspended=False) is not "complete": Argo CD gets
 * that wrong and reports it Healthy; we report it running.
 */


function jobHealth(obj) {
    const conds = (0,object_fields/* conditions */.jA)(obj).filter((c) => c.status === 'True');
    const failed = conds.find((c) => c.type === 'Failed') ?? conds.find((c) => c.type === 'FailureTarget');
    if (failed)
        return (0,health/* degraded */.$o)(failed.message || `Job failed: ${failed.reason}`, failed.reason || 'Failed');
    const complete = conds.find((c) => c.type === 'Complete') ?? conds.find((c) => c.type === 'SuccessCriteriaMet');
    if (complete)
        return (0,health/* healthy */.s2)(complete.message || 'Job completed');
    const suspend = conds.find((c) => c.type === 'Suspended');
    if (suspend)
        return (0,health/* suspended */.IU)(suspend.message || 'Job suspended', suspend.reason || 'JobSuspended');
    const active = (0,object_fields/* num */.bu)(obj, 'status.active');
    const succeeded = (0,object_fields/* num */.bu)(obj, 'status.succeeded');
    const failedPods = (0,object_fields/* num */.bu)(obj, 'status.failed');
    const completions = (0,object_fields/* num */.bu)(obj, 'spec.completions', 1);
    const parts = [`${succeeded}/${completions} completed`];
    if (active)
        parts.push(`${active} running`);
    if (failedPods)
        parts.push(`${failedPods} failed (backoffLimit ${(0,object_fields/* num */.bu)(obj, 'spec.backoffLimit', 6)})`);
    return (0,health/* progressing */.OP)(`Job running: ${parts.join(', ')}`);
}

;// CONCATENATED MODULE: ./src/health/checks/networking.ts
/**
 * Services of type LoadBalancer and Ingresses are ready once their load balancer is published. As in
 * Argo CD, any entry in `status.loadBalancer.ingress` counts, even one with neither ip nor hostname
 * (`- {}`): some controllers publish exactly that once the balancer exists.
 */


function published(obj) {
    const entries = (0,object_fields/* list */.p_)(obj, 'status.loadBalancer.ingress');
    const addresses = entries.map((i) => String(i.ip ?? i.hostname ?? '')).filter(Boolean);
    return { entries: entries.length, addresses };
}
function serviceHealth(obj) {
    if ((0,object_fields/* str */.gx)(obj, 'spec.type') !== 'LoadBalancer')
        return (0,health/* healthy */.s2)();
    const { entries, addresses } = published(obj);
    if (entries === 0)
        return (0,health/* progressing */.OP)('Waiting for the load balancer to assign an external address');
    if (addresses.length === 0)
        return (0,health/* healthy */.s2)('load balancer published (without an ip or hostname)');
    return (0,health/* healthy */.s2)(`load balancer at ${addresses.join(', ')}`);
}
function ingressHealth(obj) {
    const { entries, addresses } = published(obj);
    if (entries === 0)
        return (0,health/* progressing */.OP)('Waiting for the ingress controller to publish an address');
    if (addresses.length === 0)
        return (0,health/* healthy */.s2)('load balancer published (without an ip or hostname)');
    return (0,health/* healthy */.s2)(`address ${addresses.join(', ')}`);
}

;// CONCATENATED MODULE: ./src/health/checks/pod.ts
/**
 * Pod health. Pods that restart forever (restartPolicy Always) are Degraded as soon as a container is stuck
 * (Err…, …Error, …BackOff). Finite pods (Never, OnFailure: hooks, Job pods) are never failed for a waiting
 * state here — an image may still appear — the fail-fast diagnosis decides that with a grace period.
 */


function isStuck(reason) {
    return reason.startsWith('Err') || reason.endsWith('Error') || reason.endsWith('BackOff');
}
function terminatedMessage(c) {
    const t = c.state?.terminated;
    if (!t)
        return '';
    const name = String(c.name);
    const message = typeof t.message === 'string' ? t.message.trim() : '';
    if (message)
        return `container "${name}": ${message}`;
    if (t.reason === 'OOMKilled')
        return `container "${name}" was OOMKilled (out of memory)`;
    if (typeof t.exitCode === 'number' && t.exitCode !== 0)
        return `container "${name}" failed with exit code ${t.exitCode}`;
    return '';
}
function isReady(pod) {
    return (0,object_fields/* list */.p_)(pod, 'status.conditions').some((c) => c.type === 'Ready' && c.status === 'True');
}
function podHealth(pod) {
    const restartPolicy = (0,object_fields/* str */.gx)(pod, 'spec.restartPolicy') || 'Always';
    const statuses = (0,object_fields/* list */.p_)(pod, 'status.containerStatuses');
    const initStatuses = (0,object_fields/* list */.p_)(pod, 'status.initContainerStatuses');
    const podMessage = (0,object_fields/* str */.gx)(pod, 'status.message');
    if (restartPolicy === 'Always') {
        const stuck = [...initStatuses, ...statuses]
            .map((c) => ({
            name: String(c.name),
            waiting: c.state?.waiting,
        }))
            .filter((c) => c.waiting && isStuck(String(c.waiting.reason ?? '')));
        if (stuck.length > 0) {
            return (0,health/* degraded */.$o)(stuck
                .map((c) => `container "${c.name}" is ${String(c.waiting.reason)}${c.waiting.message ? `: ${String(c.waiting.message)}` : ''}`)
                .join('; '), String(stuck[0].waiting.reason));
        }
    }
    switch ((0,object_fields/* str */.gx)(pod, 'status.phase')) {
        case 'Pending':
        case '': {
            const scheduled = (0,object_fields/* list */.p_)(pod, 'status.conditions').find((c) => c.type === 'PodScheduled');
            if (scheduled?.status === 'False')
                return (0,health/* progressing */.OP)(`not scheduled: ${String(scheduled.message ?? scheduled.reason ?? '')}`, String(scheduled.reason ?? ''));
            const waiting = [...initStatuses, ...statuses]
                .map((c) => c.state?.waiting)
                .find((w) => w?.reason);
            return (0,health/* progressing */.OP)(podMessage ||
                (waiting
                    ? `waiting: ${String(waiting.reason)}${waiting.message ? ` (${String(waiting.message)})` : ''}`
                    : 'Pending'));
        }
        case 'Succeeded':
            return (0,health/* healthy */.s2)(podMessage || 'all containers completed successfully');
        case 'Failed': {
            if (podMessage)
                return (0,health/* degraded */.$o)(podMessage, (0,object_fields/* str */.gx)(pod, 'status.reason') || undefined);
            for (const c of [...initStatuses, ...statuses]) {
                const message = terminatedMessage(c);
                if (message)
                    return (0,health/* degraded */.$o)(message, String(c.state.terminated.reason ?? 'Error'));
            }
            return (0,health/* degraded */.$o)('the pod failed', (0,object_fields/* str */.gx)(pod, 'status.reason') || undefined);
        }
        case 'Running': {
            if (restartPolicy !== 'Always')
                return (0,health/* progressing */.OP)(podMessage || 'running');
            if (isReady(pod))
                return (0,health/* healthy */.s2)(podMessage || 'running and ready');
            const restarted = statuses.find((c) => c.lastState?.terminated);
            if (restarted) {
                const last = terminatedMessage({ name: restarted.name, state: restarted.lastState });
                return (0,health/* degraded */.$o)(podMessage || last || `container "${String(restarted.name)}" restarted and is not ready`, 'Restarting');
            }
            return (0,health/* progressing */.OP)(podMessage || 'running, not ready yet');
        }
        default:
            return (0,health/* unknown */.L5)(podMessage || `unknown pod phase "${(0,object_fields/* str */.gx)(pod, 'status.phase')}"`);
    }
}

;// CONCATENATED MODULE: ./src/health/checks/replicaset.ts
/** ReplicaSet health: ReplicaFailure makes it Degraded; otherwise it waits for available replicas. */


function replicaSetHealth(obj) {
    if ((0,object_fields/* num */.bu)(obj, 'metadata.generation', 0) > (0,object_fields/* num */.bu)(obj, 'status.observedGeneration', 0)) {
        return (0,health/* progressing */.OP)('Waiting for rollout to finish: observed replica set generation less than desired generation');
    }
    const failure = (0,object_fields/* condition */.uH)(obj, 'ReplicaFailure');
    if (failure?.status === 'True')
        return (0,health/* degraded */.$o)(failure.message || 'the replica set cannot create its pods', failure.reason || 'ReplicaFailure');
    const desired = (0,object_fields/* num */.bu)(obj, 'spec.replicas', 1);
    const available = (0,object_fields/* num */.bu)(obj, 'status.availableReplicas');
    if (available < desired)
        return (0,health/* progressing */.OP)(`Waiting for rollout to finish: ${available} out of ${desired} new replicas are available...`);
    return (0,health/* healthy */.s2)(`${available}/${desired} replicas available`);
}

;// CONCATENATED MODULE: ./src/health/checks/statefulset.ts
/** StatefulSet health: generation observed, replicas ready, the rolling update (with partition) done. */


function statefulSetHealth(obj) {
    const name = (0,object_fields/* nameOf */.Vb)(obj);
    const observed = (0,object_fields/* num */.bu)(obj, 'status.observedGeneration', 0);
    if (observed === 0 || (0,object_fields/* num */.bu)(obj, 'metadata.generation', 0) > observed) {
        return (0,health/* progressing */.OP)('Waiting for statefulset spec update to be observed...');
    }
    const desired = (0,object_fields/* num */.bu)(obj, 'spec.replicas', 1);
    const ready = (0,object_fields/* num */.bu)(obj, 'status.readyReplicas');
    if (ready < desired)
        return (0,health/* progressing */.OP)(`Waiting for ${desired - ready} pods to be ready...`);
    const strategy = (0,object_fields/* str */.gx)(obj, 'spec.updateStrategy.type') || 'RollingUpdate';
    if (strategy === 'OnDelete')
        return (0,health/* healthy */.s2)(`statefulset "${name}" uses OnDelete updates: ${ready} pods ready`);
    const partition = (0,object_fields/* field */.ZZ)(obj, 'spec.updateStrategy.rollingUpdate.partition');
    if (strategy === 'RollingUpdate' && typeof partition === 'number' && partition > 0) {
        const updated = (0,object_fields/* num */.bu)(obj, 'status.updatedReplicas');
        const target = desired - partition;
        if (updated < target)
            return (0,health/* progressing */.OP)(`Waiting for partitioned roll out to finish: ${updated} out of ${target} new pods have been updated...`);
        return (0,health/* healthy */.s2)(`partitioned roll out complete: ${updated} new pods have been updated...`);
    }
    const current = (0,object_fields/* str */.gx)(obj, 'status.currentRevision');
    const update = (0,object_fields/* str */.gx)(obj, 'status.updateRevision');
    if (update && current !== update) {
        return (0,health/* progressing */.OP)(`waiting for statefulset rolling update to complete ${(0,object_fields/* num */.bu)(obj, 'status.updatedReplicas')} pods at revision ${update}...`);
    }
    return (0,health/* healthy */.s2)(`statefulset rolling update complete ${(0,object_fields/* num */.bu)(obj, 'status.currentReplicas', ready)} pods at revision ${current || update}...`);
}

;// CONCATENATED MODULE: ./src/health/checks/storage.ts
/** A PersistentVolumeClaim is ready once Bound; Lost is beyond repair. */


function persistentVolumeClaimHealth(obj) {
    const phase = (0,object_fields/* str */.gx)(obj, 'status.phase');
    switch (phase) {
        case 'Bound':
            return (0,health/* healthy */.s2)(`bound to volume ${(0,object_fields/* str */.gx)(obj, 'spec.volumeName') || '(unnamed)'}`);
        case 'Pending':
            return (0,health/* progressing */.OP)((0,object_fields/* str */.gx)(obj, 'spec.storageClassName')
                ? `waiting for a volume of class "${(0,object_fields/* str */.gx)(obj, 'spec.storageClassName')}" to be bound`
                : 'waiting for a volume to be bound');
        case 'Lost':
            return (0,health/* degraded */.$o)('the claim lost its volume', 'ClaimLost');
        default:
            return (0,health/* unknown */.L5)(phase ? `unknown claim phase "${phase}"` : 'the claim has no status yet');
    }
}

;// CONCATENATED MODULE: ./src/health/resource-health.ts
/**
 * Which check judges which kind, and the rules that apply before any check: an object being deleted is
 * "Pending deletion"; a custom resource whose controller has not observed its latest generation is still
 * Progressing (the stale-status trap behind PostSync hooks firing early).
 */













const CHECKS = {
    'apps/Deployment': deploymentHealth,
    'apps/StatefulSet': statefulSetHealth,
    'apps/DaemonSet': daemonSetHealth,
    'apps/ReplicaSet': replicaSetHealth,
    '/Pod': podHealth,
    'batch/Job': jobHealth,
    '/Service': serviceHealth,
    'networking.k8s.io/Ingress': ingressHealth,
    'extensions/Ingress': ingressHealth,
    '/PersistentVolumeClaim': persistentVolumeClaimHealth,
    'autoscaling/HorizontalPodAutoscaler': horizontalPodAutoscalerHealth,
    'apiregistration.k8s.io/APIService': apiServiceHealth,
    'apiextensions.k8s.io/CustomResourceDefinition': customResourceDefinitionHealth,
    'argoproj.io/Workflow': workflowHealth,
};
function hasHealthCheck(group, kind) {
    return `${group}/${kind}` in CHECKS;
}
/**
 * The health of a live object, or undefined when its kind has no health check (it counts as healthy once
 * it exists).
 */
function assessHealth(obj, options = {}) {
    const group = (0,object_fields/* groupOfObject */.wq)(obj);
    const kind = (0,object_fields/* str */.gx)(obj, 'kind');
    if ((0,object_fields/* field */.ZZ)(obj, 'metadata.deletionTimestamp') && !options.hook)
        return (0,health/* progressing */.OP)('Pending deletion');
    const check = CHECKS[`${group}/${kind}`];
    if (check)
        return check(obj);
    const observed = (0,object_fields/* field */.ZZ)(obj, 'status.observedGeneration');
    const generation = (0,object_fields/* num */.bu)(obj, 'metadata.generation', 0);
    if (typeof observed === 'number' && generation > observed) {
        return (0,health/* progressing */.OP)(`waiting for the controller to observe generation ${generation} (it has seen ${observed})`);
    }
    return undefined;
}


/***/ }),

/***/ 4734:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DE: () => (/* binding */ ARGO_SYNC_OPTIONS),
/* harmony export */   Lw: () => (/* binding */ ARGO_HOOK_DELETE_POLICY),
/* harmony export */   SC: () => (/* binding */ HELM_HOOK_DELETE_POLICY),
/* harmony export */   _T: () => (/* binding */ ARGO_SYNC_WAVE),
/* harmony export */   fu: () => (/* binding */ csv),
/* harmony export */   ij: () => (/* binding */ ARGO_HOOK),
/* harmony export */   su: () => (/* binding */ HELM_HOOK_WEIGHT),
/* harmony export */   vR: () => (/* binding */ HELM_HOOK)
/* harmony export */ });
/** Annotation keys hook-sync reads. Argo CD's own, so existing repositories work unchanged. */
const ARGO_HOOK = 'argocd.argoproj.io/hook';
const ARGO_HOOK_DELETE_POLICY = 'argocd.argoproj.io/hook-delete-policy';
const ARGO_SYNC_WAVE = 'argocd.argoproj.io/sync-wave';
const ARGO_SYNC_OPTIONS = 'argocd.argoproj.io/sync-options';
const HELM_HOOK = 'helm.sh/hook';
const HELM_HOOK_WEIGHT = 'helm.sh/hook-weight';
const HELM_HOOK_DELETE_POLICY = 'helm.sh/hook-delete-policy';
/** Comma-separated values, trimmed, empty ones dropped, duplicates removed (first wins). */
function csv(value) {
    const out = [];
    for (const part of value.split(',')) {
        const v = part.trim();
        if (v && !out.includes(v))
            out.push(v);
    }
    return out;
}


/***/ }),

/***/ 2590:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GA: () => (/* binding */ FAIL_FAST_ANNOTATION),
/* harmony export */   ax: () => (/* binding */ HOOK_TIMEOUT_ANNOTATION),
/* harmony export */   d8: () => (/* binding */ hookTimeoutMs),
/* harmony export */   ms: () => (/* binding */ hookSyncAnnotationProblems)
/* harmony export */ });
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(575);
/* harmony import */ var _manifests_kube_object_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9293);
/** hook-sync's own annotations (beyond Argo CD's), read by the plan, health and the engine alike. */


/** A hook running longer than this is terminated (deleted), fails the sync, and SyncFail runs. */
const HOOK_TIMEOUT_ANNOTATION = 'hook-sync.io/timeout';
function hookTimeoutMs(obj) {
    const raw = (0,_manifests_kube_object_js__WEBPACK_IMPORTED_MODULE_1__/* .stringAnnotations */ .mB)(obj)[HOOK_TIMEOUT_ANNOTATION];
    return raw === undefined ? undefined : (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(raw);
}
/** `hook-sync.io/fail-fast-after: 30s` (every grace period) or `off`, on a hook or a workload. */
const FAIL_FAST_ANNOTATION = 'hook-sync.io/fail-fast-after';
/**
 * Both annotations hold durations, checked when planning: not a duration, negative, a zero timeout (the
 * hook would be terminated as it starts) or more than a day (past the longest CI job) is an error.
 */
function hookSyncAnnotationProblems(annotations) {
    const problems = [];
    for (const key of [HOOK_TIMEOUT_ANNOTATION, FAIL_FAST_ANNOTATION]) {
        const value = annotations[key];
        if (value === undefined || (key === FAIL_FAST_ANNOTATION && value.trim() === 'off'))
            continue;
        const checked = (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .checkDuration */ .fU)(value, { minMs: key === FAIL_FAST_ANNOTATION ? 0 : 1 });
        if (checked.problem === undefined)
            continue;
        problems.push({
            annotation: key,
            severity: 'error',
            code: 'invalid-duration',
            message: `${key} ${checked.problem}`,
            hint: key === FAIL_FAST_ANNOTATION
                ? 'write a duration such as "90s", "5m" or "1h30m", or "off" to wait without failing fast'
                : 'write a duration such as "90s", "5m" or "1h30m"',
        });
    }
    return problems;
}


/***/ }),

/***/ 9450:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ suggestion),
/* harmony export */   p: () => (/* binding */ nearest)
/* harmony export */ });
/**
 * "Did you mean …?" for values written by hand: the known value a typo most likely stands for. Only close
 * matches count (a letter or two off, or the same word in another case), so a value that is simply
 * something else gets the list of known values instead of a wrong guess.
 */
/** Edits (insert, delete, substitute, swap two neighbours) to turn `a` into `b`. */
function editDistance(a, b) {
    const rows = a.length + 1;
    const cols = b.length + 1;
    const d = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i < rows; i++)
        for (let j = 1; j < cols; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.length][b.length];
}
/** The known value closest to `value`, when it is close enough to be a typo of it. */
function nearest(value, known) {
    const lower = value.toLowerCase();
    const sameButCase = known.find((k) => k.toLowerCase() === lower);
    if (sameButCase)
        return sameButCase;
    // One edit per four letters, at least one and at most three: "PreSynk" → PreSync, "Foo" → nothing.
    const allowed = Math.min(3, Math.max(1, Math.floor(value.length / 4)));
    let best;
    for (const k of known) {
        const distance = editDistance(lower, k.toLowerCase());
        if (distance <= allowed && (!best || distance < best.distance))
            best = { value: k, distance };
    }
    return best?.value;
}
/** `did you mean "X"?` when a close match exists, otherwise `use one of A, B, C`. */
function suggestion(value, known) {
    const match = nearest(value, known);
    return match ? `did you mean "${match}"?` : `use one of ${known.join(', ')}`;
}


/***/ }),

/***/ 3595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CM: () => (/* binding */ phaseOrder),
/* harmony export */   I$: () => (/* binding */ phasesOf)
/* harmony export */ });
/* unused harmony exports SYNC_PHASES, DELETE_PHASES, isSyncPhase */
/** The phases of a sync operation, in the order they run. */
const SYNC_PHASES = ['PreSync', 'Sync', 'PostSync', 'SyncFail'];
/** The phases of a delete operation (PR preview teardown), in the order they run. */
const DELETE_PHASES = ['PreDelete', 'PostDelete'];
const ORDER = [...SYNC_PHASES, ...DELETE_PHASES];
function phaseOrder(phase) {
    return ORDER.indexOf(phase);
}
function isSyncPhase(phase) {
    return SYNC_PHASES.includes(phase);
}
function phasesOf(operation) {
    return operation === 'sync' ? SYNC_PHASES : DELETE_PHASES;
}


/***/ }),

/***/ 3114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ DEFAULT_SYNC_OPTIONS),
/* harmony export */   r: () => (/* binding */ parseSyncOptions)
/* harmony export */ });
/* harmony import */ var _annotations_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4734);
/* harmony import */ var _nearest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9450);
/**
 * `argocd.argoproj.io/sync-options: Key=value,Key=value`, as Argo CD spells them, read into what the engine
 * acts on. An option hook-sync cannot honour on one object is a warning, never silence.
 */


/** Options that change how one object is applied, pruned or deleted. */
const OBJECT_OPTIONS = {
    Prune: ['true', 'false', 'confirm'],
    PruneLast: ['true', 'false'],
    Delete: ['true', 'false', 'confirm'],
    Replace: ['true', 'false'],
    Force: ['true', 'false'],
    ServerSideApply: ['true', 'false'],
    Validate: ['true', 'false'],
    SkipDryRunOnMissingResource: ['true', 'false'],
};
/** Argo CD reads these from the Application, not from an object: on an object they do nothing there either. */
const APPLICATION_OPTIONS = [
    'PrunePropagationPolicy',
    'CreateNamespace',
    'ApplyOutOfSyncOnly',
    'RespectIgnoreDifferences',
    'FailOnSharedResource',
    'ClientSideApplyMigration',
];
const DEFAULT_SYNC_OPTIONS = {
    replace: false,
    force: false,
    serverSideApply: true,
    validate: true,
    skipDryRunOnMissingResource: false,
    pruneLast: false,
    prune: 'true',
    delete: 'true',
};
function problem(code, message, hint) {
    return { annotation: _annotations_js__WEBPACK_IMPORTED_MODULE_0__/* .ARGO_SYNC_OPTIONS */ .DE, severity: 'warning', code, message, hint };
}
function parseSyncOptions(annotations) {
    const raw = annotations[_annotations_js__WEBPACK_IMPORTED_MODULE_0__/* .ARGO_SYNC_OPTIONS */ .DE];
    const problems = [];
    if (raw === undefined)
        return { options: DEFAULT_SYNC_OPTIONS, problems };
    const values = {};
    for (const part of raw.split(',')) {
        const entry = part.trim();
        if (!entry)
            continue;
        const eq = entry.indexOf('=');
        if (eq <= 0) {
            problems.push(problem('malformed-sync-option', `sync option "${entry}" is not of the form Key=value and is ignored`, 'write for example "Prune=false"'));
            continue;
        }
        const key = entry.slice(0, eq).trim();
        const value = entry.slice(eq + 1).trim();
        if (APPLICATION_OPTIONS.includes(key)) {
            problems.push(problem('application-sync-option', `sync option "${key}" applies to a whole application in Argo CD, not to one object, and is ignored here`, key === 'CreateNamespace'
                ? 'use the create-namespace input (or a Namespace manifest) instead'
                : 'remove it from the annotation'));
            continue;
        }
        if (!(key in OBJECT_OPTIONS)) {
            const match = (0,_nearest_js__WEBPACK_IMPORTED_MODULE_1__/* .nearest */ .p)(key, Object.keys(OBJECT_OPTIONS));
            problems.push(problem('unknown-sync-option', `unknown sync option "${key}" is ignored`, match
                ? `did you mean "${match}=${value}"?`
                : `known options: ${Object.keys(OBJECT_OPTIONS).join(', ')}`));
            continue;
        }
        const allowed = OBJECT_OPTIONS[key];
        if (!allowed.includes(value)) {
            const match = (0,_nearest_js__WEBPACK_IMPORTED_MODULE_1__/* .nearest */ .p)(value, allowed);
            problems.push(problem('malformed-sync-option', `sync option ${key}=${value} is not understood and is ignored`, match
                ? `did you mean "${key}=${match}"?`
                : `write ${allowed.map((v) => `${key}=${v}`).join(' or ')}`));
            continue;
        }
        values[key] = value;
    }
    const options = {
        replace: values.Replace === 'true',
        force: values.Force === 'true',
        serverSideApply: values.ServerSideApply !== 'false',
        validate: values.Validate !== 'false',
        skipDryRunOnMissingResource: values.SkipDryRunOnMissingResource === 'true',
        pruneLast: values.PruneLast === 'true',
        prune: values.Prune ?? 'true',
        delete: values.Delete ?? 'true',
    };
    return { options, problems };
}


/***/ }),

/***/ 267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ fieldAt)
/* harmony export */ });
/** Reading a field of a plain-JSON object by a dotted path (`status.loadBalancer.ingress`). */
function fieldAt(obj, path) {
    let cur = obj;
    for (const part of path.split('.')) {
        if (typeof cur !== 'object' || cur === null || Array.isArray(cur))
            return undefined;
        cur = cur[part];
    }
    return cur;
}


/***/ }),

/***/ 8914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ appLabelValue),
/* harmony export */   m: () => (/* binding */ appObjectName)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/** Names derived from an application's name: valid for Kubernetes whatever the repository is called. */

function slug(text, max) {
    const clean = text
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/^-+|-+$/g, '');
    if (clean.length <= max && clean === text)
        return clean || 'app';
    // Shortened or changed: a hash of the original keeps two apps that clean up alike apart.
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex').slice(0, 8);
    return `${clean.slice(0, max - 9).replace(/-+$/, '') || 'app'}-${hash}`;
}
/** `<prefix>-<app>`, a valid object name (DNS label rules, so it fits every kind). */
function appObjectName(prefix, app) {
    return `${prefix}-${slug(app, 63 - prefix.length - 1)}`;
}
/** The app as a label value (63 characters of [a-z0-9-]). */
function appLabelValue(app) {
    return slug(app, 63);
}


/***/ }),

/***/ 8445:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ appNameProblem),
/* harmony export */   m: () => (/* binding */ LOCK_TTL_LIMITS)
/* harmony export */ });
/**
 * A killed run's lock blocks the app's next runs until it expires: at least a second (a shorter lease
 * cannot be renewed in time), at most an hour.
 */
const LOCK_TTL_LIMITS = { minMs: 1000, maxMs: 3_600_000 };
/** The longest application name: the longest Kubernetes object name (it is recorded in the inventory). */
const MAX_APP_NAME = 253;
/**
 * Why `app` cannot name an application, or undefined. Any printable text works (object names derived
 * from it are cleaned up and hashed); empty, multi-line or very long names are mistakes.
 */
function appNameProblem(app) {
    if (!app.trim())
        return 'must not be empty';
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(app))
        return `must be one line of printable characters, found ${JSON.stringify(app)}`;
    if (app.length > MAX_APP_NAME)
        return `must be at most ${MAX_APP_NAME} characters, found ${app.length}`;
    return undefined;
}


/***/ }),

/***/ 4024:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qx: () => (/* binding */ inventoriesIn),
/* harmony export */   UA: () => (/* binding */ INVENTORY_LABEL),
/* harmony export */   bZ: () => (/* binding */ APP_LABEL),
/* harmony export */   mu: () => (/* binding */ inventoryName),
/* harmony export */   o8: () => (/* binding */ inventoryOf),
/* harmony export */   yq: () => (/* binding */ InventoryStore)
/* harmony export */ });
/* unused harmony export PULL_REQUEST_LABEL */
/* harmony import */ var _cluster_api_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3693);
/* harmony import */ var _inventory_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6996);
/* harmony import */ var _app_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8914);
/**
 * The inventory in the cluster: a ConfigMap of its own per application, in the application's namespace
 * (`hook-sync-inventory-<app>`, labelled so `status --all` can find every app). Written with the
 * resourceVersion it was read at: a write that lost a race re-reads and merges (objects are only ever
 * added by a merge, never forgotten).
 */



const INVENTORY_LABEL = 'hook-sync.io/inventory';
const APP_LABEL = 'hook-sync.io/app';
/** The pull request the app's last operation came from: `status --all --selector` can filter on it. */
const PULL_REQUEST_LABEL = 'hook-sync.io/pull-request';
function parse(text, fallback) {
    if (typeof text !== 'string')
        return fallback;
    try {
        return JSON.parse(text);
    }
    catch {
        return fallback;
    }
}
/** The inventory ConfigMap's name for an app. */
function inventoryName(app) {
    return (0,_app_names_js__WEBPACK_IMPORTED_MODULE_1__/* .appObjectName */ .m)('hook-sync-inventory', app);
}
/** The inventory ConfigMaps in one namespace (whichever apps they belong to). */
async function inventoriesIn(client, namespace) {
    const { body } = await client.request('GET', `/api/v1/namespaces/${encodeURIComponent(namespace)}/configmaps`, {
        query: { labelSelector: `${INVENTORY_LABEL}=true` },
        idempotent: true,
    });
    return (body.items ?? []);
}
/** An inventory ConfigMap's content (also what `status --all` reads from a cluster-wide list). */
function inventoryOf(cm, fallbackApp) {
    const data = (cm.data ?? {});
    const origin = parse(data['origin.json'], undefined);
    return {
        app: data.app ?? fallbackApp,
        objects: parse(data['objects.json'], []),
        history: parse(data['history.json'], []),
        ...(origin ? { origin } : {}),
    };
}
class InventoryStore {
    client;
    app;
    namespace;
    resourceVersion;
    name;
    constructor(client, app, namespace) {
        this.client = client;
        this.app = app;
        this.namespace = namespace;
        this.name = inventoryName(app);
    }
    /** The resourceVersion it was last read or written at (undefined: there is none). */
    get version() {
        return this.resourceVersion;
    }
    get path() {
        return `/api/v1/namespaces/${encodeURIComponent(this.namespace)}/configmaps`;
    }
    async read() {
        const cm = await this.client.get({
            apiVersion: 'v1',
            kind: 'ConfigMap',
            namespace: this.namespace,
            name: this.name,
        });
        this.resourceVersion = cm ? String(cm.metadata.resourceVersion) : undefined;
        if (!cm)
            return (0,_inventory_js__WEBPACK_IMPORTED_MODULE_2__/* .emptyInventory */ .UO)(this.app);
        return inventoryOf(cm, this.app);
    }
    body(inventory) {
        const pr = inventory.origin?.pullRequest;
        return {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: {
                name: this.name,
                namespace: this.namespace,
                labels: {
                    'app.kubernetes.io/managed-by': 'hook-sync',
                    [INVENTORY_LABEL]: 'true',
                    [APP_LABEL]: (0,_app_names_js__WEBPACK_IMPORTED_MODULE_1__/* .appLabelValue */ .P)(this.app),
                    ...(pr !== undefined ? { [PULL_REQUEST_LABEL]: String(pr) } : {}),
                },
                ...(this.resourceVersion ? { resourceVersion: this.resourceVersion } : {}),
            },
            data: {
                app: inventory.app,
                'objects.json': JSON.stringify(inventory.objects),
                'history.json': JSON.stringify(inventory.history),
                ...(inventory.origin ? { 'origin.json': JSON.stringify(inventory.origin) } : {}),
            },
        };
    }
    /** Writes it; when someone wrote in between, merges theirs in (no object forgotten) and writes again. */
    async write(inventory) {
        for (let attempt = 0;; attempt++) {
            try {
                const { body } = this.resourceVersion
                    ? await this.client.request('PUT', `${this.path}/${encodeURIComponent(this.name)}`, {
                        body: this.body(inventory),
                        query: { fieldManager: 'hook-sync' },
                    })
                    : await this.client.request('POST', this.path, {
                        body: this.body(inventory),
                        query: { fieldManager: 'hook-sync' },
                        // A repeat after a lost answer meets 409: read and merge below, as for any race.
                        idempotent: true,
                    });
                this.resourceVersion = String(body.metadata.resourceVersion);
                return;
            }
            catch (err) {
                if (!(err instanceof _cluster_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeApiError */ .W3 &&
                    (err.code === 409 || (err.code === 404 && this.resourceVersion))) ||
                    attempt >= 3)
                    throw err;
                const theirs = await this.read();
                const mine = new Map(inventory.objects.map((o) => [(0,_inventory_js__WEBPACK_IMPORTED_MODULE_2__/* .objectKey */ .T5)(o), o]));
                for (const o of theirs.objects)
                    if (!mine.has((0,_inventory_js__WEBPACK_IMPORTED_MODULE_2__/* .objectKey */ .T5)(o)))
                        mine.set((0,_inventory_js__WEBPACK_IMPORTED_MODULE_2__/* .objectKey */ .T5)(o), o);
                inventory = { ...inventory, objects: [...mine.values()] };
            }
        }
    }
    async remove() {
        await this.client.delete({
            apiVersion: 'v1',
            kind: 'ConfigMap',
            namespace: this.namespace,
            name: this.name,
        });
        this.resourceVersion = undefined;
    }
}


/***/ }),

/***/ 6996:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bu: () => (/* binding */ pruneCandidates),
/* harmony export */   F5: () => (/* binding */ removalWaves),
/* harmony export */   M8: () => (/* binding */ recordIntent),
/* harmony export */   T5: () => (/* binding */ objectKey),
/* harmony export */   UO: () => (/* binding */ emptyInventory),
/* harmony export */   Up: () => (/* binding */ recordOutcome),
/* harmony export */   v6: () => (/* binding */ recordCreatedNamespace)
/* harmony export */ });
/* unused harmony exports HISTORY_LIMIT, entryOf, createdNamespaceEntry */
const HISTORY_LIMIT = 10;
function objectKey(o) {
    return `${o.group}/${o.kind}/${o.namespace}/${o.name}`;
}
function emptyInventory(app) {
    return { app, objects: [], history: [] };
}
/** The inventory entry a task will have once it is applied. */
function entryOf(t, state) {
    const o = t.syncOptions;
    return {
        apiVersion: t.apiVersion,
        group: t.group,
        kind: t.kind,
        namespace: t.namespace,
        name: t.name,
        wave: t.wave,
        hook: t.hook,
        state,
        ...(o.prune !== 'true' ? { prune: o.prune } : {}),
        ...(o.pruneLast ? { pruneLast: true } : {}),
        ...(o.delete !== 'true' ? { delete: o.delete } : {}),
    };
}
/**
 * Before anything is written: every object the plan may create is recorded as pending (what was applied
 * before keeps its state), and the operation is added to the history as Running.
 */
function recordIntent(previous, plan, run) {
    const byKey = new Map(previous.objects.map((o) => [objectKey(o), o]));
    for (const t of plan.tasks) {
        const known = byKey.get(objectKey(t));
        byKey.set(objectKey(t), known ? { ...entryOf(t, known.state), state: known.state } : entryOf(t, 'pending'));
    }
    return {
        ...previous,
        objects: [...byKey.values()],
        // An operation still Running in the record was killed before it could say how it ended.
        history: [
            run,
            ...previous.history.map((h) => (h.status === 'Running' ? { ...h, status: 'Interrupted' } : h)),
        ].slice(0, HISTORY_LIMIT),
    };
}
/** After the operation: applied objects confirmed, gone ones removed, the history entry finished. */
function recordOutcome(current, outcome) {
    const byKey = new Map(current.objects.map((o) => [objectKey(o), o]));
    for (const t of outcome.applied)
        byKey.set(objectKey(t), entryOf(t, 'applied'));
    for (const g of outcome.gone)
        byKey.delete(objectKey(g));
    const [latest, ...older] = current.history;
    const history = latest && latest.startedAt === outcome.record.startedAt && latest.revision === outcome.record.revision
        ? [outcome.record, ...older]
        : [outcome.record, ...current.history].slice(0, HISTORY_LIMIT);
    return { ...current, objects: [...byKey.values()], history };
}
/** Objects the inventory has and the plan no longer does; hooks are never pruned. */
function pruneCandidates(inventory, plan) {
    const planned = new Set(plan.tasks.map((t) => objectKey(t)));
    return inventory.objects.filter((o) => !o.hook && !o.createdNamespace && !planned.has(objectKey(o)));
}
/** The inventory entry of a namespace hook-sync created for the app (`create-namespace`). */
function createdNamespaceEntry(name) {
    return {
        apiVersion: 'v1',
        group: '',
        kind: 'Namespace',
        namespace: '',
        name,
        wave: 0,
        hook: false,
        state: 'applied',
        createdNamespace: true,
    };
}
/** Records that hook-sync created the app's namespace (a delete removes it, last). */
function recordCreatedNamespace(inventory, name) {
    const entry = createdNamespaceEntry(name);
    const others = inventory.objects.filter((o) => objectKey(o) !== objectKey(entry));
    return { ...inventory, objects: [...others, entry] };
}
/**
 * The order objects leave the cluster in: reverse waves (what was created last goes first), `PruneLast`
 * ones after all others (as Argo CD: after the last wave). Each inner list is deleted together and
 * awaited before the next.
 */
function removalWaves(objects, lastKey = 'pruneLast') {
    const last = (o) => lastKey === 'pruneLast' && o.pruneLast === true;
    const groups = new Map();
    for (const o of objects) {
        const key = `${last(o) ? 1 : 0}:${o.wave}`;
        groups.set(key, [...(groups.get(key) ?? []), o]);
    }
    return [...groups.entries()]
        .sort(([a], [b]) => {
        const [la, wa] = a.split(':').map(Number);
        const [lb, wb] = b.split(':').map(Number);
        return la - lb || wb - wa;
    })
        .map(([, list]) => list.sort((x, y) => objectKey(x).localeCompare(objectKey(y))));
}


/***/ }),

/***/ 1037:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ namespaceNameProblem),
/* harmony export */   g: () => (/* binding */ parseNamespaceMetadata)
/* harmony export */ });
/**
 * `namespace-labels` / `namespace-annotations` (and `--namespace-label k=v`): `key=value` entries, checked
 * here with Kubernetes' own rules so a typo is refused with its entry before anything reaches the cluster.
 */
const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Why a label or annotation key is not valid, or undefined. */
function keyProblem(key) {
    const slash = key.lastIndexOf('/');
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)))
        return `its prefix "${prefix}" must be a DNS subdomain (lower case, like example.com)`;
    if (!NAME.test(name))
        return 'its name must be at most 63 characters of letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
    return undefined;
}
function labelValueProblem(value) {
    if (value === '' || NAME.test(value))
        return undefined;
    return 'a label value must be at most 63 characters of letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
}
/** `key=value` (or `key: value`) per entry; blank entries and `#` comments are ignored. */
function parseNamespaceMetadata(entries, kind, source) {
    const values = {};
    const errors = [];
    for (const raw of entries) {
        const entry = raw.trim();
        if (!entry || entry.startsWith('#'))
            continue;
        const at = /[=:]/.exec(entry);
        if (!at) {
            errors.push(`${source}: "${entry}" is not key=value`);
            continue;
        }
        const key = entry.slice(0, at.index).trim();
        let value = entry.slice(at.index + 1).trim();
        if (/^(["']).*\1$/.test(value))
            value = value.slice(1, -1);
        const problem = keyProblem(key) ?? (kind === 'label' ? labelValueProblem(value) : undefined);
        if (problem)
            errors.push(`${source}: ${kind} "${entry}" is not valid: ${problem}`);
        else
            values[key] = value;
    }
    return { values, errors };
}
/** A namespace name Kubernetes accepts (an RFC 1123 label). */
function namespaceNameProblem(name) {
    if (name.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name))
        return undefined;
    return `namespace "${name}" is not a valid name: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit (e.g. pr-42)`;
}


/***/ }),

/***/ 6393:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $l: () => (/* binding */ markOwnership),
/* harmony export */   OM: () => (/* binding */ TRACKING_ANNOTATION),
/* harmony export */   ao: () => (/* binding */ HOOK_LABELS),
/* harmony export */   hI: () => (/* binding */ trackingId),
/* harmony export */   tY: () => (/* binding */ recoverHooks)
/* harmony export */ });
/* harmony import */ var _cluster_object_watcher_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9410);
/* harmony import */ var _health_hook_outcome_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3458);
/* harmony import */ var _plan_sync_task_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7752);
/* harmony import */ var _app_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8914);




const HOOK_LABELS = {
    app: 'hook-sync.io/app',
    /** Two instances of one app (a preview per PR) differ by namespace: both keys find a hook. */
    appNamespace: 'hook-sync.io/app-namespace',
    revision: 'hook-sync.io/revision',
    phase: 'hook-sync.io/phase',
    operation: 'hook-sync.io/operation',
    hook: 'hook-sync.io/hook',
};
function revisionLabel(revision) {
    return (0,_app_names_js__WEBPACK_IMPORTED_MODULE_2__/* .appLabelValue */ .P)(revision.slice(0, 40));
}
/** Which app an object belongs to: prune and delete never remove one another app applied since. */
const TRACKING_ANNOTATION = 'hook-sync.io/tracking';
function trackingId(app, namespace) {
    return `${namespace}/${app}`;
}
/**
 * The plan with every object marked as the app's (on a copy): resources carry the tracking annotation,
 * hooks the labels a later run needs to find them.
 */
function markOwnership(plan, app) {
    const tasks = plan.tasks.map((t) => {
        // Only the metadata changes: a copy of it, not of the whole object (for thousands of objects a deep
        // copy per run was tens of megabytes).
        const meta = { ...(t.object.metadata ?? {}) };
        const object = { ...t.object, metadata: meta };
        if (!t.hook) {
            meta.annotations = {
                ...(meta.annotations ?? {}),
                [TRACKING_ANNOTATION]: trackingId(app, plan.namespace),
            };
            return { ...t, object };
        }
        meta.labels = {
            ...(meta.labels ?? {}),
            [HOOK_LABELS.app]: (0,_app_names_js__WEBPACK_IMPORTED_MODULE_2__/* .appLabelValue */ .P)(app),
            [HOOK_LABELS.appNamespace]: (0,_app_names_js__WEBPACK_IMPORTED_MODULE_2__/* .appLabelValue */ .P)(plan.namespace),
            [HOOK_LABELS.revision]: revisionLabel(plan.revision),
            [HOOK_LABELS.phase]: t.phase,
            [HOOK_LABELS.operation]: plan.operation,
            [HOOK_LABELS.hook]: (0,_app_names_js__WEBPACK_IMPORTED_MODULE_2__/* .appLabelValue */ .P)(t.hookIdentity ?? t.name),
        };
        return { ...t, object };
    });
    return { ...plan, tasks };
}
function labels(obj) {
    return (obj.metadata?.labels ?? {});
}
function running(obj) {
    return !obj.metadata.deletionTimestamp && (0,_health_hook_outcome_js__WEBPACK_IMPORTED_MODULE_1__/* .hookOutcome */ .O)(obj).state === 'Running';
}
/** Finds the app's hooks a killed run left running; adopts or terminates them. */
async function recoverHooks(client, plan, app, say, timeoutMs) {
    const adopted = new Set();
    const renamed = new Map();
    const kinds = new Map();
    // The plan's hook kinds, and Jobs and Pods in the app's namespace (a hook that has left the manifests).
    const where = [
        ...plan.tasks
            .filter((x) => x.hook)
            .map((t) => ({ apiVersion: t.apiVersion, kind: t.kind, namespace: t.namespace })),
        { apiVersion: 'batch/v1', kind: 'Job', namespace: plan.namespace },
        { apiVersion: 'v1', kind: 'Pod', namespace: plan.namespace },
    ];
    await client.discover(where.map((t) => t.apiVersion));
    for (const t of where) {
        const info = await client.resourceFor(t.apiVersion, t.kind);
        if (!info)
            continue;
        const key = `${info.group}/${info.kind}`;
        const entry = kinds.get(key) ?? { info, namespaces: new Set() };
        entry.namespaces.add(t.namespace);
        kinds.set(key, entry);
    }
    // Every list at once; what they found is then acted on one object at a time, in a fixed order.
    const selector = `${HOOK_LABELS.app}=${(0,_app_names_js__WEBPACK_IMPORTED_MODULE_2__/* .appLabelValue */ .P)(app)},${HOOK_LABELS.appNamespace}=${(0,_app_names_js__WEBPACK_IMPORTED_MODULE_2__/* .appLabelValue */ .P)(plan.namespace)}`;
    const listed = await Promise.all([...kinds.values()].flatMap(({ info, namespaces }) => [...namespaces].map(async (ns) => ({
        info,
        ns,
        items: (await client.list(info, ns || undefined, { labelSelector: selector })).items,
    }))));
    for (const { info, ns, items } of listed) {
        for (const obj of items.filter(running)) {
            const l = labels(obj);
            const name = String(obj.metadata.name);
            const task = plan.tasks.find((t) => t.hook &&
                t.kind === info.kind &&
                t.namespace === ns &&
                t.phase === l[HOOK_LABELS.phase] &&
                (0,_app_names_js__WEBPACK_IMPORTED_MODULE_2__/* .appLabelValue */ .P)(t.hookIdentity ?? t.name) === l[HOOK_LABELS.hook]);
            if (task && l[HOOK_LABELS.revision] === revisionLabel(plan.revision) && !renamed.has(task)) {
                say(`${task.phase} hook ${info.kind}/${name} is still running from an earlier run of this revision: awaiting it instead of starting another`);
                renamed.set(task, name);
                continue;
            }
            say(`terminating ${info.kind}/${name}, left running by an earlier run of revision ${l[HOOK_LABELS.revision] ?? '(unknown)'}, before this run starts`);
            await deleteAndWait(client, info, ns, name, String(obj.metadata.uid), timeoutMs);
        }
    }
    const tasks = plan.tasks.map((t) => {
        const name = renamed.get(t);
        if (!name)
            return t;
        const object = structuredClone(t.object);
        object.metadata.name = name;
        const adoptedTask = { ...t, name, object };
        adopted.add((0,_plan_sync_task_js__WEBPACK_IMPORTED_MODULE_3__/* .taskRef */ .r)(adoptedTask));
        return adoptedTask;
    });
    return { plan: { ...plan, tasks }, adopted };
}
/** Deletes (Foreground) and waits on a watch until that object is gone, at most `timeoutMs`. */
async function deleteAndWait(client, info, namespace, name, uid, timeoutMs) {
    const watcher = new _cluster_object_watcher_js__WEBPACK_IMPORTED_MODULE_0__/* .ObjectWatcher */ .A(client);
    try {
        let gone = false;
        let wake = () => { };
        watcher.onChange((c) => {
            if (c.type === 'DELETED' && String(c.object.metadata.uid) === uid) {
                gone = true;
                wake();
            }
        });
        await watcher.watch(info, namespace || undefined);
        const ref = {
            apiVersion: info.group ? `${info.group}/${info.version}` : info.version,
            kind: info.kind,
            namespace: namespace || undefined,
            name,
        };
        if (!(await client.delete(ref, { propagationPolicy: 'Foreground', uid })))
            return;
        if (!watcher.get(info.group, info.kind, namespace || undefined, name))
            return;
        await new Promise((resolve) => {
            const timer = setTimeout(resolve, Math.max(0, timeoutMs));
            wake = () => {
                clearTimeout(timer);
                resolve();
            };
            if (gone)
                wake();
        });
        if (!gone)
            throw new Error(`${info.kind} ${name}, left running by an earlier run, was not gone in time after its deletion`);
    }
    finally {
        watcher.close();
    }
}


/***/ }),

/***/ 9037:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FY: () => (/* binding */ applyImageOverrides),
  xd: () => (/* binding */ overrideInputsFromFlags),
  L6: () => (/* binding */ overrideInputsFromLines),
  Y0: () => (/* binding */ parseImageOverrides)
});

// EXTERNAL MODULE: ./src/manifests/kube-object.ts
var kube_object = __webpack_require__(9293);
;// CONCATENATED MODULE: ./src/manifests/image-reference.ts
/**
 * Container image references: split into repository, tag and digest, and the repository normalised as
 * Docker and containerd do (`nginx` is `docker.io/library/nginx`), so that an override written either way
 * finds the image. Nothing else is normalised: registry and path are compared exactly.
 */
const DEFAULT_REGISTRY = 'docker.io';
/**
 * Splits any string the way a container runtime would read it, without judging it: an image the user
 * wrote with a placeholder (`${IMAGE}`) simply never matches an override.
 */
function splitImage(image) {
    const at = image.indexOf('@');
    const digest = at >= 0 ? image.slice(at + 1) : undefined;
    const named = at >= 0 ? image.slice(0, at) : image;
    // A colon after the last slash starts the tag; one before it is a registry's port.
    const colon = named.lastIndexOf(':');
    const tag = colon > named.lastIndexOf('/') ? named.slice(colon + 1) : undefined;
    return {
        repository: tag === undefined ? named : named.slice(0, colon),
        ...(tag !== undefined ? { tag } : {}),
        ...(digest !== undefined ? { digest } : {}),
    };
}
/**
 * The repository as a runtime pulls it: the registry is the first path component only when it looks like
 * a host (a dot, a port, `localhost`, or upper case); otherwise Docker Hub, whose one-component names
 * live under `library/`. `index.docker.io` is Docker Hub's old name.
 */
function normaliseRepository(repository) {
    const slash = repository.indexOf('/');
    const first = slash < 0 ? '' : repository.slice(0, slash);
    const isHost = slash >= 0 &&
        (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
    let registry = isHost ? first : DEFAULT_REGISTRY;
    let path = isHost ? repository.slice(slash + 1) : repository;
    if (registry === 'index.docker.io')
        registry = DEFAULT_REGISTRY;
    if (registry === DEFAULT_REGISTRY && !path.includes('/'))
        path = `library/${path}`;
    return `${registry}/${path}`;
}
/** The image string with its tag and digest replaced, the repository kept as written. */
function formatImage(repository, tag, digest) {
    return `${repository}${tag !== undefined ? `:${tag}` : ''}${digest !== undefined ? `@${digest}` : ''}`;
}
// The reference grammar of the distribution project (docker/distribution `reference`), written out.
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const DOMAIN = `${HOST}(?::[0-9]+)?`;
const NAME = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGESTS = { sha256: 64, sha512: 128 };
const MAX_NAME_LENGTH = 255;
/**
 * Why `text` is not a usable override (`REPOSITORY:TAG`, `REPOSITORY@DIGEST`, or both), or undefined
 * when it is one.
 */
function overrideProblem(text) {
    if (/\s/.test(text))
        return 'it contains a space (write one image per line, or one per --image)';
    const ref = splitImage(text);
    if (ref.tag === undefined && ref.digest === undefined)
        return 'it names no tag or digest, so there is nothing to put in place of the current one';
    if (!ref.repository)
        return 'the repository is missing';
    if (ref.repository.length > MAX_NAME_LENGTH)
        return `the repository is longer than ${MAX_NAME_LENGTH} characters`;
    if (!NAME.test(ref.repository)) {
        const path = ref.repository.slice(ref.repository.indexOf('/') + 1);
        return /[A-Z]/.test(path)
            ? `the repository "${ref.repository}" has upper-case letters in its path, which registries refuse`
            : `"${ref.repository}" is not a repository name`;
    }
    if (ref.tag !== undefined && !TAG.test(ref.tag))
        return `"${ref.tag}" is not a tag (letters, digits, _ . -, at most 128, not starting with . or -)`;
    if (ref.digest !== undefined) {
        const [algorithm, hex = ''] = ref.digest.split(':', 2);
        const length = DIGESTS[algorithm ?? ''];
        if (!length || hex.length !== length || !/^[a-f0-9]+$/.test(hex) || ref.digest.split(':').length > 2)
            return `"${ref.digest}" is not a digest (sha256: and 64 lower-case hex digits)`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/manifests/image-overrides.ts


const EXPECTED = 'write REPOSITORY:TAG or REPOSITORY@sha256:<64 hex digits>, e.g. ghcr.io/acme/api:0123abc; the repository is compared with each container image, registry and path exactly';
/** Action input text: one entry a line; blank lines and `#` comments skipped, line numbers kept. */
function overrideInputsFromLines(text, inputName) {
    return text.split(/\r?\n/).flatMap((line, i) => {
        const value = line.trim();
        return value && !value.startsWith('#') ? [{ value, origin: `input "${inputName}", line ${i + 1}` }] : [];
    });
}
function overrideInputsFromFlags(values) {
    return (values ?? []).map((value) => ({ value: value.trim(), origin: '--image' }));
}
function parseImageOverrides(inputs) {
    const diagnostics = [];
    const byRepository = new Map();
    for (const { value, origin } of inputs) {
        const problem = overrideProblem(value);
        if (problem) {
            diagnostics.push({
                severity: 'error',
                code: 'invalid-image-override',
                message: `the image "${value}" (${origin}) cannot be used: ${problem}`,
                hint: EXPECTED,
            });
            continue;
        }
        const ref = splitImage(value);
        const override = {
            entry: value,
            origin,
            repository: normaliseRepository(ref.repository),
            ...(ref.tag !== undefined ? { tag: ref.tag } : {}),
            ...(ref.digest !== undefined ? { digest: ref.digest } : {}),
        };
        const earlier = byRepository.get(override.repository);
        if (!earlier)
            byRepository.set(override.repository, override);
        else if (earlier.tag !== override.tag || earlier.digest !== override.digest)
            diagnostics.push({
                severity: 'error',
                code: 'conflicting-image-overrides',
                message: `the image "${value}" (${origin}) and "${earlier.entry}" (${earlier.origin}) are for the same repository ${override.repository}`,
                hint: 'give one image per repository',
            });
    }
    return { overrides: [...byRepository.values()], diagnostics };
}
/** Where the pod spec is, by `group/Kind`; the kinds whose containers a substitution reaches. */
const POD_SPEC_PATHS = {
    '/Pod': ['spec'],
    '/PodTemplate': ['template', 'spec'],
    '/ReplicationController': ['spec', 'template', 'spec'],
    'apps/Deployment': ['spec', 'template', 'spec'],
    'apps/StatefulSet': ['spec', 'template', 'spec'],
    'apps/DaemonSet': ['spec', 'template', 'spec'],
    'apps/ReplicaSet': ['spec', 'template', 'spec'],
    'batch/Job': ['spec', 'template', 'spec'],
    'batch/CronJob': ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
const CONTAINER_FIELDS = ['containers', 'initContainers', 'ephemeralContainers'];
function podSpecPath(object) {
    if (typeof object.apiVersion !== 'string' || typeof object.kind !== 'string')
        return undefined;
    return POD_SPEC_PATHS[`${(0,kube_object/* groupOf */.F8)(object.apiVersion)}/${object.kind}`];
}
function fieldAt(root, fieldPath) {
    let node = root;
    for (const key of fieldPath) {
        if (typeof key === 'number' ? !Array.isArray(node) : !(0,kube_object/* isRecord */.u4)(node))
            return undefined;
        node = node[key];
    }
    return node;
}
function objectRef(object) {
    const meta = object.metadata ?? {};
    const name = typeof meta.name === 'string'
        ? meta.name
        : typeof meta.generateName === 'string'
            ? `${meta.generateName}…`
            : '(no name)';
    return {
        kind: String(object.kind),
        name,
        ...(typeof meta.namespace === 'string' ? { namespace: meta.namespace } : {}),
    };
}
/**
 * Every container image of `manifest` that an override names, with its new value. Read from the object
 * as loaded, before anything is written: YAML aliases can make two containers one shared value.
 */
function plannedWrites(manifest, overrides, matched, seen) {
    const writes = [];
    const substitutions = [];
    const specPath = podSpecPath(manifest.object);
    if (!specPath)
        return { writes, substitutions };
    for (const field of CONTAINER_FIELDS) {
        const containers = fieldAt(manifest.object, [...specPath, field]);
        if (!Array.isArray(containers))
            continue;
        containers.forEach((container, index) => {
            if (!(0,kube_object/* isRecord */.u4)(container) || typeof container.image !== 'string')
                return;
            const ref = splitImage(container.image);
            seen.add(ref.repository);
            const override = overrides.get(normaliseRepository(ref.repository));
            if (!override)
                return;
            matched.add(override);
            const image = formatImage(ref.repository, override.tag, override.digest);
            if (image === container.image)
                return;
            const path = [...specPath, field, index, 'image'];
            writes.push({ path, image });
            substitutions.push({
                object: objectRef(manifest.object),
                container: typeof container.name === 'string' ? container.name : `#${index + 1}`,
                field,
                from: container.image,
                to: image,
                entry: override.entry,
                source: manifest.locate(path),
                manifest: manifest.source,
            });
        });
    }
    return { writes, substitutions };
}
function unmatchedWarning(override, seen) {
    const found = [...seen].sort();
    const listed = found.slice(0, 8).join(', ') + (found.length > 8 ? `, … (${found.length} in all)` : '');
    return {
        severity: 'warning',
        code: 'image-override-unmatched',
        message: `no container image has the repository of "${override.entry}" (${override.origin}); nothing was substituted for it`,
        hint: found.length
            ? `the repositories in the manifests are ${listed}; registry and path must be the same (docker.io/library/ may be left out)`
            : 'the manifests have no container images',
    };
}
/**
 * Applies the overrides. Objects with a substitution are copied (the copy differs in image strings
 * only); every other manifest is returned as it was.
 */
function applyImageOverrides(manifests, overrides) {
    if (overrides.length === 0)
        return { manifests: [...manifests], substitutions: [], diagnostics: [] };
    const byRepository = new Map(overrides.map((o) => [o.repository, o]));
    const matched = new Set();
    const seen = new Set();
    const substitutions = [];
    const out = manifests.map((manifest) => {
        const planned = plannedWrites(manifest, byRepository, matched, seen);
        if (planned.writes.length === 0)
            return manifest;
        substitutions.push(...planned.substitutions);
        // structuredClone keeps values that aliases share shared: each write then lands once per value.
        const object = structuredClone(manifest.object);
        for (const { path, image } of planned.writes) {
            const container = fieldAt(object, path.slice(0, -1));
            container.image = image;
        }
        return { ...manifest, object };
    });
    const diagnostics = overrides.filter((o) => !matched.has(o)).map((o) => unmatchedWarning(o, seen));
    return { manifests: out, substitutions, diagnostics };
}


/***/ }),

/***/ 9293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F8: () => (/* binding */ groupOf),
/* harmony export */   US: () => (/* binding */ identityKey),
/* harmony export */   mB: () => (/* binding */ stringAnnotations),
/* harmony export */   u4: () => (/* binding */ isRecord)
/* harmony export */ });
/** The API group of an apiVersion: `apps/v1` → `apps`, `v1` → `` (the core group). */
function groupOf(apiVersion) {
    const slash = apiVersion.indexOf('/');
    return slash < 0 ? '' : apiVersion.slice(0, slash);
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Annotations as strings only; validation reports non-string values separately. */
function stringAnnotations(obj) {
    const raw = obj.metadata?.annotations;
    const out = {};
    if (!isRecord(raw))
        return out;
    for (const [key, value] of Object.entries(raw)) {
        if (typeof value === 'string')
            out[key] = value;
    }
    return out;
}
/** Identity of an object in a cluster: what makes two manifests "the same object". */
function identityKey(group, kind, namespace, name) {
    return `${group}/${kind}/${namespace}/${name}`;
}


/***/ }),

/***/ 3801:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DD: () => (/* binding */ loadManifests),
  k_: () => (/* binding */ parseManifestText)
});

// UNUSED EXPORTS: MANIFEST_EXTENSIONS, displayPath, resolveManifestPaths

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/manifests/kube-object.ts
var kube_object = __webpack_require__(9293);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/manifests/kustomize.ts
/**
 * Kustomize input: a manifests entry that is a directory holding a kustomization is rendered with
 * `kubectl kustomize <dir>` (kubectl is on GitHub's runners; `HOOK_SYNC_KUBECTL` names another binary),
 * and its output is loaded like a manifests file named `<dir> (kustomize)`, lines counted in that output.
 * Problems come back as diagnostics at the kustomization file, so nothing reaches a cluster.
 */



/** The names kustomize itself looks for, in its order. */
const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const KUBECTL_ENV = 'HOOK_SYNC_KUBECTL';
/** Remote bases are fetched by kustomize: generous, but a hung fetch must not hang the job. */
const RENDER_TIMEOUT_MS = 5 * 60_000;
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;
const MAX_MESSAGE_CHARS = 600;
/** The kustomization file among a directory's entry names, if any. */
function kustomizationAmong(names) {
    const present = new Set(names);
    return KUSTOMIZATION_FILES.find((n) => present.has(n));
}
/** The kustomization file of `dir`, if it holds one. */
async function kustomizationIn(dir) {
    try {
        return kustomizationAmong(await (0,promises_.readdir)(dir));
    }
    catch {
        return undefined;
    }
}
/** How objects rendered from `shownDir` name their source: `overlays/preview (kustomize)`. */
function kustomizeSourceName(shownDir) {
    return `${shownDir} (kustomize)`;
}
/**
 * The action's inputs (`INPUT_KUBECONFIG`, `INPUT_GITHUB-TOKEN`) are credentials a render never needs:
 * kept out of kubectl's environment.
 */
function renderEnvironment(env) {
    return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('INPUT_')));
}
function run(binary, args, env) {
    return new Promise((resolve) => {
        (0,external_node_child_process_.execFile)(binary, args, {
            env: renderEnvironment(env),
            maxBuffer: MAX_OUTPUT_BYTES,
            timeout: RENDER_TIMEOUT_MS,
            encoding: 'utf8',
        }, (error, stdout, stderr) => resolve({ error, stdout, stderr }));
    });
}
/**
 * kubectl's own message, trimmed: the text of klog's `err="…"` (kubectl 1.30 and later) or of an
 * `error: …` line, on one line, absolute paths under the working directory made relative, cut to a length
 * an annotation can show.
 */
function kubectlMessage(stderr, cwd, realCwd = cwd) {
    let text = stderr.trim();
    const klog = /\berr="((?:[^"\\]|\\.)*)"/.exec(text);
    if (klog)
        text = klog[1]
            .replace(/\\(["\\])/g, '$1')
            .replace(/\\n/g, '\n')
            .replace(/\\t/g, '\t');
    else
        text = text.replace(/^error:\s*/i, '');
    for (const root of new Set([realCwd, cwd]))
        text = text.split(root + (external_node_path_default()).sep).join('');
    text = text.replace(/\s+/g, ' ').trim();
    return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…` : text;
}
/** What kustomize says on a successful render (`# Warning: 'commonLabels' is deprecated…`), one line each. */
function renderWarnings(stderr, shownDir, at) {
    return stderr
        .split('\n')
        .map((l) => l.replace(/^#?\s*(warning:\s*)?/i, '').trim())
        .filter(Boolean)
        .slice(0, 10)
        .map((message) => ({
        severity: 'warning',
        code: 'kustomize-warning',
        message: `"kubectl kustomize ${shownDir}": ${message}`,
        source: at,
    }));
}
/** Renders the kustomization in `dir` (absolute); `shownDir` is how the user knows it. */
async function renderKustomization(dir, shownDir, file, options) {
    const env = options.env ?? process.env;
    const override = env[KUBECTL_ENV]?.trim();
    const binary = override || 'kubectl';
    const at = { file: external_node_path_default().join(shownDir, file), line: 1 };
    const fail = (code, message, hint) => ({
        ok: false,
        diagnostic: { severity: 'error', code, message, hint, source: at },
    });
    const { error, stdout, stderr } = await run(binary, ['kustomize', dir], env);
    if (!error)
        return { ok: true, text: stdout, warnings: renderWarnings(stderr, shownDir, at) };
    const renderYourself = `render it yourself ("kubectl kustomize ${shownDir} > rendered.yaml", or "kustomize build ${shownDir}") and pass the rendered file instead`;
    if (error.code === 'ENOENT' || error.code === 'EACCES')
        return fail('kubectl-not-found', `"${shownDir}" holds a ${file}: rendering it needs kubectl, and ${override ? `"${binary}" (from ${KUBECTL_ENV})` : '"kubectl"'} ${error.code === 'ENOENT' ? (override ? 'does not exist' : 'was not found on the PATH') : 'cannot be run (permission denied)'}`, `install kubectl (https://kubernetes.io/docs/tasks/tools/; GitHub's hosted runners have it), set ${KUBECTL_ENV} to its path, or ${renderYourself}`);
    if (error.killed || error.signal)
        return fail('kustomize-failed', `"kubectl kustomize ${shownDir}" did not finish${error.killed ? ` within ${RENDER_TIMEOUT_MS / 60_000} minutes` : ` (${error.signal})`}`, `check the remote bases of the kustomization, or ${renderYourself}`);
    if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
        return fail('kustomize-failed', `"kubectl kustomize ${shownDir}" printed more than ${MAX_OUTPUT_BYTES / 1024 / 1024} MiB`, 'split the kustomization into smaller ones, each a manifests entry of its own');
    const realCwd = await (0,promises_.realpath)(options.cwd).catch(() => options.cwd);
    return fail('kustomize-failed', `"kubectl kustomize ${shownDir}" failed: ${kubectlMessage(stderr, options.cwd, realCwd) || `exit code ${String(error.code)}`}`, `fix the kustomization; "kubectl kustomize ${shownDir}" shows the same error`);
}

;// CONCATENATED MODULE: ./src/manifests/symlinks.ts
/**
 * Symbolic links met while looking for manifests. A link that leads nowhere is skipped, never silently:
 * the user meant something by it, so the warning says which link and what is wrong with it.
 */

/** Follows a link the way reading it would (stat follows the whole chain). */
async function followLink(link) {
    try {
        const info = await (0,promises_.stat)(link);
        return info.isDirectory() ? { kind: 'directory' } : { kind: 'file' };
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return { kind: 'dangling' };
        if (code === 'ELOOP')
            return { kind: 'loop' };
        return { kind: 'unreadable', reason: err.message };
    }
}
/** What the link says, for messages: it is what the user wrote with `ln -s`. */
async function linkText(link) {
    return (0,promises_.readlink)(link).catch(() => '?');
}
/** The warning for a link that cannot be read as a file; undefined for one that can. */
async function brokenLinkWarning(link, display, target) {
    const hint = 'fix the link or remove it';
    switch (target.kind) {
        case 'dangling':
            return {
                severity: 'warning',
                code: 'dangling-symlink',
                message: `"${display}" is a dangling symbolic link: its target "${await linkText(link)}" does not exist; skipped`,
                hint,
            };
        case 'loop':
            return {
                severity: 'warning',
                code: 'symlink-loop',
                message: `"${display}" is a symbolic link loop: following it leads back to a link already followed; skipped`,
                hint,
            };
        case 'unreadable':
            return {
                severity: 'warning',
                code: 'unreadable-symlink',
                message: `"${display}" is a symbolic link that cannot be followed (${target.reason}); skipped`,
                hint,
            };
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./src/manifests/text-problems.ts
/** A file with NUL bytes is not text: no parser message about it would help. */
function binaryFileProblem(text, file) {
    if (!text.includes('\u0000'))
        return undefined;
    return {
        severity: 'error',
        code: 'not-text',
        message: 'the file is binary, not a YAML or JSON manifest (it holds NUL bytes)',
        hint: 'remove it from the manifests path, or name only the folders and files that hold manifests',
        source: { file, line: 1 },
    };
}
/** The first line holding a Go template action (`{{ .Values.x }}`, `{{- if … }}`), 1-based. */
function templateLine(text) {
    const match = /\{\{-?\s*(?:[.$]|if\b|range\b|with\b|end\b|include\b|template\b|define\b|toYaml\b|-)/.exec(text);
    return match ? text.slice(0, match.index).split('\n').length : undefined;
}
const TEMPLATE_HINT = 'this is a Helm template: render it first (helm template <release> <chart> > rendered.yaml) and point hook-sync at the output';
/**
 * The message, hint and place of a file the parser refused. A `.json` file JSON refused too gets JSON's
 * own message when it says where (Node's does: "… (line 4 column 3)").
 */
function explainSyntaxError(reason, text, line, column, jsonError) {
    const position = jsonError instanceof SyntaxError ? / at position (\d+)/.exec(jsonError.message) : null;
    if (jsonError instanceof SyntaxError && position) {
        const before = text.slice(0, Number(position[1])).split('\n');
        return {
            message: `invalid JSON: ${jsonError.message.replace(/ in JSON at position \d+.*$/, '')}`,
            hint: 'fix the syntax at this line and column',
            line: before.length,
            column: before[before.length - 1].length + 1,
        };
    }
    const template = templateLine(text);
    if (template !== undefined)
        return {
            message: `the file is a template, not a manifest: template code ({{ … }}) at this line is not YAML (${reason})`,
            hint: TEMPLATE_HINT,
            line: template,
            column: 1,
        };
    const explained = explainYamlError(reason, text, line, column);
    return { message: `invalid YAML: ${explained.reason}`, hint: explained.hint, line, column };
}
function explainYamlError(reason, text, line, column) {
    if (/^duplicated mapping key/.test(reason)) {
        const key = /^\s*(?:- )?["']?([^"':]+)["']?\s*:/.exec(text.split(/\r?\n/)[line - 1]?.slice(column - 1) ?? '');
        return {
            reason: key ? `duplicated mapping key "${key[1].trim()}" (written twice in one mapping)` : reason,
            hint: 'keep one of them (the API server refuses duplicate keys too)',
        };
    }
    if (/^unidentified alias/.test(reason))
        return {
            reason,
            hint: 'an alias (*name) must come after its anchor (&name) in the same document: anchors do not carry across "---"',
        };
    if (/tab characters must not be used in indentation/.test(reason))
        return { reason, hint: 'indent with spaces: YAML does not allow tabs there' };
    return { reason, hint: 'fix the syntax at this line and column' };
}

;// CONCATENATED MODULE: ./src/manifests/walk-directory.ts
/**
 * The manifest files under a directory, in name order. Linked files are followed; linked directories are
 * not (as Argo CD), so a link cycle cannot loop. Links that are skipped are reported as warnings: a
 * dangling link, a loop of links, a link back to a directory that contains it (a directory cycle), and
 * any other linked directory, whose manifests would otherwise go missing without a word.
 */




const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
function hasManifestExtension(file) {
    return MANIFEST_EXTENSIONS.includes(external_node_path_default().extname(file).toLowerCase());
}
/** True when `ancestor` is `dir` itself or one of the directories holding it. */
function contains(ancestor, dir) {
    return dir === ancestor || dir.startsWith(ancestor.endsWith((external_node_path_default()).sep) ? ancestor : ancestor + (external_node_path_default()).sep);
}
async function linkedDirectoryWarning(link, dir, ctx) {
    const [target, realDir, text] = await Promise.all([(0,promises_.realpath)(link), (0,promises_.realpath)(dir), linkText(link)]);
    if (contains(target, realDir)) {
        return {
            severity: 'warning',
            code: 'symlink-directory-cycle',
            message: `"${ctx.display(link)}" links to "${text}", a directory that contains the link (a directory cycle); not followed`,
            hint: 'remove the link',
        };
    }
    return {
        severity: 'warning',
        code: 'symlink-directory-skipped',
        message: `"${ctx.display(link)}" links to the directory "${text}"; linked directories are not followed, so its manifests are not loaded`,
        hint: 'name it as a path of its own to load it',
    };
}
/**
 * A Kustomize directory met on the walk is skipped whole: its files are a render's inputs (patches, a base
 * without the overlay's changes), not objects to apply as they are. Only a directory named as an entry of
 * its own is rendered, so pointing at `deploy/` never applies a base and each of its overlays at once.
 */
function nestedKustomizationWarning(dir, file, ctx) {
    const shown = ctx.display(dir);
    return {
        severity: 'warning',
        code: 'kustomization-skipped',
        message: `"${shown}" holds a ${file}: it is a Kustomize directory, so none of its files were loaded`,
        hint: `to render it with "kubectl kustomize", name "${shown}" as a manifests entry of its own`,
        source: { file: ctx.display(external_node_path_default().join(dir, file)), line: 1 },
    };
}
async function walkDirectory(dir, out, ctx) {
    const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
    const kustomization = kustomizationAmong(entries.map((e) => e.name));
    if (kustomization) {
        ctx.diagnostics.push(nestedKustomizationWarning(dir, kustomization, ctx));
        return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
        // Hidden entries (.git, .github) are never manifests a user meant to apply.
        if (entry.name.startsWith('.'))
            continue;
        const full = external_node_path_default().join(dir, entry.name);
        if (entry.isDirectory())
            await walkDirectory(full, out, ctx);
        else if (entry.isFile() && hasManifestExtension(entry.name))
            out.push(full);
        else if (entry.isSymbolicLink()) {
            const target = await followLink(full);
            if (target.kind === 'file') {
                if (hasManifestExtension(entry.name))
                    out.push(full);
            }
            else if (target.kind === 'directory') {
                ctx.diagnostics.push(await linkedDirectoryWarning(full, dir, ctx));
            }
            else if (hasManifestExtension(entry.name) || external_node_path_default().extname(entry.name) === '') {
                // A broken link named like a manifest, or like a directory, was meant to be read.
                const warning = await brokenLinkWarning(full, ctx.display(full), target);
                if (warning)
                    ctx.diagnostics.push(warning);
            }
        }
    }
}

// EXTERNAL MODULE: ../../../node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(1813);
;// CONCATENATED MODULE: ./src/manifests/alias-expansion.ts
/**
 * A guard against YAML alias bombs ("billion laughs"): anchors that alias anchors, nine deep, fit in 600
 * bytes and stand for 9^9 nodes. js-yaml shares aliased values instead of copying them, so loading and
 * planning stay cheap, but anything that walks or serialises the objects (a sync sends them as JSON)
 * expands them for real. We count, on the parser's events and without expanding anything, how many nodes
 * the aliases of each document stand for, and refuse the file past a generous budget.
 */

/** Nodes aliases may add to a file, whatever its size: real manifests use a few hundred at most. */
const MIN_ALIAS_BUDGET = 100_000;
/** Larger files get more: aliases may multiply what is written by this much. */
const ALIAS_BUDGET_PER_WRITTEN_NODE = 10;
function anchorName(source, e) {
    return e.anchorStart >= 0 ? source.slice(e.anchorStart, e.anchorEnd) : undefined;
}
/**
 * One linear pass: every node counts itself plus its children; an anchored node remembers its count, and
 * an alias counts what its anchor counted. Counts are numbers, so even 9^100 stays a (huge) number.
 */
function measureAliasExpansion(events, source) {
    const documents = [];
    let writtenNodes = 0;
    let anchors = new Map();
    let current;
    // Nodes under each open collection, the collection itself included; its anchor, if any.
    const stack = [];
    const add = (count) => {
        const top = stack[stack.length - 1];
        if (top)
            top.count += count;
    };
    for (const e of events) {
        switch (e.type) {
            case js_yaml/* EVENT_ID */.hy.DOCUMENT:
                // Anchors are local to their document.
                anchors = new Map();
                current = { offset: -1, aliasNodes: 0 };
                documents.push(current);
                break;
            case js_yaml/* EVENT_ID */.hy.MAPPING:
            case js_yaml/* EVENT_ID */.hy.SEQUENCE:
                if (current && current.offset < 0)
                    current.offset = e.start;
                writtenNodes++;
                stack.push({ count: 1, anchor: anchorName(source, e) });
                break;
            case js_yaml/* EVENT_ID */.hy.SCALAR: {
                if (current && current.offset < 0 && e.valueStart >= 0)
                    current.offset = e.valueStart;
                writtenNodes++;
                const anchor = anchorName(source, e);
                if (anchor !== undefined)
                    anchors.set(anchor, 1);
                add(1);
                break;
            }
            case js_yaml/* EVENT_ID */.hy.ALIAS: {
                if (current && current.offset < 0)
                    current.offset = e.anchorStart;
                const count = anchors.get(source.slice(e.anchorStart, e.anchorEnd)) ?? 1;
                if (current)
                    current.aliasNodes += count;
                add(count);
                break;
            }
            case js_yaml/* EVENT_ID */.hy.POP: {
                // Closes a collection, or a document (whose stack is then empty).
                const closed = stack.pop();
                if (!closed)
                    break;
                if (closed.anchor !== undefined)
                    anchors.set(closed.anchor, closed.count);
                add(closed.count);
                break;
            }
        }
    }
    return { documents, writtenNodes };
}
/** The first document at which the file's aliases pass max(100,000, 10 × the nodes written). */
function findAliasBudgetExceeded(events, source) {
    const { documents, writtenNodes } = measureAliasExpansion(events, source);
    const budget = Math.max(MIN_ALIAS_BUDGET, ALIAS_BUDGET_PER_WRITTEN_NODE * writtenNodes);
    let total = 0;
    for (const doc of documents) {
        total += doc.aliasNodes;
        if (total > budget)
            return { ...doc, total, budget };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/manifests/yaml-documents.ts
/**
 * Multi-document YAML with source positions. js-yaml's parser emits events carrying source offsets; we walk
 * them once to build a tree of positions beside the constructed values, so any field of any object (an
 * annotation, a List item) can be pointed at by line, not only the document it sits in.
 */


/** Kubernetes' own YAML reader honours `<<` merge keys; the 1.2 core schema otherwise matches it. */
const SCHEMA = js_yaml/* CORE_SCHEMA */.OU.withTags(js_yaml/* mergeTag */.LJ);
class YamlSyntaxError extends Error {
    reason;
    line;
    column;
    constructor(reason, 
    /** 1-based. */
    line, 
    /** 1-based. */
    column) {
        super(`${reason} (line ${line}, column ${column})`);
        this.reason = reason;
        this.line = line;
        this.column = column;
        this.name = 'YamlSyntaxError';
    }
}
/** 387,420,489; past a trillion, 1.2e+15 (a bomb's count can be astronomically large). */
function formatCount(n) {
    return n < 1e12 ? Math.round(n).toLocaleString('en-US') : n.toExponential(1);
}
/** The aliases of a document stand for more nodes than any manifest needs: an alias bomb. */
class YamlAliasBombError extends Error {
    offset;
    nodes;
    budget;
    constructor(
    /** Offset of the document's first node. */
    offset, 
    /** Nodes the file's aliases stand for, up to and including this document. */
    nodes, budget) {
        super(`YAML aliases expand to too many nodes (${formatCount(nodes)}; the limit is ${formatCount(budget)})`);
        this.offset = offset;
        this.nodes = nodes;
        this.budget = budget;
        this.name = 'YamlAliasBombError';
    }
}
/** Offsets to 1-based lines and columns. */
class LineIndex {
    starts = [0];
    constructor(text) {
        for (let i = 0; i < text.length; i++)
            if (text.charCodeAt(i) === 10)
                this.starts.push(i + 1);
    }
    position(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if ((this.starts[mid] ?? 0) <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
    }
}
function eventOffset(e) {
    switch (e.type) {
        case js_yaml/* EVENT_ID */.hy.MAPPING:
        case js_yaml/* EVENT_ID */.hy.SEQUENCE:
            return e.anchorStart >= 0 ? Math.min(e.anchorStart, e.start) : e.start;
        case js_yaml/* EVENT_ID */.hy.SCALAR:
            return e.valueStart;
        case js_yaml/* EVENT_ID */.hy.ALIAS:
            return e.anchorStart;
        default:
            return -1;
    }
}
function buildPositions(events, source) {
    const roots = [];
    const stack = [];
    const attach = (child, keyName) => {
        const parent = stack[stack.length - 1];
        if (!parent)
            return;
        if (parent.isDocument) {
            parent.root = child;
            return;
        }
        if (parent.node?.items) {
            parent.node.items.push(child);
            return;
        }
        if (parent.node?.entries) {
            if (parent.expectKey) {
                parent.pendingKey = { name: keyName ?? '\u0000complex-key', offset: child.offset };
                parent.expectKey = false;
            }
            else {
                const key = parent.pendingKey ?? { name: '\u0000missing-key', offset: child.offset };
                // Only reached when duplicates are allowed (js-yaml refuses them otherwise); the later one wins,
                // as in the constructed value.
                if (parent.node.entries.has(key.name) && !key.name.startsWith('\u0000'))
                    stack[0]?.duplicateKeys?.push({ key: key.name, offset: key.offset });
                parent.node.entries.set(key.name, { keyOffset: key.offset, value: child });
                parent.pendingKey = undefined;
                parent.expectKey = true;
            }
        }
    };
    for (const e of events) {
        switch (e.type) {
            case js_yaml/* EVENT_ID */.hy.DOCUMENT:
                stack.push({ node: undefined, expectKey: false, isDocument: true, duplicateKeys: [] });
                break;
            case js_yaml/* EVENT_ID */.hy.MAPPING:
            case js_yaml/* EVENT_ID */.hy.SEQUENCE: {
                const node = e.type === js_yaml/* EVENT_ID */.hy.MAPPING
                    ? { offset: eventOffset(e), entries: new Map() }
                    : { offset: eventOffset(e), items: [] };
                attach(node, undefined);
                stack.push({ node, expectKey: true, isDocument: false });
                break;
            }
            case js_yaml/* EVENT_ID */.hy.SCALAR: {
                const empty = e.valueStart < 0;
                const node = {
                    offset: empty ? (stack[stack.length - 1]?.node?.offset ?? 0) : e.valueStart,
                };
                const isKey = !!stack[stack.length - 1]?.node?.entries && !!stack[stack.length - 1]?.expectKey;
                attach(node, isKey ? (0,js_yaml/* getScalarValue */.KE)(source, e) : undefined);
                break;
            }
            case js_yaml/* EVENT_ID */.hy.ALIAS:
                attach({ offset: eventOffset(e) });
                break;
            case js_yaml/* EVENT_ID */.hy.POP: {
                const frame = stack.pop();
                if (frame?.isDocument) {
                    // An empty document holds a single empty scalar; it has no position worth reporting.
                    const root = frame.root;
                    roots.push({
                        root: root && (root.entries || root.items) ? root : undefined,
                        duplicateKeys: frame.duplicateKeys ?? [],
                    });
                }
                break;
            }
        }
    }
    return roots;
}
function toSyntaxError(err) {
    const e = err;
    const line = (e.mark?.line ?? 0) + 1;
    const column = (e.mark?.column ?? 0) + 1;
    return new YamlSyntaxError(e.reason ?? e.message ?? String(err), line, column);
}
/**
 * Parses every document of a YAML (or JSON) text. Throws YamlSyntaxError with a 1-based line and column,
 * or YamlAliasBombError before anything is built.
 */
function parseYamlDocuments(text, options = {}) {
    const lenient = options.duplicateKeys === 'last-wins';
    let events;
    try {
        events = (0,js_yaml/* parseEvents */.PH)(text, {});
    }
    catch (err) {
        throw toSyntaxError(err);
    }
    const bomb = findAliasBudgetExceeded(events, text);
    if (bomb)
        throw new YamlAliasBombError(Math.max(bomb.offset, 0), bomb.total, bomb.budget);
    let values;
    try {
        // js-yaml's `json` mode keeps the last of duplicated keys (JSON.parse's rule) instead of refusing them.
        values = (0,js_yaml/* constructFromEvents */.fw)(events, { source: text, schema: SCHEMA, json: lenient });
    }
    catch (err) {
        throw toSyntaxError(err);
    }
    const positions = buildPositions(events, text);
    return values.map((value, i) => {
        const doc = { value, root: positions[i]?.root };
        const duplicateKeys = positions[i]?.duplicateKeys ?? [];
        if (duplicateKeys.length > 0)
            doc.duplicateKeys = duplicateKeys;
        return doc;
    });
}
/** The offset of the deepest node along `path` that exists; the root's when none does. */
function offsetAt(root, path) {
    let node = root;
    let best = root?.offset;
    for (const step of path) {
        if (!node)
            break;
        if (typeof step === 'number')
            node = node.items?.[step];
        else
            node = node.entries?.get(step)?.value;
        if (node)
            best = node.offset;
    }
    return best;
}
/** The sub-tree at `path`, if every step exists. */
function nodeAt(root, path) {
    let node = root;
    for (const step of path) {
        if (!node)
            return undefined;
        node = typeof step === 'number' ? node.items?.[step] : node.entries?.get(step)?.value;
    }
    return node;
}

;// CONCATENATED MODULE: ./src/manifests/load-manifests.ts
/**
 * Turns the paths a user gives (files, directories, globs) into objects, each remembering the file and line
 * it came from. Loading never stops at the first problem: every error in every file is collected, so one
 * CI run shows them all.
 */










const GLOB_CHARS = /[*?[\]{}]/;
/**
 * Expands the user's paths into an ordered, de-duplicated list of absolute file paths; an entry that is a
 * Kustomize directory stays a directory, listed in `kustomizations` too, to be rendered.
 */
async function resolveManifestPaths(inputs, cwd) {
    const diagnostics = [];
    const found = [];
    /** Directory → its kustomization file's name. */
    const kustomizations = new Map();
    for (const input of inputs) {
        const abs = external_node_path_default().resolve(cwd, input);
        if (GLOB_CHARS.test(input)) {
            const matches = [];
            for await (const match of (0,promises_.glob)(input, { cwd })) {
                const full = external_node_path_default().resolve(cwd, match);
                if (!hasManifestExtension(full))
                    continue;
                if (!(await (0,promises_.lstat)(full)).isSymbolicLink()) {
                    if ((await (0,promises_.stat)(full)).isFile())
                        matches.push(full);
                    continue;
                }
                // A pattern matches broken links too: warn and go on, as for a directory.
                const target = await followLink(full);
                if (target.kind === 'file')
                    matches.push(full);
                const warning = await brokenLinkWarning(full, displayPath(full, cwd), target);
                if (warning)
                    diagnostics.push(warning);
            }
            matches.sort();
            if (matches.length === 0) {
                diagnostics.push({
                    severity: 'error',
                    code: 'no-manifests',
                    message: `the pattern "${input}" matched no .yaml, .yml or .json file`,
                    hint: `check the pattern against the files under ${cwd}`,
                });
            }
            found.push(...matches);
            continue;
        }
        let info;
        try {
            info = await (0,promises_.stat)(abs);
        }
        catch {
            diagnostics.push({
                severity: 'error',
                code: 'path-not-found',
                message: `no such file or directory: ${input}`,
                hint: `paths are resolved from ${cwd}`,
            });
            continue;
        }
        const kustomization = info.isDirectory() ? await kustomizationIn(abs) : undefined;
        if (kustomization) {
            kustomizations.set(abs, kustomization);
            found.push(abs);
        }
        else if (info.isDirectory()) {
            const before = found.length;
            const warnings = diagnostics.length;
            await walkDirectory(abs, found, { display: (f) => displayPath(f, cwd), diagnostics });
            if (found.length === before) {
                const skipped = diagnostics.slice(warnings).some((d) => d.code === 'kustomization-skipped');
                diagnostics.push({
                    severity: 'error',
                    code: 'no-manifests',
                    message: `the directory "${input}" holds no .yaml, .yml or .json file${skipped ? ' outside its Kustomize directories' : ''}`,
                    hint: skipped
                        ? 'name each Kustomize directory to render as a manifests entry of its own'
                        : 'point at the directory that holds the manifests',
                });
            }
        }
        else {
            found.push(abs);
        }
    }
    const seen = new Set();
    const files = [];
    // One system call a file, in turn (as the files are read, below): a thousand promises through the thread
    // pool cost more than the calls themselves.
    for (const file of found) {
        let real = file;
        try {
            real = external_node_fs_.realpathSync.native(file);
        }
        catch {
            // Gone or unreadable: reading it says so, with the file's name.
        }
        if (seen.has(real))
            continue;
        seen.add(real);
        files.push(file);
    }
    return { files, kustomizations, diagnostics };
}
function displayPath(file, cwd) {
    const rel = external_node_path_default().relative(cwd, file);
    return rel && !rel.startsWith('..') && !external_node_path_default().isAbsolute(rel) ? rel : file;
}
/** A directory as shown: `.` for the working directory itself. */
function displayDirectory(dir, cwd) {
    return external_node_path_default().relative(cwd, dir) === '' ? '.' : displayPath(dir, cwd);
}
/** A kustomization named as a file (by a glob, say): it is the render's input, not an object. */
function kustomizationFileWarning(display) {
    return {
        severity: 'warning',
        code: 'kustomization-skipped',
        message: 'a kustomization is not a Kubernetes object and was not applied',
        hint: `to render it with "kubectl kustomize", name its directory ("${external_node_path_default().dirname(display)}") as a manifests entry`,
        source: { file: display, line: 1 },
    };
}
function isKustomization(obj) {
    return (obj.kind === 'Kustomization' &&
        typeof obj.apiVersion === 'string' &&
        obj.apiVersion.startsWith('kustomize.config.k8s.io/'));
}
/**
 * Parses one file's text into manifests; problems go to `diagnostics`. `options.duplicateKeys` is for
 * reading what tools print (`hook-sync health`); manifests keep the default, which refuses them.
 */
function parseManifestText(text, file, diagnostics, options = {}) {
    const lines = new LineIndex(text);
    const at = (offset) => {
        const { line } = lines.position(offset ?? 0);
        return { file, line };
    };
    const binary = binaryFileProblem(text, file);
    if (binary) {
        diagnostics.push(binary);
        return [];
    }
    let documents;
    try {
        documents = parseYamlDocuments(text, options);
    }
    catch (err) {
        if (err instanceof YamlAliasBombError) {
            diagnostics.push({
                severity: 'error',
                code: 'yaml-alias-bomb',
                message: `YAML aliases expand to too many nodes: ${formatCount(err.nodes)} (at most ${formatCount(err.budget)} in this file)`,
                hint: 'nested aliases like these, a "billion laughs" alias bomb, would exhaust memory: write the repeated parts out, or alias fewer levels deep',
                source: at(err.offset),
            });
            return [];
        }
        if (!(err instanceof YamlSyntaxError))
            throw err;
        // Strict JSON that YAML rejects (tab indentation, for one) is still a valid manifest file.
        let jsonError;
        if (file.toLowerCase().endsWith('.json')) {
            try {
                documents = [{ value: JSON.parse(text), root: undefined }];
            }
            catch (e) {
                jsonError = e;
            }
        }
        if (!documents) {
            const explained = explainSyntaxError(err.reason, text, err.line, err.column, jsonError);
            diagnostics.push({
                severity: 'error',
                code: 'yaml-syntax',
                message: explained.message,
                hint: explained.hint,
                source: { file, line: explained.line, column: explained.column },
            });
            return [];
        }
    }
    const manifests = [];
    const add = (value, root) => {
        const source = at(root?.offset);
        if (!(0,kube_object/* isRecord */.u4)(value)) {
            diagnostics.push({
                severity: 'error',
                code: 'not-an-object',
                message: `a YAML document must be a Kubernetes object (a mapping with apiVersion and kind), found ${Array.isArray(value) ? 'a list' : typeof value}`,
                hint: 'remove it, or separate objects with "---"',
                source,
            });
            return;
        }
        if (isKustomization(value)) {
            diagnostics.push({
                severity: 'warning',
                code: 'kustomization-skipped',
                message: 'a kustomization is not a Kubernetes object and was not applied',
                hint: `to render it with "kubectl kustomize", name its directory as a manifests entry`,
                source,
            });
            return;
        }
        manifests.push({
            object: value,
            source,
            locate: (fieldPath) => at(offsetAt(root, fieldPath)),
        });
    };
    for (const doc of documents) {
        for (const dup of doc.duplicateKeys ?? []) {
            diagnostics.push({
                severity: 'warning',
                code: 'duplicate-key',
                message: `the key "${dup.key}" is written twice in one mapping; the last one is used`,
                source: { ...at(dup.offset), column: lines.position(dup.offset).column },
            });
        }
        const value = doc.value;
        if (value === null || value === undefined)
            continue; // empty document, trailing ---
        if ((0,kube_object/* isRecord */.u4)(value) &&
            typeof value.kind === 'string' &&
            value.kind.endsWith('List') &&
            Array.isArray(value.items)) {
            const itemsNode = nodeAt(doc.root, ['items']);
            value.items.forEach((item, i) => add(item, itemsNode?.items?.[i] ?? doc.root));
            continue;
        }
        add(value, doc.root);
    }
    return manifests;
}
/** Loads every manifest under `inputs`. Never throws for bad input: problems are in `diagnostics`. */
async function loadManifests(inputs, options = {}) {
    const cwd = options.cwd ?? process.cwd();
    const { files, kustomizations, diagnostics } = await resolveManifestPaths(inputs, cwd);
    const manifests = [];
    const shown = [];
    for (const file of files) {
        const kustomization = kustomizations.get(file);
        if (kustomization) {
            const dir = displayDirectory(file, cwd);
            shown.push(dir);
            const rendered = await renderKustomization(file, dir, kustomization, { cwd, env: options.env });
            if (rendered.ok) {
                diagnostics.push(...rendered.warnings);
                manifests.push(...parseManifestText(rendered.text, kustomizeSourceName(dir), diagnostics));
            }
            else
                diagnostics.push(rendered.diagnostic);
            continue;
        }
        const display = displayPath(file, cwd);
        shown.push(display);
        if (KUSTOMIZATION_FILES.includes(external_node_path_default().basename(file))) {
            diagnostics.push(kustomizationFileWarning(display));
            continue;
        }
        let text;
        try {
            // Read synchronously: nothing else runs before the plan exists, and fs/promises' readFile (open,
            // stat, read, close, each a trip through the thread pool) took half a second for 1,000 small files.
            text = (0,external_node_fs_.readFileSync)(file, 'utf8');
        }
        catch (err) {
            diagnostics.push({
                severity: 'error',
                code: 'unreadable-file',
                message: `cannot read the file: ${err.message}`,
                source: { file: display, line: 1 },
            });
            continue;
        }
        manifests.push(...parseManifestText(text, display, diagnostics));
    }
    return { manifests, diagnostics, files: shown };
}


/***/ }),

/***/ 5721:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ generatedHookName),
/* harmony export */   _: () => (/* binding */ revisionPrefix)
/* harmony export */ });
function revisionPrefix(revision) {
    return revision.length >= 8 ? revision.slice(0, 7) : revision;
}
function generatedHookName(generateName, revision, phase, startedAtUnix) {
    return generateName + `${revisionPrefix(revision)}-${phase}-${startedAtUnix}`.toLowerCase();
}


/***/ }),

/***/ 1040:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y: () => (/* binding */ loadPlan)
});

// EXTERNAL MODULE: ./src/diagnostics.ts
var src_diagnostics = __webpack_require__(5627);
// EXTERNAL MODULE: ./src/manifests/image-overrides.ts + 1 modules
var image_overrides = __webpack_require__(9037);
// EXTERNAL MODULE: ./src/manifests/load-manifests.ts + 6 modules
var load_manifests = __webpack_require__(3801);
// EXTERNAL MODULE: ./src/hooks/annotations.ts
var hooks_annotations = __webpack_require__(4734);
// EXTERNAL MODULE: ./src/hooks/nearest.ts
var nearest = __webpack_require__(9450);
;// CONCATENATED MODULE: ./src/hooks/delete-policy.ts
/**
 * When a hook object is deleted (contract §4). Argo and Helm policies are merged; none at all means
 * BeforeHookCreation, so a named hook runs again on every sync.
 */


const DELETE_POLICIES = ['BeforeHookCreation', 'HookSucceeded', 'HookFailed'];
const HELM_TO_ARGO = {
    'before-hook-creation': 'BeforeHookCreation',
    'hook-succeeded': 'HookSucceeded',
    'hook-failed': 'HookFailed',
};
function parseDeletePolicies(annotations) {
    const problems = [];
    const found = new Set();
    const argo = annotations[hooks_annotations/* ARGO_HOOK_DELETE_POLICY */.Lw];
    if (argo !== undefined) {
        for (const v of (0,hooks_annotations/* csv */.fu)(argo)) {
            if (DELETE_POLICIES.includes(v))
                found.add(v);
            else
                problems.push({
                    annotation: hooks_annotations/* ARGO_HOOK_DELETE_POLICY */.Lw,
                    severity: 'warning',
                    code: 'unknown-delete-policy',
                    message: `unknown hook delete policy "${v}" is ignored`,
                    hint: (0,nearest/* suggestion */.h)(v, DELETE_POLICIES),
                });
        }
    }
    const helm = annotations[hooks_annotations/* HELM_HOOK_DELETE_POLICY */.SC];
    if (helm !== undefined) {
        for (const v of (0,hooks_annotations/* csv */.fu)(helm)) {
            const mapped = HELM_TO_ARGO[v];
            if (mapped)
                found.add(mapped);
            else
                problems.push({
                    annotation: hooks_annotations/* HELM_HOOK_DELETE_POLICY */.SC,
                    severity: 'warning',
                    code: 'unknown-delete-policy',
                    message: `unknown Helm hook delete policy "${v}" is ignored`,
                    hint: (0,nearest/* suggestion */.h)(v, Object.keys(HELM_TO_ARGO)),
                });
        }
    }
    if (found.size === 0)
        return { policies: ['BeforeHookCreation'], defaulted: true, problems };
    return { policies: DELETE_POLICIES.filter((p) => found.has(p)), defaulted: false, problems };
}

// EXTERNAL MODULE: ./src/hooks/phase.ts
var phase = __webpack_require__(3595);
;// CONCATENATED MODULE: ./src/hooks/hook-types.ts
/**
 * Which phases an object runs in, from `argocd.argoproj.io/hook` and `helm.sh/hook` (contract §1).
 * Argo's recognised types win over Helm's on the same object; an object whose hook annotation names no
 * phase we know is dropped, as Argo CD drops it, but unlike Argo CD we say so.
 */



const ARGO_TYPES = [
    'PreSync',
    'Sync',
    'PostSync',
    'SyncFail',
    'PreDelete',
    'PostDelete',
    'Skip',
];
const HELM_TO_PHASE = {
    'pre-install': 'PreSync',
    'pre-upgrade': 'PreSync',
    'post-install': 'PostSync',
    'post-upgrade': 'PostSync',
    'pre-delete': 'PreDelete',
    'post-delete': 'PostDelete',
};
const HELM_TEST = ['test', 'test-success', 'test-failure'];
const HELM_ROLLBACK = ['pre-rollback', 'post-rollback'];
function sortPhases(phases) {
    return [...new Set(phases)].sort((a, b) => (0,phase/* phaseOrder */.CM)(a) - (0,phase/* phaseOrder */.CM)(b));
}
function argoTypes(value, problems) {
    const known = [];
    for (const v of (0,hooks_annotations/* csv */.fu)(value)) {
        if (ARGO_TYPES.includes(v)) {
            known.push(v);
            continue;
        }
        const sameButCase = ARGO_TYPES.find((t) => t.toLowerCase() === v.toLowerCase());
        problems.push({
            annotation: hooks_annotations/* ARGO_HOOK */.ij,
            severity: 'warning',
            code: 'unknown-hook-type',
            message: `unknown hook type "${v}"`,
            hint: sameButCase ? `hook types are case-sensitive: write "${sameButCase}"` : (0,nearest/* suggestion */.h)(v, ARGO_TYPES),
        });
    }
    return known;
}
function helmPhases(value, problems) {
    const phases = [];
    for (const v of (0,hooks_annotations/* csv */.fu)(value)) {
        const phase = HELM_TO_PHASE[v];
        if (phase)
            phases.push(phase);
        else if (v === 'crd-install')
            continue;
        else if (HELM_TEST.includes(v)) {
            problems.push({
                annotation: hooks_annotations/* HELM_HOOK */.vR,
                severity: 'warning',
                code: 'helm-test-hook-dropped',
                message: `Helm "${v}" hooks are not run during a sync`,
                hint: 'run chart tests with "helm test", or make it a PostSync hook with argocd.argoproj.io/hook: PostSync',
            });
        }
        else if (HELM_ROLLBACK.includes(v)) {
            problems.push({
                annotation: hooks_annotations/* HELM_HOOK */.vR,
                severity: 'warning',
                code: 'helm-rollback-hook-dropped',
                message: `Helm "${v}" hooks are not run during a sync`,
            });
        }
        else {
            problems.push({
                annotation: hooks_annotations/* HELM_HOOK */.vR,
                severity: 'warning',
                code: 'unknown-helm-hook',
                message: `unknown Helm hook "${v}"`,
                hint: (0,nearest/* suggestion */.h)(v, [...Object.keys(HELM_TO_PHASE), 'crd-install']),
            });
        }
    }
    return sortPhases(phases);
}
function classifyHook(annotations) {
    const problems = [];
    const argo = annotations[hooks_annotations/* ARGO_HOOK */.ij];
    const helm = annotations[hooks_annotations/* HELM_HOOK */.vR];
    if (argo !== undefined) {
        const types = argoTypes(argo, problems);
        const phases = sortPhases(types.filter((t) => t !== 'Skip'));
        if (phases.length > 0) {
            if (helm !== undefined) {
                problems.push({
                    annotation: hooks_annotations/* HELM_HOOK */.vR,
                    severity: 'warning',
                    code: 'helm-hook-overridden',
                    message: `helm.sh/hook "${helm}" is ignored because ${hooks_annotations/* ARGO_HOOK */.ij} is set on the same object`,
                    hint: 'remove one of the two annotations to make the intent clear',
                });
            }
            return { role: { role: 'hook', phases, from: 'argo' }, problems };
        }
        if (types.length === 1 && types[0] === 'Skip')
            return { role: { role: 'skip' }, problems };
        // No recognised Argo type: Argo CD falls back to the Helm types of the same object.
        const fromHelm = helm !== undefined ? helmPhases(helm, problems) : [];
        if (fromHelm.length > 0)
            return { role: { role: 'hook', phases: fromHelm, from: 'helm' }, problems };
        problems.push({
            annotation: hooks_annotations/* ARGO_HOOK */.ij,
            severity: 'warning',
            code: 'hook-dropped',
            message: `the object is a hook with no known phase ("${argo}"), so it is neither applied nor pruned`,
            hint: 'set a phase such as PreSync, or remove the annotation to apply it as a normal resource',
        });
        return { role: { role: 'dropped' }, problems };
    }
    if (helm !== undefined) {
        const values = (0,hooks_annotations/* csv */.fu)(helm);
        if (values.length === 1 && values[0] === 'crd-install')
            return { role: { role: 'resource' }, problems };
        const phases = helmPhases(helm, problems);
        if (phases.length > 0)
            return { role: { role: 'hook', phases, from: 'helm' }, problems };
        if (!problems.some((p) => p.code === 'helm-test-hook-dropped' || p.code === 'helm-rollback-hook-dropped')) {
            problems.push({
                annotation: hooks_annotations/* HELM_HOOK */.vR,
                severity: 'warning',
                code: 'hook-dropped',
                message: `the object is a Helm hook with no phase hook-sync runs ("${helm}"), so it is neither applied nor pruned`,
            });
        }
        return { role: { role: 'dropped' }, problems };
    }
    return { role: { role: 'resource' }, problems };
}

// EXTERNAL MODULE: ./src/hooks/sync-options.ts
var sync_options = __webpack_require__(3114);
;// CONCATENATED MODULE: ./src/hooks/sync-wave.ts
/**
 * The wave of an object: `argocd.argoproj.io/sync-wave`, else `helm.sh/hook-weight`, else 0. Argo CD
 * quietly treats a value it cannot parse as 0, which reorders a deployment without a word; we refuse it.
 */

const INTEGER = /^[+-]?\d+$/;
function parseInteger(value) {
    if (!INTEGER.test(value))
        return undefined;
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : undefined;
}
function parseWave(annotations) {
    for (const key of [hooks_annotations/* ARGO_SYNC_WAVE */._T, hooks_annotations/* HELM_HOOK_WEIGHT */.su]) {
        const raw = annotations[key];
        if (raw === undefined)
            continue;
        const wave = parseInteger(raw);
        if (wave !== undefined)
            return { wave: wave === 0 ? 0 : wave, problems: [] };
        return {
            wave: 0,
            problems: [
                {
                    annotation: key,
                    severity: 'error',
                    code: key === hooks_annotations/* ARGO_SYNC_WAVE */._T ? 'invalid-sync-wave' : 'invalid-hook-weight',
                    message: `${key} must be an integer, found "${raw}"`,
                    hint: 'write a whole number such as "1" or "-2" (negative waves run first)',
                },
            ],
        };
    }
    return { wave: 0, problems: [] };
}

// EXTERNAL MODULE: ./src/hooks/hook-sync-annotations.ts
var hook_sync_annotations = __webpack_require__(2590);
// EXTERNAL MODULE: ./src/manifests/kube-object.ts
var kube_object = __webpack_require__(9293);
;// CONCATENATED MODULE: ./src/manifests/object-size.ts

const MiB = 1024 * 1024;
/** ConfigMap and Secret data (the API server's validation). */
const MAX_DATA_BYTES = MiB;
/** All annotations of an object together. */
const MAX_ANNOTATION_BYTES = 256 * 1024;
/** One request to the API server (etcd's limit). */
const MAX_OBJECT_BYTES = 1.5 * MiB;
function size(bytes) {
    return bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}
function entriesBytes(map, decode) {
    if (!(0,kube_object/* isRecord */.u4)(map))
        return 0;
    let total = 0;
    for (const [key, value] of Object.entries(map))
        total += Buffer.byteLength(key) + (typeof value === 'string' ? decode(value) : 0);
    return total;
}
const utf8 = (v) => Buffer.byteLength(v);
const base64 = (v) => Buffer.from(v, 'base64').length;
/** Bytes of data the API server counts against the 1 MiB limit, for the kinds that have one. */
function dataBytes(kind, obj) {
    if (kind === 'ConfigMap')
        return entriesBytes(obj.data, utf8) + entriesBytes(obj.binaryData, base64);
    if (kind === 'Secret')
        return entriesBytes(obj.data, base64) + entriesBytes(obj.stringData, utf8);
    return undefined;
}
function sizeProblems(manifest, object) {
    const obj = manifest.object;
    const kind = typeof obj.kind === 'string' ? obj.kind : '';
    const error = (message, path, hint) => ({
        severity: 'error',
        code: 'object-too-large',
        message,
        hint,
        source: manifest.locate(path),
        object,
    });
    const problems = [];
    const data = dataBytes(kind, obj);
    if (data !== undefined && data > MAX_DATA_BYTES)
        problems.push(error(`the ${kind}'s data is ${size(data)}; the API server accepts at most 1 MiB (1,048,576 bytes) of data in a ${kind}`, ['data'], `split it into several ${kind}s, or keep large files out of the cluster's API (a volume, an image, object storage)`));
    const annotations = entriesBytes(obj.metadata?.annotations, utf8);
    if (annotations > MAX_ANNOTATION_BYTES)
        problems.push(error(`its annotations are ${size(annotations)}; the API server accepts at most 256 KiB of annotations per object`, ['metadata', 'annotations'], 'move large values into a ConfigMap and refer to it'));
    if (problems.length === 0) {
        const bytes = Buffer.byteLength(JSON.stringify(obj));
        if (bytes > MAX_OBJECT_BYTES)
            problems.push(error(`the object is ${size(bytes)}; the API server accepts at most 1.5 MiB per object`, [], 'split it into smaller objects'));
    }
    return problems;
}

;// CONCATENATED MODULE: ./src/manifests/validate-object.ts


function objectRefOf(manifest) {
    const obj = manifest.object;
    const meta = (0,kube_object/* isRecord */.u4)(obj.metadata) ? obj.metadata : {};
    const name = typeof meta.name === 'string' && meta.name
        ? meta.name
        : typeof meta.generateName === 'string'
            ? `${meta.generateName}*`
            : '(unnamed)';
    return {
        kind: typeof obj.kind === 'string' && obj.kind ? obj.kind : '(no kind)',
        name,
        namespace: typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : undefined,
    };
}
/** Checks the shape; returns it when usable, with problems appended to `diagnostics`. */
function validateShape(manifest, diagnostics) {
    const obj = manifest.object;
    const object = objectRefOf(manifest);
    const error = (code, message, path, hint) => diagnostics.push({ severity: 'error', code, message, hint, source: manifest.locate(path), object });
    let usable = true;
    if (typeof obj.apiVersion !== 'string' || !obj.apiVersion.trim()) {
        error('missing-api-version', 'apiVersion is missing', ['apiVersion'], 'add for example "apiVersion: v1"');
        usable = false;
    }
    if (typeof obj.kind !== 'string' || !obj.kind.trim()) {
        error('missing-kind', 'kind is missing', ['kind'], 'add for example "kind: ConfigMap"');
        usable = false;
    }
    if (obj.metadata !== undefined && !(0,kube_object/* isRecord */.u4)(obj.metadata)) {
        error('invalid-metadata', 'metadata must be a mapping', ['metadata']);
        return undefined;
    }
    const meta = obj.metadata ?? {};
    for (const field of ['name', 'generateName', 'namespace']) {
        const value = meta[field];
        if (value !== undefined && typeof value !== 'string') {
            error('invalid-metadata', `metadata.${field} must be a string`, ['metadata', field], 'quote it');
            usable = false;
        }
    }
    for (const field of ['annotations', 'labels']) {
        const map = meta[field];
        if (map === undefined || map === null)
            continue;
        if (!(0,kube_object/* isRecord */.u4)(map)) {
            error('invalid-metadata', `metadata.${field} must be a mapping of strings`, ['metadata', field]);
            usable = false;
            continue;
        }
        for (const [key, value] of Object.entries(map)) {
            if (typeof value !== 'string') {
                error('non-string-metadata', `metadata.${field}["${key}"] is ${value === null ? 'null' : `a ${typeof value}`}, but Kubernetes only accepts strings`, ['metadata', field, key], `quote the value: "${String(value ?? '')}"`);
                usable = false;
            }
        }
    }
    for (const [field, value] of [
        ['apiVersion', obj.apiVersion],
        ['kind', obj.kind],
        ...['name', 'generateName', 'namespace'].map((f) => [f, meta[f]]),
    ]) {
        if (typeof value === 'string' && value.includes('{{')) {
            error('unrendered-template', `${field} "${value}" is template code, not a value`, field === 'apiVersion' || field === 'kind' ? [field] : ['metadata', field], 'this looks like a Helm template: render it first (helm template <release> <chart> > rendered.yaml) and point hook-sync at the output');
            usable = false;
        }
    }
    const tooLarge = sizeProblems(manifest, object);
    diagnostics.push(...tooLarge);
    if (!usable || tooLarge.length)
        return undefined;
    if (typeof meta.name === 'string' &&
        meta.name &&
        typeof meta.generateName === 'string' &&
        meta.generateName)
        diagnostics.push({
            severity: 'warning',
            code: 'name-and-generate-name',
            message: `metadata.generateName "${meta.generateName}" is ignored: metadata.name "${meta.name}" is set`,
            hint: 'remove one: name for a fixed object, generateName for a hook that gets a new object every sync',
            source: manifest.locate(['metadata', 'generateName']),
            object,
        });
    return {
        apiVersion: obj.apiVersion,
        kind: obj.kind,
        name: typeof meta.name === 'string' && meta.name ? meta.name : undefined,
        generateName: typeof meta.generateName === 'string' && meta.generateName ? meta.generateName : undefined,
        namespace: typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : undefined,
    };
}

;// CONCATENATED MODULE: ./src/manifests/live-state-fields.ts


const SERVER_WRITTEN = ['uid', 'resourceVersion', 'creationTimestamp', 'managedFields', 'selfLink'];
function liveStateWarnings(manifest) {
    const obj = manifest.object;
    const meta = (0,kube_object/* isRecord */.u4)(obj.metadata) ? obj.metadata : {};
    const object = objectRefOf(manifest);
    const warn = (code, message, path, hint) => ({
        severity: 'warning',
        code,
        message,
        hint,
        source: manifest.locate(path),
        object,
    });
    const out = [];
    if (obj.kind === 'Event' && (obj.apiVersion === 'v1' || obj.apiVersion === 'events.k8s.io/v1'))
        out.push(warn('event-in-manifests', 'an Event is a record the cluster writes, not a manifest', ['kind'], 'remove it'));
    const owners = Array.isArray(meta.ownerReferences) ? meta.ownerReferences : [];
    if (owners.some((o) => (0,kube_object/* isRecord */.u4)(o) && o.controller === true))
        out.push(warn('controller-owned', 'this object belongs to a controller (metadata.ownerReferences with controller: true): the controller makes and deletes it', ['metadata', 'ownerReferences'], 'keep only the object that owns it (the Deployment, the Job…) in the manifests'));
    const written = SERVER_WRITTEN.filter((k) => k in meta);
    if (written.length || 'status' in obj)
        out.push(warn('live-state-fields', `has fields the cluster writes (${[...written.map((k) => `metadata.${k}`), ...('status' in obj ? ['status'] : [])].join(', ')}): it looks copied from a live cluster (kubectl get -o yaml)`, written.length ? ['metadata', written[0]] : ['status'], 'remove them; a stale resourceVersion makes the apply fail, and status is ignored'));
    return out;
}

// EXTERNAL MODULE: ./src/plan/hook-names.ts
var hook_names = __webpack_require__(5721);
;// CONCATENATED MODULE: ./src/plan/object-names.ts
/**
 * The name rules the API server enforces, checked before anything is sent, so a bad name fails the plan
 * with the manifest's line rather than half-way through a sync.
 */
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const subdomain = (max) => ({
    test: (n) => n.length <= max && SUBDOMAIN.test(n),
    describe: `lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most ${max} characters`,
});
const label = {
    test: (n) => n.length <= 63 && LABEL.test(n),
    describe: 'lower-case letters, digits and "-", starting and ending with a letter or digit, at most 63 characters',
};
const dns1035 = {
    test: (n) => n.length <= 63 && DNS1035_LABEL.test(n),
    describe: 'lower-case letters, digits and "-", starting with a letter, at most 63 characters',
};
/** RBAC objects and custom resources only need to be a valid URL path segment. */
const pathSegment = {
    test: (n) => n.length > 0 && n !== '.' && n !== '..' && !/[/%]/.test(n),
    describe: 'any text without "/" or "%", other than "." and ".."',
};
const RULES = {
    '/Namespace': label,
    '/Service': dns1035,
    // A Job's name becomes a label value on its pods; a CronJob's adds an 11-character suffix to it.
    'batch/Job': subdomain(63),
    'batch/CronJob': subdomain(52),
    'rbac.authorization.k8s.io/Role': pathSegment,
    'rbac.authorization.k8s.io/ClusterRole': pathSegment,
    'rbac.authorization.k8s.io/RoleBinding': pathSegment,
    'rbac.authorization.k8s.io/ClusterRoleBinding': pathSegment,
};
const BUILT_IN_GROUPS = new Set([
    '',
    'apps',
    'batch',
    'autoscaling',
    'policy',
    'networking.k8s.io',
    'storage.k8s.io',
    'rbac.authorization.k8s.io',
    'apiextensions.k8s.io',
    'apiregistration.k8s.io',
    'coordination.k8s.io',
    'discovery.k8s.io',
    'events.k8s.io',
    'scheduling.k8s.io',
    'node.k8s.io',
    'admissionregistration.k8s.io',
    'certificates.k8s.io',
]);
function nameRule(group, kind) {
    return RULES[`${group}/${kind}`] ?? (BUILT_IN_GROUPS.has(group) ? subdomain(253) : pathSegment);
}
/** Undefined when valid; otherwise what a valid name looks like. */
function checkObjectName(group, kind, name) {
    const rule = nameRule(group, kind);
    return rule.test(name) ? undefined : rule.describe;
}
function checkNamespaceName(name) {
    return label.test(name) ? undefined : label.describe;
}

;// CONCATENATED MODULE: ./src/plan/kind-order.ts
/**
 * Inside one phase and wave, kinds are applied in Helm's install order (the order Argo CD uses), so that
 * what a workload needs — its Namespace, ServiceAccount, ConfigMaps — exists before the workload.
 * Kinds not listed (custom resources among them) come after every listed kind.
 */
const INSTALL_ORDER = [
    'Namespace',
    'NetworkPolicy',
    'ResourceQuota',
    'LimitRange',
    'PodSecurityPolicy',
    'PodDisruptionBudget',
    'ServiceAccount',
    'Secret',
    'SecretList',
    'ConfigMap',
    'StorageClass',
    'PersistentVolume',
    'PersistentVolumeClaim',
    'CustomResourceDefinition',
    'ClusterRole',
    'ClusterRoleList',
    'ClusterRoleBinding',
    'ClusterRoleBindingList',
    'Role',
    'RoleList',
    'RoleBinding',
    'RoleBindingList',
    'Service',
    'DaemonSet',
    'Pod',
    'ReplicationController',
    'ReplicaSet',
    'Deployment',
    'HorizontalPodAutoscaler',
    'StatefulSet',
    'Job',
    'CronJob',
    'IngressClass',
    'Ingress',
    'APIService',
];
/** Listed kinds get a negative rank in list order; every other kind ranks 0 and so sorts last. */
function kindRank(kind) {
    const i = INSTALL_ORDER.indexOf(kind);
    return i < 0 ? 0 : i - INSTALL_ORDER.length;
}

;// CONCATENATED MODULE: ./src/plan/order-tasks.ts
/**
 * The order a sync runs in (contract §2): phase, wave, kind install order, name. Then a Namespace or CRD
 * written in a later wave than something that needs it is moved just before its first dependent and takes
 * that dependent's phase and wave, so nothing is created into a namespace or kind that does not exist yet.
 */



function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function compareTasks(a, b) {
    return ((0,phase/* phaseOrder */.CM)(a.phase) - (0,phase/* phaseOrder */.CM)(b.phase) ||
        a.wave - b.wave ||
        kindRank(a.kind) - kindRank(b.kind) ||
        compareStrings(a.name, b.name) ||
        // Argo CD's order is undefined past the name; ours is not, so plans are reproducible.
        compareStrings(a.namespace, b.namespace) ||
        compareStrings(a.group, b.group));
}
function isNamespace(task) {
    return task.group === '' && task.kind === 'Namespace';
}
const livesInNamespace = (ns, task) => task.namespace !== '' && task.namespace === ns.name;
function isCrd(task) {
    return task.group === 'apiextensions.k8s.io' && task.kind === 'CustomResourceDefinition';
}
const isInstanceOfCrd = (crd, task) => {
    const spec = crd.object.spec;
    if (!(0,kube_object/* isRecord */.u4)(spec) || !(0,kube_object/* isRecord */.u4)(spec.names))
        return false;
    return task.group === spec.group && task.kind === spec.names.kind;
};
function moveProvidersFirst(tasks, isProvider, dependsOn) {
    for (const provider of tasks.filter(isProvider)) {
        const at = tasks.indexOf(provider);
        const first = tasks.findIndex((t) => t !== provider && dependsOn(provider, t));
        if (first < 0 || first > at)
            continue;
        const dependent = tasks[first];
        tasks.splice(at, 1);
        tasks.splice(first, 0, provider);
        if (provider.phase !== dependent.phase || provider.wave !== dependent.wave) {
            provider.movedFrom ??= { phase: provider.phase, wave: provider.wave };
            provider.phase = dependent.phase;
            provider.wave = dependent.wave;
        }
    }
}
/** Returns a new array in execution order; tasks moved ahead of their dependents are updated in place. */
function orderTasks(tasks) {
    const ordered = [...tasks].sort(compareTasks);
    moveProvidersFirst(ordered, isNamespace, livesInNamespace);
    moveProvidersFirst(ordered, isCrd, isInstanceOfCrd);
    return ordered;
}

// EXTERNAL MODULE: ./src/plan/reference-order.ts
var reference_order = __webpack_require__(1351);
;// CONCATENATED MODULE: ./src/plan/scope.ts
/**
 * Which kinds live outside namespaces. The plan must know this before any cluster is reachable (to default
 * namespaces and to spot duplicates); the cluster client's discovery has the last word at sync time.
 */

const CLUSTER_SCOPED = new Set([
    '/Namespace',
    '/Node',
    '/PersistentVolume',
    '/ComponentStatus',
    'storage.k8s.io/StorageClass',
    'storage.k8s.io/CSIDriver',
    'storage.k8s.io/CSINode',
    'storage.k8s.io/VolumeAttachment',
    'rbac.authorization.k8s.io/ClusterRole',
    'rbac.authorization.k8s.io/ClusterRoleBinding',
    'apiextensions.k8s.io/CustomResourceDefinition',
    'apiregistration.k8s.io/APIService',
    'networking.k8s.io/IngressClass',
    'scheduling.k8s.io/PriorityClass',
    'node.k8s.io/RuntimeClass',
    'admissionregistration.k8s.io/MutatingWebhookConfiguration',
    'admissionregistration.k8s.io/ValidatingWebhookConfiguration',
    'admissionregistration.k8s.io/ValidatingAdmissionPolicy',
    'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding',
    'policy/PodSecurityPolicy',
    'certificates.k8s.io/CertificateSigningRequest',
    'flowcontrol.apiserver.k8s.io/FlowSchema',
    'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration',
]);
class ScopeTable {
    clusterScoped = new Set(CLUSTER_SCOPED);
    /** Custom resources defined by CRDs in the same manifests take their scope from the CRD. */
    learnFromCrds(objects) {
        for (const obj of objects) {
            if (obj.kind !== 'CustomResourceDefinition' || !(0,kube_object/* isRecord */.u4)(obj.spec))
                continue;
            const { group, names, scope } = obj.spec;
            if (typeof group === 'string' &&
                (0,kube_object/* isRecord */.u4)(names) &&
                typeof names.kind === 'string' &&
                scope === 'Cluster') {
                this.clusterScoped.add(`${group}/${names.kind}`);
            }
        }
    }
    isClusterScoped(group, kind) {
        return this.clusterScoped.has(`${group}/${kind}`);
    }
}

;// CONCATENATED MODULE: ./src/plan/build-plan.ts















function annotationDiagnostics(manifest, object, problems) {
    return problems.map((p) => ({
        severity: p.severity,
        code: p.code,
        message: p.message,
        hint: p.hint,
        source: manifest.locate(['metadata', 'annotations', p.annotation]),
        object,
    }));
}
function withNameAndNamespace(obj, name, namespace) {
    const copy = structuredClone(obj);
    const meta = { ...(copy.metadata ?? {}) };
    meta.name = name;
    if (namespace)
        meta.namespace = namespace;
    // A generated name replaces generateName; sending both would be redundant and confusing in diffs.
    if (meta.generateName !== undefined && obj.metadata?.name === undefined)
        delete meta.generateName;
    copy.metadata = meta;
    return copy;
}
function buildPlan(manifests, options) {
    const diagnostics = [];
    const operationPhases = (0,phase/* phasesOf */.I$)(options.operation);
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
    const tasks = [];
    /** identity → where it was first defined, to report duplicates at both places. */
    const defined = new Map();
    for (const manifest of manifests) {
        const shape = validateShape(manifest, diagnostics);
        if (!shape)
            continue;
        diagnostics.push(...liveStateWarnings(manifest));
        const object = objectRefOf(manifest);
        const annotations = (0,kube_object/* stringAnnotations */.mB)(manifest.object);
        const hook = classifyHook(annotations);
        diagnostics.push(...annotationDiagnostics(manifest, object, hook.problems));
        if (hook.role.role === 'skip' || hook.role.role === 'dropped')
            continue;
        const wave = parseWave(annotations);
        const policies = parseDeletePolicies(annotations);
        const syncOptions = (0,sync_options/* parseSyncOptions */.r)(annotations);
        diagnostics.push(...annotationDiagnostics(manifest, object, wave.problems));
        diagnostics.push(...annotationDiagnostics(manifest, object, syncOptions.problems));
        const isHook = hook.role.role === 'hook';
        diagnostics.push(...annotationDiagnostics(manifest, object, (0,hook_sync_annotations/* hookSyncAnnotationProblems */.ms)(annotations)));
        if (isHook) {
            diagnostics.push(...annotationDiagnostics(manifest, object, policies.problems));
        }
        else if (!policies.defaulted) {
            diagnostics.push({
                severity: 'warning',
                code: 'delete-policy-on-resource',
                message: 'a hook delete policy has no effect on an object that is not a hook',
                hint: 'add argocd.argoproj.io/hook, or remove the delete policy',
                source: manifest.locate(['metadata', 'annotations']),
                object,
            });
        }
        const group = (0,kube_object/* groupOf */.F8)(shape.apiVersion);
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
        const phases = hook.role.role === 'hook'
            ? hook.role.phases.filter((p) => operationPhases.includes(p))
            : ['Sync'];
        if (!isHook && options.operation !== 'sync')
            continue;
        const namedIdentity = shape.name ? (0,kube_object/* identityKey */.US)(group, kind, namespace, shape.name) : undefined;
        if (namedIdentity) {
            const first = defined.get(namedIdentity);
            if (first) {
                diagnostics.push({
                    severity: 'error',
                    code: 'duplicate-object',
                    message: `this object is also defined at ${(0,src_diagnostics/* formatLocation */.j$)(first.source)}`,
                    hint: 'keep one definition, or give them different names',
                    source: manifest.source,
                    object,
                });
                continue;
            }
            defined.set(namedIdentity, manifest);
        }
        for (const phase of phases) {
            const name = shape.name ?? (0,hook_names/* generatedHookName */.M)(shape.generateName, options.revision, phase, options.startedAt);
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
                const generatedIdentity = `${phase}:${(0,kube_object/* identityKey */.US)(group, kind, namespace, name)}`;
                const first = defined.get(generatedIdentity);
                if (first) {
                    diagnostics.push({
                        severity: 'error',
                        code: 'duplicate-object',
                        message: `this hook generates the same ${phase} name "${name}" as the hook at ${(0,src_diagnostics/* formatLocation */.j$)(first.source)}`,
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
                ...(isHook ? { hookIdentity: shape.name ?? shape.generateName } : {}),
                syncOptions: syncOptions.options,
                source: manifest.source,
                object: withNameAndNamespace(manifest.object, name, namespace),
            });
        }
    }
    if (diagnostics.some((d) => d.severity === 'error'))
        return { diagnostics };
    const ordered = orderTasks(tasks);
    diagnostics.push(...(0,reference_order/* referenceOrderWarnings */.Z7)(ordered));
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

;// CONCATENATED MODULE: ./src/plan/load-plan.ts
/** Loading plus planning, the entry point both faces (CLI and action) use. */




/** An operation that needs no manifests: a delete works from the inventory alone (the branch is gone). */
function needsManifests(options) {
    return options.operation !== 'delete';
}
/**
 * The substitutions on objects the plan runs, each named as its (first) task is: final name and
 * namespace. Tasks carry their manifest's `source` object itself, so identity finds them.
 */
function substitutionsOfPlan(plan, substitutions) {
    return substitutions.flatMap((s) => {
        const task = plan.tasks.find((t) => t.source === s.manifest);
        if (!task)
            return [];
        const object = {
            kind: task.kind,
            name: task.name,
            ...(task.namespace ? { namespace: task.namespace } : {}),
        };
        return [{ ...s, object }];
    });
}
/** Throws InvalidInputError, carrying every diagnostic, when the input is invalid. */
async function loadPlan(paths, options) {
    const loaded = paths.length || needsManifests(options)
        ? await (0,load_manifests/* loadManifests */.DD)(paths, { cwd: options.cwd, env: options.env })
        : { manifests: [], files: [], diagnostics: [] };
    options.checkFiles?.(loaded.files);
    const diagnostics = [...loaded.diagnostics];
    if (loaded.manifests.length === 0 && !(0,src_diagnostics/* hasErrors */.Cs)(diagnostics) && needsManifests(options)) {
        diagnostics.push({
            severity: 'error',
            code: 'no-objects',
            message: `no Kubernetes objects found in ${paths.join(', ')}`,
            hint: 'point at files or directories that contain manifests',
        });
    }
    const overrides = (0,image_overrides/* parseImageOverrides */.Y0)(options.images ?? []);
    diagnostics.push(...overrides.diagnostics);
    const images = (0,image_overrides/* applyImageOverrides */.FY)(loaded.manifests, overrides.overrides);
    // A warning that an entry matched nothing only means something when the manifests could be read.
    if (!(0,src_diagnostics/* hasErrors */.Cs)(diagnostics))
        diagnostics.push(...images.diagnostics);
    const result = buildPlan(images.manifests, options);
    diagnostics.push(...result.diagnostics);
    if (!result.plan || (0,src_diagnostics/* hasErrors */.Cs)(diagnostics))
        throw new src_diagnostics/* InvalidInputError */.oC(diagnostics);
    // Loader warnings (a skipped kustomization) belong with the plan's own.
    result.plan.warnings = diagnostics.filter((d) => d.severity === 'warning');
    if (images.substitutions.length)
        result.plan.images = substitutionsOfPlan(result.plan, images.substitutions);
    return result.plan;
}


/***/ }),

/***/ 1351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z7: () => (/* binding */ referenceOrderWarnings),
/* harmony export */   iF: () => (/* binding */ podReferences),
/* harmony export */   qz: () => (/* binding */ podSpecOf)
/* harmony export */ });
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5627);
/* harmony import */ var _manifests_kube_object_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9293);


/** The pod template's spec of a workload or hook (the spec itself for a Pod). */
function podSpecOf(task) {
    const spec = task.object.spec;
    if (!(0,_manifests_kube_object_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(spec))
        return undefined;
    if (task.kind === 'Pod')
        return spec;
    if (task.kind === 'CronJob') {
        const job = (0,_manifests_kube_object_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(spec.jobTemplate) ? spec.jobTemplate.spec : undefined;
        return (0,_manifests_kube_object_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(job) && (0,_manifests_kube_object_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(job.template) && (0,_manifests_kube_object_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(job.template.spec)
            ? job.template.spec
            : undefined;
    }
    return (0,_manifests_kube_object_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(spec.template) && (0,_manifests_kube_object_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(spec.template.spec) ? spec.template.spec : undefined;
}
function list(value) {
    return Array.isArray(value) ? value.filter(_manifests_kube_object_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4) : [];
}
/** References of a pod spec; optional ones only when asked (a pod starts without them). */
function podReferences(pod, includeOptional = false) {
    const refs = [];
    const add = (kind, ref, nameField = 'name') => {
        if ((0,_manifests_kube_object_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(ref) && typeof ref[nameField] === 'string' && (includeOptional || ref.optional !== true))
            refs.push({ kind, name: ref[nameField] });
    };
    for (const c of [...list(pod.initContainers), ...list(pod.containers)]) {
        for (const e of list(c.env)) {
            const from = (0,_manifests_kube_object_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(e.valueFrom) ? e.valueFrom : {};
            add('ConfigMap', from.configMapKeyRef);
            add('Secret', from.secretKeyRef);
        }
        for (const f of list(c.envFrom)) {
            add('ConfigMap', f.configMapRef);
            add('Secret', f.secretRef);
        }
    }
    for (const v of list(pod.volumes)) {
        add('ConfigMap', v.configMap);
        add('Secret', v.secret, 'secretName');
        for (const s of list((0,_manifests_kube_object_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(v.projected) ? v.projected.sources : undefined)) {
            add('ConfigMap', s.configMap);
            add('Secret', s.secret);
        }
    }
    if (typeof pod.serviceAccountName === 'string' && pod.serviceAccountName !== 'default')
        refs.push({ kind: 'ServiceAccount', name: pod.serviceAccountName });
    return refs;
}
function referenceOrderWarnings(tasks) {
    const position = new Map();
    tasks.forEach((t, i) => {
        if (t.group !== '')
            return;
        const key = `${t.kind}/${t.namespace}/${t.name}`;
        if (!position.has(key))
            position.set(key, i);
    });
    const warnings = [];
    tasks.forEach((task, i) => {
        const pod = podSpecOf(task);
        if (!pod)
            return;
        const seen = new Set();
        for (const ref of podReferences(pod)) {
            const key = `${ref.kind}/${task.namespace}/${ref.name}`;
            const at = position.get(key);
            if (at === undefined || at <= i || seen.has(key))
                continue;
            seen.add(key);
            const later = tasks[at];
            warnings.push({
                severity: 'warning',
                code: 'reference-created-later',
                message: `${task.hook ? `this ${task.phase} hook` : `this ${task.kind}`} needs ${ref.kind} "${ref.name}", which this sync creates only later (${later.phase} wave ${later.wave}, ${(0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLocation */ .j$)(later.source)}); unless it already exists in the cluster, its pods wait with CreateContainerConfigError`,
                hint: `create the ${ref.kind} first: make it a ${task.phase === 'Sync' ? `lower sync-wave than ${task.wave}` : `${task.phase} hook in an earlier wave`}`,
                source: task.source,
                object: { kind: task.kind, name: task.name, namespace: task.namespace || undefined },
            });
        }
    });
    return warnings;
}


/***/ }),

/***/ 7752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ taskIdentity),
/* harmony export */   r: () => (/* binding */ taskRef)
/* harmony export */ });
/** `group/Kind/namespace/name`, the identity used in messages and results. */
function taskRef(task) {
    return `${task.group}/${task.kind}/${task.namespace}/${task.name}`;
}
function taskIdentity(t) {
    return {
        phase: t.phase,
        wave: t.wave,
        group: t.group,
        kind: t.kind,
        namespace: t.namespace,
        name: t.name,
        hook: t.hook,
    };
}


/***/ }),

/***/ 3064:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WU: () => (/* binding */ imagesText),
/* harmony export */   ad: () => (/* binding */ imagesMarkdown),
/* harmony export */   nf: () => (/* binding */ imagesJson)
/* harmony export */ });
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5627);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5765);
/**
 * What the `images` overrides changed, for every face: a Markdown table (the plan's summary and comment,
 * the sync's job summary), text lines (the CLI) and the JSON of the plan document.
 */


function objectText(o) {
    return `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
}
const FIELD_NOTE = {
    containers: '',
    initContainers: ' (init)',
    ephemeralContainers: ' (ephemeral)',
};
function containerText(s) {
    return `${s.container}${FIELD_NOTE[s.field]}`;
}
function heading(count) {
    return `Images (${count} substituted)`;
}
/** A section for Markdown reports; nothing when no image was substituted. */
function imagesMarkdown(substitutions) {
    if (!substitutions?.length)
        return [];
    return [
        `### ${heading(substitutions.length)}`,
        '',
        '| Object | Container | Image | Manifest |',
        '|---|---|---|---|',
        ...substitutions.map((s) => `| ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(objectText(s.object))} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(containerText(s))} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(s.from)} → ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(s.to)} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLocation */ .j$)(s.source))} |`),
        '',
    ];
}
/** Lines for the CLI; nothing when no image was substituted. */
function imagesText(substitutions) {
    if (!substitutions?.length)
        return [];
    const rows = substitutions.map((s) => [
        `${objectText(s.object)} ${containerText(s)}`,
        `${s.from} → ${s.to}`,
        (0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLocation */ .j$)(s.source),
    ]);
    const width = (i) => Math.max(...rows.map((r) => r[i].length));
    const [w0, w1] = [width(0), width(1)];
    return [
        `${heading(substitutions.length)}:`,
        ...rows.map(([what, change, where]) => `  ${what.padEnd(w0)}  ${change.padEnd(w1)}  ${where}`.trimEnd()),
    ];
}
function imagesJson(substitutions) {
    return substitutions.map((s) => ({
        kind: s.object.kind,
        ...(s.object.namespace ? { namespace: s.object.namespace } : {}),
        name: s.object.name,
        container: s.container,
        field: s.field,
        from: s.from,
        to: s.to,
        source: (0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLocation */ .j$)(s.source),
    }));
}


/***/ }),

/***/ 5765:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AS: () => (/* binding */ pre),
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   _n: () => (/* binding */ truncateAtWord),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   tW: () => (/* binding */ STATUS_ICON),
/* harmony export */   ut: () => (/* binding */ runLink),
/* harmony export */   x3: () => (/* binding */ NONE)
/* harmony export */ });
/* unused harmony export runLinkText */
/** Text that came from users or clusters, made safe for GitHub-flavoured Markdown with HTML. */
const HTML = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => HTML[c]);
}
/** What an empty table cell shows: a table never has an empty cell. */
const NONE = '—';
/** For a table cell: HTML-escaped, pipes escaped, newlines as <br>; `—` when there is nothing to show. */
function cell(text) {
    if (!text.trim())
        return NONE;
    return escapeHtml(text).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
/** Inline code that survives backticks and HTML in the value. */
function code(text) {
    return `<code>${escapeHtml(text)}</code>`;
}
/**
 * A preformatted block: HTML-escaped, so no log line can close it or inject markup. A blank line would end
 * the HTML block it sits in (Markdown would then format the rest of the logs): blank lines hold a space.
 */
function pre(lines) {
    return `<pre>${lines.map((l) => (l.trim() ? escapeHtml(l) : '&#32;')).join('\n')}</pre>`;
}
/** At most `max` characters, cut at a word boundary with `…` when the text is longer. */
function truncateAtWord(text, max) {
    const flat = text.replace(/\s+/g, ' ').trim();
    if (flat.length <= max)
        return flat;
    // The last space that leaves room for the ellipsis; a word longer than half the room is cut anyway.
    const space = flat.lastIndexOf(' ', max - 1);
    const cut = space >= max / 2 ? flat.slice(0, space) : flat.slice(0, max - 1);
    return `${cut.replace(/[\s,;:.·—-]+$/, '')}…`;
}
/** `run #4242` for a workflow run's address, else `workflow run`. */
function runLinkText(url) {
    const id = /\/runs\/(\d+)(?:\/|$|[?#])/.exec(url)?.[1];
    return id ? `run #${id}` : 'workflow run';
}
function runLink(url) {
    return `<a href="${escapeHtml(url)}">${runLinkText(url)}</a>`;
}
const STATUS_ICON = {
    Succeeded: '✅',
    Failed: '❌',
    Cancelled: '⏹️',
    Invalid: '⚠️',
    Terminated: '⛔',
    Skipped: '⏭️',
    Pending: '⏸️',
};


/***/ }),

/***/ 6914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $D: () => (/* binding */ renderPlanText),
/* harmony export */   iY: () => (/* binding */ planJson)
/* harmony export */ });
/* unused harmony export diagnosticJson */
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5627);
/* harmony import */ var _plan_hook_names_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5721);
/* harmony import */ var _plan_sync_task_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7752);
/* harmony import */ var _image_substitutions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3064);
/** How a plan is shown: a human listing grouped by phase and wave, and the `--json` contract. */




function diagnosticJson(d) {
    return {
        severity: d.severity,
        code: d.code,
        message: d.message,
        ...(d.hint ? { hint: d.hint } : {}),
        ...(d.source ? { source: (0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLocation */ .j$)(d.source) } : {}),
        ...(d.object ? { object: d.object } : {}),
    };
}
function planJson(plan) {
    return {
        tasks: plan.tasks.map((t) => ({
            ...(0,_plan_sync_task_js__WEBPACK_IMPORTED_MODULE_2__/* .taskIdentity */ .q)(t),
            deletePolicies: [...t.deletePolicies],
            source: (0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLocation */ .j$)(t.source),
        })),
        warnings: plan.warnings.map(diagnosticJson),
        ...(plan.images?.length ? { images: (0,_image_substitutions_js__WEBPACK_IMPORTED_MODULE_1__/* .imagesJson */ .nf)(plan.images) } : {}),
    };
}
function objectColumn(t) {
    const kind = t.group ? `${t.kind}.${t.group}` : t.kind;
    return t.namespace ? `${kind} ${t.namespace}/${t.name}` : `${kind} ${t.name}`;
}
function roleColumn(t) {
    if (!t.hook)
        return t.movedFrom ? `resource (moved from ${t.movedFrom.phase} wave ${t.movedFrom.wave})` : 'resource';
    return `hook, delete: ${t.deletePolicies.join(',')}`;
}
/** Human listing: a heading per phase, a sub-heading per wave, one aligned line per task. */
function renderPlanText(plan) {
    const lines = [];
    const hooks = plan.tasks.filter((t) => t.hook).length;
    lines.push(`Plan: ${plan.operation}, revision ${(0,_plan_hook_names_js__WEBPACK_IMPORTED_MODULE_3__/* .revisionPrefix */ ._)(plan.revision) || '(none)'}, namespace ${plan.namespace}: ` +
        `${plan.tasks.length} task${plan.tasks.length === 1 ? '' : 's'} (${hooks} hook${hooks === 1 ? '' : 's'})`);
    if (plan.tasks.length === 0)
        lines.push('', 'Nothing to do.');
    const objWidth = Math.max(0, ...plan.tasks.map((t) => objectColumn(t).length));
    const roleWidth = Math.max(0, ...plan.tasks.map((t) => roleColumn(t).length));
    let phase;
    let wave;
    for (const t of plan.tasks) {
        if (t.phase !== phase) {
            lines.push('', t.phase);
            phase = t.phase;
            wave = undefined;
        }
        if (t.wave !== wave) {
            lines.push(`  wave ${t.wave}`);
            wave = t.wave;
        }
        lines.push(`    ${objectColumn(t).padEnd(objWidth)}  ${roleColumn(t).padEnd(roleWidth)}  ${(0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLocation */ .j$)(t.source)}`.trimEnd());
    }
    const images = (0,_image_substitutions_js__WEBPACK_IMPORTED_MODULE_1__/* .imagesText */ .WU)(plan.images);
    if (images.length)
        lines.push('', ...images);
    if (plan.warnings.length > 0) {
        lines.push('', `Warnings (${plan.warnings.length}):`);
        for (const w of plan.warnings)
            lines.push(`  ${(0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDiagnostic */ .xy)(w)}`);
    }
    return lines.join('\n') + '\n';
}


/***/ }),

/***/ 5766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ createNarrator)
/* harmony export */ });
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(575);
/* harmony import */ var _sync_task_run_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5662);
/**
 * What a live log says about tasks, for both faces: one line when a task's object is created or applied,
 * one line when it ends. The engine reports every change; this turns that stream into those lines.
 */


function createNarrator() {
    const announced = new WeakSet();
    const reported = new WeakSet();
    return (run) => {
        if (run.state === 'Running') {
            if (run.message === _sync_task_run_js__WEBPACK_IMPORTED_MODULE_1__/* .PAST_TENSE */ .r[run.action] && run.applied && !announced.has(run)) {
                announced.add(run);
                return { line: `${run.describe()} ${run.message}`, failed: false };
            }
            return undefined;
        }
        if (!run.done || run.state === 'Skipped' || run.state === 'Pending' || reported.has(run))
            return undefined;
        reported.add(run);
        const took = run.startedAt && run.finishedAt
            ? ` in ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(run.finishedAt.getTime() - run.startedAt.getTime())}`
            : '';
        return {
            line: `${run.describe()} ${run.state}${took}${run.message ? `: ${run.message}` : ''}`,
            failed: run.state !== 'Succeeded',
        };
    };
}


/***/ }),

/***/ 7882:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Gc: () => (/* binding */ Preflight),
  QB: () => (/* binding */ describeDryRunFailure),
  kh: () => (/* binding */ groupVersionsOf),
  oq: () => (/* binding */ inBatches)
});

// EXTERNAL MODULE: ./src/cluster/api-error.ts
var api_error = __webpack_require__(3693);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(5627);
// EXTERNAL MODULE: ./src/plan/sync-task.ts
var sync_task = __webpack_require__(7752);
// EXTERNAL MODULE: ./src/hooks/nearest.ts
var nearest = __webpack_require__(9450);
;// CONCATENATED MODULE: ./src/sync/kind-hints.ts
/**
 * What to suggest when the cluster serves no such kind: the apiVersion of a built-in kind written with
 * another one (`apiVersion: v1` on a Deployment), or the built-in kind a misspelt one stands for.
 */

const BUILT_IN = {
    ConfigMap: 'v1',
    Secret: 'v1',
    Service: 'v1',
    ServiceAccount: 'v1',
    Pod: 'v1',
    Namespace: 'v1',
    PersistentVolume: 'v1',
    PersistentVolumeClaim: 'v1',
    LimitRange: 'v1',
    ResourceQuota: 'v1',
    ReplicationController: 'v1',
    Endpoints: 'v1',
    Deployment: 'apps/v1',
    StatefulSet: 'apps/v1',
    DaemonSet: 'apps/v1',
    ReplicaSet: 'apps/v1',
    Job: 'batch/v1',
    CronJob: 'batch/v1',
    Ingress: 'networking.k8s.io/v1',
    IngressClass: 'networking.k8s.io/v1',
    NetworkPolicy: 'networking.k8s.io/v1',
    Role: 'rbac.authorization.k8s.io/v1',
    RoleBinding: 'rbac.authorization.k8s.io/v1',
    ClusterRole: 'rbac.authorization.k8s.io/v1',
    ClusterRoleBinding: 'rbac.authorization.k8s.io/v1',
    HorizontalPodAutoscaler: 'autoscaling/v2',
    PodDisruptionBudget: 'policy/v1',
    StorageClass: 'storage.k8s.io/v1',
    CustomResourceDefinition: 'apiextensions.k8s.io/v1',
    PriorityClass: 'scheduling.k8s.io/v1',
    Lease: 'coordination.k8s.io/v1',
};
/** A fix to suggest for a kind the cluster does not serve in `apiVersion`, or undefined. */
function kindHint(apiVersion, kind) {
    const served = BUILT_IN[kind];
    if (served && served !== apiVersion)
        return `${kind} is served as apiVersion ${served}`;
    if (served)
        return undefined;
    const match = (0,nearest/* nearest */.p)(kind, Object.keys(BUILT_IN));
    return match ? `did you mean kind ${match} (apiVersion ${BUILT_IN[match]})?` : undefined;
}

// EXTERNAL MODULE: ./src/sync/task-applier.ts + 1 modules
var task_applier = __webpack_require__(5688);
;// CONCATENATED MODULE: ./src/sync/preflight.ts
/**
 * Before anything is written (contract §3.2): every kind must be served (or come from a CRD of the same
 * sync, or be marked SkipDryRunOnMissingResource), the objects of interest are watched, and every task,
 * SyncFail hooks included, passes a server-side dry run. Any failure: nothing is applied.
 */





/**
 * The group-versions a run of the plan looks up: its kinds'; Jobs' (the recovery of a killed run's hooks
 * lists them); ReplicaSets' (read beside the pods of any namespace the run writes in). Discovered all at
 * once, one round trip rather than one per group as each is met.
 */
function groupVersionsOf(plan) {
    const namespaced = plan.tasks.some((t) => t.namespace);
    return [
        ...new Set([...plan.tasks.map((t) => t.apiVersion), 'batch/v1', ...(namespaced ? ['apps/v1'] : [])]),
    ];
}
async function inBatches(items, size, fn) {
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(size, items.length) }, async () => {
        while (next < items.length)
            await fn(items[next++]);
    }));
}
function where(t) {
    return `${t.kind} ${t.namespace ? `${t.namespace}/` : ''}${t.name} (${(0,diagnostics/* formatLocation */.j$)(t.source)})`;
}
class Preflight {
    plan;
    client;
    observed;
    /** Discovery results; a task missing here is resolved again when its wave comes. */
    resources = new Map();
    constructor(plan, client, observed) {
        this.plan = plan;
        this.client = client;
        this.observed = observed;
    }
    /**
     * Discovery for every kind, then (unless `watch` is false: a dry run before anything is written) watches
     * on them and on the namespaces' pods, events and ReplicaSets.
     */
    async discover(watch = true) {
        const problems = [];
        const crdKinds = new Set(this.plan.tasks
            .filter((t) => t.kind === 'CustomResourceDefinition')
            .map((t) => {
            const spec = (t.object.spec ?? {});
            return `${spec.group}/${spec.names?.kind}`;
        }));
        await this.client.discover(groupVersionsOf(this.plan));
        for (const t of this.plan.tasks) {
            const info = await this.client.resourceFor(t.apiVersion, t.kind);
            if (info)
                this.resources.set(t, info);
            else if (!crdKinds.has(`${t.group}/${t.kind}`) && !t.syncOptions.skipDryRunOnMissingResource)
                problems.push(`${where(t)}: the cluster does not serve kind "${t.kind}" in "${t.apiVersion}"; ${kindHint(t.apiVersion, t.kind) ?? 'install its CRD first, check the apiVersion, or mark the object with argocd.argoproj.io/sync-options: SkipDryRunOnMissingResource=true if the kind appears during the sync'}`);
        }
        if (problems.length || !watch)
            return problems;
        // Every list at once (each kind and namespace once): one round trip instead of one per kind. The
        // pods, events and ReplicaSets of each namespace written in too, as a write's watchFor would (later,
        // one round trip more before the first write) — except a namespace the plan itself creates: the rights
        // to read in it may come with the sync (a RoleBinding in it, a tenant controller), so it is watched
        // once its objects are written.
        const created = new Set(this.plan.tasks.filter((t) => t.kind === 'Namespace' && t.group === '').map((t) => t.name));
        await Promise.all([...this.resources].flatMap(([t, info]) => [
            this.observed.watchKind(info, t.namespace || undefined),
            t.namespace && !created.has(t.namespace) ? this.observed.watchNamespace(t.namespace) : undefined,
        ]));
        return [];
    }
    namespaces = new Map();
    namespaceExists(name) {
        let known = this.namespaces.get(name);
        if (!known) {
            known = this.client.get({ apiVersion: 'v1', kind: 'Namespace', name }).then((ns) => !!ns);
            this.namespaces.set(name, known);
        }
        return known;
    }
    /**
     * Server-side dry run of every task, except objects whose namespace or CRD this sync creates and kinds
     * not served yet (SkipDryRunOnMissingResource): the server cannot judge those before they exist.
     */
    async dryRun(applier, hooks, concurrency) {
        const created = new Set();
        for (const t of this.plan.tasks)
            if (t.kind === 'Namespace' && t.group === '' && !(await this.namespaceExists(t.name)))
                created.add(t.name);
        const firstPhaseOf = new Map();
        for (const t of this.plan.tasks)
            if (!firstPhaseOf.has((0,sync_task/* taskRef */.r)(t)))
                firstPhaseOf.set((0,sync_task/* taskRef */.r)(t), t);
        const failures = [];
        await inBatches(this.plan.tasks, concurrency, async (t) => {
            if (!this.resources.has(t) || (t.namespace && created.has(t.namespace)))
                return;
            const info = this.resources.get(t);
            // Not allowed to read Namespaces (a deployer with Roles only): the dry run's answer will say. A
            // hook's current object is read meanwhile (whether the dry run judges a create).
            const live = t.hook ? this.client.get((0,task_applier/* refOf */.H8)(t)) : undefined;
            live?.catch(() => undefined); // awaited below, or dropped with the task when its namespace is missing
            const missing = info.namespaced && !!t.namespace && !(await this.namespaceExists(t.namespace).catch(() => true));
            if (missing) {
                failures.push({
                    task: t,
                    message: `namespace ${t.namespace} does not exist: add a Namespace manifest for it, or create it first (kubectl create namespace ${t.namespace})`,
                });
                return;
            }
            try {
                const replaced = !!live && hooks.willReplace(t, await live, firstPhaseOf.get((0,sync_task/* taskRef */.r)(t)) !== t);
                await applier.dryRun(t, replaced);
            }
            catch (err) {
                failures.push({ task: t, message: withRemedy(err, t) });
            }
        });
        return failures;
    }
}
/** The server's refusal, and what to do when hook-sync knows better than the server's words say. */
function withRemedy(err, t) {
    const message = err.message;
    const immutable = err instanceof api_error/* KubeApiError */.W3 &&
        err.code === 422 &&
        err.causes.some((c) => /field is immutable/.test(c.message ?? ''));
    if (!immutable || (t.syncOptions.replace && t.syncOptions.force))
        return message;
    if (t.hook)
        return `${message} (a hook of that name from an earlier sync is still there, e.g. one that failed: add BeforeHookCreation to its argocd.argoproj.io/hook-delete-policy so each sync replaces it, or delete it by hand)`;
    return `${message} (the object exists and this field cannot change: add the annotation argocd.argoproj.io/sync-options: Force=true,Replace=true to delete and re-create it${t.kind === 'Job' ? ', or give the Job a new name' : ''})`;
}
function describeDryRunFailure(f) {
    return `${where(f.task)}: ${f.message}`;
}


/***/ }),

/***/ 8959:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ Redactor)
/* harmony export */ });
const MASK = '***';
class Redactor {
    masked = new Set();
    add(value) {
        // Very short values would mask ordinary words; Kubernetes' own masking has the same floor.
        if (value.length >= 4)
            this.masked.add(value);
    }
    /** Every data and stringData value of the plan's Secrets, decoded. */
    addSecretsOf(plan) {
        for (const task of plan.tasks)
            if (task.group === '' && task.kind === 'Secret')
                this.addSecretObject(task.object);
    }
    /** A Secret's values, as written (base64) and decoded, whole and line by line. */
    addSecretObject(secret) {
        const { data, stringData } = secret;
        for (const v of Object.values(stringData ?? {}))
            if (typeof v === 'string')
                this.addWithLines(v);
        for (const v of Object.values(data ?? {})) {
            if (typeof v !== 'string')
                continue;
            this.add(v);
            this.addWithLines(Buffer.from(v, 'base64').toString('utf8'));
        }
    }
    addWithLines(value) {
        this.add(value);
        for (const line of value.split('\n'))
            this.add(line.trim());
    }
    /** Everything registered, so a runner can be told to mask the same values. */
    get values() {
        return [...this.masked];
    }
    /** Every string in a JSON value, masked before it is serialised (escaping would hide a value with `"`). */
    redactJson(value) {
        if (typeof value === 'string')
            return this.redact(value);
        if (Array.isArray(value))
            return value.map((v) => this.redactJson(v));
        if (value && typeof value === 'object')
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.redactJson(v)]));
        return value;
    }
    redact(text) {
        let out = text;
        // Longest first, so a value containing another is masked whole.
        for (const v of [...this.masked].sort((a, b) => b.length - a.length))
            if (out.includes(v))
                out = out.split(v).join(MASK);
        return out;
    }
}


/***/ }),

/***/ 7279:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n: () => (/* binding */ invalidResult),
  q: () => (/* binding */ syncFromPaths)
});

// EXTERNAL MODULE: ./src/cluster/cluster-client.ts + 5 modules
var cluster_client = __webpack_require__(8162);
// EXTERNAL MODULE: ./src/cluster/kubeconfig.ts + 1 modules
var kubeconfig = __webpack_require__(3190);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(5627);
// EXTERNAL MODULE: ./src/plan/load-plan.ts + 11 modules
var load_plan = __webpack_require__(1040);
;// CONCATENATED MODULE: ./src/sync/cancel-on-signals.ts
/** SIGINT and SIGTERM (a cancelled workflow, Ctrl-C) abort the operation; returns the undo. */
function cancelOnSignals(signals, controller, onCancel) {
    const cancel = () => {
        if (controller.signal.aborted)
            return;
        onCancel?.();
        controller.abort();
    };
    signals.on('SIGINT', cancel);
    signals.on('SIGTERM', cancel);
    return () => {
        signals.off('SIGINT', cancel);
        signals.off('SIGTERM', cancel);
    };
}

// EXTERNAL MODULE: ./src/cluster/api-error.ts
var api_error = __webpack_require__(3693);
// EXTERNAL MODULE: ./src/cluster/retry-policy.ts
var retry_policy = __webpack_require__(8747);
;// CONCATENATED MODULE: ./src/sync/app-urls.ts
const rec = (v) => (v && typeof v === 'object' ? v : {});
const list = (v) => (Array.isArray(v) ? v.map(rec) : []);
function sourceOf(obj) {
    const meta = rec(obj.metadata);
    return `${String(obj.kind)} ${meta.namespace ? `${String(meta.namespace)}/` : ''}${String(meta.name)}`;
}
function tlsCovers(pattern, host) {
    if (pattern === host)
        return true;
    // A wildcard certificate covers exactly one more label.
    return (pattern.startsWith('*.') &&
        host.endsWith(pattern.slice(1)) &&
        !host.slice(0, -pattern.length + 1).includes('.'));
}
/** A path worth putting in a link: a plain prefix, not "/" and not a regular expression. */
function linkPath(rule) {
    const first = list(rec(rule.http).paths)[0];
    const p = typeof first?.path === 'string' ? first.path : '';
    return p && p !== '/' && /^\/[\w\-./~%]*$/.test(p) ? p.replace(/\/+$/, '') : '';
}
function publishedAddresses(obj) {
    return list(rec(rec(obj.status).loadBalancer).ingress)
        .map((i) => (typeof i.hostname === 'string' && i.hostname) || (typeof i.ip === 'string' && i.ip) || '')
        .filter(Boolean)
        .map((a) => (a.includes(':') && !a.startsWith('[') ? `[${a}]` : a));
}
function ingressUrls(obj) {
    const spec = rec(obj.spec);
    const tls = list(spec.tls);
    const tlsHosts = tls.flatMap((t) => (Array.isArray(t.hosts) ? t.hosts.map(String) : []));
    const tlsForAll = tls.some((t) => !Array.isArray(t.hosts) || t.hosts.length === 0);
    const source = sourceOf(obj);
    const urls = [];
    for (const rule of list(spec.rules)) {
        const host = typeof rule.host === 'string' ? rule.host : '';
        if (host.includes('*'))
            continue; // no one address to link to
        const secure = tlsForAll || (host !== '' && tlsHosts.some((p) => tlsCovers(p, host)));
        const scheme = secure ? 'https' : 'http';
        const hosts = host ? [host] : publishedAddresses(obj);
        for (const h of hosts)
            urls.push({ url: `${scheme}://${h}${linkPath(rule)}`, source });
    }
    if (list(spec.rules).length === 0 && spec.defaultBackend)
        for (const h of publishedAddresses(obj))
            urls.push({ url: `${tlsForAll ? 'https' : 'http'}://${h}`, source });
    return urls;
}
function loadBalancerUrls(obj) {
    const spec = rec(obj.spec);
    if (spec.type !== 'LoadBalancer')
        return [];
    const source = sourceOf(obj);
    const urls = [];
    for (const address of publishedAddresses(obj))
        for (const port of list(spec.ports)) {
            if (port.protocol !== undefined && port.protocol !== 'TCP')
                continue;
            const n = Number(port.port);
            const named = `${String(port.name ?? '')} ${String(port.appProtocol ?? '')}`.toLowerCase();
            // Only ports a browser opens: a database or a queue behind a load balancer is no preview address.
            if (![80, 443, 8080, 8443].includes(n) && !/http|https|tls|web/.test(named))
                continue;
            const secure = n === 443 || n === 8443 || /https|tls/.test(named);
            const standard = (secure && n === 443) || (!secure && n === 80);
            urls.push({ url: `${secure ? 'https' : 'http'}://${address}${standard ? '' : `:${n}`}`, source });
        }
    return urls;
}
/** Every address of these objects, each once: Ingresses' first (the address people open), then Services'. */
function appUrls(objects) {
    const seen = new Set();
    return [
        ...objects.filter((o) => o.kind === 'Ingress').flatMap(ingressUrls),
        ...objects.filter((o) => o.kind === 'Service').flatMap(loadBalancerUrls),
    ].filter((u) => !seen.has(u.url) && !!seen.add(u.url));
}
/** The plan's Ingresses and Services as they are now; an object that cannot be read gives no address. */
async function readAppUrls(client, plan) {
    const candidates = plan.tasks.filter((t) => !t.hook &&
        ((t.kind === 'Ingress' && (t.group === 'networking.k8s.io' || t.group === 'extensions')) ||
            (t.kind === 'Service' && t.group === '')));
    const live = await Promise.all(candidates.map((t) => client
        .get({ apiVersion: t.apiVersion, kind: t.kind, namespace: t.namespace || undefined, name: t.name })
        .catch(() => undefined)));
    return appUrls(live.filter((o) => !!o));
}

// EXTERNAL MODULE: ./src/heap-tuning.ts + 1 modules
var heap_tuning = __webpack_require__(5789);
// EXTERNAL MODULE: ./src/sync/preflight.ts + 1 modules
var preflight = __webpack_require__(7882);
// EXTERNAL MODULE: ./src/hooks/phase.ts
var phase = __webpack_require__(3595);
// EXTERNAL MODULE: ./src/plan/sync-task.ts
var sync_task = __webpack_require__(7752);
;// CONCATENATED MODULE: ./src/cluster/log-lines.ts
/**
 * The lines of a container log read with `timestamps=true`, each once: a read resumed from the last
 * line's time (`sinceTime`, inclusive, possibly rounded down to the second by the server) repeats what was
 * already received, and this drops it. Only that: a line is dropped when it is an exact (time, text)
 * repeat of one received before, in a resumed read, at or after the second of the `sinceTime` sent. Stamps
 * are not monotonic (containerd stamps stdout and stderr in two copiers), so a line stamped earlier than
 * the one before it is new, never taken for a repeat. Two identical lines at the same instant are both
 * kept: only as many copies as were received before are dropped.
 */
/** RFC 3339 (any fraction, `Z` or an offset) as nanoseconds since the epoch; undefined if it is not one. */
function rfc3339Nanos(text) {
    const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/i.exec(text);
    if (!m)
        return undefined;
    const ms = Date.parse(`${m[1]}${m[3].toUpperCase()}`);
    if (Number.isNaN(ms))
        return undefined;
    return BigInt(ms) * 1000000n + BigInt((m[2] ?? '').padEnd(9, '0'));
}
/** `2024-05-01T10:00:00.123456789Z text` → its time and text; the time undefined when there is none. */
function splitTimestamp(raw) {
    const space = raw.indexOf(' ');
    const head = space < 0 ? raw : raw.slice(0, space);
    const nanos = rfc3339Nanos(head);
    if (nanos === undefined)
        return { text: raw };
    return { time: head, nanos, text: space < 0 ? '' : raw.slice(space + 1) };
}
const SECOND = 1000000000n;
/** Received lines remembered beyond what the next resume can repeat, before they are forgotten. */
const REMEMBERED = 4096;
class SeenLines {
    /** The last line's time, as the server wrote it (sent back as `sinceTime`). */
    lastTime;
    lastNanos;
    /** Lines received (`nanos text`), with how many copies, as far back as a resume can repeat. */
    received = new Map();
    /** Of those, the copies the current read has not repeated yet. */
    unmatched = new Map();
    /** The current read repeats lines from here on (the second of the sinceTime sent); none on a first read. */
    repeatsFrom;
    /** A line came without a timestamp: resumes re-read from the start and skip what was received. */
    untimed = false;
    toSkip = 0;
    /** received's size at which lines too old to be repeated are forgotten (doubling: a burst within one second costs no rescans). */
    forgetAt = REMEMBERED;
    /** Lines received in all. */
    count = 0;
    /** Where the next read starts: `sinceTime`, when lines are timed. */
    get since() {
        return this.untimed ? undefined : this.lastTime;
    }
    /** Called before each read: its lines are matched against what was received before it. */
    startRead() {
        this.toSkip = this.untimed ? this.count : 0;
        if (this.lastNanos === undefined)
            return;
        // The server may round sinceTime down to the second: everything from that second may come again.
        this.repeatsFrom = this.lastNanos - (this.lastNanos % SECOND);
        this.forgetBefore(this.repeatsFrom);
        this.unmatched = new Map([...this.received].map(([key, r]) => [key, r.copies]));
    }
    /** The line's text when it is new, undefined when it repeats one already received. */
    accept(raw) {
        const { time, nanos, text } = splitTimestamp(raw);
        if (this.toSkip > 0) {
            this.toSkip--;
            return undefined;
        }
        if (time === undefined || nanos === undefined) {
            this.untimed = true;
            this.count++;
            return raw;
        }
        const key = `${nanos} ${text}`;
        if (this.repeatsFrom !== undefined && nanos >= this.repeatsFrom) {
            const left = this.unmatched.get(key) ?? 0;
            if (left > 0) {
                this.unmatched.set(key, left - 1);
                return undefined;
            }
        }
        const r = this.received.get(key);
        if (r)
            r.copies++;
        else
            this.received.set(key, { nanos, copies: 1 });
        this.lastNanos = nanos;
        this.lastTime = time;
        this.count++;
        // A long read never resumed: what lies a second before its newest line cannot be repeated next.
        if (this.received.size > this.forgetAt) {
            this.forgetBefore(nanos - (nanos % SECOND) - SECOND);
            this.forgetAt = Math.max(REMEMBERED, this.received.size * 2);
        }
        return text;
    }
    forgetBefore(nanos) {
        for (const [key, r] of this.received)
            if (r.nanos < nanos)
                this.received.delete(key);
    }
}

// EXTERNAL MODULE: ./src/cluster/transient-failure.ts
var transient_failure = __webpack_require__(5927);
;// CONCATENATED MODULE: ./src/cluster/container-log.ts
/**
 * One run of one container's log, read in full or said not to be. The log is followed with timestamps;
 * a stream that breaks or ends while the container still runs is followed again from the last line's
 * time, what was already received dropped; once the container has ended, a last plain read fills any
 * gap. What cannot be read in full (retries exhausted, the pod deleted first, a refusal) comes back as
 * `complete: false` with the reason, never as a log that merely looks short.
 */




function logPath(run) {
    return `/api/v1/namespaces/${encodeURIComponent(run.namespace)}/pods/${encodeURIComponent(run.pod)}/log`;
}
/** Lines of one response, each as it completes. A last line without a newline counts only at a clean end. */
async function readLines(stream, onLine, keepTrailing) {
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let partial = '';
    try {
        for (;;) {
            const { done, value } = await reader.read();
            if (done)
                break;
            partial += decoder.decode(value, { stream: true });
            let nl;
            while ((nl = partial.indexOf('\n')) >= 0) {
                onLine(partial.slice(0, nl));
                partial = partial.slice(nl + 1);
            }
        }
    }
    finally {
        reader.releaseLock();
    }
    partial += decoder.decode();
    // A follow cut mid-line sends the whole line again on resume; a plain read's last line is complete.
    if (partial && keepTrailing)
        onLine(partial);
}
/** What the pod says of this run now. */
function stateOf(pod, run) {
    if (!pod)
        return 'gone';
    const status = (pod.status ?? {});
    const c = [
        ...(status.initContainerStatuses ?? []),
        ...(status.containerStatuses ?? []),
    ].find((s) => s.name === run.container);
    if (!c)
        return 'ended';
    const restarts = Number(c.restartCount ?? 0);
    if (restarts === run.restartCount + 1)
        return 'restarted';
    if (restarts > run.restartCount + 1)
        return 'restarted again';
    return c.state?.running ? 'running' : 'ended';
}
/** A failure no retry mends, in words; undefined when it is worth another try. */
function unreadable(err, received) {
    if (!(err instanceof api_error/* KubeApiError */.W3))
        return undefined;
    if (err.code === 404)
        return received
            ? 'the pod was deleted before its log was read in full'
            : 'the pod was deleted before its log could be read';
    if (err.code === 401 || err.code === 403)
        return `reading it was refused (${err.code}: ${err.message}); grant get on pods/log to the kubeconfig's user`;
    if (err.code >= 400 && err.code < 500 && err.code !== 429)
        return `reading it was refused: ${err.message}`;
    return undefined;
}
/**
 * Reads the run's log, passing each line's text on once, in order. Resolves when the run has ended and
 * its log has been read to the end, when it cannot be, or when `signal` aborts (then incomplete).
 */
async function readContainerLog(client, run, onLine, signal, 
/** Resolves at the pod's next change seen (a watch): a wait for the container to end ends with it. */
podChanged) {
    const what = `the log of ${run.namespace}/${run.pod} container ${run.container}`;
    const limits = (0,retry_policy/* currentRetryLimits */.gl)();
    const seen = new SeenLines();
    let mode = { follow: run.running, previous: false };
    let failures = 0;
    let quietCuts = 0;
    let resumed = 0;
    /** A follow ended cleanly and then the pod said the run had ended: the kubelet ended it at the end. */
    let followedToEnd = false;
    const incomplete = (reason) => ({ complete: false, reason, resumed });
    for (;;) {
        if (signal.aborted)
            return incomplete('it was still being read when hook-sync stopped');
        const before = seen.count;
        seen.startRead();
        try {
            const stream = await client.openStream(logPath(run), {
                container: run.container,
                timestamps: true,
                follow: mode.follow || undefined,
                previous: mode.previous || undefined,
                sinceTime: seen.since,
            }, signal);
            await readLines(stream, (raw) => {
                const text = seen.accept(raw);
                if (text !== undefined)
                    onLine(text);
            }, !mode.follow);
        }
        catch (err) {
            if (signal.aborted)
                return incomplete('it was still being read when hook-sync stopped');
            // The gap-filling read after a follow that ended with its container: a 404 is the pod removed
            // since (a Job's ttlSecondsAfterFinished: 0), not a log cut short — as when the pod is gone at the
            // follow's end.
            if (followedToEnd && err instanceof api_error/* KubeApiError */.W3 && err.code === 404)
                return { complete: true, resumed };
            const fatal = unreadable(err, seen.count);
            if (fatal)
                return incomplete(fatal);
            const transient = (0,transient_failure/* transientFailure */.RG)(err);
            if (!transient)
                return incomplete(`reading it failed: ${err.message}`);
            failures = seen.count > before ? 1 : failures + 1;
            const decision = (0,retry_policy/* decideRetry */.tE)(failures, (0,retry_policy/* parseRetryAfter */.mu)(transient.retryAfter, client.timing.now()), client.retry, client.timing, limits, signal);
            if (!decision.retry)
                return incomplete(`reading it failed ${failures} times in a row (${transient.reason}): ${decision.why}`);
            resumed++;
            client.debug?.(`reading ${what} again in ${decision.delayMs} ms: ${transient.reason}`);
            await (0,retry_policy/* waitBeforeRetry */.jy)(decision.delayMs, client.timing, limits, signal);
            continue;
        }
        failures = 0;
        if (!mode.follow)
            return { complete: true, resumed };
        // A follow ended without an error: the container ended, or the stream was cut while it runs.
        let pod;
        try {
            pod = await client.get({ apiVersion: 'v1', kind: 'Pod', namespace: run.namespace, name: run.pod });
        }
        catch (err) {
            if (signal.aborted)
                return incomplete('it was still being read when hook-sync stopped');
            return incomplete(`whether its container had ended could not be read: ${err.message}`);
        }
        const state = stateOf(pod, run);
        // The kubelet ends a follow cleanly only when the container ends; with the pod gone, that was it.
        if (state === 'gone')
            return { complete: true, resumed };
        if (state === 'restarted again')
            return incomplete('the container restarted twice before its log was read in full');
        if (state !== 'running') {
            followedToEnd = true;
            mode = { follow: false, previous: state === 'restarted' };
            continue;
        }
        resumed++;
        quietCuts = seen.count > before ? 0 : quietCuts + 1;
        client.debug?.(`following ${what} again: the stream ended while the container runs`);
        // A follow that ends with nothing new while the pod still says running: usually the container has
        // just ended and its status is not out yet (the kubelet reports it later). Not asked again and again
        // without a pause; the pause ends early when the pod changes.
        if (quietCuts > 0) {
            const changed = new AbortController();
            void podChanged?.().then(() => changed.abort());
            await (0,retry_policy/* waitBeforeRetry */.jy)((0,retry_policy/* backoffMs */.jo)(quietCuts, client.retry, client.timing.random), client.timing, limits, AbortSignal.any([signal, changed.signal]));
            changed.abort();
        }
    }
}

;// CONCATENATED MODULE: ./src/sync/hook-logs.ts

const TAIL = 200;
/**
 * How long a finished hook's streams may take to drain: long enough for a broken stream to be resumed
 * a few times (the back-off reaches seconds), short enough not to hold up the operation.
 */
const SETTLE_MS = 10_000;
function containersOf(pod) {
    const status = (pod.status ?? {});
    const all = [
        ...(status.initContainerStatuses ?? []),
        ...(status.containerStatuses ?? []),
    ];
    return all.map((c) => {
        const state = (c.state ?? {});
        return {
            name: String(c.name),
            started: !!(state.running || state.terminated),
            running: !!state.running,
            restartCount: Number(c.restartCount ?? 0),
        };
    });
}
/** The hook object says its pods ran to an end: a Job counts them, a Pod hook ended. */
function podsRan(hook) {
    const status = (hook?.status ?? {});
    return (Number(status.succeeded ?? 0) + Number(status.failed ?? 0) > 0 ||
        status.phase === 'Succeeded' ||
        status.phase === 'Failed');
}
class HookLogFollower {
    client;
    redactor;
    sink;
    gate;
    byOwner = new Map();
    followed = new Set();
    abort = new AbortController();
    /** Readers waiting for a pod's next change, by pod uid. */
    podWaiters = new Map();
    /** The latest state of pods seen before their hook was tracked, by owner (and own) uid. */
    untracked = new Map();
    /** Pods whose Secrets were read (or found unreadable) before their logs. */
    gated = new Map();
    constructor(client, redactor, sink, 
    /** Masks what a pod can read before its logs are; says why they must be withheld, if they must. */
    gate = async () => undefined) {
        this.client = client;
        this.redactor = redactor;
        this.sink = sink;
        this.gate = gate;
    }
    /** Follow the pods of this hook object (a Job's pods, or the Pod itself), unless they are withheld. */
    track(uid, hook, withheld) {
        if (this.byOwner.has(uid))
            return;
        this.byOwner.set(uid, {
            hook,
            withheld,
            lines: [],
            active: new Set(),
            multiContainer: false,
            incomplete: [],
            seenStarted: false,
            wakers: new Set(),
        });
        // Its pods may have started (even ended) before the write's answer arrived (a retried write).
        const early = this.untracked.get(uid);
        this.untracked.delete(uid);
        for (const pod of early?.values() ?? [])
            this.onPod(pod);
    }
    /** Why the hook's logs were not read, if they were not. */
    withheld(uid) {
        return this.byOwner.get(uid)?.withheld;
    }
    /**
     * Why the hook's logs are not all it wrote, if they are not. `ran`: the hook's object says its pods
     * ran (a Job's succeeded or failed count); if none was ever seen started, their logs were never read.
     */
    incomplete(uid, ran) {
        const tracked = this.byOwner.get(uid);
        if (!tracked || tracked.withheld)
            return undefined;
        const reasons = [...tracked.incomplete];
        if (ran && !tracked.seenStarted)
            reasons.push('its pods ran but hook-sync never saw them start, so their logs were not read');
        return reasons.length ? [...new Set(reasons)].join('; ') : undefined;
    }
    /** Called for every pod change the sync sees: its Secrets are masked first, then its logs followed. */
    onPod(pod) {
        const meta = (pod.metadata ?? {});
        const waiting = this.podWaiters.get(String(meta.uid));
        this.podWaiters.delete(String(meta.uid));
        for (const wake of waiting ?? [])
            wake();
        const owners = (meta.ownerReferences ?? []).map((o) => String(o.uid));
        const podUid = String(meta.uid);
        const tracked = [podUid, ...owners].map((u) => this.byOwner.get(u)).find(Boolean);
        if (!tracked) {
            for (const owner of [podUid, ...owners]) {
                const pods = this.untracked.get(owner) ?? new Map();
                this.untracked.set(owner, pods.set(podUid, pod));
            }
            return;
        }
        if (tracked.withheld || !containersOf(pod).some((c) => c.started))
            return;
        let gated = this.gated.get(podUid);
        if (!gated) {
            gated = this.gate(pod).then((reason) => {
                if (reason)
                    tracked.withheld ??= reason;
            }, (err) => {
                tracked.withheld ??= `its logs are not shown: the Secrets its pods use could not be read to mask them (${err.message})`;
            });
            this.gated.set(podUid, gated);
        }
        // Counted as active until its streams are: a hook that ends meanwhile still gets its logs.
        const work = gated.then(() => {
            if (!tracked.withheld)
                this.follow(pod, tracked);
        });
        tracked.active.add(work);
        void work.finally(() => tracked.active.delete(work));
        for (const wake of [...tracked.wakers])
            wake();
    }
    follow(pod, tracked) {
        const meta = (pod.metadata ?? {});
        const containers = containersOf(pod);
        tracked.multiContainer ||= containers.length > 1;
        for (const c of containers) {
            if (!c.started)
                continue;
            tracked.seenStarted = true;
            const key = `${String(meta.uid)}/${c.name}/${c.restartCount}`;
            if (this.followed.has(key))
                continue;
            this.followed.add(key);
            const podName = String(meta.name);
            const done = readContainerLog(this.client, {
                namespace: String(meta.namespace),
                pod: podName,
                container: c.name,
                restartCount: c.restartCount,
                running: c.running,
            }, (raw) => {
                const line = this.redactor.redact(raw);
                tracked.lines.push(tracked.multiContainer ? `[${c.name}] ${line}` : line);
                if (tracked.lines.length > TAIL)
                    tracked.lines.splice(0, tracked.lines.length - TAIL);
                this.sink({ hook: tracked.hook, pod: podName, container: c.name, line });
            }, this.abort.signal, () => this.nextChange(String(meta.uid))).then((outcome) => {
                if (!outcome.complete && !this.abort.signal.aborted)
                    tracked.incomplete.push(`${containers.length > 1 ? `container ${c.name} of ` : ''}pod ${podName}: ${outcome.reason}`);
            });
            tracked.active.add(done);
            void done.finally(() => tracked.active.delete(done));
        }
    }
    nextChange(podUid) {
        return new Promise((resolve) => {
            const waiters = this.podWaiters.get(podUid) ?? new Set();
            this.podWaiters.set(podUid, waiters.add(resolve));
        });
    }
    tail(uid, n = 20) {
        return (this.byOwner.get(uid)?.lines ?? []).slice(-n);
    }
    /**
     * Lets streams of a finished hook drain (bounded), so its logs are recorded before it is deleted. A
     * stream still open at the bound leaves the log incomplete, and says so.
     */
    async settle(uid, ran = false, timeoutMs = SETTLE_MS) {
        const tracked = this.byOwner.get(uid);
        if (!tracked)
            return;
        const deadline = Date.now() + timeoutMs;
        // The hook's object can be seen finished before its pods are seen at all (the pod watch resuming):
        // pods that ran are waited for, so their logs are read.
        while (ran && !tracked.seenStarted && tracked.active.size === 0 && !tracked.withheld) {
            const left = deadline - Date.now();
            if (left <= 0)
                break;
            await new Promise((resolve) => {
                const timer = setTimeout(wake, left);
                function wake() {
                    clearTimeout(timer);
                    tracked.wakers.delete(wake);
                    resolve();
                }
                tracked.wakers.add(wake);
            });
        }
        // Streams may start while earlier ones end (a pod's Secrets read first): until none is left.
        while (tracked.active.size > 0 && Date.now() < deadline) {
            let timer;
            await Promise.race([
                Promise.all([...tracked.active]),
                new Promise((r) => (timer = setTimeout(r, deadline - Date.now()))),
            ]);
            if (timer)
                clearTimeout(timer);
        }
        if (tracked.active.size > 0)
            tracked.incomplete.push(`its log was still being read ${Math.round(timeoutMs / 1000)} s after the hook ended`);
    }
    stop() {
        this.abort.abort();
    }
}

;// CONCATENATED MODULE: ./src/sync/outcome.ts
/** How a step of the operation ended, and how the engine waits for the cluster. */
const OK = { ok: true };

// EXTERNAL MODULE: ./src/sync/task-applier.ts + 1 modules
var task_applier = __webpack_require__(5688);
;// CONCATENATED MODULE: ./src/sync/hook-lifecycle.ts





/** How long deleting a hook being terminated is retried: a few seconds, so a cancel still ends quickly. */
const TERMINATE_RETRY_MS = 5000;
class HookLifecycle {
    client;
    observed;
    logs;
    secrets;
    deleteAndAwait;
    events;
    adopted;
    /** The run that last wrote each object (`group/Kind/ns/name`) in this operation. */
    written = new Map();
    /** Deletions under way, by the uid of the object deleted. */
    deleting = new Map();
    finishing = new Set();
    /** Hooks being created without a read of their name first (`beforeCreate`, `metUnseen`). */
    unread = new Set();
    /** Hooks that succeeded, until their logs are recorded (and their delete policy applied). */
    recording = new Map();
    constructor(client, observed, logs, secrets, deleteAndAwait, events, 
    /** Hooks (by taskRef) whose running object an earlier, killed run left: awaited, never replaced. */
    adopted = new Set()) {
        this.client = client;
        this.observed = observed;
        this.logs = logs;
        this.secrets = secrets;
        this.deleteAndAwait = deleteAndAwait;
        this.events = events;
        this.adopted = adopted;
    }
    /** The dry run judges a hook as a fresh create when its current object will be gone by then. */
    willReplace(t, live, laterPhase) {
        if (!live || this.adopted.has((0,sync_task/* taskRef */.r)(t)))
            return false;
        const terminating = !!live.metadata?.deletionTimestamp;
        return laterPhase || terminating || t.deletePolicies.includes('BeforeHookCreation');
    }
    /**
     * Before a hook is created: the object this operation wrote under its name in an earlier phase, one being
     * deleted, and (BeforeHookCreation) any existing one are deleted and their disappearance awaited. Then the
     * Secrets its pods can read are masked.
     */
    async beforeCreate(run, deadline) {
        const t = run.task;
        const earlier = this.written.get((0,sync_task/* taskRef */.r)(t));
        if (earlier?.uid && !this.observed.gone(earlier.uid)) {
            await this.recording.get(earlier);
            await this.deleting.get(earlier.uid);
            const gone = await this.remove(earlier.uid, t, deadline, 'ran in an earlier phase of this sync');
            if (!gone.ok)
                return gone;
        }
        this.unread.delete(run);
        // The watch of the hook's kind shows no object of that name (the common case: the last one was deleted
        // by its policy): the create goes ahead without a read, one round trip less per wave. The write's
        // answer says whether it met an object after all; `metUnseen` then does what this read would have.
        // Only for a plain server-side apply: Replace and Force write in ways of their own (a read, a delete
        // and a create) whose answer does not say "met an object".
        const { replace, force, serverSideApply } = t.syncOptions;
        const unread = serverSideApply &&
            !replace &&
            !force &&
            !this.observed.current(t.group, t.kind, t.namespace || undefined, t.name);
        if (this.adopted.has((0,sync_task/* taskRef */.r)(t))) {
            // Awaited as it is: nothing to clear.
        }
        else if (unread)
            this.unread.add(run);
        else {
            const { outcome } = await this.clearName(t, await this.client.get((0,task_applier/* refOf */.H8)(t)), deadline);
            if (!outcome.ok)
                return outcome;
        }
        run.logsWithheld = await this.secrets.prepare(t);
        if (run.logsWithheld)
            this.events.say(`${run.describe()}: ${run.logsWithheld}`);
        return OK;
    }
    /**
     * A hook's write met an object the watch had not shown (`met`: the object the apply landed on, or none
     * when the server refused the write). What the read before the write would have done is done now: one
     * being deleted, or any under BeforeHookCreation, is deleted and awaited, and `again` says to write the
     * hook anew. Without that policy an apply onto the existing object stands, as it would have.
     */
    async metUnseen(run, met, deadline) {
        const t = run.task;
        const live = met ?? (await this.client.get((0,task_applier/* refOf */.H8)(t)));
        // Refused, and nothing there now: the write is tried again.
        if (!live)
            return { outcome: OK, again: !met };
        const { outcome, kept } = await this.clearName(t, live, deadline);
        return { outcome, again: outcome.ok && !kept };
    }
    /** The hook is to be written without a read of its name first (the watch showed none). Asked once. */
    takeUnread(run) {
        return this.unread.delete(run);
    }
    /**
     * The live object under a hook's name goes (deleted, and awaited) when it is being deleted or the hook
     * says BeforeHookCreation; otherwise it is `kept`, and the hook's apply lands on it.
     */
    async clearName(t, live, deadline) {
        if (!live)
            return { outcome: OK, kept: false };
        const meta = live.metadata;
        const why = meta.deletionTimestamp
            ? 'being deleted'
            : t.deletePolicies.includes('BeforeHookCreation')
                ? 'BeforeHookCreation'
                : undefined;
        if (!why)
            return { outcome: OK, kept: true };
        return { outcome: await this.remove(String(meta.uid), t, deadline, why), kept: false };
    }
    remove(uid, t, deadline, why) {
        this.events.say(`deleting the previous ${t.kind}/${t.name} (${why}) and waiting until it is gone`);
        return this.deleteAndAwait((0,task_applier/* refOf */.H8)(t), uid, deadline);
    }
    /** The hook's object exists: follow its logs. */
    created(run) {
        this.written.set((0,sync_task/* taskRef */.r)(run.task), run);
        this.logs.track(run.uid, run.task.name, run.logsWithheld);
    }
    isFinishing(run) {
        return this.finishing.has(run);
    }
    /**
     * The hook reached its end: its logs drain (bounded) and are recorded before any delete. A failed hook's
     * verdict waits for them too (its last log line is part of the message); a hook that succeeded is judged
     * by its object at once, so the next wave does not wait for the log's last read. Its logs are in the
     * result all the same: `settle` waits for them.
     */
    finish(run, state, message, reason) {
        this.finishing.add(run);
        const obj = run.applied ? this.observed.latest(run.applied) : undefined;
        const recorded = this.logs.settle(run.uid ?? '', podsRan(obj)).then(() => {
            this.finishing.delete(run);
            this.recording.delete(run);
            this.record(run, state, message, reason);
            this.applyDeletePolicy(run, state);
            this.events.poke();
        });
        if (state !== 'Succeeded')
            return;
        this.recording.set(run, recorded);
        this.finishing.delete(run);
        this.events.complete(run, 'Succeeded', message);
    }
    record(run, state, message, reason) {
        const obj = run.applied ? this.observed.latest(run.applied) : undefined;
        run.logs = this.logs.tail(run.uid ?? '');
        if (!run.logsWithheld && this.logs.withheld(run.uid ?? '')) {
            run.logsWithheld = this.logs.withheld(run.uid ?? '');
            this.events.say(`${run.describe()}: ${run.logsWithheld}`);
        }
        this.noteIncompleteLogs(run, obj);
        // A pod's termination message may be its last log lines (FallbackToLogsOnError): withheld with them.
        // A Job's message is its controller's, never the pod's.
        if (run.logsWithheld && state === 'Failed' && run.task.kind !== 'Job')
            message = `the hook failed${reason ? ` (${reason})` : ''}; its message is withheld with its logs`;
        if (state === 'Succeeded') {
            this.events.complete(run, 'Succeeded', message);
            return;
        }
        if (obj)
            run.events = this.observed.eventsFor(obj);
        const last = run.logsWithheld ? undefined : run.logs.at(-1);
        this.events.complete(run, 'Failed', last && !message.includes(last) ? `${message}; last log line: ${last}` : message, reason);
    }
    /** Logs that could not be read in full are said to be incomplete, in the live log and the result. */
    noteIncompleteLogs(run, obj) {
        run.logsIncomplete = this.logs.incomplete(run.uid ?? '', podsRan(obj));
        if (run.logsIncomplete)
            this.events.say(`${run.describe()}: logs incomplete: ${run.logsIncomplete}`);
    }
    /** HookSucceeded / HookFailed, keyed on this hook's own outcome (the contract; Argo CD keys on the sync's). */
    applyDeletePolicy(run, state) {
        const policy = state === 'Succeeded' ? 'HookSucceeded' : 'HookFailed';
        const uid = run.uid;
        if (!run.task.deletePolicies.includes(policy) || !uid)
            return;
        const work = this.client
            .delete((0,task_applier/* refOf */.H8)(run.task), { propagationPolicy: 'Foreground', uid })
            .then(() => {
            run.deleted = true;
            this.events.say(`deleted ${run.task.kind}/${run.task.name} (${policy})`);
        })
            .catch((err) => this.events.say(`could not delete ${run.describe()} (${policy}): ${err.message}`))
            .finally(() => this.deleting.delete(uid));
        this.deleting.set(uid, work);
    }
    /** Deletes a running hook (timeout, cancellation) and marks it Terminated. */
    async terminate(run, message, reason) {
        if (run.done)
            return;
        run.logs = this.logs.tail(run.uid ?? '');
        this.events.complete(run, 'Terminated', message, reason);
        try {
            // Its own retry scope: under the operation's, a cancel or a passed deadline would forbid retrying,
            // and one 503 would leave the hook running while the task says Terminated.
            await (0,retry_policy/* withCleanupLimits */.DU)(TERMINATE_RETRY_MS, () => this.client.delete((0,task_applier/* refOf */.H8)(run.task), { propagationPolicy: 'Foreground', uid: run.uid }));
            run.deleted = true;
        }
        catch (err) {
            this.events.say(`could not delete ${run.describe()}: ${err.message}`);
        }
        this.events.poke();
    }
    /**
     * Logs still being recorded and delete policies in flight finish first (bounded), so the result has
     * every hook's logs, and `deleted` is true when it happened.
     */
    async settle(timeoutMs) {
        let timer;
        await Promise.race([
            (async () => {
                await Promise.all([...this.recording.values()]);
                await Promise.all([...this.deleting.values()]);
            })(),
            new Promise((r) => (timer = setTimeout(r, timeoutMs))),
        ]);
        if (timer)
            clearTimeout(timer);
    }
}

// EXTERNAL MODULE: ./src/plan/reference-order.ts
var reference_order = __webpack_require__(1351);
;// CONCATENATED MODULE: ./src/sync/hook-secrets.ts


class HookSecrets {
    client;
    redactor;
    onSecret;
    constructor(client, redactor, 
    /** Each value found, so the action can have the runner mask it too. */
    onSecret = () => { }) {
        this.client = client;
        this.redactor = redactor;
        this.onSecret = onSecret;
    }
    /** Masks what the hook's pods can read, as its manifest says; why its logs must be withheld, if they must. */
    async prepare(task) {
        const pod = (0,reference_order/* podSpecOf */.qz)(task);
        if (!pod || !task.namespace)
            return undefined;
        return this.maskReferences(pod, task.namespace);
    }
    /**
     * The same for a pod as it runs: its spec may reference more than the manifest showed (a Workflow's or
     * custom resource's pods, an injected sidecar), and a Secret may exist by now that did not before.
     */
    async prepareForPod(pod) {
        const meta = (pod.metadata ?? {});
        const spec = pod.spec;
        if (!spec || typeof spec !== 'object' || typeof meta.namespace !== 'string')
            return undefined;
        return this.maskReferences(spec, meta.namespace);
    }
    async maskReferences(pod, namespace) {
        const names = [
            ...new Set((0,reference_order/* podReferences */.iF)(pod, true)
                .filter((r) => r.kind === 'Secret')
                .map((r) => r.name)),
        ];
        const unreadable = [];
        for (const name of names) {
            try {
                const secret = await this.client.get({
                    apiVersion: 'v1',
                    kind: 'Secret',
                    namespace,
                    name,
                });
                if (secret)
                    this.mask(secret);
            }
            catch (err) {
                if (err instanceof api_error/* KubeApiError */.W3 && (err.code === 401 || err.code === 403))
                    unreadable.push(name);
                else
                    throw err;
            }
        }
        if (!unreadable.length)
            return undefined;
        const list = unreadable.map((n) => `"${n}"`).join(', ');
        return `its logs are not shown: hook-sync may not read Secret ${list} in namespace ${namespace}, which its pods use, so it could not mask their values (grant "get" on secrets to hook-sync's credentials, or read the logs with kubectl)`;
    }
    mask(secret) {
        const before = new Set(this.redactor.values);
        this.redactor.addSecretObject(secret);
        for (const v of this.redactor.values)
            if (!before.has(v))
                this.onSecret(v);
    }
}

// EXTERNAL MODULE: ./src/cluster/object-watcher.ts
var object_watcher = __webpack_require__(9410);
// EXTERNAL MODULE: ./src/health/related-objects.ts
var related_objects = __webpack_require__(4524);
;// CONCATENATED MODULE: ./src/sync/observed-state.ts


function metaOf(obj) {
    return (obj?.metadata ?? {});
}
const NUMERIC = /^\d+$/;
/**
 * Is `obj` the state written by `applied`, or a later one? resourceVersions are opaque to clients, but
 * every API server in use hands out integers (etcd's revision); for any other, `arrivedAfter` says
 * whether the state reached us after the write's response did.
 */
function isAtLeast(obj, applied, arrivedAfter = false) {
    const meta = metaOf(obj);
    if (String(meta.uid ?? '') !== applied.uid)
        return false;
    if (Number(meta.generation ?? 0) < applied.generation)
        return false;
    const rv = String(meta.resourceVersion ?? '');
    if (NUMERIC.test(rv) && NUMERIC.test(applied.resourceVersion))
        return BigInt(rv) >= BigInt(applied.resourceVersion);
    return rv === applied.resourceVersion || arrivedAfter;
}
class ObservedState {
    client;
    onPod;
    watcher;
    latestByUid = new Map();
    /** When each uid's latest state arrived (a counter), for servers whose resourceVersions are not integers. */
    arrivals = new Map();
    arrivalCount = 0;
    goneUids = new Set();
    /** Of those, the ones whose deletion was inferred (a relist): their last state seen is not their final one. */
    unseenEnds = new Set();
    /** First sighting of a pod problem (`<pod uid>/<container>/<reason>`), for fail-fast grace periods. */
    firstSeen = new Map();
    watchedNamespaces = new Set();
    waiters = new Set();
    constructor(client, onPod) {
        this.client = client;
        this.onPod = onPod;
        this.watcher = new object_watcher/* ObjectWatcher */.A(client);
        this.watcher.onChange((c) => this.onChange(c));
    }
    async watchKind(info, namespace) {
        await this.watcher.watch(info, namespace);
    }
    /** Pods, events and ReplicaSets of a namespace: what health and fail-fast read beside the object. */
    async watchNamespace(namespace) {
        if (this.watchedNamespaces.has(namespace))
            return;
        this.watchedNamespaces.add(namespace);
        try {
            await Promise.all([
                this.client.requireResource('v1', 'Pod').then((pods) => this.watcher.watch(pods, namespace)),
                this.client.requireResource('v1', 'Event').then((events) => this.watcher.watch(events, namespace)),
                this.client
                    .resourceFor('apps/v1', 'ReplicaSet')
                    .then((rs) => rs && this.watcher.watch(rs, namespace)),
            ]);
        }
        catch (err) {
            this.watchedNamespaces.delete(namespace); // the next write into it tries again
            throw err;
        }
    }
    isWatching(namespace) {
        return this.watchedNamespaces.has(namespace);
    }
    /** The cached object of that name, whichever write it came from. */
    current(group, kind, namespace, name) {
        return this.watcher.get(group, kind, namespace, name);
    }
    /** Every cached object of a kind (in a namespace). */
    list(group, kind, namespace) {
        return this.watcher.list(group, kind, namespace);
    }
    /**
     * A write's own response is an observation too: the newest one until the watch brings a later state.
     * Returns the version the write made, which judges everything seen after.
     */
    record(obj) {
        const version = { ...versionOf(obj), arrival: ++this.arrivalCount };
        const known = this.latestByUid.get(version.uid);
        if (version.uid && (!known || !isAtLeast(known, version)))
            this.store(version.uid, obj);
        return version;
    }
    /** The newest state of what `applied` wrote; undefined while only older states have been seen. */
    latest(applied) {
        const obj = this.latestByUid.get(applied.uid);
        const arrivedAfter = (this.arrivals.get(applied.uid) ?? 0) >= (applied.arrival ?? Infinity);
        return obj && isAtLeast(obj, applied, arrivedAfter) ? obj : undefined;
    }
    store(uid, obj) {
        this.latestByUid.set(uid, obj);
        this.arrivals.set(uid, ++this.arrivalCount);
    }
    /** The object with this uid was deleted (its last state stays readable through `latest`). */
    gone(uid) {
        return this.goneUids.has(uid);
    }
    /**
     * The newest state seen of an object carrying this label value, deleted ones included (a hook's write
     * token: what a write whose answer was lost made, even if it is gone since).
     */
    withLabel(key, value) {
        for (const obj of this.latestByUid.values())
            if (metaOf(obj).labels?.[key] === value)
                return obj;
        return undefined;
    }
    /** Deleted while the watch was interrupted: its final state was never seen. */
    endUnseen(uid) {
        return this.unseenEnds.has(uid);
    }
    /**
     * What else tells how an object ended: the events about it, and the last state seen of each pod it
     * owned, deleted ones included.
     */
    traces(obj) {
        const uid = String(metaOf(obj).uid);
        const events = [];
        const pods = [];
        for (const o of this.latestByUid.values()) {
            if (o.kind === 'Event' && String(o.involvedObject?.uid) === uid)
                events.push(o);
            else if (o.kind === 'Pod' &&
                (metaOf(o).ownerReferences ?? []).some((r) => String(r.uid) === uid))
                pods.push(o);
        }
        return { events, pods };
    }
    /** What health and fail-fast need beside the object: its current revision's pods and their events. */
    observations(obj, grace) {
        // Read only when the judgement needs them (a workload not yet healthy, a running hook): gathering the
        // pods and events of a namespace for each of thousands of ConfigMaps made the wait quadratic.
        let pods;
        const podsNow = () => {
            if (!pods) {
                pods = this.podsOf(obj);
                for (const p of pods)
                    this.noteSightings(p);
            }
            return pods;
        };
        const watcher = this.watcher;
        return {
            get pods() {
                return podsNow();
            },
            get events() {
                return watcher.list('', 'Event', String(metaOf(obj).namespace ?? ''));
            },
            now: Date.now(),
            grace,
            firstSeen: (key) => this.firstSeen.get(key),
        };
    }
    podsOf(obj) {
        const ns = String(metaOf(obj).namespace ?? '');
        return (0,related_objects/* podsOf */.E)(obj, [
            ...this.watcher.list('', 'Pod', ns),
            ...this.watcher.list('apps', 'ReplicaSet', ns),
        ]);
    }
    /** The last ten events about the object and its current pods, oldest first: `Warning BackOff: …`. */
    eventsFor(obj) {
        const ns = String(metaOf(obj).namespace ?? '');
        const uids = new Set([String(metaOf(obj).uid), ...this.podsOf(obj).map((p) => String(metaOf(p).uid))]);
        return this.watcher
            .list('', 'Event', ns)
            .filter((e) => uids.has(String(e.involvedObject?.uid)))
            .sort((a, b) => String(a.lastTimestamp ?? '').localeCompare(String(b.lastTimestamp ?? '')))
            .slice(-10)
            .map((e) => `${String(e.type)} ${String(e.reason)}: ${String(e.message)}`);
    }
    /** Resolves on the next change seen, at `until`, or on `signal`, whichever comes first. */
    nextChange(until, signal) {
        return new Promise((resolve) => {
            const done = () => {
                clearTimeout(timer);
                signal?.removeEventListener('abort', done);
                this.waiters.delete(done);
                resolve();
            };
            const timer = setTimeout(done, Math.max(0, until - Date.now()) + 5);
            signal?.addEventListener('abort', done, { once: true });
            this.waiters.add(done);
        });
    }
    /** Wakes every waiter, as a change would: something outside the watches happened (a hook finished). */
    poke() {
        for (const w of [...this.waiters])
            w();
    }
    close() {
        this.watcher.close();
        this.poke();
    }
    onChange(change) {
        const uid = String(metaOf(change.object).uid ?? '');
        if (uid) {
            if (change.type === 'DELETED')
                this.goneUids.add(uid);
            if (change.type === 'DELETED' && change.finalUnknown)
                this.unseenEnds.add(uid);
            // The deleted object's last state still says how a hook ended (ttlSecondsAfterFinished: 0).
            const known = this.latestByUid.get(uid);
            if (!known || change.type === 'DELETED' || isAtLeast(change.object, versionOf(known), true))
                this.store(uid, change.object);
        }
        if (change.kind === 'Pod' && change.group === '')
            this.onPod(change.object);
        this.poke();
    }
    noteSightings(pod) {
        const uid = String(metaOf(pod).uid);
        const status = (pod.status ?? {});
        const now = Date.now();
        const note = (key) => {
            if (!this.firstSeen.has(key))
                this.firstSeen.set(key, now);
        };
        for (const c of [
            ...(status.initContainerStatuses ?? []),
            ...(status.containerStatuses ?? []),
        ]) {
            const reason = String((c.state ?? {}).waiting?.reason ?? '');
            if (reason === 'ErrImagePull' || reason === 'ImagePullBackOff')
                note(`${uid}/${String(c.name)}/ImagePull`);
            else if (reason)
                note(`${uid}/${String(c.name)}/${reason}`);
        }
        if ((status.conditions ?? []).some((c) => c.type === 'PodScheduled' && c.reason === 'Unschedulable'))
            note(`${uid}/Unschedulable`);
    }
}
/** The version an object's own metadata states. */
function versionOf(obj) {
    const meta = metaOf(obj);
    return {
        uid: String(meta.uid ?? ''),
        resourceVersion: String(meta.resourceVersion ?? ''),
        generation: Number(meta.generation ?? 0),
    };
}

// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(575);
;// CONCATENATED MODULE: ./src/sync/waiting.ts
/**
 * How the operation waits: on watch events and on the deadlines that matter (the operation's, a hook's
 * timeout, a fail-fast grace period), never on a fixed sleep; stopped by cancellation.
 */


class Waiting {
    observed;
    timeoutMs;
    signal;
    constructor(observed, timeoutMs, signal) {
        this.observed = observed;
        this.timeoutMs = timeoutMs;
        this.signal = signal;
    }
    /** Cancelled, or past `deadline`: why the operation must stop now. */
    outOfTime(deadline) {
        if (this.signal?.aborted)
            return { ok: false, why: 'cancelled', message: 'the sync was cancelled' };
        if (Date.now() >= deadline)
            return {
                ok: false,
                why: 'timeout',
                message: `the sync timed out after ${(0,duration/* formatDuration */.a3)(this.timeoutMs)}`,
            };
        return undefined;
    }
    until = async (predicate, deadline) => {
        for (;;) {
            if (predicate())
                return OK;
            const stop = this.outOfTime(deadline);
            if (stop)
                return stop;
            await this.observed.nextChange(deadline, this.signal);
        }
    };
    /**
     * Until every task is done: each running task is judged on every change, and `judge` says when to
     * look again without one (a grace period or hook timeout ending).
     */
    async forTasks(runs, deadline, judge, changed) {
        for (;;) {
            let next = deadline;
            for (const r of runs.filter((x) => x.running)) {
                const again = judge(r);
                if (again !== undefined)
                    next = Math.min(next, again);
            }
            for (const r of runs)
                if (r.running)
                    changed(r);
            if (runs.every((r) => !r.running))
                return OK;
            const stop = this.outOfTime(deadline);
            if (stop)
                return stop;
            await this.observed.nextChange(next, this.signal);
        }
    }
}

;// CONCATENATED MODULE: ./src/sync/crd-readiness.ts
function isEstablished(crd) {
    const conditions = (crd?.status ?? {}).conditions;
    return !!conditions?.some((c) => c.type === 'Established' && c.status === 'True');
}
/** Discovery again for every version the CRD serves. */
async function refreshDiscovery(client, crd) {
    const spec = (crd.spec ?? {});
    for (const v of spec.versions ?? [])
        await client.resourceFor(`${spec.group}/${v.name}`, String(spec.names?.kind), true);
}
/**
 * The kind of a task that was not served at its dry run: found in discovery now, or once the CRD that
 * defines it (which must exist by now) is Established.
 */
async function resolveLateKind(client, observed, waitUntil, target, deadline) {
    const found = await client.resourceFor(target.apiVersion, target.kind, true);
    if (found)
        return { info: found };
    const crdInfo = await client.requireResource('apiextensions.k8s.io/v1', 'CustomResourceDefinition');
    await observed.watchKind(crdInfo, undefined);
    const crd = () => observed.list('apiextensions.k8s.io', 'CustomResourceDefinition').find((c) => {
        const spec = (c.spec ?? {});
        return spec.group === target.group && spec.names?.kind === target.kind;
    });
    if (!crd())
        return {
            problem: {
                ok: false,
                why: 'failed',
                message: `the cluster still does not serve kind "${target.kind}" in "${target.apiVersion}" and no CRD defines it; install its CRD in an earlier wave or a PreSync hook`,
            },
        };
    const ready = await waitUntil(() => isEstablished(crd()), deadline);
    if (!ready.ok)
        return { problem: ready };
    await refreshDiscovery(client, crd());
    const info = await client.resourceFor(target.apiVersion, target.kind);
    return info
        ? { info }
        : {
            problem: {
                ok: false,
                why: 'failed',
                message: `CRD for "${target.kind}" is Established but does not serve "${target.apiVersion}"`,
            },
        };
}

// EXTERNAL MODULE: ./src/hooks/annotations.ts
var hooks_annotations = __webpack_require__(4734);
// EXTERNAL MODULE: ./src/hooks/sync-options.ts
var sync_options = __webpack_require__(3114);
// EXTERNAL MODULE: ./src/lifecycle/inventory.ts
var lifecycle_inventory = __webpack_require__(6996);
// EXTERNAL MODULE: ./src/lifecycle/recovery.ts
var lifecycle_recovery = __webpack_require__(6393);
;// CONCATENATED MODULE: ./src/sync/prune-step.ts





/** A task for an object known only from the inventory (its manifest is gone). */
function removalTask(o) {
    return {
        phase: 'Sync',
        wave: o.wave,
        apiVersion: o.apiVersion,
        group: o.group,
        kind: o.kind,
        namespace: o.namespace,
        name: o.name,
        hook: o.hook,
        deletePolicies: [],
        syncOptions: sync_options/* DEFAULT_SYNC_OPTIONS */.J,
        source: { file: '(inventory)', line: 0 },
        object: {
            apiVersion: o.apiVersion,
            kind: o.kind,
            metadata: { name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}) },
        },
    };
}
function refOf(o) {
    return { apiVersion: o.apiVersion, kind: o.kind, namespace: o.namespace || undefined, name: o.name };
}
/**
 * Why the object stays: another app applied it since (its tracking annotation names that app), or the
 * option recorded when it was applied, or the one on the live object.
 */
function keptBecause(kind, o, live, owner) {
    const annotations = (live.metadata?.annotations ?? {});
    const tracked = annotations[lifecycle_recovery/* TRACKING_ANNOTATION */.OM];
    if (tracked && tracked !== owner)
        return `kept: it belongs to app ${tracked} now (annotation ${lifecycle_recovery/* TRACKING_ANNOTATION */.OM})`;
    const options = annotations[hooks_annotations/* ARGO_SYNC_OPTIONS */.DE] ? (0,sync_options/* parseSyncOptions */.r)(annotations).options : undefined;
    const value = kind === 'prune' ? (options?.prune ?? o.prune) : (options?.delete ?? o.delete);
    const name = kind === 'prune' ? 'Prune' : 'Delete';
    if (value === 'false')
        return `kept: ${name}=false`;
    if (value === 'confirm')
        return `kept: ${name}=confirm asks a person to approve it; delete it by hand if it should go`;
    return undefined;
}
class RemovalStep {
    client;
    observed;
    events;
    owner;
    constructor(client, observed, events, 
    /** `<namespace>/<app>`, as the tracking annotation says it. */
    owner) {
        this.client = client;
        this.observed = observed;
        this.events = events;
        this.owner = owner;
    }
    /** Removes the objects wave by wave; an object that cannot be deleted fails the step. */
    async run(kind, entries, deadline) {
        const runOf = new Map([...entries].map(([run, o]) => [o, run]));
        for (const wave of (0,lifecycle_inventory/* removalWaves */.F5)([...entries.values()], kind === 'prune' ? 'pruneLast' : 'never')) {
            const results = await Promise.all(wave.map((o) => this.remove(kind, o, runOf.get(o), deadline)));
            const failed = results.find((r) => !r.ok);
            if (failed)
                return failed;
        }
        return OK;
    }
    async remove(kind, o, run, deadline) {
        this.events.start(run, kind);
        try {
            const info = await this.client.resourceFor(o.apiVersion, o.kind);
            const live = info ? await this.client.get(refOf(o)) : undefined;
            if (!live) {
                run.deleted = true; // the inventory can forget it
                this.events.complete(run, 'Succeeded', 'already gone');
                return OK;
            }
            const kept = keptBecause(kind, o, live, this.owner);
            if (kept) {
                this.events.complete(run, 'Skipped', kept);
                return OK;
            }
            await this.observed.watchKind(info, o.namespace || undefined);
            const uid = String(live.metadata.uid);
            await this.events.removing?.(o);
            const gone = await this.events.deleteAndAwait(refOf(o), uid, deadline);
            if (!gone.ok) {
                this.events.complete(run, 'Failed', `not ${kind === 'prune' ? 'pruned' : 'deleted'}: ${gone.message}`, 'DeleteTimeout');
                return gone;
            }
            run.deleted = true;
            this.events.complete(run, 'Succeeded', kind === 'prune' ? 'pruned' : 'deleted');
            return OK;
        }
        catch (err) {
            const message = `${kind === 'prune' ? 'prune' : 'delete'} failed: ${err.message}`;
            this.events.complete(run, 'Failed', message, 'DeleteFailed');
            return { ok: false, why: 'failed', message: `${run.describe()} ${message}` };
        }
    }
}

// EXTERNAL MODULE: ./src/sync/redactor.ts
var redactor = __webpack_require__(8959);
// EXTERNAL MODULE: ./src/health/hook-outcome.ts
var hook_outcome = __webpack_require__(3458);
// EXTERNAL MODULE: ./src/health/judge.ts + 1 modules
var judge = __webpack_require__(8792);
// EXTERNAL MODULE: ./src/hooks/hook-sync-annotations.ts
var hook_sync_annotations = __webpack_require__(2590);
// EXTERNAL MODULE: ./src/sync/task-run.ts
var task_run = __webpack_require__(5662);
;// CONCATENATED MODULE: ./src/sync/task-judge.ts





/** How long the events and pods of a hook deleted unseen may take to arrive before its outcome is unknown. */
const TRACES_WAIT_MS = 5000;
class TaskJudge {
    observed;
    hooks;
    events;
    grace;
    /** Hooks deleted while the watch was interrupted, since when their outcome has been looked for. */
    endUnseenSince = new Map();
    constructor(observed, hooks, events, grace) {
        this.observed = observed;
        this.hooks = hooks;
        this.events = events;
        this.grace = grace;
    }
    /** Returns when the task should be looked at again even if nothing changes; undefined: on the next change. */
    judge(run) {
        const obj = run.applied ? this.observed.latest(run.applied) : undefined;
        return run.task.hook ? this.judgeHook(run, obj) : this.judgeResource(run, obj);
    }
    judgeHook(run, obj) {
        const timeout = (0,hook_sync_annotations/* hookTimeoutMs */.d8)(run.task.object);
        const timeoutAt = timeout !== undefined && run.startedAt ? run.startedAt.getTime() + timeout : undefined;
        if (!obj || this.hooks.isFinishing(run))
            return timeoutAt;
        const { outcome, diagnosis } = (0,judge/* judgeHook */.L)(obj, this.observed.observations(obj, this.grace));
        if (outcome.state !== 'Running') {
            this.hooks.finish(run, outcome.state, outcome.message, outcome.reason);
            return undefined;
        }
        if (this.observed.gone(run.uid)) {
            if (!this.observed.endUnseen(run.uid)) {
                this.hooks.finish(run, 'Failed', 'the hook object was deleted before it finished', 'Deleted');
                return undefined;
            }
            // A relist found it gone: its last state seen is not its end (a Job that finished and was removed
            // by ttlSecondsAfterFinished meanwhile). Its events and pods may tell; they may be a moment behind.
            const { events, pods } = this.observed.traces(obj);
            const traced = (0,hook_outcome/* outcomeFromTraces */.B)(obj, events, pods);
            if (traced && traced.state !== 'Running') {
                this.hooks.finish(run, traced.state, traced.message, traced.reason);
                return undefined;
            }
            const since = this.endUnseenSince.get(run) ?? Date.now();
            this.endUnseenSince.set(run, since);
            if (Date.now() < since + TRACES_WAIT_MS)
                return since + TRACES_WAIT_MS;
            this.hooks.finish(run, 'Failed', 'the hook object was deleted while the watch was interrupted; its outcome is unknown', 'OutcomeUnknown');
            return undefined;
        }
        if (timeoutAt !== undefined && Date.now() >= timeoutAt) {
            void this.hooks.terminate(run, `terminated: the hook ran longer than its ${hook_sync_annotations/* HOOK_TIMEOUT_ANNOTATION */.ax} of ${(0,duration/* formatDuration */.a3)(timeout)}`, 'HookTimeout');
            return undefined;
        }
        const pending = diagnosis.pending[0];
        run.message = pending
            ? `${outcome.message}; ${pending.message} (fails in ${(0,duration/* formatDuration */.a3)(pending.failsAt - Date.now())})`
            : outcome.message;
        return earliest([timeoutAt, ...diagnosis.pending.map((p) => p.failsAt)]);
    }
    judgeResource(run, obj) {
        if (!obj)
            return undefined;
        const t = run.task;
        if (this.observed.gone(run.uid)) {
            this.events.complete(run, 'Failed', `${t.kind} ${t.name} was deleted while the sync waited for it`, 'Deleted');
            return undefined;
        }
        const { health, diagnosis } = (0,judge/* judgeResource */.e)(obj, this.observed.observations(obj, this.grace));
        if (!health || health.status === 'Healthy') {
            this.events.complete(run, 'Succeeded', health?.message || task_run/* PAST_TENSE */.r[run.action]);
        }
        else if (health.status === 'Degraded') {
            run.events = this.observed.eventsFor(obj);
            this.events.complete(run, 'Failed', health.message, health.reason ?? 'Degraded');
        }
        else
            run.message = `${health.status}: ${health.message}`;
        return earliest(diagnosis.pending.map((p) => p.failsAt));
    }
}
function earliest(times) {
    const known = times.filter((x) => x !== undefined && Number.isFinite(x));
    return known.length ? Math.min(...known) : undefined;
}

;// CONCATENATED MODULE: ./src/sync/sync-operation.ts
/**
 * The sync operation (contract §3, §4, §7), read top-down like gitops-engine's Sync(): preflight (discovery
 * and dry run), then PreSync, Sync and PostSync wave by wave — each wave's hooks completed and resources
 * Healthy before the next — then SyncFail when anything failed. What it builds on lives beside it:
 * `observed-state` (watches; nothing older than a task's own write judges it), `task-applier` (how an
 * object is written, per its sync options), `hook-lifecycle` (what happens around a hook's run),
 * `task-judge` (when a task is done). Waiting is on watch events and the deadlines that matter, never a poll.
 */
















const TERMINAL_WAIT_MS = 5000;
/**
 * Requests in flight for the dry run and for each run of one kind. 32 keeps a sync of thousands of objects
 * bound by the API server rather than by the round trip (docs/PERFORMANCE.md), while staying well under
 * what API Priority and Fairness lets one client have before answering 429 (which is retried anyway).
 */
const DEFAULT_CONCURRENCY = 32;
class SyncOperation {
    plan;
    client;
    options;
    runs;
    redactor = new redactor/* Redactor */.p();
    observed;
    logs;
    applier;
    hooks;
    judge;
    preflight;
    waiting;
    /** Objects to prune (or, for a delete, to remove), known from the inventory. */
    removals = new Map();
    lastRemovals = new Map();
    removalKind;
    removeBefore;
    startedAt = new Date();
    deadline;
    retryLimits;
    started = 0;
    constructor(plan, client, options) {
        this.plan = plan;
        this.client = client;
        this.options = options;
        this.runs = plan.tasks.map((t) => new task_run/* TaskRun */.H(t));
        this.removalKind = plan.operation === 'delete' ? 'delete' : 'prune';
        // Pruning follows the Sync phase; a delete removes between its PreDelete and PostDelete hooks.
        this.removeBefore = plan.operation === 'delete' ? 'PostDelete' : 'PostSync';
        for (const [list, into] of [
            [options.removals?.objects ?? [], this.removals],
            [options.removals?.last ?? [], this.lastRemovals],
        ])
            for (const o of list) {
                const run = new task_run/* TaskRun */.H(removalTask(o));
                into.set(run, o);
                this.runs.push(run);
            }
        this.redactor.addSecretsOf(plan);
        for (const s of options.secrets ?? [])
            this.redactor.add(s);
        const secrets = new HookSecrets(client, this.redactor, options.onSecret);
        this.logs = new HookLogFollower(client, this.redactor, (line) => options.observer?.hookLog?.(line), (pod) => secrets.prepareForPod(pod));
        this.observed = new ObservedState(client, (pod) => this.logs.onPod(pod));
        const deleteAndAwait = (ref, uid, deadline) => this.deleteAndAwait(ref, uid, deadline);
        this.applier = new task_applier/* TaskApplier */.dl(client, this.observed, deleteAndAwait);
        this.hooks = new HookLifecycle(client, this.observed, this.logs, secrets, deleteAndAwait, this, options.adopted);
        this.judge = new TaskJudge(this.observed, this.hooks, this, options.grace);
        this.preflight = new preflight/* Preflight */.Gc(plan, client, this.observed);
        this.waiting = new Waiting(this.observed, options.timeoutMs, options.signal);
        this.deadline = Date.now() + options.timeoutMs;
        // No request waits to be retried past the operation's timeout or after its cancel.
        this.retryLimits = { signal: options.signal, deadline: this.deadline };
    }
    async run() {
        try {
            return await (0,retry_policy/* withRetryLimits */.zP)(this.retryLimits, () => this.execute());
        }
        catch (err) {
            return this.clusterFailed(err);
        }
        finally {
            this.logs.stop();
            this.observed.close();
        }
    }
    async execute() {
        const sync = this.runs.filter((r) => r.task.phase !== 'SyncFail' && !this.removals.has(r) && !this.lastRemovals.has(r));
        const syncFail = this.runs.filter((r) => r.task.phase === 'SyncFail');
        const refused = await this.runPreflight();
        if (refused)
            return this.finish('Failed', refused);
        const steps = stepsOf(sync);
        // Argo CD counts SyncFail hooks when it asks "one step or several", but never as the final wave.
        const multiStep = steps.length + (syncFail.length ? 1 : 0) > 1;
        let failure = OK;
        let removed = false;
        for (const [i, step] of steps.entries()) {
            if (!removed && (0,phase/* phaseOrder */.CM)(step[0].task.phase) >= (0,phase/* phaseOrder */.CM)(this.removeBefore)) {
                removed = true;
                failure = await this.runRemovals();
                if (!failure.ok)
                    break;
            }
            this.options.observer?.wave?.(step[0].task.phase, step[0].task.wave, step);
            failure = await this.runWave(step, { final: i === steps.length - 1, multiStep });
            if (!failure.ok)
                break;
        }
        if (!removed && failure.ok)
            failure = await this.runRemovals();
        if (failure.ok && this.lastRemovals.size)
            failure = await this.removeNow(this.lastRemovals);
        for (const r of [...this.removals.keys(), ...this.lastRemovals.keys()])
            if (!r.done)
                r.finish('Skipped', `not ${this.removalKind === 'prune' ? 'pruned' : 'deleted'}: the operation stopped before`);
        const cancelled = !failure.ok && failure.why === 'cancelled';
        for (const r of sync.filter((x) => !x.done && !x.running))
            r.finish(cancelled ? 'Pending' : 'Skipped', failure.ok
                ? 'not run'
                : `not run: ${cancelled ? 'the sync was cancelled' : 'the sync failed before this task'}`);
        if (failure.ok) {
            for (const r of syncFail)
                r.finish('Skipped', 'not run: the sync did not fail');
            const hooks = sync.filter((r) => r.task.hook).length;
            const resources = sync.length - hooks;
            const removals = [...this.removals.keys(), ...this.lastRemovals.keys()];
            const count = (pred) => removals.filter(pred).length;
            const removed = count((r) => r.state === 'Succeeded');
            const kept = count((r) => r.state === 'Skipped' && r.message.startsWith('kept'));
            const wouldBe = count((r) => r.reason === 'PruneOff');
            const tail = [
                removed ? `${this.removalKind === 'prune' ? 'pruned' : 'deleted'} ${plural(removed, 'object')}` : '',
                kept ? `kept ${kept} (${this.removalKind === 'prune' ? 'Prune' : 'Delete'}=false)` : '',
                wouldBe ? `${plural(wouldBe, 'object')} would be pruned (prune is off)` : '',
            ].filter(Boolean);
            const head = this.plan.operation === 'delete'
                ? `deleted the application: ${plural(removed, 'object')} removed and ${plural(hooks, 'hook')} run`
                : `successfully synced ${plural(resources, 'resource')} and ${plural(hooks, 'hook')} in ${plural(steps.length, 'wave')}`;
            const rest = this.plan.operation === 'delete' ? tail.filter((x) => !x.startsWith('deleted')) : tail;
            return this.finish('Succeeded', [head, ...rest].join('; '));
        }
        if (cancelled) {
            for (const r of syncFail)
                r.finish('Pending', 'not run: the sync was cancelled');
            return this.finish('Cancelled', failure.message);
        }
        if (syncFail.length) {
            this.options.observer?.wave?.('SyncFail', syncFail[0].task.wave, syncFail);
            const outcome = await this.runSyncFail(syncFail);
            if (!outcome.ok)
                return this.finish('Failed', `${failure.message}\nSyncFail: ${outcome.message}`);
        }
        return this.finish('Failed', failure.message);
    }
    /** Prune (when asked; otherwise each is reported as would-be-pruned), or a delete's removal step. */
    async runRemovals() {
        if (this.removals.size === 0)
            return OK;
        if (this.removalKind === 'prune' && !this.options.removals?.enabled) {
            for (const r of this.removals.keys()) {
                r.retarget('prune');
                r.finish('Skipped', 'would be pruned: it left the manifests (prune is off)', 'PruneOff');
            }
            return OK;
        }
        this.say(`${this.removalKind === 'prune' ? 'pruning' : 'deleting'} ${plural(this.removals.size, 'object')}, last wave first`);
        return this.removeNow(this.removals);
    }
    removeNow(removals) {
        const step = new RemovalStep(this.client, this.observed, this.removalEvents(), this.options.removals?.owner ?? '');
        return step.run(this.removalKind, removals, this.deadline);
    }
    removalEvents() {
        return {
            start: (run, action) => {
                run.start(this.started++, action);
                this.changed(run);
            },
            complete: (run, state, message, reason) => {
                if (run.done)
                    return;
                run.finish(state, message, reason);
                this.changed(run);
            },
            deleteAndAwait: (ref, uid, deadline) => this.deleteAndAwait(ref, uid, deadline),
            removing: this.options.removals?.removing,
        };
    }
    /**
     * The preflight alone, no watches: the result when the cluster refuses the plan, else undefined. For a
     * caller that writes things of its own first (the lock, the inventory): refused input changes nothing.
     */
    async dryRunOnly() {
        try {
            const refused = await (0,retry_policy/* withRetryLimits */.zP)(this.retryLimits, () => this.runPreflight(false));
            return refused ? await this.finish('Failed', refused) : undefined;
        }
        catch (err) {
            return this.clusterFailed(err);
        }
        finally {
            this.logs.stop();
            this.observed.close();
        }
    }
    /** Discovery, watches and the dry run; a message when the sync must stop before writing anything. */
    async runPreflight(watch = true) {
        const problems = await this.preflight.discover(watch);
        if (problems.length) {
            this.skipAll(`not applied: ${plural(problems.length, 'object')} failed the dry run`);
            return `dry run failed: ${problems.join('; ')}`;
        }
        const failures = this.options.dryRunPassed
            ? []
            : await this.preflight.dryRun(this.applier, this.hooks, this.options.concurrency ?? DEFAULT_CONCURRENCY);
        if (failures.length === 0) {
            if (watch)
                this.say(`dry run passed for ${plural(this.runs.length, 'object')}`);
            return undefined;
        }
        for (const f of failures) {
            const run = this.runs.find((r) => r.task === f.task);
            run.finish('Failed', `dry run: ${this.redactor.redact(f.message)}`);
            this.changed(run);
        }
        this.skipAll(`not applied: ${plural(failures.length, 'object')} failed the dry run`);
        return `dry run failed for ${plural(failures.length, 'object')}, nothing was applied: ${failures.map(preflight/* describeDryRunFailure */.QB).join('; ')}`;
    }
    skipAll(message) {
        for (const r of this.runs)
            if (!r.done)
                r.finish('Skipped', message);
    }
    /** One (phase, wave): applies in runs of one kind, then the gate: hooks done, resources Healthy. */
    async runWave(runs, shape) {
        const stop = this.waiting.outOfTime(this.deadline);
        if (stop)
            return stop;
        let applyFailed = false;
        for (const kindRun of kindRunsOf(runs)) {
            const halted = this.waiting.outOfTime(this.deadline);
            if (halted)
                return this.halt(halted);
            await (0,preflight/* inBatches */.oq)(kindRun, this.options.concurrency ?? DEFAULT_CONCURRENCY, (run) => this.applyTask(run, this.deadline));
            if (kindRun.some((r) => r.state === 'Failed'))
                applyFailed = true;
            const crds = kindRun.filter((r) => r.task.kind === 'CustomResourceDefinition' && r.state !== 'Failed');
            if (crds.length) {
                const established = await this.waitForCrds(crds, this.deadline);
                if (!established.ok)
                    return this.halt(established);
            }
        }
        // Hooks are always waited for; resources too, unless wait: false asks for Argo CD's gating, where the
        // final wave's resources are not waited for unless the wave has hooks.
        const waitsOn = (r) => r.task.hook ||
            this.options.wait ||
            (shape.multiStep && !(shape.final && !runs.some((x) => x.task.hook)));
        for (const r of runs)
            if (r.running && !waitsOn(r))
                this.complete(r, 'Succeeded', r.message);
        // After an apply error only the wave's hooks are awaited: a running migration is not cut short.
        const gate = runs.filter((r) => r.running && (!applyFailed || r.task.hook));
        const waited = await this.waitForTasks(gate, this.deadline);
        if (!waited.ok)
            return this.halt(waited);
        for (const r of runs)
            if (r.running)
                this.complete(r, 'Succeeded', r.message);
        const failed = runs.find((r) => r.state === 'Failed' || r.state === 'Terminated');
        return failed ? { ok: false, why: 'failed', message: failureMessage(failed) } : OK;
    }
    /**
     * The task's write. A hook created without a read of its name first (the watch showed none) whose write
     * met an object after all: what that read would have done is done now, and the hook written again.
     */
    async write(run, deadline) {
        const t = run.task;
        const retarget = (a) => run.retarget(a);
        if (!t.hook || !this.hooks.takeUnread(run))
            return this.applier.write(t, deadline, retarget);
        let met;
        let refused;
        try {
            met = await this.applier.write(t, deadline, retarget);
            // Created; or an earlier try whose answer was lost may have made what this one met: that object
            // may be this hook's own, running, and is not to be replaced.
            if (met.action === 'create' || met.uncertain)
                return met;
        }
        catch (err) {
            if (!(err instanceof api_error/* KubeApiError */.W3 && (err.code === 409 || err.code === 422)))
                throw err;
            refused = err;
        }
        const { outcome, again } = await this.hooks.metUnseen(run, met?.object, deadline);
        if (!outcome.ok)
            return { notCreated: outcome.message };
        if (!again) {
            if (met)
                return met;
            run.retarget('apply'); // it met an object it is applied onto, and was refused: no create failed
            throw refused;
        }
        run.retarget(this.applier.intendedAction(t));
        return this.applier.write(t, deadline, retarget);
    }
    async applyTask(run, deadline) {
        const t = run.task;
        run.start(this.started++, this.applier.intendedAction(t));
        this.changed(run);
        try {
            await this.watchFor(t, deadline);
            if (t.hook) {
                const ready = await this.hooks.beforeCreate(run, deadline);
                if (!ready.ok) {
                    this.complete(run, 'Failed', `not created: ${ready.message}`, 'NotCreated');
                    return;
                }
            }
            if (t.hook)
                run.retarget(this.applier.intendedAction(t));
            const written = await this.write(run, deadline);
            if ('notCreated' in written) {
                this.complete(run, 'Failed', `not created: ${written.notCreated}`, 'NotCreated');
                return;
            }
            const { action, object } = written;
            run.wrote(action, this.observed.record(object));
            await this.options.onWritten?.(t);
            if (t.kind === 'Namespace' && t.group === '')
                await this.observed.watchNamespace(t.name);
            if (t.hook)
                this.hooks.created(run);
            this.changed(run);
        }
        catch (err) {
            const message = err instanceof api_error/* KubeApiError */.W3 ? err.message : err.message;
            const reason = err instanceof api_error/* KubeApiError */.W3 ? err.reason : 'ApplyFailed';
            this.complete(run, 'Failed', `${run.action === 'create' ? 'create' : 'apply'} failed: ${message}`, reason);
        }
    }
    /** The task's kind (resolved again now for a kind that was not served at the dry run) and namespace. */
    async watchFor(t, deadline) {
        let info = this.preflight.resources.get(t);
        if (!info) {
            const late = await resolveLateKind(this.client, this.observed, this.waiting.until, t, deadline);
            if ('problem' in late)
                throw new Error(late.problem.ok ? 'kind not served' : late.problem.message);
            info = late.info;
            this.preflight.resources.set(t, info);
        }
        await this.observed.watchKind(info, t.namespace || undefined);
        if (t.namespace && !this.observed.isWatching(t.namespace))
            await this.observed.watchNamespace(t.namespace);
    }
    /** CRDs applied in this wave serve their kinds before the next run of the wave is applied. */
    async waitForCrds(crds, deadline) {
        const latest = (r) => (r.applied ? this.observed.latest(r.applied) : undefined);
        const result = await this.waiting.until(() => crds.every((r) => isEstablished(latest(r))), deadline);
        if (!result.ok)
            return result;
        for (const r of crds)
            await refreshDiscovery(this.client, r.task.object);
        return OK;
    }
    waitForTasks(runs, deadline) {
        return this.waiting.forTasks(runs, deadline, (r) => this.judge.judge(r), (r) => this.changed(r));
    }
    async deleteAndAwait(ref, uid, deadline) {
        const deleted = await this.client.delete(ref, { propagationPolicy: 'Foreground', uid });
        if (!deleted)
            return OK; // already gone, or replaced by someone else's object of that name
        return this.waiting.until(() => this.observed.gone(uid), deadline);
    }
    /** A wave stopped by a timeout or cancellation: running hooks are terminated, resources stop being waited for. */
    async halt(outcome) {
        if (outcome.ok)
            return outcome;
        const cancelled = outcome.why === 'cancelled';
        const running = this.runs.filter((r) => r.running);
        const waitingOn = running.map((r) => `${r.describe()}${r.message ? ` (${r.message})` : ''}`);
        await Promise.all(running
            .filter((r) => r.task.hook)
            .map((r) => this.hooks.terminate(r, cancelled ? 'terminated: the sync was cancelled' : `terminated: ${outcome.message}`, cancelled ? 'Cancelled' : 'OperationTimeout')));
        for (const r of running.filter((x) => !x.task.hook))
            this.complete(r, cancelled ? 'Terminated' : 'Failed', cancelled
                ? 'not finished: the sync was cancelled'
                : `not healthy when the sync timed out: ${r.message}`, cancelled ? 'Cancelled' : 'OperationTimeout');
        if (outcome.why === 'timeout' && waitingOn.length)
            return { ...outcome, message: `${outcome.message} while waiting for ${waitingOn.join(', ')}` };
        return outcome;
    }
    /** All SyncFail hooks at once; the operation is Failed whatever they do. */
    async runSyncFail(runs) {
        const deadline = Date.now() + (this.options.syncFailTimeoutMs ?? 5 * 60_000);
        this.retryLimits.deadline = deadline; // SyncFail hooks have time of their own
        if (this.options.signal?.aborted)
            return { ok: false, why: 'cancelled', message: 'cancelled' };
        for (const kindRun of kindRunsOf(runs))
            await (0,preflight/* inBatches */.oq)(kindRun, this.options.concurrency ?? DEFAULT_CONCURRENCY, (run) => this.applyTask(run, deadline));
        const waited = await this.waitForTasks(runs.filter((r) => r.running), deadline);
        if (!waited.ok)
            await this.halt(waited);
        const failed = runs.filter((r) => r.state === 'Failed' || r.state === 'Terminated');
        return failed.length ? { ok: false, why: 'failed', message: failed.map(failureMessage).join('; ') } : OK;
    }
    /** The cluster itself failed us (refused credentials, unreachable past the retries): end cleanly. */
    clusterFailed(err) {
        const detail = (0,api_error/* clusterErrorDetail */.We)(err);
        for (const r of this.runs) {
            if (r.running)
                this.complete(r, 'Failed', `the sync stopped: ${detail}`, 'ClusterError');
            else if (!r.done)
                r.finish('Skipped', 'not run: the sync stopped');
        }
        return this.finish('Failed', `cannot talk to the cluster at ${this.client.server}: ${detail}`);
    }
    async finish(status, message) {
        await this.hooks.settle(TERMINAL_WAIT_MS);
        const started = this.runs.filter((r) => r.startIndex >= 0).sort((a, b) => a.startIndex - b.startIndex);
        const unstarted = this.runs.filter((r) => r.startIndex < 0);
        return {
            status,
            message: this.redactor.redact(message),
            revision: this.plan.revision,
            startedAt: this.startedAt.toISOString(),
            finishedAt: new Date().toISOString(),
            tasks: [...started, ...unstarted].map((r) => this.redactResult(r)),
        };
    }
    /** Everything in the result passes the redactor last, with every value learnt during the sync. */
    redactResult(run) {
        const result = run.toResult();
        const safe = (s) => this.redactor.redact(s);
        return {
            ...result,
            message: safe(result.message),
            ...(result.logs ? { logs: result.logs.map(safe) } : {}),
            ...(result.events ? { events: result.events.map(safe) } : {}),
        };
    }
    // LifecycleEvents: how the parts report back.
    complete(run, state, message, reason) {
        if (run.done)
            return;
        run.finish(state, message, reason);
        this.changed(run);
    }
    say(message) {
        this.options.observer?.info?.(this.redactor.redact(message));
    }
    poke() {
        this.observed.poke();
    }
    changed(run) {
        run.message = this.redactor.redact(run.message);
        this.options.observer?.task?.(run);
    }
}
/** Tasks grouped by (phase, wave), in plan order. */
function stepsOf(runs) {
    const steps = [];
    for (const r of runs) {
        const last = steps[steps.length - 1];
        if (last && last[0].task.phase === r.task.phase && last[0].task.wave === r.task.wave)
            last.push(r);
        else
            steps.push([r]);
    }
    return steps.sort((a, b) => (0,phase/* phaseOrder */.CM)(a[0].task.phase) - (0,phase/* phaseOrder */.CM)(b[0].task.phase));
}
/** Consecutive tasks of one kind: applied in parallel, the runs one after another (as Argo CD does). */
function kindRunsOf(runs) {
    const out = [];
    for (const r of runs) {
        const last = out[out.length - 1];
        if (last && last[0].task.kind === r.task.kind)
            last.push(r);
        else
            out.push([r]);
    }
    return out;
}
function failureMessage(run) {
    const reason = run.reason && !run.message.startsWith(run.reason) ? `${run.reason}: ` : '';
    return `${run.describe()} ${run.state === 'Terminated' ? 'was terminated' : 'failed'}: ${reason}${run.message}`;
}
function plural(n, noun) {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
async function runSync(plan, client, options) {
    return new SyncOperation(plan, client, options).run();
}
/** The dry run of the whole plan, writing nothing: the Failed result when refused, else undefined. */
function dryRunBeforeWriting(plan, client, options) {
    return new SyncOperation(plan, client, options).dryRunOnly();
}

// EXTERNAL MODULE: ./src/lifecycle/inventory-store.ts
var inventory_store = __webpack_require__(4024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/lifecycle/app-lock-lease.ts
/**
 * The lock's Lease as data: its name, its times, who holds it and until when. Pure; the requests live in
 * `app-lock.ts`.
 */

const LEASE_API_VERSION = 'coordination.k8s.io/v1';
const LEASE_INFO = {
    group: 'coordination.k8s.io',
    version: 'v1',
    kind: 'Lease',
    plural: 'leases',
    namespaced: true,
};
/** Written on the Lease for the party that finds it taken (and for `kubectl get lease -o yaml`). */
const LOCK_ANNOTATIONS = {
    app: 'hook-sync.io/app',
    holder: 'hook-sync.io/holder',
    operation: 'hook-sync.io/operation',
};
const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'hook-sync' };
const DEFAULT_LEASE_DURATION_SECONDS = 60;
const PREFIX = 'hook-sync-';
const MAX_NAME = 253;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/**
 * `hook-sync-<app>` when that is a valid object name (lowercase RFC 1123 subdomain, at most 253
 * characters). Otherwise the app is lowercased, every run of other characters becomes `-`, it is cut to
 * fit, and a hash of the app as given is appended, so two apps that clean up alike keep two locks.
 */
function lockLeaseName(app) {
    if (!app.trim())
        throw new Error('the lock needs an application name, and it is empty');
    const plain = PREFIX + app;
    if (plain.length <= MAX_NAME && DNS_SUBDOMAIN.test(plain))
        return plain;
    const hash = (0,external_node_crypto_.createHash)('sha256').update(app).digest('hex').slice(0, 10);
    const readable = app
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
    const head = readable.slice(0, MAX_NAME - PREFIX.length - hash.length - 1).replace(/-+$/, '');
    return `${PREFIX}${head ? `${head}-` : ''}${hash}`;
}
/** RFC 3339 with microseconds, as Kubernetes writes a MicroTime: `2026-11-23T10:00:00.000000Z`. */
function microTime(ms) {
    return new Date(ms).toISOString().replace(/Z$/, '000Z');
}
/** For messages: to the second. */
function shortTime(ms) {
    return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
}
function parseTime(value) {
    if (typeof value !== 'string' || !value)
        return undefined;
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? ms : undefined;
}
function readLease(lease, defaultDurationSeconds) {
    const meta = (lease.metadata ?? {});
    const spec = (lease.spec ?? {});
    const annotations = (meta.annotations ?? {});
    const identity = typeof spec.holderIdentity === 'string' ? spec.holderIdentity : '';
    const acquiredAt = parseTime(spec.acquireTime);
    const renewedAt = parseTime(spec.renewTime);
    const durationSeconds = typeof spec.leaseDurationSeconds === 'number' && spec.leaseDurationSeconds > 0
        ? spec.leaseDurationSeconds
        : defaultDurationSeconds;
    const last = renewedAt ?? acquiredAt;
    return {
        uid: String(meta.uid ?? ''),
        resourceVersion: String(meta.resourceVersion ?? ''),
        identity,
        holder: annotations[LOCK_ANNOTATIONS.holder] || identity,
        operation: annotations[LOCK_ANNOTATIONS.operation] || undefined,
        acquiredAt,
        renewedAt,
        durationSeconds,
        expiresAt: last === undefined ? 0 : last + durationSeconds * 1000,
        transitions: typeof spec.leaseTransitions === 'number' ? spec.leaseTransitions : 0,
    };
}
/** Nobody holds it: no holder identity, or its holder stopped renewing it for longer than its duration. */
function isFree(state, now) {
    return !state.identity || state.expiresAt <= now;
}
function holderInfo(state) {
    const since = state.acquiredAt ?? state.renewedAt;
    return {
        holder: state.holder,
        ...(state.operation ? { operation: state.operation } : {}),
        since: since === undefined ? 'an unknown time' : shortTime(since),
        expiresAt: shortTime(state.expiresAt),
    };
}
/** A Lease naming `identity` as its holder, as of `now`: a new one, or `previous` taken over. */
function leaseBody(fields, previous) {
    const prevMeta = (previous?.metadata ?? {});
    const prevSpec = (previous?.spec ?? {});
    const time = microTime(fields.now);
    return {
        apiVersion: LEASE_API_VERSION,
        kind: 'Lease',
        metadata: {
            ...prevMeta,
            name: fields.name,
            namespace: fields.namespace,
            labels: { ...(prevMeta.labels ?? {}), ...MANAGED_BY },
            annotations: {
                ...(prevMeta.annotations ?? {}),
                [LOCK_ANNOTATIONS.app]: fields.app,
                [LOCK_ANNOTATIONS.holder]: fields.holder,
                [LOCK_ANNOTATIONS.operation]: fields.operation,
            },
        },
        spec: {
            holderIdentity: fields.identity,
            acquireTime: time,
            renewTime: time,
            leaseDurationSeconds: fields.durationSeconds,
            leaseTransitions: previous
                ? (typeof prevSpec.leaseTransitions === 'number' ? prevSpec.leaseTransitions : 0) + 1
                : 0,
        },
    };
}

;// CONCATENATED MODULE: ./src/lifecycle/app-namespace.ts
/**
 * `create-namespace` (Argo CD's `CreateNamespace=true` with managed namespace metadata): the app's namespace
 * is created before anything else — before the lock, whose Lease lives in it, and before the dry run,
 * which a missing namespace would fail — with the labels and annotations asked for. A namespace that
 * already exists gets those labels and annotations (and only those fields) server-side applied once the
 * run holds the lock, and is otherwise left alone: hook-sync deletes only a namespace it created
 * (docs/lifecycle.md).
 */




/** The field manager of the namespace metadata: separate from the manifests', so neither removes the other's. */
const NAMESPACE_MANAGER = 'hook-sync-namespace';
function managesOwnNamespace(plan) {
    return plan.tasks.some((t) => t.group === '' && t.kind === 'Namespace' && t.name === plan.namespace);
}
function metadataOf(plan, request) {
    return {
        name: plan.namespace,
        ...(Object.keys(request.labels ?? {}).length ? { labels: { ...request.labels } } : {}),
        ...(Object.keys(request.annotations ?? {}).length ? { annotations: { ...request.annotations } } : {}),
    };
}
function trackedAsOurs(live, app, plan) {
    const annotations = (live?.metadata?.annotations ?? {});
    return annotations[lifecycle_recovery/* TRACKING_ANNOTATION */.OM] === (0,lifecycle_recovery/* trackingId */.hI)(app, plan.namespace);
}
/**
 * Makes sure the app's namespace exists (creating it when asked to); never throws. Changes nothing else:
 * the metadata of an existing namespace is applied later, under the lock (`applyNamespaceMetadata`).
 */
async function prepareNamespace(client, plan, app, request, signal) {
    if (managesOwnNamespace(plan))
        return { kind: 'in-manifests' };
    const ref = { apiVersion: 'v1', kind: 'Namespace', name: plan.namespace };
    try {
        let live;
        try {
            live = await client.get(ref);
        }
        catch (err) {
            // May not read Namespaces (a deployer with Roles only): then it cannot make one either; the sync
            // goes on as without create-namespace and says what is missing if it is.
            if (err instanceof api_error/* KubeApiError */.W3 && err.code === 403)
                return { kind: 'existing' };
            throw err;
        }
        if (live && live.metadata.deletionTimestamp)
            return {
                kind: 'failed',
                message: `namespace ${plan.namespace} is being deleted (a teardown still running?): wait for it to go, then run again`,
            };
        // Made for this app by a run that stopped before recording it (refused lock, cancelled, killed).
        if (live)
            return trackedAsOurs(live, app, plan) ? { kind: 'ours' } : { kind: 'existing' };
        if (!request.create)
            return { kind: 'existing' }; // the operation says what a missing namespace means
        // Created with only the tracking annotation (create-only: never onto someone else's namespace); its
        // labels and annotations are server-side applied under the lock, as every later run applies them, so
        // one field manager's Apply owns them all and a label dropped from namespace-labels later goes.
        await client.request('POST', '/api/v1/namespaces', {
            body: {
                apiVersion: 'v1',
                kind: 'Namespace',
                metadata: {
                    name: plan.namespace,
                    annotations: { [lifecycle_recovery/* TRACKING_ANNOTATION */.OM]: (0,lifecycle_recovery/* trackingId */.hI)(app, plan.namespace) },
                },
            },
            query: { fieldManager: NAMESPACE_MANAGER, fieldValidation: 'Strict' },
            // A repeat after a lost answer meets AlreadyExists, which the tracking annotation explains below.
            idempotent: true,
            signal,
        });
        return { kind: 'created' };
    }
    catch (err) {
        // Already there: made for this app (our own lost answer, or a run of the app at the same moment), or
        // by someone else (then it is not ours to delete).
        if (err instanceof api_error/* KubeApiError */.W3 && err.code === 409) {
            const live = await client.get(ref).catch(() => undefined);
            return trackedAsOurs(live, app, plan) ? { kind: 'ours' } : { kind: 'existing' };
        }
        return {
            kind: 'failed',
            message: `the namespace ${plan.namespace} could not be created (create-namespace): ${(0,api_error/* clusterErrorDetail */.We)(err)}`,
        };
    }
}
/** The app's namespace carries this app's tracking annotation: hook-sync made it for the app. */
async function namespaceMadeForApp(client, plan, app) {
    const live = await client
        .get({ apiVersion: 'v1', kind: 'Namespace', name: plan.namespace })
        .catch(() => undefined);
    return !!live && trackedAsOurs(live, app, plan);
}
/**
 * The labels and annotations asked for, server-side applied (only those fields, by a field manager of
 * their own) onto a namespace that was already there: after the dry run, under the lock, so a refused run
 * leaves it as it was.
 */
async function applyNamespaceMetadata(client, plan, app, request, signal) {
    // Applied even when empty: what an earlier run applied and this one no longer asks for goes.
    const wanted = metadataOf(plan, request);
    await client.request('PATCH', `/api/v1/namespaces/${encodeURIComponent(plan.namespace)}`, {
        body: { apiVersion: 'v1', kind: 'Namespace', metadata: wanted },
        contentType: 'application/apply-patch+yaml',
        query: { fieldManager: NAMESPACE_MANAGER, force: 'true' },
        idempotent: true,
        signal,
    });
}
/**
 * A namespace this run created and then left unused (refused by the dry run, no lock, cancelled before
 * any write): removed again — unless someone else has moved in meanwhile, whom deleting it would take
 * down: another app's inventory, or (before this run holds the lock) another run of this app's Lease or
 * inventory. Under the lock, this run's own Lease and inventory are its to remove with it.
 */
async function removeUnusedNamespace(client, name, app, holdingLock = false) {
    try {
        const names = (await (0,inventory_store/* inventoriesIn */.Qx)(client, name)).map((cm) => String(cm.metadata.name));
        const ownInventory = (0,inventory_store/* inventoryName */.mu)(app);
        const lease = holdingLock
            ? undefined
            : await client
                .get({
                apiVersion: 'coordination.k8s.io/v1',
                kind: 'Lease',
                namespace: name,
                name: lockLeaseName(app),
            })
                .catch((err) => {
                // May not read Leases (then no run with these credentials holds one).
                if (err instanceof api_error/* KubeApiError */.W3 && err.code === 403)
                    return undefined;
                throw err;
            });
        const other = names.find((n) => n !== ownInventory);
        if (other)
            return `namespace ${name}, created for this sync, was kept: another app has moved in (inventory ${other})`;
        if (!holdingLock && (lease || names.includes(ownInventory)))
            return `namespace ${name}, created for this sync, was kept: another run of app ${app} is using it`;
        await client.delete({ apiVersion: 'v1', kind: 'Namespace', name }, { propagationPolicy: 'Background' });
        return `namespace ${name}, created for this sync, was deleted again: nothing was applied in it`;
    }
    catch (err) {
        return `namespace ${name}, created for this sync, could not be deleted again (${(0,api_error/* clusterErrorDetail */.We)(err)}); delete it by hand`;
    }
}

;// CONCATENATED MODULE: ./src/lifecycle/app-lock.ts
/**
 * A cluster-side lock per application: a `coordination.k8s.io/v1` Lease named `hook-sync-<app>` in the
 * app's namespace, so two runs never sync (or delete) one application at once. The second one waits for
 * the first — on a watch of the Lease, and on the lease's expiry — for as long as it is allowed, then fails
 * with a message naming the holder.
 *
 * Every write is conditioned on the Lease's resourceVersion (create, take over, renew) or on its uid and
 * resourceVersion (release): of two parties racing for it, exactly one wins and the other goes back to
 * waiting. A run that dies leaves its Lease behind, held until `leaseDurationSeconds` after its last
 * renewal; after that anyone takes it over.
 */







/** Waited `waitMs` and the app is still locked; the message names the holder and what to do. */
class LockTimeoutError extends Error {
    app;
    lease;
    holder;
    name = 'LockTimeoutError';
    constructor(app, 
    /** `namespace/name` of the Lease. */
    lease, holder, waitedMs) {
        const op = holder.operation ? `operation ${holder.operation}, ` : '';
        const verb = holder.operation === 'sync'
            ? 'syncing'
            : holder.operation === 'delete'
                ? 'deleting'
                : holder.operation
                    ? `running ${holder.operation} on`
                    : 'using';
        super(`app ${app} is locked by ${holder.holder} (${op}since ${holder.since}, lease expires ${holder.expiresAt}): ` +
            `another run is ${verb} it${waitedMs > 0 ? ` (waited ${(0,duration/* formatDuration */.a3)(waitedMs)})` : ''}. ` +
            `Wait for it, or pass --no-lock / lock: false if you know better (the lock is Lease ${lease}).`);
        this.app = app;
        this.lease = lease;
        this.holder = holder;
    }
}
/** The reason of HeldLock.lost. */
class LockLostError extends Error {
    name = 'LockLostError';
}
/** The app's namespace does not exist, so its Lease cannot either. */
class LockNamespaceMissingError extends Error {
    app;
    namespace;
    name = 'LockNamespaceMissingError';
    constructor(app, namespace) {
        super(`cannot lock app ${app}: namespace ${namespace} does not exist (the lock is a Lease in it); ` +
            'create the namespace first, or pass --no-lock / lock: false');
        this.app = app;
        this.namespace = namespace;
    }
}
function abortError(what, signal) {
    const err = new Error(`${what}: cancelled`, { cause: signal.reason });
    err.name = 'AbortError';
    return err;
}
function isApiError(err, code) {
    return err instanceof api_error/* KubeApiError */.W3 && err.code === code;
}
/** Woken by a watch event, a time, or cancellation — whichever comes first; never a fixed sleep. */
class Wakeup {
    pending = false;
    wake;
    poke() {
        this.pending = true;
        this.wake?.();
    }
    /** Forget earlier pokes: called before the state is read again, so no later change is missed. */
    reset() {
        this.pending = false;
    }
    wait(until, signal) {
        if (this.pending || signal?.aborted)
            return Promise.resolve();
        return new Promise((resolve) => {
            const done = () => {
                clearTimeout(timer);
                signal?.removeEventListener('abort', done);
                this.wake = undefined;
                resolve();
            };
            const timer = setTimeout(done, Math.max(1, until - Date.now()));
            signal?.addEventListener('abort', done, { once: true });
            this.wake = done;
        });
    }
}
async function getLease(target, signal) {
    try {
        return (await target.client.request('GET', target.path, { signal })).body;
    }
    catch (err) {
        if (err instanceof api_error/* KubeApiError */.W3 && err.notFound)
            return undefined;
        throw err;
    }
}
/**
 * Takes the app's lock, waiting for another holder up to `waitMs`. Resolves once the Lease names this run;
 * rejects with LockTimeoutError (still held by another after `waitMs`), LockNamespaceMissingError, an
 * AbortError (cancelled while waiting) or the API's error.
 */
async function acquireLock(client, options) {
    const { app, namespace, holder, operation, signal } = options;
    const durationSeconds = options.leaseDurationSeconds ?? DEFAULT_LEASE_DURATION_SECONDS;
    if (!Number.isInteger(durationSeconds) || durationSeconds < 1)
        throw new Error(`leaseDurationSeconds must be a whole number of seconds ≥ 1, not ${durationSeconds}`);
    if (!namespace)
        throw new Error(`cannot lock app ${app}: no namespace given`);
    if (!holder.trim())
        throw new Error(`cannot lock app ${app}: no holder given`);
    const name = lockLeaseName(app);
    const collection = `/apis/coordination.k8s.io/v1/namespaces/${encodeURIComponent(namespace)}/leases`;
    const target = {
        client,
        app,
        namespace,
        name,
        collection,
        path: `${collection}/${encodeURIComponent(name)}`,
        // Unique per acquisition: two runs of one holder (a re-run, two terminals of one user) exclude each other too.
        identity: `${holder}#${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`,
        durationSeconds,
    };
    const started = Date.now();
    const deadline = started + Math.max(0, options.waitMs);
    const fields = (now) => ({
        name,
        namespace,
        app,
        holder,
        operation,
        identity: target.identity,
        durationSeconds,
        now,
    });
    const what = `stopped waiting for the lock of app ${app}`;
    const wakeup = new Wakeup();
    let watcher;
    let watching = false;
    let reported;
    let mightBeAbsent = true;
    let held;
    try {
        for (;;) {
            if (signal?.aborted)
                throw abortError(what, signal);
            wakeup.reset();
            if (mightBeAbsent) {
                const now = Date.now();
                try {
                    const { body } = await client.request('POST', collection, {
                        query: { fieldManager: cluster_client/* FIELD_MANAGER */.vy },
                        body: leaseBody(fields(now)),
                        // Safe to repeat: a create that landed answers AlreadyExists, and the Lease then names us.
                        idempotent: true,
                        signal,
                    });
                    held = new Holding(target, body, now, signal);
                    break;
                }
                catch (err) {
                    if (err instanceof api_error/* KubeApiError */.W3 && err.notFound && /namespaces?\b/.test(err.message))
                        throw new LockNamespaceMissingError(app, namespace);
                    if (!isApiError(err, 409))
                        throw err;
                }
            }
            const current = await getLease(target, signal);
            mightBeAbsent = !current;
            if (!current)
                continue; // released between the two requests
            const state = readLease(current, durationSeconds);
            const now = Date.now();
            if (state.identity === target.identity) {
                // Our own create whose answer was lost on the way back.
                held = new Holding(target, current, state.renewedAt ?? now, signal);
                break;
            }
            if (isFree(state, now)) {
                try {
                    const { body } = await client.request('PUT', target.path, {
                        query: { fieldManager: cluster_client/* FIELD_MANAGER */.vy },
                        body: leaseBody(fields(now), current),
                        idempotent: true,
                        signal,
                    });
                    held = new Holding(target, body, now, signal);
                    break;
                }
                catch (err) {
                    if (isApiError(err, 409))
                        continue; // someone else was faster: look again
                    if (err instanceof api_error/* KubeApiError */.W3 && err.notFound) {
                        mightBeAbsent = true;
                        continue;
                    }
                    throw err;
                }
            }
            if (now >= deadline)
                throw new LockTimeoutError(app, `${namespace}/${name}`, holderInfo(state), now - started);
            if (!watching) {
                // Watch from now on, then read it again: nothing that happens after that read is missed.
                watching = true;
                watcher = await startWatcher(target, wakeup);
                continue;
            }
            if (reported !== state.identity) {
                reported = state.identity;
                options.onWait?.(holderInfo(state));
            }
            await wakeup.wait(Math.min(state.expiresAt, deadline), signal);
        }
    }
    catch (err) {
        if (signal?.aborted)
            throw abortError(what, signal);
        throw err;
    }
    finally {
        watcher?.close();
    }
    if (signal?.aborted) {
        await held.release().catch(() => undefined);
        throw abortError(what, signal);
    }
    held.start();
    return held;
}
/** A watch of the namespace's Leases that wakes the waiting party when this one changes or goes. */
async function startWatcher(target, wakeup) {
    const watcher = new object_watcher/* ObjectWatcher */.A(target.client);
    watcher.onChange((change) => {
        if (change.group !== LEASE_INFO.group || change.kind !== LEASE_INFO.kind)
            return;
        const meta = (change.object.metadata ?? {});
        if (meta.name === target.name && meta.namespace === target.namespace)
            wakeup.poke();
    });
    try {
        await watcher.watch(LEASE_INFO, target.namespace);
        return watcher;
    }
    catch (err) {
        watcher.close();
        // May not list/watch Leases (RBAC): still correct, woken only by the lease's expiry and the deadline.
        if (isApiError(err, 403))
            return undefined;
        throw err;
    }
}
/** A held lock: renews the Lease every third of its duration until released or lost. */
class Holding {
    target;
    current;
    renewedAt;
    signal;
    lostController = new AbortController();
    lost = this.lostController.signal;
    durationMs;
    renewTimer;
    expiryTimer;
    requestController;
    renewing;
    lastError;
    stopped = false;
    releasing;
    onAbort = () => void this.release().catch(() => undefined);
    constructor(target, 
    /** The Lease as last written by us: the base of the next renewal and the release's preconditions. */
    current, 
    /** The renewTime last written (local clock). */
    renewedAt, signal) {
        this.target = target;
        this.current = current;
        this.renewedAt = renewedAt;
        this.signal = signal;
        this.durationMs = target.durationSeconds * 1000;
    }
    start() {
        this.scheduleRenewal(this.durationMs / 3);
        this.armExpiry();
        this.signal?.addEventListener('abort', this.onAbort, { once: true });
    }
    release() {
        this.releasing ??= this.doRelease();
        return this.releasing;
    }
    relinquish() {
        this.stopped = true;
        this.stopTimers();
    }
    get expiresAt() {
        return this.renewedAt + this.durationMs;
    }
    scheduleRenewal(delayMs) {
        if (this.stopped)
            return;
        clearTimeout(this.renewTimer);
        this.renewTimer = setTimeout(() => {
            this.renewing = this.renew().finally(() => (this.renewing = undefined));
        }, delayMs);
        this.renewTimer.unref();
    }
    /** At the expiry of the last renewal: if nothing renewed it since, the lock may be someone else's now. */
    armExpiry() {
        clearTimeout(this.expiryTimer);
        this.expiryTimer = setTimeout(() => {
            if (Date.now() >= this.expiresAt)
                this.lose(this.notRenewed());
        }, Math.max(1, this.expiresAt - Date.now()));
        this.expiryTimer.unref();
    }
    notRenewed() {
        const why = this.lastError instanceof Error ? this.lastError.message : String(this.lastError ?? 'no answer');
        return (`the lock of app ${this.target.app} could not be renewed since ${shortTime(this.renewedAt)} ` +
            `and its lease expired: ${why}`);
    }
    async renew() {
        if (this.stopped)
            return;
        const controller = new AbortController();
        this.requestController = controller;
        const signal = AbortSignal.any([
            controller.signal,
            AbortSignal.timeout(Math.max(1, this.expiresAt - Date.now())),
        ]);
        try {
            const lostTo = await this.writeRenewal(signal);
            if (lostTo)
                this.lose(lostTo);
            else
                this.scheduleRenewal(this.durationMs / 3);
        }
        catch (err) {
            if (this.stopped)
                return;
            this.lastError = err;
            const left = this.expiresAt - Date.now();
            if (left <= 0)
                this.lose(this.notRenewed());
            // Transient (the client has already retried): again soon, before the lease runs out.
            else
                this.scheduleRenewal(Math.min(1000, this.durationMs / 6, left));
        }
    }
    /** Renews; returns why the lock is lost when it is no longer ours. */
    async writeRenewal(signal) {
        const { client, path, identity } = this.target;
        for (let attempt = 1;; attempt++) {
            const now = Date.now();
            const body = structuredClone(this.current);
            body.spec.renewTime = microTime(now);
            try {
                const written = await client.request('PUT', path, {
                    query: { fieldManager: cluster_client/* FIELD_MANAGER */.vy },
                    body,
                    idempotent: true,
                    signal,
                });
                this.current = written.body;
                this.renewedAt = now;
                this.lastError = undefined;
                if (!this.stopped)
                    this.armExpiry();
                return undefined;
            }
            catch (err) {
                if (err instanceof api_error/* KubeApiError */.W3 && err.notFound)
                    return this.deleted();
                if (!isApiError(err, 409) || attempt >= 5)
                    throw err;
            }
            // Changed by someone else: still ours (a label, an annotation, our own write whose answer was lost)?
            const latest = await getLease(this.target, signal);
            if (!latest)
                return this.deleted();
            const state = readLease(latest, this.target.durationSeconds);
            if (state.identity !== identity)
                return this.takenBy(state);
            this.current = latest;
        }
    }
    deleted() {
        return `the lock of app ${this.target.app} was removed while held (its Lease ${this.target.namespace}/${this.target.name} was deleted)`;
    }
    takenBy(state) {
        const op = state.operation ? ` (operation ${state.operation})` : '';
        return `the lock of app ${this.target.app} was taken over by ${state.holder || 'nobody'}${op} while held`;
    }
    lose(message) {
        if (this.stopped || this.lost.aborted)
            return;
        this.stopped = true;
        this.stopTimers();
        this.lostController.abort(new LockLostError(message));
    }
    stopTimers() {
        clearTimeout(this.renewTimer);
        clearTimeout(this.expiryTimer);
    }
    async doRelease() {
        this.signal?.removeEventListener('abort', this.onAbort);
        const wasLost = this.lost.aborted;
        this.stopped = true;
        this.stopTimers();
        this.requestController?.abort();
        await this.renewing;
        const { client, path, identity, app, namespace, name } = this.target;
        try {
            for (let attempt = 1;; attempt++) {
                const meta = (this.current.metadata ?? {});
                try {
                    await client.request('DELETE', path, {
                        body: {
                            kind: 'DeleteOptions',
                            apiVersion: 'v1',
                            preconditions: { uid: meta.uid, resourceVersion: meta.resourceVersion },
                        },
                    });
                    return;
                }
                catch (err) {
                    if (err instanceof api_error/* KubeApiError */.W3 && err.notFound)
                        return;
                    if (!isApiError(err, 409) || attempt >= 5)
                        throw err;
                }
                // Changed since our last write (a renewal whose answer we dropped, a label): delete it only if ours.
                // (A lost lock is deleted too while it still names us, e.g. it expired and nobody took it yet.)
                const latest = await getLease(this.target);
                if (!latest || readLease(latest, this.target.durationSeconds).identity !== identity)
                    return;
                this.current = latest;
            }
        }
        catch (err) {
            if (wasLost)
                return; // expired or someone else's: nothing of ours to free
            throw new Error(`could not release the lock of app ${app} (Lease ${namespace}/${name}): ${err.message}; ` +
                `it expires by itself at ${shortTime(this.expiresAt)}`, { cause: err });
        }
    }
}

// EXTERNAL MODULE: ./src/lifecycle/app-names.ts
var app_names = __webpack_require__(8914);
;// CONCATENATED MODULE: ./src/lifecycle/before-writing.ts
/**
 * Before an operation writes anything (the lock's Lease, the inventory): read-only checks that refuse bad
 * input with the cluster left as it was — the app's namespace exists, every object passes a server-side
 * dry run — and what tells later whether that dry run may have gone stale (the Lease, the inventory).
 */







/**
 * Read-only checks before anything is written: the app's namespace exists (or the plan creates it), and
 * the server-side dry run of every object passes. The result to return when not, else undefined.
 * `readFirst`: reads that must be done before the dry run starts (what tells whether it went stale);
 * the namespace is checked meanwhile.
 */
async function refusedBeforeWriting(plan, client, options, startedAt, readFirst) {
    try {
        const [missing] = await Promise.all([namespaceMissing(client, plan), readFirst]);
        if (missing)
            return {
                refused: stopped(plan, startedAt, missing.status, missing.message, missing.status === 'Succeeded'),
                leftovers: false,
            };
    }
    catch (err) {
        const refused = stopped(plan, startedAt, 'Failed', err instanceof api_error/* KubeConnectionError */.CP
            ? err.message
            : `cannot check that namespace ${plan.namespace} exists: ${(0,api_error/* clusterErrorDetail */.We)(err)}`);
        return { refused, leftovers: false };
    }
    const refused = await dryRunBeforeWriting((0,lifecycle_recovery/* markOwnership */.$l)(plan, options.app), client, options);
    if (refused && (await onlyLeftoverHooks(refused, plan, client, options.app)))
        return { refused: undefined, leftovers: true };
    return { refused, leftovers: false };
}
/**
 * Every refusal is of a hook whose live object is one a killed run of this app left behind: recovery
 * (under the lock) adopts or terminates it, and the engine's own dry run judges the hook after that.
 */
async function onlyLeftoverHooks(refused, plan, client, app) {
    const failed = refused.tasks.filter((t) => t.status === 'Failed');
    if (failed.length === 0 || failed.some((t) => !t.hook))
        return false;
    for (const t of failed) {
        const task = plan.tasks.find((x) => x.kind === t.kind && x.namespace === t.namespace && x.name === t.name);
        const live = task
            ? await client
                .get({
                apiVersion: task.apiVersion,
                kind: task.kind,
                namespace: task.namespace || undefined,
                name: task.name,
            })
                .catch(() => undefined)
            : undefined;
        const labels = (live?.metadata?.labels ?? {});
        if (labels[lifecycle_recovery/* HOOK_LABELS */.ao.app] !== (0,app_names/* appLabelValue */.P)(app) ||
            labels[lifecycle_recovery/* HOOK_LABELS */.ao.appNamespace] !== (0,app_names/* appLabelValue */.P)(plan.namespace))
            return false;
    }
    return true;
}
/** A Lease of the app's lock is there: a run may be holding it (or a killed one left it). */
async function leaseExists(client, app, namespace) {
    const lease = await client
        .get({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace, name: lockLeaseName(app) })
        .catch(() => undefined);
    return !!lease;
}
/** The inventory's resourceVersion (undefined: none yet): it changes with every run of the app. */
async function inventoryVersion(client, app, namespace) {
    const cm = await client
        .get({ apiVersion: 'v1', kind: 'ConfigMap', namespace, name: (0,inventory_store/* inventoryName */.mu)(app) })
        .catch(() => undefined);
    return cm ? String(cm.metadata.resourceVersion) : undefined;
}
/**
 * The app's namespace does not exist and the plan does not create it: a delete has nothing left to do
 * (a rerun after the namespace went), a sync cannot start.
 */
async function namespaceMissing(client, plan) {
    if (plan.tasks.some((t) => t.group === '' && t.kind === 'Namespace' && t.name === plan.namespace))
        return undefined;
    try {
        if (await client.get({ apiVersion: 'v1', kind: 'Namespace', name: plan.namespace }))
            return undefined;
    }
    catch (err) {
        // A deployer bound to Roles in its namespaces only may not read Namespaces: the lock will tell.
        if (err instanceof api_error/* KubeApiError */.W3 && err.code === 403)
            return undefined;
        throw err;
    }
    return plan.operation === 'delete'
        ? {
            status: 'Succeeded',
            message: `nothing to delete: namespace ${plan.namespace} does not exist (deleted already?)`,
        }
        : {
            status: 'Failed',
            message: `namespace ${plan.namespace} does not exist: set create-namespace (--create-namespace), add a Namespace manifest, or create it first (kubectl create namespace ${plan.namespace})`,
        };
}
/** The operation did not start (the lock, the namespace, or the cluster said no): nothing ran. */
function stopped(plan, startedAt, status, message, nothingToDo = false) {
    return {
        status,
        message,
        revision: plan.revision,
        startedAt,
        finishedAt: new Date().toISOString(),
        tasks: plan.tasks.map((t) => {
            const run = new task_run/* TaskRun */.H(t);
            run.finish(status === 'Cancelled' ? 'Pending' : 'Skipped', nothingToDo ? 'not run: nothing to do' : 'not run: the operation could not start');
            return run.toResult();
        }),
    };
}

;// CONCATENATED MODULE: ./src/lifecycle/deletion-scope.ts
/**
 * What a delete removes, from the app's inventory: every object but the delete's own hooks, in which
 * order, and which namespace stays because another app has moved into it.
 */



/**
 * What a delete removes: everything the inventory holds but the delete's own hooks; last, after the
 * PostDelete hooks, the Namespaces they run in and the one hook-sync created for the app.
 */
function deletion(inventory, plan, shared) {
    const keep = new Set(shared.map((s) => s.name));
    const own = new Set(plan.tasks.map((t) => (0,lifecycle_inventory/* objectKey */.T5)(t)));
    const postDeleteNamespaces = new Set(plan.tasks.filter((t) => t.phase === 'PostDelete').map((t) => t.namespace));
    const all = inventory.objects.filter((o) => !own.has((0,lifecycle_inventory/* objectKey */.T5)(o)) && !(o.createdNamespace && keep.has(o.name)));
    const last = all.filter((o) => o.group === '' &&
        o.kind === 'Namespace' &&
        (o.createdNamespace === true || postDeleteNamespaces.has(o.name)));
    return { objects: all.filter((o) => !last.includes(o)), last };
}
/**
 * The namespaces hook-sync created for this app that another app has since put its own inventory in: a
 * delete keeps them (deleting one would take the other app's objects with it).
 */
async function namespacesSharedWithOtherApps(client, inventory, app) {
    const shared = [];
    for (const o of inventory.objects.filter((x) => x.createdNamespace)) {
        try {
            const other = (await (0,inventory_store/* inventoriesIn */.Qx)(client, o.name))
                .map((cm) => (0,inventory_store/* inventoryOf */.o8)(cm, '').app)
                .find((a) => a && a !== app);
            if (other)
                shared.push({
                    name: o.name,
                    why: `app ${other} also has an inventory in it (delete that app first)`,
                });
        }
        catch (err) {
            shared.push({
                name: o.name,
                why: `could not check whether another app uses it (${(0,api_error/* clusterErrorDetail */.We)(err)})`,
            });
        }
    }
    return shared;
}

;// CONCATENATED MODULE: ./src/lifecycle/app-operation.ts
/**
 * An operation on an application, around the engine: the inventory read, every object the plan may create
 * recorded before anything is written, the operation run (pruning or, for a delete, removal from the
 * inventory), then the outcome recorded — or, after a successful delete, the inventory removed.
 */













/** The final bookkeeping (the outcome in the inventory, the lock's release): retried this long, whatever happened. */
const BOOKKEEPING_RETRY_MS = 5000;
function runAppOperation(plan, client, options) {
    // Every request made for the operation (recovery, namespace checks, addresses) stops retrying at its
    // cancel or its timeout, as the engine's do; the final bookkeeping has a short scope of its own.
    return (0,retry_policy/* withRetryLimits */.zP)({ signal: options.signal, deadline: Date.now() + options.timeoutMs }, () => appOperation(plan, client, options));
}
async function appOperation(plan, client, options) {
    const startedAt = new Date().toISOString();
    // One budget for the whole operation: waiting for the lock and recovering count against it.
    const deadline = Date.now() + options.timeoutMs;
    const left = () => Math.max(1000, deadline - Date.now());
    // Before the lock: its Lease lives in the namespace, so even an app's first run into it is locked.
    const prepared = plan.operation === 'sync' && options.namespace
        ? await prepareNamespace(client, plan, options.app, options.namespace, options.signal)
        : undefined;
    if (prepared?.kind === 'failed')
        return stopped(plan, startedAt, 'Failed', prepared.message);
    if (prepared?.kind === 'created')
        options.observer?.info?.(`created namespace ${plan.namespace} (create-namespace)`);
    const progress = {
        createdNamespace: prepared?.kind === 'created',
        ownsNamespace: prepared?.kind === 'created' || prepared?.kind === 'ours',
        labelNamespace: prepared !== undefined && prepared.kind !== 'in-manifests',
        written: 0,
    };
    // A sync that prunes nothing is as large as what it writes: the heap is set for it before the dry run.
    // A delete, or a prune, is sized by the inventory, read under the lock (below).
    if (plan.operation === 'sync' && !options.prune)
        (0,heap_tuning/* tuneHeapForPlan */.jW)(plan.tasks.length);
    // Before the lock's Lease and the inventory: input the cluster refuses must change nothing in it. What
    // tells later whether the dry run went stale is read before it starts: the inventory (beside the
    // discovery of every kind the run touches and the namespace check), then the Lease.
    const staleness = (async () => {
        const [inventory] = await Promise.all([
            inventoryVersion(client, options.app, plan.namespace),
            client.discover(['v1', 'coordination.k8s.io/v1', ...(0,preflight/* groupVersionsOf */.kh)(plan)]).catch(() => undefined),
        ]);
        // The Lease after the inventory, not beside it: a run that took the lock after this read writes the
        // inventory after it too (its intent), so one that came between is seen by one read or the other.
        return [inventory, await leaseExists(client, options.app, plan.namespace)];
    })();
    const { refused, leftovers } = await refusedBeforeWriting(plan, client, options, startedAt, staleness);
    const [inventoryBefore, lockHeldBefore] = await staleness;
    if (refused) {
        if (progress.createdNamespace)
            refused.message += `\n${await removeUnusedNamespace(client, plan.namespace, options.app)}`;
        return refused;
    }
    let lock;
    let waitedForLock = false;
    if (options.lock !== false) {
        const taken = await takeLock(plan, client, options, () => (waitedForLock = true));
        if ('result' in taken) {
            const result = stopped(plan, startedAt, taken.result.status, taken.result.message);
            // No lock, nothing written: the namespace made for this run goes again (unless another run is in).
            if (progress.createdNamespace)
                result.message += `\n${await removeUnusedNamespace(client, plan.namespace, options.app)}`;
            return result;
        }
        lock = taken.lock;
    }
    // The dry run above stands only if no run of the app held the lock during it or came between it and
    // the lock (every run writes the inventory first), and recovery has no hooks of a killed run to
    // replace: otherwise the engine dry-runs again, under the lock.
    const dryRunStands = (inventoryNow) => !waitedForLock && !leftovers && !lockHeldBefore && inventoryNow === inventoryBefore;
    try {
        const signal = lock
            ? options.signal
                ? AbortSignal.any([options.signal, lock.lost])
                : lock.lost
            : options.signal;
        const result = await operate(plan, client, { ...options, signal }, { startedAt, left, progress, lock, dryRunStands });
        if (progress.createdNamespace && progress.written === 0 && result.status !== 'Succeeded') {
            // Refused before anything was applied: leave the cluster as it was, the namespace included.
            lock?.relinquish();
            result.message += `\n${await removeUnusedNamespace(client, plan.namespace, options.app, !!lock)}`;
            return result;
        }
        if (lock?.lost.aborted && !options.signal?.aborted) {
            // Not a person's cancel: another run may be syncing this app now. Say so, and fail.
            result.status = 'Failed';
            result.message = `stopped: ${lock.lost.reason?.message ?? 'the lock of the application was lost'}`;
        }
        if (plan.operation === 'sync' && result.status === 'Succeeded') {
            const urls = await readAppUrls(client, plan);
            if (urls.length)
                result.urls = urls;
        }
        return result;
    }
    finally {
        const held = lock;
        if (held)
            await (0,retry_policy/* withCleanupLimits */.DU)(BOOKKEEPING_RETRY_MS, () => held.release()).catch((err) => options.observer?.info?.(err.message));
    }
}
/**
 * The application's Lease, waited for within the operation's timeout. A namespace the sync itself creates
 * cannot hold one yet: that first run goes without, and says so.
 */
async function takeLock(plan, client, options, onWaited) {
    // Cancelling the wait must not release a lock later: the signal given to the lock covers the wait only.
    const waiting = new AbortController();
    const cancel = () => waiting.abort();
    options.signal?.addEventListener('abort', cancel, { once: true });
    try {
        const lock = await acquireLock(client, {
            app: options.app,
            namespace: plan.namespace,
            holder: options.by,
            operation: plan.operation,
            waitMs: options.timeoutMs,
            leaseDurationSeconds: options.lockTtlSeconds,
            signal: waiting.signal,
            onWait: (h) => {
                onWaited();
                options.observer?.info?.(`waiting for the lock of app ${options.app}: held by ${h.holder}${h.operation ? ` (${h.operation})` : ''} since ${h.since}, expires ${h.expiresAt} unless renewed`);
            },
        });
        return { lock };
    }
    catch (err) {
        if (err instanceof LockNamespaceMissingError) {
            options.observer?.info?.(`no lock for app ${options.app}: namespace ${plan.namespace} does not exist yet`);
            return {};
        }
        if (waiting.signal.aborted)
            return {
                result: { status: 'Cancelled', message: 'the operation was cancelled while waiting for the lock' },
            };
        if (err instanceof LockTimeoutError)
            return { result: { status: 'Failed', message: err.message } };
        return {
            result: {
                status: 'Failed',
                message: `cannot take the lock of app ${options.app}: ${(0,api_error/* clusterErrorDetail */.We)(err)}`,
            },
        };
    }
    finally {
        options.signal?.removeEventListener('abort', cancel);
    }
}
/** Settled together (nothing left running behind a failure), then the first failure thrown. */
async function allSettled(work) {
    const settled = await Promise.allSettled(work);
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed)
        throw failed.reason;
    return settled.map((r) => r.value);
}
async function operate(plan, client, options, { startedAt, left, progress, lock, dryRunStands }) {
    const store = new inventory_store/* InventoryStore */.yq(client, options.app, plan.namespace);
    const record = {
        revision: plan.revision,
        operation: plan.operation,
        status: 'Running',
        message: '',
        startedAt,
        by: options.by,
    };
    let previous;
    let intended;
    let deferred;
    let adopted;
    let writingInventory = false;
    try {
        const say = (m) => options.observer?.info?.(m);
        // Under the lock, at once: hooks a killed run left, the inventory, the namespace.
        let recovery;
        let missing;
        [recovery, previous, missing] = await allSettled([
            (0,lifecycle_recovery/* recoverHooks */.tY)(client, (0,lifecycle_recovery/* markOwnership */.$l)(plan, options.app), options.app, say, left()),
            store.read(),
            namespaceMissing(client, plan),
        ]);
        ({ plan, adopted } = recovery);
        // How large the run is: what it writes, or what it prunes or deletes (a delete's plan is its hooks).
        (0,heap_tuning/* tuneHeapForPlan */.jW)(Math.max(plan.tasks.length, previous.objects.length));
        options = { ...options, dryRunPassed: dryRunStands(store.version) };
        // A delete after a run that made the namespace but stopped before recording it: it is the app's still.
        if (plan.operation === 'delete' &&
            !previous.objects.some((o) => o.createdNamespace) &&
            (await namespaceMadeForApp(client, plan, options.app)))
            previous = (0,lifecycle_inventory/* recordCreatedNamespace */.v6)(previous, plan.namespace);
        if (missing)
            return stopped(plan, startedAt, missing.status, missing.message, missing.status === 'Succeeded');
        if (options.namespace && progress.labelNamespace)
            await applyNamespaceMetadata(client, plan, options.app, options.namespace, options.signal);
        intended = (0,lifecycle_inventory/* recordIntent */.M8)(previous, plan, record);
        if (progress.ownsNamespace)
            intended = (0,lifecycle_inventory/* recordCreatedNamespace */.v6)(intended, plan.namespace);
        const origin = options.origin ?? previous.origin;
        if (origin)
            intended = { ...intended, origin };
        writingInventory = true;
        deferred = !(await writeOrDefer(store, intended, plan));
    }
    catch (err) {
        const cluster = err instanceof api_error/* KubeApiError */.W3 || err instanceof api_error/* KubeConnectionError */.CP;
        return stopped(plan, startedAt, 'Failed', !cluster
            ? err.message
            : writingInventory && err instanceof api_error/* KubeApiError */.W3
                ? `cannot record the application's inventory (ConfigMap ${plan.namespace}/${store.name}): ${(0,api_error/* clusterErrorDetail */.We)(err)}`
                : `cannot talk to the cluster at ${client.server}: ${(0,api_error/* clusterErrorDetail */.We)(err)}`);
    }
    let recorded;
    const written = [];
    const owner = (0,lifecycle_recovery/* trackingId */.hI)(options.app, plan.namespace);
    const kept = plan.operation === 'delete' ? await namespacesSharedWithOtherApps(client, previous, options.app) : [];
    const removals = plan.operation === 'delete'
        ? { enabled: true, owner, ...deletion(previous, plan, kept) }
        : { enabled: options.prune, owner, objects: (0,lifecycle_inventory/* pruneCandidates */.Bu)(previous, plan) };
    const result = await runSync(plan, client, {
        ...options,
        timeoutMs: left(),
        removals: {
            ...removals,
            // The lock's Lease goes with the app's namespace: that is the end of the lock, not its loss.
            removing: (o) => {
                if (o.group === '' && o.kind === 'Namespace' && o.name === plan.namespace)
                    lock?.relinquish();
            },
        },
        adopted,
        onWritten: async (t) => {
            written.push(t);
            progress.written = written.length;
            // The namespace the inventory lives in was just created by this sync: record now, before anything
            // else is created (a run killed from here on must not forget what it made).
            if (deferred && !recorded && t.group === '' && t.kind === 'Namespace' && t.name === plan.namespace) {
                recorded = store.write(intended);
                await recorded.catch((err) => {
                    throw new Error(`could not record the application's inventory: ${err.message}`);
                });
            }
        },
    });
    await recorded?.catch(() => undefined);
    const before = previous.history.find((h) => h.status !== 'Running') ?? previous.history[0];
    if (before)
        result.previous = {
            operation: before.operation,
            status: before.status,
            revision: before.revision,
            startedAt: before.startedAt,
            by: before.by,
            message: before.message,
        };
    const gone = result.tasks.filter((t) => t.deleted);
    const finished = {
        ...record,
        status: result.status,
        message: result.message,
        finishedAt: result.finishedAt,
    };
    try {
        if (plan.operation === 'delete' && result.status === 'Succeeded') {
            await (0,retry_policy/* withCleanupLimits */.DU)(BOOKKEEPING_RETRY_MS, () => store.remove());
            for (const ns of kept)
                result.message += `\nnamespace ${ns.name} was kept: ${ns.why}`;
            return result;
        }
        // Recorded even after a cancel or the timeout: its own short retry scope.
        await (0,retry_policy/* withCleanupLimits */.DU)(BOOKKEEPING_RETRY_MS, () => store.write((0,lifecycle_inventory/* recordOutcome */.Up)(intended, { applied: written, gone, record: finished })));
    }
    catch (err) {
        // The result stands; the next run reads what was recorded before (nothing it created is forgotten).
        result.message += `\n(the application's inventory could not be updated: ${err.message})`;
    }
    return result;
}
/** Writes the intent now; when the namespace does not exist yet (the sync creates it), once it does. */
async function writeOrDefer(store, inventory, plan) {
    try {
        await store.write(inventory);
        return Promise.resolve(true);
    }
    catch (err) {
        const createdHere = plan.tasks.some((t) => t.group === '' && t.kind === 'Namespace' && t.name === plan.namespace);
        if (err instanceof api_error/* KubeApiError */.W3 && err.code === 404 && createdHere)
            return false;
        throw err;
    }
}

;// CONCATENATED MODULE: ./src/sync/sync-from-paths.ts
/**
 * A sync from manifests on disk to a cluster: the one path both faces (the action and `hook-sync sync`)
 * take, so they cannot drift. In this order, because every value to mask must be known before anything
 * that could hold it is printed: the kubeconfig's credentials, then the manifests (their Secrets), then the
 * cluster, then the sync (which reports the Secrets its hooks read as it learns them).
 */






function invalidResult(message, revision, startedAt) {
    return {
        status: 'Invalid',
        message,
        revision,
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        tasks: [],
    };
}
function kubeconfigRefused(err, revision, startedAt) {
    if (!(err instanceof kubeconfig/* KubeconfigError */.C2))
        throw err;
    return {
        kind: 'invalid-kubeconfig',
        message: err.message,
        result: invalidResult(err.message, revision, startedAt),
    };
}
async function syncFromPaths(request) {
    const { redactor, revision, startedAt } = request;
    const mask = (values) => {
        for (const v of values) {
            redactor.add(v);
            request.onSecret?.(v);
        }
    };
    let source;
    try {
        if ('kubeconfig' in request.cluster) {
            source = request.cluster.kubeconfig();
            mask((0,kubeconfig/* kubeconfigSecrets */.hT)(source.text));
        }
    }
    catch (err) {
        return kubeconfigRefused(err, revision, startedAt);
    }
    let plan;
    try {
        plan = await (0,load_plan/* loadPlan */.Y)(request.paths, {
            cwd: request.cwd,
            checkFiles: request.checkFiles,
            images: request.images,
            operation: request.operation,
            namespace: request.namespace,
            revision,
            startedAt: Math.floor(startedAt.getTime() / 1000),
        });
    }
    catch (err) {
        if (!(err instanceof diagnostics/* InvalidInputError */.oC))
            throw err;
        const errors = err.diagnostics.filter((d) => d.severity === 'error');
        return {
            kind: 'invalid-manifests',
            diagnostics: err.diagnostics,
            result: invalidResult(`${errors.length} error${errors.length === 1 ? '' : 's'} in the manifests; nothing was applied:\n${errors.map(diagnostics/* formatDiagnostic */.xy).join('\n')}`, revision, startedAt),
        };
    }
    const before = new Set(redactor.values);
    redactor.addSecretsOf(plan);
    mask(redactor.values.filter((v) => !before.has(v)));
    let client;
    let target;
    if ('client' in request.cluster) {
        client = request.cluster.client;
        target = { server: client.server, context: '', origin: 'an in-process cluster' };
    }
    else {
        try {
            const loaded = (0,kubeconfig/* loadKubeconfigSource */.ne)(source, request.cluster.context);
            client = new cluster_client/* ClusterClient */.EU(loaded.kc);
            target = { server: loaded.server, context: loaded.context, origin: source.origin };
        }
        catch (err) {
            return kubeconfigRefused(err, revision, startedAt);
        }
    }
    request.onStart?.(plan, target);
    const controller = new AbortController();
    const release = cancelOnSignals(request.signals, controller, request.onCancelling);
    try {
        const result = await runAppOperation(plan, client, {
            app: request.app,
            by: request.by,
            prune: request.prune,
            lock: request.lock,
            lockTtlSeconds: request.lockTtlSeconds,
            namespace: request.createNamespace,
            origin: request.origin,
            timeoutMs: request.timeoutMs,
            wait: request.wait,
            signal: controller.signal,
            observer: request.observer,
            secrets: redactor.values,
            onSecret: (v) => mask([v]),
        });
        if (plan.images?.length)
            result.images = plan.images.map((i) => ({
                object: `${i.object.kind} ${i.object.namespace ? `${i.object.namespace}/` : ''}${i.object.name}`,
                container: i.container,
                from: i.from,
                to: i.to,
            }));
        return { kind: 'synced', plan, result };
    }
    finally {
        release();
    }
}


/***/ }),

/***/ 5688:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dl: () => (/* binding */ TaskApplier),
  QE: () => (/* binding */ dryRunWrite),
  H8: () => (/* binding */ refOf)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/cluster/api-error.ts
var api_error = __webpack_require__(3693);
// EXTERNAL MODULE: ./src/cluster/cluster-client.ts + 5 modules
var cluster_client = __webpack_require__(8162);
;// CONCATENATED MODULE: ./src/sync/client-side-apply.ts
const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
function isMap(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** The manifest as recorded in the annotation (without the annotation itself). */
function recorded(desired) {
    const copy = structuredClone(desired);
    const annotations = copy.metadata?.annotations;
    if (annotations) {
        delete annotations[LAST_APPLIED_ANNOTATION];
        if (Object.keys(annotations).length === 0)
            delete copy.metadata.annotations;
    }
    return copy;
}
function diff(last, desired) {
    const patch = {};
    for (const [key, value] of Object.entries(desired)) {
        const before = last?.[key];
        patch[key] = isMap(value) && isMap(before) ? diff(before, value) : value;
    }
    for (const key of Object.keys(last ?? {}))
        if (!(key in desired))
            patch[key] = null;
    return patch;
}
/** The object to create: the manifest, carrying its own record. */
function withLastApplied(desired) {
    const copy = structuredClone(desired);
    const meta = (copy.metadata ??= {});
    meta.annotations = {
        ...(meta.annotations ?? {}),
        [LAST_APPLIED_ANNOTATION]: JSON.stringify(recorded(desired)),
    };
    return copy;
}
/** The merge patch from the live object's last-applied record to the manifest. */
function clientSideApplyPatch(live, desired) {
    const annotations = (live.metadata?.annotations ?? {});
    let last;
    try {
        const raw = annotations[LAST_APPLIED_ANNOTATION];
        last = typeof raw === 'string' ? JSON.parse(raw) : undefined;
    }
    catch {
        last = undefined; // an unreadable record removes nothing, as kubectl does with none
    }
    return diff(last, withLastApplied(desired));
}

;// CONCATENATED MODULE: ./src/sync/task-applier.ts
/**
 * How one object is written, as its sync options say (docs/sync-engine.md, "Sync options"): server-side
 * apply by default; client-side apply (`ServerSideApply=false`); replace (`Replace=true`); delete and
 * re-create (`Force=true`). Every write asks the API server for strict field validation unless
 * `Validate=false`, so a typo such as `dta:` is refused by the dry run, naming the field.
 */




function refOf(t) {
    return { apiVersion: t.apiVersion, kind: t.kind, namespace: t.namespace || undefined, name: t.name };
}
/** Argo CD updates these in place even under Replace=true: deleting one would take its contents with it. */
function neverRecreated(t) {
    return ((t.group === '' && t.kind === 'Namespace') ||
        (t.group === 'apiextensions.k8s.io' && t.kind === 'CustomResourceDefinition'));
}
/** How long a hook's lost write is looked for in what the watch brings before it is called unknown. */
const HOOK_LOOKUP_MS = 5000;
function refusedChange(err) {
    return err instanceof api_error/* KubeApiError */.W3 && (err.code === 422 || err.code === 409);
}
class TaskApplier {
    client;
    observed;
    deleteAndAwait;
    constructor(client, observed, deleteAndAwait) {
        this.client = client;
        this.observed = observed;
        this.deleteAndAwait = deleteAndAwait;
    }
    validation(t) {
        return validationOf(t);
    }
    /** What the cluster holds under the task's name now (a fresh read: the cache may lag a write). */
    live(t) {
        return this.client.get(refOf(t));
    }
    /** What the write will be, for the result: known before it is attempted, so a failed create says so. */
    intendedAction(t) {
        const exists = !!this.observed.current(t.group, t.kind, t.namespace || undefined, t.name);
        if (!exists)
            return 'create';
        if (t.syncOptions.replace)
            return t.syncOptions.force && !neverRecreated(t) ? 'recreate' : 'replace';
        return 'apply';
    }
    /**
     * The server's verdict on the write without making it. `replacesExisting`: the existing object will be
     * deleted first (BeforeHookCreation, Force), so the write is judged as a create under a generated name;
     * judging it against the old object would report immutable fields the deletion makes moot.
     */
    dryRun(t, replacesExisting) {
        return dryRunWrite(this.client, t, replacesExisting);
    }
    /** `onAction`: told before a destructive step (delete then create), so a failure names what was done. */
    async write(t, deadline, onAction = () => { }) {
        const obj = t.object;
        const options = { fieldValidation: this.validation(t) };
        const { replace, force, serverSideApply } = t.syncOptions;
        if (replace) {
            const live = await this.live(t);
            if (!live)
                return { action: 'create', object: await this.client.create(obj, options) };
            if (force && !neverRecreated(t))
                return this.recreate(t, live, deadline, onAction);
            return { action: 'replace', object: await this.client.replace(obj, options) };
        }
        try {
            if (!serverSideApply) {
                const live = await this.live(t);
                if (!live)
                    return { action: 'create', object: await this.client.create(withLastApplied(obj), options) };
                return {
                    action: 'apply',
                    object: await this.client.mergePatch(refOf(t), clientSideApplyPatch(live, obj), options),
                };
            }
            const { object, created, uncertain } = t.hook
                ? await this.applyHookOnce(t, deadline)
                : { ...(await this.client.apply(obj, options)), uncertain: false };
            return { action: created ? 'create' : 'apply', object, ...(uncertain ? { uncertain } : {}) };
        }
        catch (err) {
            if (!(force && refusedChange(err) && !neverRecreated(t)))
                throw err;
            const live = await this.live(t);
            if (!live)
                throw err;
            return this.recreate(t, live, deadline, onAction);
        }
    }
    /**
     * A hook's apply, never repeated blindly: on a missing object server-side apply is a create, and a
     * repeat after a lost answer would run the hook again if the first try's object has finished and gone
     * since (`ttlSecondsAfterFinished: 0`). The object carries a token of this write; before a repeat that
     * the server may have acted on, the object is looked for — live, or in what the watch saw, deleted ones
     * included — and what it found is the write's result. When it may have been made and gone unseen, the
     * hook fails, saying so, rather than run twice.
     */
    async applyHookOnce(t, deadline) {
        const obj = t.object;
        const meta = (obj.metadata ?? {});
        const token = (0,external_node_crypto_.randomBytes)(8).toString('hex');
        const labels = { ...(meta.labels ?? {}), [cluster_client/* CREATE_TOKEN_LABEL */.c_]: token };
        const existed = !!this.observed.current(t.group, t.kind, t.namespace || undefined, t.name);
        const found = (o) => ({ status: existed ? 200 : 201, body: o });
        const seen = () => {
            const o = this.observed.withLabel(cluster_client/* CREATE_TOKEN_LABEL */.c_, token);
            return o && o.kind === t.kind ? o : undefined;
        };
        let uncertain = false;
        const written = await this.client.apply({ ...obj, metadata: { ...meta, labels } }, {
            fieldValidation: this.validation(t),
            beforeRetry: async (maybeActed) => {
                if (!maybeActed)
                    return undefined; // the server did not act: nothing to find
                uncertain = true;
                const live = await this.live(t);
                const liveLabels = (live?.metadata?.labels ?? {});
                if (live && liveLabels[cluster_client/* CREATE_TOKEN_LABEL */.c_] === token)
                    return found(live);
                // Another object holds the name (this write never reached it): applying onto it is no create.
                if (live)
                    return undefined;
                const gone = seen();
                if (gone)
                    return found(gone);
                // Absent, never seen: only a hook that removes itself when done can have been made and gone.
                if (obj.spec?.ttlSecondsAfterFinished === undefined)
                    return undefined;
                // The watch may not have brought it yet: a moment for it, then no guess.
                const until = Math.min(deadline, Date.now() + HOOK_LOOKUP_MS);
                while (Date.now() < until) {
                    await this.observed.nextChange(until);
                    const late = seen();
                    if (late)
                        return found(late);
                }
                throw new Error(`its apply may have created it (the answer was lost) and, with ttlSecondsAfterFinished, it may have run and been removed unseen: it was not applied again, so as not to run it twice; its outcome is unknown (look at the cluster's events, or run again)`);
            },
        });
        return { ...written, uncertain };
    }
    /** Force: the object is deleted, its deletion awaited, and the manifest created afresh. */
    async recreate(t, live, deadline, onAction) {
        onAction('recreate');
        const uid = String(live.metadata.uid);
        const gone = await this.deleteAndAwait(refOf(t), uid, deadline);
        if (!gone.ok)
            throw new Error(`could not re-create it (Force=true): ${gone.message}`);
        const obj = t.syncOptions.serverSideApply ? t.object : withLastApplied(t.object);
        return {
            action: 'recreate',
            object: await this.client.create(obj, { fieldValidation: this.validation(t) }),
        };
    }
}
/** The object as the task's write would leave it, from a server-side dry run (per its sync options). */
async function dryRunWrite(client, t, replacesExisting) {
    const obj = t.object;
    const options = { dryRun: true, fieldValidation: validationOf(t) };
    const { replace, force, serverSideApply } = t.syncOptions;
    const live = replacesExisting || replace || !serverSideApply || force ? await client.get(refOf(t)) : undefined;
    if (live && (replacesExisting || (replace && force && !neverRecreated(t))))
        return client.dryRunCreate(obj, options);
    if (replace)
        return live ? client.replace(obj, options) : client.create(obj, options);
    if (!serverSideApply)
        return live
            ? client.mergePatch(refOf(t), clientSideApplyPatch(live, obj), options)
            : client.create(withLastApplied(obj), options);
    try {
        return (await client.apply(obj, options)).object;
    }
    catch (err) {
        // Force=true re-creates what the server refuses to change: judge that create instead.
        if (!(force && live && refusedChange(err) && !neverRecreated(t)))
            throw err;
        return client.dryRunCreate(obj, options);
    }
}
function validationOf(t) {
    return t.syncOptions.validate ? 'Strict' : 'Ignore';
}


/***/ }),

/***/ 5662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ TaskRun),
/* harmony export */   r: () => (/* binding */ PAST_TENSE)
/* harmony export */ });
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5627);
/* harmony import */ var _plan_sync_task_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7752);
/** One task's state during an operation, its transitions, and its entry in the result document. */


class TaskRun {
    task;
    _state = 'NotStarted';
    _action = 'none';
    message = '';
    reason;
    startedAt;
    finishedAt;
    /** Set once the object exists with this task's content. */
    applied;
    deleted = false;
    logs;
    /** Why the logs are not in the result, when they are kept out. */
    logsWithheld;
    /** Why the logs are not all the hook wrote, when some could not be read. */
    logsIncomplete;
    events;
    /** Order in which tasks were started, for the result document. */
    startIndex = -1;
    constructor(task) {
        this.task = task;
    }
    get state() {
        return this._state;
    }
    get action() {
        return this._action;
    }
    get uid() {
        return this.applied?.uid;
    }
    get running() {
        return this._state === 'Running';
    }
    get done() {
        return this._state !== 'NotStarted' && this._state !== 'Running';
    }
    /** `PreSync hook Job/migrate-…` or `Deployment shop/web`, as messages name a task. */
    describe() {
        const t = this.task;
        const where = t.namespace ? `${t.namespace}/${t.name}` : t.name;
        return t.hook ? `${t.phase} hook ${t.kind}/${t.name}` : `${t.kind} ${where}`;
    }
    /** The engine takes it up; `action` is what it is about to do, so a failed create says so. */
    start(index, action) {
        this._state = 'Running';
        this._action = action;
        this.startedAt = new Date();
        this.startIndex = index;
        this.message = 'applying';
    }
    /** What the engine is about to do changed (the old object turned out to need deleting first). */
    retarget(action) {
        this._action = action;
    }
    /** The write went through; from now on the task waits for what it wrote to be judged. */
    wrote(action, version) {
        this._action = action;
        this.applied = version;
        this.message = PAST_TENSE[action];
    }
    finish(state, message, reason) {
        if (this.done)
            return;
        this._state = state;
        this.message = message;
        if (reason)
            this.reason = reason;
        this.finishedAt = new Date();
    }
    toResult() {
        const t = this.task;
        return {
            ...(0,_plan_sync_task_js__WEBPACK_IMPORTED_MODULE_1__/* .taskIdentity */ .q)(t),
            action: this._action,
            status: this._state === 'NotStarted' || this._state === 'Running' ? 'Pending' : this._state,
            message: this.message,
            startedAt: this.startedAt?.toISOString() ?? null,
            finishedAt: this.finishedAt?.toISOString() ?? null,
            deleted: this.deleted,
            source: (0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLocation */ .j$)(t.source),
            ...(this.reason ? { reason: this.reason } : {}),
            ...(this.logs?.length && !this.logsWithheld ? { logs: this.logs } : {}),
            ...(this.logsWithheld ? { logsWithheld: this.logsWithheld } : {}),
            ...(this.logsIncomplete && !this.logsWithheld ? { logsIncomplete: this.logsIncomplete } : {}),
            ...(this.events?.length ? { events: this.events } : {}),
        };
    }
}
const PAST_TENSE = {
    none: 'not applied',
    create: 'created',
    apply: 'applied',
    replace: 'replaced',
    recreate: 're-created',
    delete: 'deleted',
    prune: 'pruned',
};


/***/ })

};
