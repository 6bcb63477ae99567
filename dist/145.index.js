export const id = 145;
export const ids = [145];
export const modules = {

/***/ 6145:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EmbeddedCluster: () => (/* binding */ EmbeddedCluster)
});

// UNUSED EXPORTS: KUBECONFIG_CONTEXT

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: ../../../node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(1813);
;// CONCATENATED MODULE: ./src/embedded-cluster/resource-types.ts
/**
 * The kinds the embedded cluster serves, with what discovery, routing and the object lifecycle need to
 * know about each. CRDs add to this table at run time.
 */
function apiVersionOf(t) {
    return t.group ? `${t.group}/${t.version}` : t.version;
}
function groupKind(group, kind) {
    return `${group}/${kind}`;
}
function t(spec) {
    return {
        singular: spec.kind.toLowerCase(),
        namespaced: true,
        shortNames: [],
        categories: [],
        statusSubresource: false,
        generation: false,
        strategicMerge: true,
        ...spec,
    };
}
const workload = { statusSubresource: true, generation: true, categories: ['all'] };
const BUILT_IN_TYPES = [
    t({
        group: '',
        version: 'v1',
        kind: 'Namespace',
        plural: 'namespaces',
        namespaced: false,
        shortNames: ['ns'],
        statusSubresource: true,
    }),
    t({
        group: '',
        version: 'v1',
        kind: 'ConfigMap',
        plural: 'configmaps',
        shortNames: ['cm'],
    }),
    t({
        group: '',
        version: 'v1',
        kind: 'Secret',
        plural: 'secrets',
    }),
    t({
        group: '',
        version: 'v1',
        kind: 'ServiceAccount',
        plural: 'serviceaccounts',
        shortNames: ['sa'],
    }),
    t({
        group: '',
        version: 'v1',
        kind: 'Service',
        plural: 'services',
        shortNames: ['svc'],
        statusSubresource: true,
        categories: ['all'],
    }),
    t({
        group: '',
        version: 'v1',
        kind: 'Endpoints',
        plural: 'endpoints',
        shortNames: ['ep'],
    }),
    t({
        group: '',
        version: 'v1',
        kind: 'Pod',
        plural: 'pods',
        shortNames: ['po'],
        statusSubresource: true,
        categories: ['all'],
    }),
    t({
        group: '',
        version: 'v1',
        kind: 'Event',
        plural: 'events',
        shortNames: ['ev'],
    }),
    t({
        group: '',
        version: 'v1',
        kind: 'PersistentVolumeClaim',
        plural: 'persistentvolumeclaims',
        shortNames: ['pvc'],
        statusSubresource: true,
    }),
    t({
        group: '',
        version: 'v1',
        kind: 'PersistentVolume',
        plural: 'persistentvolumes',
        namespaced: false,
        shortNames: ['pv'],
        statusSubresource: true,
    }),
    t({
        group: 'apps',
        version: 'v1',
        kind: 'Deployment',
        plural: 'deployments',
        shortNames: ['deploy'],
        ...workload,
    }),
    t({
        group: 'apps',
        version: 'v1',
        kind: 'ReplicaSet',
        plural: 'replicasets',
        shortNames: ['rs'],
        ...workload,
    }),
    t({
        group: 'apps',
        version: 'v1',
        kind: 'StatefulSet',
        plural: 'statefulsets',
        shortNames: ['sts'],
        ...workload,
    }),
    t({
        group: 'apps',
        version: 'v1',
        kind: 'DaemonSet',
        plural: 'daemonsets',
        shortNames: ['ds'],
        ...workload,
    }),
    t({
        group: 'apps',
        version: 'v1',
        kind: 'ControllerRevision',
        plural: 'controllerrevisions',
    }),
    t({ group: 'batch', version: 'v1', kind: 'Job', plural: 'jobs', ...workload }),
    t({ group: 'batch', version: 'v1', kind: 'CronJob', plural: 'cronjobs', shortNames: ['cj'], ...workload }),
    t({
        group: 'networking.k8s.io',
        version: 'v1',
        kind: 'Ingress',
        plural: 'ingresses',
        shortNames: ['ing'],
        statusSubresource: true,
        generation: true,
    }),
    t({
        group: 'networking.k8s.io',
        version: 'v1',
        kind: 'IngressClass',
        plural: 'ingressclasses',
        namespaced: false,
    }),
    t({
        group: 'networking.k8s.io',
        version: 'v1',
        kind: 'NetworkPolicy',
        plural: 'networkpolicies',
        shortNames: ['netpol'],
        generation: true,
    }),
    t({
        group: 'autoscaling',
        version: 'v2',
        kind: 'HorizontalPodAutoscaler',
        plural: 'horizontalpodautoscalers',
        shortNames: ['hpa'],
        statusSubresource: true,
        categories: ['all'],
    }),
    t({
        group: 'policy',
        version: 'v1',
        kind: 'PodDisruptionBudget',
        plural: 'poddisruptionbudgets',
        shortNames: ['pdb'],
        statusSubresource: true,
        generation: true,
    }),
    t({
        group: 'rbac.authorization.k8s.io',
        version: 'v1',
        kind: 'Role',
        plural: 'roles',
    }),
    t({
        group: 'rbac.authorization.k8s.io',
        version: 'v1',
        kind: 'RoleBinding',
        plural: 'rolebindings',
    }),
    t({
        group: 'rbac.authorization.k8s.io',
        version: 'v1',
        kind: 'ClusterRole',
        plural: 'clusterroles',
        namespaced: false,
    }),
    t({
        group: 'rbac.authorization.k8s.io',
        version: 'v1',
        kind: 'ClusterRoleBinding',
        plural: 'clusterrolebindings',
        namespaced: false,
    }),
    t({
        group: 'apiextensions.k8s.io',
        version: 'v1',
        kind: 'CustomResourceDefinition',
        plural: 'customresourcedefinitions',
        namespaced: false,
        shortNames: ['crd', 'crds'],
        statusSubresource: true,
        generation: true,
    }),
    t({ group: 'coordination.k8s.io', version: 'v1', kind: 'Lease', plural: 'leases' }),
    t({
        group: 'storage.k8s.io',
        version: 'v1',
        kind: 'StorageClass',
        plural: 'storageclasses',
        namespaced: false,
        shortNames: ['sc'],
    }),
    t({
        group: '',
        version: 'v1',
        kind: 'Node',
        plural: 'nodes',
        namespaced: false,
        shortNames: ['no'],
        statusSubresource: true,
    }),
];
/** The lookup table: by group/kind, and by group/version/plural for routing. */
class ResourceRegistry {
    byGroupKind = new Map();
    byPath = new Map();
    constructor(types = BUILT_IN_TYPES) {
        for (const type of types)
            this.add(type);
    }
    add(type) {
        const gk = groupKind(type.group, type.kind);
        const list = (this.byGroupKind.get(gk) ?? []).filter((x) => x.version !== type.version);
        list.push(type);
        this.byGroupKind.set(gk, list);
        this.byPath.set(`${type.group}/${type.version}/${type.plural}`, type);
    }
    removeCrdTypes(crdName) {
        const removed = [];
        for (const [key, type] of this.byPath) {
            if (type.fromCrd === crdName) {
                this.byPath.delete(key);
                removed.push(type);
            }
        }
        for (const [gk, list] of this.byGroupKind) {
            const kept = list.filter((x) => x.fromCrd !== crdName);
            if (kept.length)
                this.byGroupKind.set(gk, kept);
            else
                this.byGroupKind.delete(gk);
        }
        return removed;
    }
    byResource(group, version, plural) {
        return this.byPath.get(`${group}/${version}/${plural}`);
    }
    /** Any served version of a kind; the preferred (first added) when version is not given. */
    byKind(group, kind, version) {
        const list = this.byGroupKind.get(groupKind(group, kind));
        if (!list)
            return undefined;
        return version ? list.find((x) => x.version === version) : list[0];
    }
    all() {
        return [...this.byPath.values()];
    }
    /** Group → versions, in the order they were added (the first is preferred). */
    groups() {
        const out = new Map();
        for (const type of this.byPath.values()) {
            const versions = out.get(type.group) ?? [];
            if (!versions.includes(type.version))
                versions.push(type.version);
            out.set(type.group, versions);
        }
        return out;
    }
}

// EXTERNAL MODULE: ./src/json-fields.ts
var json_fields = __webpack_require__(267);
;// CONCATENATED MODULE: ./src/embedded-cluster/api/status-errors.ts
class ApiError extends Error {
    code;
    reason;
    details;
    constructor(code, reason, message, details) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.details = details;
        this.name = 'ApiError';
    }
    toStatus() {
        return {
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Failure',
            message: this.message,
            // An error the server did not classify has no reason (StatusReasonUnknown), as upstream writes it.
            ...(this.reason ? { reason: this.reason } : {}),
            ...(this.details ? { details: this.details } : {}),
            code: this.code,
        };
    }
}
/** `deployments.apps`, `pods`: how the API names a resource in messages. */
function qualifiedResource(plural, group) {
    return group ? `${plural}.${group}` : plural;
}
function notFound(plural, group, name, kind) {
    return new ApiError(404, 'NotFound', `${qualifiedResource(plural, group)} "${name}" not found`, {
        name,
        group,
        kind: plural,
        ...(kind ? {} : {}),
    });
}
function alreadyExists(plural, group, name) {
    return new ApiError(409, 'AlreadyExists', `${qualifiedResource(plural, group)} "${name}" already exists`, {
        name,
        group,
        kind: plural,
    });
}
function conflict(plural, group, name, why) {
    return new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(plural, group)} "${name}": ${why}`, {
        name,
        group,
        kind: plural,
    });
}
/** 422 with one cause per field, message shaped like the API server's. */
function invalid(kind, group, name, causes) {
    const qualifiedKind = group ? `${kind}.${group}` : kind;
    const list = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
    const message = list.length === 1
        ? `${qualifiedKind} "${name}" is invalid: ${list[0]}`
        : `${qualifiedKind} "${name}" is invalid: [${list.join(', ')}]`;
    return new ApiError(422, 'Invalid', message, { name, group, kind, causes });
}
function badRequest(message) {
    return new ApiError(400, 'BadRequest', message);
}
function methodNotAllowed(message = 'the server does not allow this method on the requested resource') {
    return new ApiError(405, 'MethodNotAllowed', message);
}
function unsupportedMediaType(contentType) {
    return new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml (got ${contentType})`);
}
function forbidden(message, details) {
    return new ApiError(403, 'Forbidden', message, details);
}
function gone(message) {
    return new ApiError(410, 'Expired', message);
}
/** The API server's answer to a body over its limit (handlers' limitedReadBody). */
function requestEntityTooLarge(limit) {
    return new ApiError(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`);
}
function pageNotFound() {
    return new ApiError(404, 'NotFound', 'the server could not find the requested resource');
}

;// CONCATENATED MODULE: ./src/embedded-cluster/selectors.ts
/** Label and field selectors, as `?labelSelector=` and `?fieldSelector=` accept them. */


/** Splits on commas that are not inside parentheses (`a in (x,y),b`). */
function splitTopLevel(text) {
    const parts = [];
    let depth = 0;
    let current = '';
    for (const ch of text) {
        if (ch === '(')
            depth++;
        if (ch === ')')
            depth--;
        if (ch === ',' && depth === 0) {
            parts.push(current);
            current = '';
        }
        else
            current += ch;
    }
    parts.push(current);
    return parts.map((p) => p.trim()).filter(Boolean);
}
function parseRequirement(text) {
    let m = /^([^\s!=()]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(text);
    if (m) {
        return {
            op: m[2],
            key: m[1],
            values: m[3]
                .split(',')
                .map((v) => v.trim())
                .filter(Boolean),
        };
    }
    m = /^([^\s!=()]+)\s*(==|=|!=)\s*([^\s,()]*)$/.exec(text);
    if (m)
        return { op: m[2] === '!=' ? 'neq' : 'eq', key: m[1], value: m[3] };
    m = /^!\s*([^\s!=()]+)$/.exec(text);
    if (m)
        return { op: 'notexists', key: m[1] };
    m = /^([^\s!=()]+)$/.exec(text);
    if (m)
        return { op: 'exists', key: m[1] };
    throw badRequest(`unable to parse requirement: "${text}"`);
}
function parseLabelSelector(text) {
    if (!text)
        return undefined;
    const reqs = splitTopLevel(text).map(parseRequirement);
    return (labels) => reqs.every((r) => {
        const has = Object.prototype.hasOwnProperty.call(labels, r.key);
        const v = labels[r.key];
        switch (r.op) {
            case 'eq':
                return has && v === r.value;
            case 'neq':
                return !has || v !== r.value;
            case 'in':
                return has && r.values.includes(v);
            case 'notin':
                return !has || !r.values.includes(v);
            case 'exists':
                return has;
            case 'notexists':
                return !has;
        }
    });
}
/** A structured selector (`matchLabels` + `matchExpressions`), as workloads carry. */
function selectorFromSpec(spec) {
    const s = (spec ?? {});
    const matchLabels = s.matchLabels ?? {};
    const exprs = s.matchExpressions ?? [];
    if (Object.keys(matchLabels).length === 0 && exprs.length === 0)
        return () => false;
    return (labels) => Object.entries(matchLabels).every(([k, v]) => labels[k] === v) &&
        exprs.every((e) => {
            const has = Object.prototype.hasOwnProperty.call(labels, e.key);
            switch (e.operator) {
                case 'In':
                    return has && (e.values ?? []).includes(labels[e.key]);
                case 'NotIn':
                    return !has || !(e.values ?? []).includes(labels[e.key]);
                case 'Exists':
                    return has;
                case 'DoesNotExist':
                    return !has;
                default:
                    return false;
            }
        });
}
function fieldValue(obj, path) {
    const value = (0,json_fields/* fieldAt */.U)(obj, path);
    return value === undefined || value === null ? '' : String(value);
}
function parseFieldSelector(text) {
    if (!text)
        return undefined;
    const reqs = splitTopLevel(text).map((part) => {
        const m = /^([^\s!=]+)\s*(==|=|!=)\s*(.*)$/.exec(part);
        if (!m)
            throw badRequest(`invalid selector: '${text}'; can't understand '${part}'`);
        return { path: m[1], neq: m[2] === '!=', value: m[3] };
    });
    return (obj) => reqs.every((r) => (fieldValue(obj, r.path) === r.value) !== r.neq);
}

;// CONCATENATED MODULE: ./src/embedded-cluster/schema/go-values.ts
/**
 * Values as the API server's Go code prints them in error messages, and the decoders whose error positions
 * those messages carry (base64, resource quantities).
 */
/** What Go's JSON decoder calls a JSON value's kind in `json: cannot unmarshal <kind> …`. */
function jsonKind(value) {
    if (Array.isArray(value))
        return 'array';
    if (value === null)
        return 'null';
    switch (typeof value) {
        case 'string':
            return 'string';
        case 'number':
            return 'number';
        case 'boolean':
            return 'bool';
        default:
            return 'object';
    }
}
/** The Go kind of a value decoded into `interface{}` with ints preserved (int64, float64, …). */
function goKind(value) {
    if (Array.isArray(value))
        return 'slice';
    if (typeof value === 'number')
        return Number.isInteger(value) ? 'int64' : 'float64';
    if (typeof value === 'boolean')
        return 'bool';
    if (typeof value === 'string')
        return 'string';
    return 'map';
}
/** Go's `%g` for a float64. */
function goFloat(n) {
    if (Number.isInteger(n) && Math.abs(n) < 1e21) {
        const s = String(n);
        return s.length > 21 ? n.toExponential().replace(/e\+?(-?)(\d)$/, 'e$1+0$2') : s;
    }
    const exp = n.toExponential();
    const e = Number(exp.split('e')[1]);
    if (e < -4 || e >= 21)
        return exp.replace(/e([+-])(\d)$/, 'e$10$2');
    return String(n);
}
/** Go's `%v`/`%+v` of a value decoded into `interface{}`: `map[a:1 b:[x y]]`, keys sorted. */
function goPrint(value) {
    if (value === null || value === undefined)
        return '<nil>';
    if (Array.isArray(value))
        return `[${value.map(goPrint).join(' ')}]`;
    if (typeof value === 'object') {
        const entries = Object.entries(value).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
        return `map[${entries.map(([k, v]) => `${k}:${goPrint(v)}`).join(' ')}]`;
    }
    if (typeof value === 'number')
        return Number.isInteger(value) ? String(value) : goFloat(value);
    return String(value);
}
/** Go's `%#v` of a value as structured-merge-diff holds it: `&value.valueUnstructured{Value:8080}`. */
function goValueUnstructured(value) {
    return `&value.valueUnstructured{Value:${goSyntax(value)}}`;
}
function goSyntax(value) {
    if (value === null || value === undefined)
        return 'interface {}(nil)';
    if (Array.isArray(value))
        return `[]interface {}{${value.map(goSyntax).join(', ')}}`;
    if (typeof value === 'object') {
        const entries = Object.entries(value).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
        return `map[string]interface {}{${entries.map(([k, v]) => `${JSON.stringify(k)}:${goSyntax(v)}`).join(', ')}}`;
    }
    if (typeof value === 'string')
        return JSON.stringify(value);
    if (typeof value === 'number')
        return Number.isInteger(value) ? String(value) : goFloat(value);
    return String(value);
}
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/**
 * Where Go's `base64.StdEncoding` first fails on the text (padding required, `\r` and `\n` skipped), or
 * undefined when it decodes: the N of `illegal base64 data at input byte N`. Go's quantum decoder, step
 * for step, so that the offset is the one a real API server reports.
 */
function base64ErrorOffset(text) {
    const newline = (c) => c === '\n' || c === '\r';
    let si = 0;
    for (;;) {
        for (let j = 0; j < 4; j++) {
            if (si === text.length)
                return j === 0 ? undefined : si - j;
            const c = text[si];
            si++;
            if (B64.includes(c))
                continue;
            if (newline(c)) {
                j--;
                continue;
            }
            if (c !== '=' || j < 2)
                return si - 1;
            if (j === 2) {
                while (si < text.length && newline(text[si]))
                    si++;
                if (si === text.length)
                    return text.length;
                if (text[si] !== '=')
                    return si - 1;
                si++;
            }
            while (si < text.length && newline(text[si]))
                si++;
            return si < text.length ? si : undefined;
        }
    }
}
const QUANTITY_FORMAT = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const QUANTITY_SUFFIXES = new Set([
    '',
    'Ki',
    'Mi',
    'Gi',
    'Ti',
    'Pi',
    'Ei',
    'n',
    'u',
    'm',
    'k',
    'M',
    'G',
    'T',
    'P',
    'E',
]);
/** resource.ParseQuantity's complaint about the text, or undefined for a valid quantity. */
function quantityError(text) {
    const m = QUANTITY_FORMAT.exec(text.trim());
    if (!m || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(m[1])) {
        return "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    }
    const suffix = m[2];
    if (QUANTITY_SUFFIXES.has(suffix) || /^[eE][-+]?\d+$/.test(suffix))
        return undefined;
    return "unable to parse quantity's suffix";
}

// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/index.js + 849 modules
var dist = __webpack_require__(5208);
;// CONCATENATED MODULE: ./src/embedded-cluster/schema/model-types.ts
/**
 * Field types of the built-in kinds, derived from @kubernetes/client-node's generated models (each model
 * class lists its fields in `attributeTypeMap`: JSON name, TypeScript type, OpenAPI format). Nothing is
 * written by hand except what the models cannot say: which strings are resource quantities. A model's
 * table is built the first time an object reaches it, then kept.
 */

/**
 * Fields the models type as strings that are resource.Quantity in the API (they accept numbers too).
 * Keyed by model name; the value lists the fields (a map of quantities or a single one).
 */
const QUANTITY_FIELDS = {
    V1ResourceRequirements: ['limits', 'requests'],
    V1VolumeResourceRequirements: ['limits', 'requests'],
    V1EmptyDirVolumeSource: ['sizeLimit'],
    V1PersistentVolumeClaimStatus: ['capacity', 'allocatedResources'],
    V1PersistentVolumeSpec: ['capacity'],
    V1PodSpec: ['overhead'],
    V1NodeStatus: ['capacity', 'allocatable'],
    V1ContainerStatus: ['allocatedResources'],
    V1ResourceFieldSelector: ['divisor'],
    V1ResourceQuotaSpec: ['hard'],
    V1ResourceQuotaStatus: ['hard', 'used'],
    V1LimitRangeItem: ['default', 'defaultRequest', 'max', 'maxLimitRequestRatio', 'min'],
    V2MetricTarget: ['averageValue', 'value'],
    V2MetricValueStatus: ['averageValue', 'value'],
};
/** Models whose class name is not `V<version><Kind>`. */
const ROOT_MODEL_EXCEPTIONS = {
    '/v1/Event': 'CoreV1Event',
};
const registry = dist;
const fieldCache = new Map();
function parseType(model, attr) {
    const { type, format } = attr;
    const quantity = QUANTITY_FIELDS[model]?.includes(attr.baseName);
    const array = /^Array<(.+)>$/.exec(type);
    if (array)
        return { t: 'array', item: parseType(model, { ...attr, type: array[1] }) };
    const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
    if (map)
        return { t: 'map', value: parseType(model, { ...attr, type: map[1] }) };
    switch (type) {
        case 'string':
            if (quantity)
                return { t: 'scalar', scalar: 'quantity' };
            return { t: 'scalar', scalar: format === 'byte' ? 'bytes' : 'string' };
        case 'number':
            return {
                t: 'scalar',
                scalar: format === 'int32' ? 'int32' : format === 'int64' ? 'int64' : 'float64',
            };
        case 'boolean':
            return { t: 'scalar', scalar: 'bool' };
        case 'Date':
            return { t: 'scalar', scalar: 'time' };
        case 'IntOrString':
            return { t: 'scalar', scalar: 'intOrString' };
        case 'any':
        case 'object':
            return { t: 'scalar', scalar: 'any' };
        default:
            return registry[type]?.getAttributeTypeMap
                ? { t: 'struct', model: type }
                : { t: 'scalar', scalar: 'any' };
    }
}
/** The fields of a model by JSON name, in the models' order; undefined for a name that is not a model. */
function fieldsOf(model) {
    if (fieldCache.has(model))
        return fieldCache.get(model);
    const attributes = registry[model]?.getAttributeTypeMap?.();
    const fields = attributes
        ? new Map(attributes.map((a) => [a.baseName, { name: a.baseName, type: parseType(model, a) }]))
        : undefined;
    fieldCache.set(model, fields);
    return fields;
}
/** The model of a built-in kind (`V1Deployment`), or undefined for custom resources and unknown kinds. */
function rootModel(type) {
    if (type.fromCrd)
        return undefined;
    const exception = ROOT_MODEL_EXCEPTIONS[`${type.group}/${type.version}/${type.kind}`];
    const version = type.version.charAt(0).toUpperCase() + type.version.slice(1);
    const name = exception ?? `${version}${type.kind}`;
    return fieldsOf(name) ? name : undefined;
}
/** The Go type name the API server's errors use: `DeploymentSpec` for `V1DeploymentSpec`. */
function goStructName(model) {
    return model.replace(/^[A-Z][a-z]*?(?=V\d)/, '').replace(/^V\d+((alpha|beta)\d+)?/, '');
}
/** `v1` for `V1DeploymentSpec`, `v2` for `V2MetricSpec`: the Go package a type lives in. */
function goPackage(model) {
    const m = /V(\d+)((alpha|beta)\d+)?/.exec(model);
    return m ? `v${m[1]}${m[2] ?? ''}` : 'v1';
}
/** A type as Go prints it in `json: cannot unmarshal … of type …` (pointers are dereferenced there). */
function goTypeName(type) {
    switch (type.t) {
        case 'struct':
            return `${goPackage(type.model)}.${goStructName(type.model)}`;
        case 'array':
            return `[]${goTypeName(type.item)}`;
        case 'map':
            return `map[string]${goTypeName(type.value)}`;
        case 'scalar':
            switch (type.scalar) {
                case 'bool':
                    return 'bool';
                case 'bytes':
                    return '[]uint8';
                case 'time':
                    return 'v1.Time';
                case 'intOrString':
                    return 'intstr.IntOrString';
                case 'quantity':
                    return 'resource.Quantity';
                case 'any':
                    return 'interface {}';
                default:
                    return type.scalar;
            }
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/schema/json-decode.ts
/**
 * What the API server's JSON decoder (Go's encoding/json as forked in sigs.k8s.io/json) makes of a body
 * aimed at a built-in kind: the first type error, in the decoder's own words
 * (`json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`), and
 * every field the Go types do not have (`spec.template.spec.containers[0].imagee`), which the decoder
 * drops. Type errors are kept and decoding goes on; errors from the custom decoders of IntOrString,
 * Quantity and Time end it at once, as in Go.
 */


class Fatal {
    message;
    constructor(message) {
        this.message = message;
    }
}
function typeError(value, type, ctx, literal) {
    const what = literal ?? jsonKind(value);
    const goType = typeof type === 'string' ? type : goTypeName(type);
    return ctx.fields.length
        ? `json: cannot unmarshal ${what} into Go struct field ${ctx.struct}.${ctx.fields.join('.')} of type ${goType}`
        : `json: cannot unmarshal ${what} into Go value of type ${goType}`;
}
const INT_RANGE = { int32: [-(2 ** 31), 2 ** 31 - 1], int64: [-(2 ** 63), 2 ** 63 - 1] };
class Decoder {
    saved;
    unknown = [];
    save(message) {
        this.saved ??= message;
    }
    value(value, type, ctx) {
        if (value === null || value === undefined)
            return;
        switch (type.t) {
            case 'struct':
                return this.struct(value, type, ctx);
            case 'array':
                if (!Array.isArray(value))
                    return this.save(typeError(value, type, ctx));
                value.forEach((item, i) => this.value(item, type.item, { ...ctx, path: `${ctx.path}[${i}]` }));
                return;
            case 'map':
                if (typeof value !== 'object' || Array.isArray(value))
                    return this.save(typeError(value, type, ctx));
                for (const [k, v] of Object.entries(value))
                    this.value(v, type.value, { ...ctx, path: `${ctx.path}.${k}` });
                return;
            case 'scalar':
                return this.scalar(value, type, ctx);
        }
    }
    struct(value, type, ctx) {
        if (typeof value !== 'object' || Array.isArray(value))
            return this.save(typeError(value, type, ctx));
        const fields = fieldsOf(type.model);
        const struct = goStructName(type.model);
        for (const [key, child] of Object.entries(value)) {
            const path = ctx.path ? `${ctx.path}.${key}` : key;
            const field = fields.get(key);
            if (!field) {
                this.unknown.push(path);
                continue;
            }
            this.value(child, field.type, { struct, fields: [...ctx.fields, key], path });
        }
    }
    scalar(value, type, ctx) {
        switch (type.scalar) {
            case 'any':
                return;
            case 'string':
                if (typeof value !== 'string')
                    this.save(typeError(value, type, ctx));
                return;
            case 'bool':
                if (typeof value !== 'boolean')
                    this.save(typeError(value, type, ctx));
                return;
            case 'float64':
                if (typeof value !== 'number')
                    this.save(typeError(value, type, ctx));
                return;
            case 'int32':
            case 'int64': {
                if (typeof value !== 'number')
                    return this.save(typeError(value, type, ctx));
                const [lo, hi] = INT_RANGE[type.scalar];
                if (!Number.isInteger(value) || value < lo || value > hi)
                    this.save(typeError(value, type, ctx, `number ${String(value)}`));
                return;
            }
            case 'bytes': {
                if (Array.isArray(value))
                    return;
                if (typeof value !== 'string')
                    return this.save(typeError(value, type, ctx));
                const offset = base64ErrorOffset(value);
                if (offset !== undefined)
                    this.save(`illegal base64 data at input byte ${offset}`);
                return;
            }
            case 'time':
                // metav1.Time decodes its text with a nested decoder; the outer one adds the field's context.
                if (typeof value !== 'string')
                    throw new Fatal(typeError(value, 'string', ctx));
                return;
            case 'intOrString':
                if (typeof value === 'string')
                    return;
                if (typeof value !== 'number')
                    throw new Fatal(typeError(value, 'int32', ctx));
                if (!Number.isInteger(value) || Math.abs(value) > 2 ** 31)
                    throw new Fatal(typeError(value, 'int32', ctx, `number ${String(value)}`));
                return;
            case 'quantity': {
                const text = typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
                const problem = quantityError(text);
                if (problem)
                    throw new Fatal(problem);
                return;
            }
        }
    }
}
/** Decodes `body` into the model's Go type as the API server does, without changing it. */
function decodeAs(model, body) {
    const decoder = new Decoder();
    try {
        decoder.value(body, { t: 'struct', model }, { struct: goStructName(model), fields: [], path: '' });
    }
    catch (err) {
        if (!(err instanceof Fatal))
            throw err;
        return { error: err.message, unknown: decoder.unknown };
    }
    return { error: decoder.saved, unknown: decoder.unknown };
}
/** Removes, in place, every field the model's Go types do not have: what decoding leaves out. */
function dropUnknownFields(model, body) {
    prune(body, { t: 'struct', model });
}
function prune(value, type) {
    if (value === null || typeof value !== 'object')
        return;
    if (type.t === 'array') {
        if (Array.isArray(value))
            for (const item of value)
                prune(item, type.item);
    }
    else if (type.t === 'map') {
        if (!Array.isArray(value))
            for (const v of Object.values(value))
                prune(v, type.value);
    }
    else if (type.t === 'struct' && !Array.isArray(value)) {
        const fields = fieldsOf(type.model);
        const rec = value;
        for (const key of Object.keys(rec)) {
            const field = fields.get(key);
            if (!field)
                delete rec[key];
            else
                prune(rec[key], field.type);
        }
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/patch/list-keys.ts
const BY_FIELD = {
    containers: { type: 'map', keys: ['name'] },
    initContainers: { type: 'map', keys: ['name'] },
    ephemeralContainers: { type: 'map', keys: ['name'] },
    env: { type: 'map', keys: ['name'] },
    volumes: { type: 'map', keys: ['name'] },
    volumeMounts: { type: 'map', keys: ['mountPath'] },
    volumeDevices: { type: 'map', keys: ['devicePath'] },
    imagePullSecrets: { type: 'map', keys: ['name'] },
    hostAliases: { type: 'map', keys: ['ip'] },
    conditions: { type: 'map', keys: ['type'] },
    ownerReferences: { type: 'map', keys: ['uid'] },
    topologySpreadConstraints: { type: 'map', keys: ['topologyKey', 'whenUnsatisfiable'] },
    resourceClaims: { type: 'map', keys: ['name'] },
    finalizers: { type: 'set' },
};
function listStrategy(field, items, typed) {
    // Custom resources have no merge keys without a schema: their lists are atomic.
    if (!typed)
        return field === 'finalizers' ? { type: 'set' } : { type: 'atomic' };
    if (field === 'ports') {
        const first = items.find((i) => typeof i === 'object' && i !== null);
        if (first && 'containerPort' in first)
            return { type: 'map', keys: ['containerPort', 'protocol'] };
        if (first && 'port' in first)
            return { type: 'map', keys: ['port', 'protocol'] };
        return { type: 'atomic' };
    }
    return BY_FIELD[field] ?? { type: 'atomic' };
}
/** Default values that count as part of a key when absent (a port's protocol is TCP). */
const KEY_DEFAULTS = { protocol: 'TCP' };
function keyValues(item, keys) {
    if (typeof item !== 'object' || item === null)
        return undefined;
    const rec = item;
    const out = {};
    for (const k of keys) {
        const v = rec[k] ?? KEY_DEFAULTS[k];
        if (v === undefined) {
            if (k === keys[0])
                return undefined;
            continue;
        }
        out[k] = v;
    }
    return out;
}
/** The `k:{...}` identity of a list item (keys sorted, as fieldsV1 writes them). */
function itemKey(item, keys) {
    const kv = keyValues(item, keys);
    if (!kv)
        return undefined;
    const sorted = Object.keys(kv).sort();
    return JSON.stringify(Object.fromEntries(sorted.map((k) => [k, kv[k]])));
}

;// CONCATENATED MODULE: ./src/embedded-cluster/schema/typed-apply.ts
/**
 * Server-side apply's own check of an applied configuration (structured-merge-diff turning it into a
 * typed value): every type mismatch, every field the schema does not declare (the first of each object),
 * keyed list items without their key and duplicated keys, in its wording
 * (`.spec.replicas: expected numeric (int or float), got string`). The API server wraps them in
 * `failed to create typed patch object (…)` and answers 500, whatever fieldValidation says.
 */



function goUnstructuredType(value) {
    if (Array.isArray(value))
        return '[]interface {}';
    if (typeof value === 'object' && value !== null)
        return 'map[string]interface {}';
    if (typeof value === 'number')
        return Number.isInteger(value) ? 'int64' : 'float64';
    return typeof value === 'boolean' ? 'bool' : 'string';
}
/** `&{three}`: Go's `%v` of the value wrapper structured-merge-diff holds. */
function wrapped(value) {
    return `&{${goPrint(value)}}`;
}
function keyText(value) {
    return typeof value === 'string' ? JSON.stringify(value) : goPrint(value);
}
function isMap(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function scalarErrors(value, type, path) {
    switch (type.scalar) {
        case 'any':
            return [];
        case 'intOrString':
        case 'quantity':
            return isMap(value) || Array.isArray(value)
                ? [`${path}: expected any scalar, got ${wrapped(value)}`]
                : [];
        case 'bool':
            return typeof value === 'boolean' ? [] : [`${path}: expected boolean, got ${wrapped(value)}`];
        case 'int32':
        case 'int64':
        case 'float64':
            return typeof value === 'number'
                ? []
                : [`${path}: expected numeric (int or float), got ${goUnstructuredType(value)}`];
        default:
            return typeof value === 'string' ? [] : [`${path}: expected string, got ${goValueUnstructured(value)}`];
    }
}
function listErrors(field, value, item, path) {
    const strategy = listStrategy(field, value, true);
    const errors = [];
    const seen = new Set();
    for (const [i, child] of value.entries()) {
        let element = `[${i}]`;
        if (strategy.type === 'map') {
            if (!isMap(child)) {
                errors.push(`${path}: element ${i}: associative list with keys may not have non-map elements`);
                return errors;
            }
            const keys = keyValues(child, strategy.keys);
            if (!keys) {
                errors.push(`${path}: element ${i}: associative list with keys has an element that omits key field "${strategy.keys[0]}" (and doesn't have default value)`);
                return errors;
            }
            element = `[${Object.keys(keys)
                .sort()
                .map((k) => `${k}=${keyText(keys[k])}`)
                .join(',')}]`;
        }
        else if (strategy.type === 'set')
            element = `[=${keyText(child)}]`;
        if (strategy.type !== 'atomic') {
            if (seen.has(element))
                errors.push(`${path}: duplicate entries for key ${element}`);
            seen.add(element);
        }
        errors.push(...valueErrors(child, item, `${path}${element}`, field));
    }
    return errors;
}
function valueErrors(value, type, path, field) {
    if (value === null || value === undefined)
        return [];
    switch (type.t) {
        case 'scalar':
            return scalarErrors(value, type, path);
        case 'array':
            if (!Array.isArray(value))
                return [`${path}: expected list, got ${wrapped(value)}`];
            return listErrors(field, value, type.item, path);
        case 'map':
            if (!isMap(value))
                return [`${path}: expected map, got ${wrapped(value)}`];
            return Object.entries(value).flatMap(([k, v]) => valueErrors(v, type.value, `${path}.${k}`, k));
        case 'struct': {
            if (!isMap(value))
                return [`${path}: expected map, got ${wrapped(value)}`];
            const fields = fieldsOf(type.model);
            const errors = [];
            for (const [k, v] of Object.entries(value)) {
                const f = fields.get(k);
                if (!f) {
                    // structured-merge-diff stops walking an object at its first undeclared field.
                    errors.push(`${path}.${k}: field not declared in schema`);
                    break;
                }
                errors.push(...valueErrors(v, f.type, `${path}.${k}`, k));
            }
            return errors;
        }
    }
}
/** The errors, one per line as structured-merge-diff joins them, or undefined when the value is typed. */
function typedApplyErrors(model, config) {
    const errors = valueErrors(config, { t: 'struct', model }, '', '');
    if (errors.length === 0)
        return undefined;
    return errors.length === 1 ? errors[0] : ['errors:', ...errors.map((e) => `  ${e}`)].join('\n');
}

;// CONCATENATED MODULE: ./src/embedded-cluster/schema/unstructured-convert.ts
/**
 * What the API server's unstructured converter (runtime.DefaultUnstructuredConverter.FromUnstructured)
 * makes of an object after a strategic merge patch: it stops at the first value it cannot convert
 * (`unrecognized type: int32`, `cannot restore struct from: string`) and, when asked, lists every field
 * the Go types do not have, sorted.
 */


class Stop {
    message;
    constructor(message) {
        this.message = message;
    }
}
const GO_SCALAR = {
    string: 'string',
    int32: 'int32',
    int64: 'int64',
    float64: 'float64',
    bool: 'bool',
};
function convertScalar(value, type) {
    const source = goKind(value);
    switch (type.scalar) {
        case 'any':
            return;
        case 'bytes':
            if (source === 'string') {
                const offset = base64ErrorOffset(value);
                if (offset !== undefined)
                    throw new Stop(`error decoding from json: illegal base64 data at input byte ${offset}`);
                return;
            }
            throw new Stop(`cannot restore slice from ${source}`);
        case 'time':
            if (source !== 'string')
                throw new Stop(`json: cannot unmarshal ${jsonKind(value)} into Go value of type string`);
            return;
        case 'intOrString':
            if (source === 'string' || source === 'int64')
                return;
            throw new Stop(source === 'float64'
                ? `json: cannot unmarshal number ${String(value)} into Go value of type int32`
                : `json: cannot unmarshal ${jsonKind(value)} into Go value of type int32`);
        case 'quantity': {
            const problem = quantityError(typeof value === 'object' ? JSON.stringify(value) : String(value));
            if (problem)
                throw new Stop(problem);
            return;
        }
    }
    const target = GO_SCALAR[type.scalar];
    if (source === target)
        return;
    const numeric = (k) => k === 'int32' || k === 'int64' || k === 'float64';
    // Go converts between numbers (a float only when whole), and never between numbers, strings and bools.
    if (source === 'int64' && numeric(target))
        return;
    if (source === 'float64' && numeric(target) && (target === 'float64' || Number.isInteger(value)))
        return;
    if (source === 'float64' && numeric(target))
        throw new Stop(`cannot convert float64 to ${target}`);
    if (source === 'int64' && target === 'string')
        throw new Stop('cannot convert int64 to string');
    throw new Stop(`unrecognized type: ${target}`);
}
function convert(value, type, path, unknown) {
    if (value === null || value === undefined)
        return;
    switch (type.t) {
        case 'scalar':
            return convertScalar(value, type);
        case 'array':
            if (!Array.isArray(value))
                throw new Stop(`cannot restore slice from ${goKind(value)}`);
            value.forEach((item, i) => convert(item, type.item, `${path}[${i}]`, unknown));
            return;
        case 'map':
            if (goKind(value) !== 'map')
                throw new Stop(`cannot restore map from ${goKind(value)}`);
            for (const [k, v] of Object.entries(value))
                convert(v, type.value, `${path}.${k}`, unknown);
            return;
        case 'struct': {
            if (goKind(value) !== 'map')
                throw new Stop(`cannot restore struct from: ${goKind(value)}`);
            const fields = fieldsOf(type.model);
            const rec = value;
            for (const [name, field] of fields) {
                if (name in rec)
                    convert(rec[name], field.type, path ? `${path}.${name}` : name, unknown);
            }
            for (const key of Object.keys(rec))
                if (!fields.has(key))
                    unknown.push(path ? `${path}.${key}` : key);
        }
    }
}
function convertAs(model, obj) {
    const unknown = [];
    try {
        convert(obj, { t: 'struct', model }, '', unknown);
    }
    catch (err) {
        if (err instanceof Stop)
            return { error: err.message, unknown: [] };
        throw err;
    }
    const messages = unknown.map((p) => `unknown field "${p}"`).sort();
    return { unknown: messages.map((m) => m.slice('unknown field "'.length, -1)) };
}

;// CONCATENATED MODULE: ./src/embedded-cluster/schema/body-checks.ts
/**
 * The schema checks of a write, per the way the body arrived, answered as the API server answers them:
 * - POST/PUT bodies are decoded: a type error is 400 `<Kind> in version "v1" cannot be handled as a
 *   <Kind>: json: cannot unmarshal …`; unknown fields are refused (Strict, 400), reported in `Warning`
 *   headers (Warn, the server's default) or dropped silently (Ignore); they are dropped in every case.
 * - merge and JSON patches: the patched object is decoded the same way, but a failure is 422 `Invalid` on
 *   the field `patch` with the patched object as the value; strategic merge patches are converted from
 *   their merged map instead (other wording), with the patch as the value.
 * - server-side apply: the configuration is typed by structured-merge-diff; any type error or undeclared
 *   field is 500 `failed to create typed patch object (…)` (upstream's answer, whatever fieldValidation).
 * Custom resources are not checked: their schemas are the CRD's, which the embedded cluster does not read.
 */






function strictText(unknown) {
    return `strict decoding error: ${unknown.map((p) => `unknown field "${p}"`).join(', ')}`;
}
/** 422 on the request as a whole (no kind, no name), as patch failures are reported. */
function invalidPatch(value, detail) {
    const body = `Invalid value: ${JSON.stringify(value)}: ${detail}`;
    const cause = { reason: 'FieldValueInvalid', message: body, field: 'patch' };
    return new ApiError(422, 'Invalid', ` "" is invalid: patch: ${body}`, {
        name: '',
        group: '',
        kind: '',
        causes: [cause],
    });
}
function undecodable(type, detail) {
    return new ApiError(400, 'BadRequest', `${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: ${detail}`);
}
/**
 * Checks `obj` (the body, or the object a patch produced) against the kind's Go types; throws what the
 * API server would answer, pushes warnings, and drops unknown fields from `obj`.
 */
function checkAgainstSchema(type, obj, source, options) {
    const model = rootModel(type);
    if (!model)
        return;
    const validation = options.fieldValidation ?? 'Warn';
    if (source.via === 'apply') {
        const errors = typedApplyErrors(model, obj);
        if (errors) {
            const ns = obj.metadata?.namespace ?? '';
            const name = obj.metadata?.name ?? '';
            throw new ApiError(500, '', `failed to create typed patch object (${ns}/${name}; ${type.group}/${type.version}, Kind=${type.kind}): ${errors}`);
        }
        return;
    }
    let error;
    let unknown;
    if (source.via === 'strategic-merge-patch')
        ({ error, unknown } = convertAs(model, obj));
    else
        ({ error, unknown } = decodeAs(model, obj));
    const patchValue = () => source.via === 'strategic-merge-patch' ? goPrint(source.patch) : JSON.stringify(obj);
    if (error) {
        if (source.via === 'body')
            throw undecodable(type, error);
        throw invalidPatch(patchValue(), error);
    }
    if (unknown.length && validation === 'Strict') {
        if (source.via === 'body')
            throw undecodable(type, strictText(unknown));
        throw invalidPatch(patchValue(), strictText(unknown));
    }
    if (unknown.length && validation === 'Warn')
        for (const path of unknown)
            options.warnings?.push(`unknown field "${path}"`);
    if (unknown.length)
        dropUnknownFields(model, obj);
}

;// CONCATENATED MODULE: ./src/embedded-cluster/api/access-review.ts


const ACCESS_REVIEW_GROUP = 'authorization.k8s.io';
function reviewType(kind) {
    return {
        group: ACCESS_REVIEW_GROUP,
        version: 'v1',
        kind,
        plural: `${kind.toLowerCase()}s`,
        singular: kind.toLowerCase(),
        namespaced: false,
        shortNames: [],
        categories: [],
        statusSubresource: false,
        generation: false,
        strategicMerge: false,
    };
}
/** The review kinds: created (answered), never stored, so not in the resource registry. */
const ACCESS_REVIEW_TYPES = [
    reviewType('SelfSubjectAccessReview'),
    reviewType('SelfSubjectRulesReview'),
];
function accessReviewResources() {
    return ACCESS_REVIEW_TYPES.map((t) => ({
        name: t.plural,
        singularName: t.singular,
        namespaced: false,
        kind: t.kind,
        verbs: ['create'],
    }));
}
function accessReview(body, access) {
    const spec = (body.spec ?? {});
    const attributes = spec.resourceAttributes;
    let allowed = true;
    if (attributes) {
        const resource = attributes.subresource
            ? `${String(attributes.resource ?? '')}/${String(attributes.subresource)}`
            : String(attributes.resource ?? '');
        allowed =
            access?.allows(String(attributes.verb ?? ''), String(attributes.group ?? ''), resource, attributes.namespace ? String(attributes.namespace) : undefined) ?? true;
    }
    else if (!spec.nonResourceAttributes) {
        throw badRequest('SelfSubjectAccessReview is invalid: spec.resourceAttributes: Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified');
    }
    return {
        ...body,
        metadata: { ...(body.metadata ?? {}), creationTimestamp: null },
        status: { allowed, ...(allowed ? {} : { reason: "denied by the embedded cluster's access rules" }) },
    };
}
function rulesReview(body, access) {
    const denies = access?.hasDenials() ?? false;
    return {
        ...body,
        metadata: { ...(body.metadata ?? {}), creationTimestamp: null },
        status: {
            resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
            nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
            incomplete: denies,
            ...(denies
                ? {
                    evaluationError: "some requests are denied by the embedded cluster's access rules, which are not RBAC rules; ask for one with kubectl auth can-i VERB RESOURCE",
                }
                : {}),
        },
    };
}
/** Answers a POST to `/apis/authorization.k8s.io/v1/<resource>`. */
function serveAccessReview(method, resource, body, access, fieldValidation) {
    const review = resource === 'selfsubjectaccessreviews'
        ? accessReview
        : resource === 'selfsubjectrulesreviews'
            ? rulesReview
            : undefined;
    if (!review)
        throw pageNotFound();
    if (method !== 'POST')
        throw methodNotAllowed();
    if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw badRequest('the request body must be a JSON object');
    const type = ACCESS_REVIEW_TYPES.find((t) => t.plural === resource);
    checkAgainstSchema(type, body, { via: 'body' }, { fieldValidation });
    return review(body, access);
}

;// CONCATENATED MODULE: ./src/embedded-cluster/clone.ts
/**
 * A deep copy of an API object: plain objects, arrays and primitives, as JSON and YAML bodies decode to.
 * About nine times faster than structuredClone, which serialises through V8's structured-clone format and
 * took a tenth of the server's time on a sync of thousands of objects (docs/PERFORMANCE.md). Anything else
 * (a Date a YAML body's timestamp became, bytes) is left to structuredClone.
 */
function cloneJson(value) {
    if (value === null || typeof value !== 'object')
        return value;
    if (Array.isArray(value))
        return value.map(cloneJson);
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
        return structuredClone(value);
    const out = {};
    for (const key of Object.keys(value)) {
        const copy = cloneJson(value[key]);
        // A key "__proto__" (JSON.parse makes one an own property) must stay a key, not become the prototype.
        if (key === '__proto__')
            Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true });
        else
            out[key] = copy;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/embedded-cluster/patch/json-patch.ts
/** RFC 6902 JSON patch (`application/json-patch+json`). */


function parsePointer(pointer) {
    if (pointer === '')
        return [];
    if (!pointer.startsWith('/'))
        throw badRequest(`invalid JSON pointer "${pointer}"`);
    return pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
function resolveParent(doc, parts, pointer) {
    let cur = doc;
    for (const part of parts.slice(0, -1)) {
        if (Array.isArray(cur))
            cur = cur[Number(part)];
        else if (typeof cur === 'object' && cur !== null)
            cur = cur[part];
        else
            cur = undefined;
        if (cur === undefined)
            throw unprocessable(`doc is missing path: "${pointer}"`);
    }
    if (typeof cur !== 'object' || cur === null)
        throw unprocessable(`doc is missing path: "${pointer}"`);
    return { parent: cur, last: parts[parts.length - 1] };
}
function unprocessable(message) {
    return invalid('', '', '', [{ reason: 'FieldValueInvalid', message }]);
}
function getAt(doc, pointer) {
    let cur = doc;
    for (const part of parsePointer(pointer)) {
        if (Array.isArray(cur))
            cur = cur[part === '-' ? cur.length : Number(part)];
        else if (typeof cur === 'object' && cur !== null)
            cur = cur[part];
        else
            return undefined;
    }
    return cur;
}
function add(doc, pointer, value) {
    const parts = parsePointer(pointer);
    if (parts.length === 0)
        return value;
    const { parent, last } = resolveParent(doc, parts, pointer);
    if (Array.isArray(parent)) {
        const i = last === '-' ? parent.length : Number(last);
        if (!Number.isInteger(i) || i < 0 || i > parent.length)
            throw unprocessable(`add operation index out of bounds: ${pointer}`);
        parent.splice(i, 0, value);
    }
    else
        parent[last] = value;
    return doc;
}
function remove(doc, pointer) {
    const parts = parsePointer(pointer);
    const { parent, last } = resolveParent(doc, parts, pointer);
    if (Array.isArray(parent)) {
        const i = Number(last);
        if (!(i >= 0 && i < parent.length))
            throw unprocessable(`remove operation does not apply: doc is missing path: "${pointer}"`);
        parent.splice(i, 1);
    }
    else {
        if (!(last in parent))
            throw unprocessable(`remove operation does not apply: doc is missing path: "${pointer}"`);
        delete parent[last];
    }
    return doc;
}
function applyJsonPatch(target, ops) {
    if (!Array.isArray(ops))
        throw badRequest('json patch must be a list of operations');
    let doc = cloneJson(target);
    for (const raw of ops) {
        switch (raw.op) {
            case 'add':
                doc = add(doc, raw.path, cloneJson(raw.value));
                break;
            case 'remove':
                doc = remove(doc, raw.path);
                break;
            case 'replace':
                doc = remove(doc, raw.path);
                doc = add(doc, raw.path, cloneJson(raw.value));
                break;
            case 'move': {
                const value = getAt(doc, raw.from ?? '');
                doc = remove(doc, raw.from ?? '');
                doc = add(doc, raw.path, value);
                break;
            }
            case 'copy':
                doc = add(doc, raw.path, cloneJson(getAt(doc, raw.from ?? '')));
                break;
            case 'test':
                if (JSON.stringify(getAt(doc, raw.path)) !== JSON.stringify(raw.value)) {
                    throw unprocessable(`testing value ${raw.path} failed`);
                }
                break;
            default:
                throw badRequest(`unexpected json patch operation "${raw.op}"`);
        }
    }
    return doc;
}

;// CONCATENATED MODULE: ./src/embedded-cluster/patch/json-merge-patch.ts
/** RFC 7386 JSON merge patch (`application/merge-patch+json`). */

function isPlainObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function applyMergePatch(target, patch) {
    if (!isPlainObject(patch))
        return cloneJson(patch);
    const out = isPlainObject(target) ? { ...target } : {};
    for (const [key, value] of Object.entries(patch)) {
        if (value === null)
            delete out[key];
        else
            out[key] = applyMergePatch(out[key], value);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/embedded-cluster/selectors-text.ts
/** A LabelSelector (matchLabels and matchExpressions) as labels.Selector's String(), sorted by key. */
function formatLabelSelector(selector) {
    if (typeof selector !== 'object' || selector === null)
        return '';
    const s = selector;
    const requirements = Object.entries(s.matchLabels ?? {}).map(([key, value]) => ({
        key,
        text: `${key}=${String(value)}`,
    }));
    for (const e of s.matchExpressions ?? []) {
        const key = String(e.key ?? '');
        const values = (e.values ?? []).map(String).sort().join(',');
        const text = e.operator === 'In'
            ? `${key} in (${values})`
            : e.operator === 'NotIn'
                ? `${key} notin (${values})`
                : e.operator === 'DoesNotExist'
                    ? `!${key}`
                    : key;
        requirements.push({ key, text });
    }
    requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return requirements.map((r) => r.text).join(',');
}
/** A plain label map (a Service's selector) as labels.FormatLabels: sorted, `<none>` when empty. */
function formatLabels(labels) {
    const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
    return entries.length ? entries.map(([k, v]) => `${k}=${String(v)}`).join(',') : '<none>';
}

;// CONCATENATED MODULE: ./src/embedded-cluster/api/scale.ts






const SCALE_TYPE = {
    group: 'autoscaling',
    version: 'v1',
    kind: 'Scale',
    plural: 'scale',
    singular: '',
    namespaced: true,
    shortNames: [],
    categories: [],
    statusSubresource: false,
    generation: false,
    strategicMerge: true,
};
function hasScaleSubresource(type) {
    return (type.group === 'apps' && ['Deployment', 'ReplicaSet', 'StatefulSet'].includes(type.kind) && !type.fromCrd);
}
function scaleOf(obj) {
    const spec = (obj.spec ?? {});
    const status = (obj.status ?? {});
    return {
        kind: 'Scale',
        apiVersion: 'autoscaling/v1',
        metadata: {
            name: obj.metadata.name,
            namespace: obj.metadata.namespace,
            uid: obj.metadata.uid,
            resourceVersion: obj.metadata.resourceVersion,
            creationTimestamp: obj.metadata.creationTimestamp,
        },
        spec: { replicas: Number(spec.replicas ?? 1) },
        status: {
            replicas: Number(status.replicas ?? 0),
            selector: formatLabelSelector(spec.selector),
        },
    };
}
/** GET, PUT or PATCH of `<object>/scale`; answers the resulting Scale. */
function serveScale(api, request) {
    const { type, namespace, name, options } = request;
    const current = scaleOf(api.get(type, namespace, name));
    if (request.method === 'GET')
        return current;
    let wanted;
    if (request.method === 'PUT') {
        wanted = cloneJson(request.body);
        checkAgainstSchema(SCALE_TYPE, wanted, { via: 'body' }, options);
        const rv = wanted?.metadata?.resourceVersion;
        if (rv && rv !== current.metadata.resourceVersion)
            throw conflict(type.plural, type.group, name, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    else if (request.method === 'PATCH') {
        const media = request.contentType.split(';')[0].trim();
        if (media === 'application/json-patch+json')
            wanted = applyJsonPatch(current, request.body);
        else if (media === 'application/merge-patch+json' || media === 'application/strategic-merge-patch+json')
            wanted = applyMergePatch(current, request.body);
        else
            throw unsupportedMediaType(request.contentType);
        checkAgainstSchema(SCALE_TYPE, wanted, { via: 'merge-patch' }, options);
    }
    else
        throw methodNotAllowed();
    const replicas = wanted.spec?.replicas;
    if (typeof replicas === 'number' && replicas < 0) {
        throw invalid('Scale', 'autoscaling', name, [
            {
                reason: 'FieldValueInvalid',
                field: 'spec.replicas',
                message: `Invalid value: ${replicas}: must be greater than or equal to 0`,
            },
        ]);
    }
    if (typeof replicas !== 'number')
        return current;
    const updated = api.patch(type, namespace, name, 'application/merge-patch+json', { spec: { replicas } }, { ...options, fieldValidation: 'Ignore' });
    return scaleOf(updated);
}

;// CONCATENATED MODULE: ./src/embedded-cluster/api/discovery.ts
/** Discovery documents (`/api`, `/apis`, `/apis/<group>/<version>`) in their classic JSON forms. */



const SERVER_VERSION = {
    major: '1',
    minor: '32',
    gitVersion: 'v1.32.0-hook-sync',
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2026-01-01T00:00:00Z',
    goVersion: 'go1.23',
    compiler: 'gc',
    platform: 'linux/amd64',
};
const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
function apiVersions(serverAddress) {
    return {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
    };
}
function groupEntry(name, versions) {
    const gvs = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
    return { name, versions: gvs, preferredVersion: gvs[0] };
}
/** Served groups: the registry's, and the review group (requests answered, nothing stored). */
function servedGroups(registry) {
    const groups = registry.groups();
    groups.set(ACCESS_REVIEW_GROUP, ['v1']);
    return groups;
}
function apiGroupList(registry) {
    const groups = [...servedGroups(registry)]
        .filter(([g]) => g !== '')
        .map(([g, versions]) => groupEntry(g, versions));
    return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}
function apiGroup(registry, group) {
    const versions = servedGroups(registry).get(group);
    if (!versions || group === '')
        return undefined;
    return { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(group, versions) };
}
function resourceEntries(t) {
    const entries = [
        {
            name: t.plural,
            singularName: t.singular,
            namespaced: t.namespaced,
            kind: t.kind,
            verbs: VERBS,
            ...(t.shortNames.length ? { shortNames: t.shortNames } : {}),
            ...(t.categories.length ? { categories: t.categories } : {}),
        },
    ];
    if (t.statusSubresource) {
        entries.push({
            name: `${t.plural}/status`,
            singularName: '',
            namespaced: t.namespaced,
            kind: t.kind,
            verbs: ['get', 'patch', 'update'],
        });
    }
    if (hasScaleSubresource(t)) {
        entries.push({
            name: `${t.plural}/scale`,
            singularName: '',
            namespaced: t.namespaced,
            group: 'autoscaling',
            version: 'v1',
            kind: 'Scale',
            verbs: ['get', 'patch', 'update'],
        });
    }
    if (t.group === '' && t.kind === 'Pod') {
        entries.push({ name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] });
    }
    if (t.group === '' && t.kind === 'Namespace') {
        entries.push({
            name: 'namespaces/finalize',
            singularName: '',
            namespaced: false,
            kind: 'Namespace',
            verbs: ['update'],
        });
    }
    return entries;
}
function apiResourceList(registry, group, version) {
    if (group === ACCESS_REVIEW_GROUP && version === 'v1') {
        return {
            kind: 'APIResourceList',
            apiVersion: 'v1',
            groupVersion: `${group}/${version}`,
            resources: accessReviewResources(),
        };
    }
    const types = registry.all().filter((t) => t.group === group && t.version === version);
    if (types.length === 0)
        return undefined;
    types.sort((a, b) => (a.plural < b.plural ? -1 : 1));
    return {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: apiVersionOf({ group, version }),
        resources: types.flatMap(resourceEntries),
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/embedded-cluster/api/openapi-schemas.ts
/**
 * OpenAPI v3 component schemas of the built-in kinds, from the same model tables validation uses: what
 * `kubectl explain` reads (field types, `x-kubernetes-group-version-kind` on each kind) and, for lists
 * that merge by key, the patch extensions strategic merge patches are computed with. The models carry no
 * descriptions, so neither do these schemas.
 */


const META_TYPES = new Set([
    'ObjectMeta',
    'ListMeta',
    'LabelSelector',
    'LabelSelectorRequirement',
    'ManagedFieldsEntry',
    'OwnerReference',
    'Condition',
    'Status',
    'StatusDetails',
    'StatusCause',
]);
const GROUP_PACKAGES = {
    '': 'io.k8s.api.core',
    'networking.k8s.io': 'io.k8s.api.networking',
    'rbac.authorization.k8s.io': 'io.k8s.api.rbac',
    'apiextensions.k8s.io': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions',
    'coordination.k8s.io': 'io.k8s.api.coordination',
    'storage.k8s.io': 'io.k8s.api.storage',
};
function packageOf(group) {
    return GROUP_PACKAGES[group] ?? `io.k8s.api.${group}`;
}
/**
 * A definition name in Kubernetes' style (`io.k8s.api.apps.v1.DeploymentSpec`). The models do not say
 * which package a nested type comes from; types named after the kind go with it, meta types to meta,
 * the rest to core (a name only; nothing depends on the package being the true one).
 */
function definitionName(model, root) {
    const struct = goStructName(model);
    const version = /V(\d+(?:(?:alpha|beta)\d+)?)/.exec(model)?.[1] ?? '1';
    if (META_TYPES.has(struct))
        return `io.k8s.apimachinery.pkg.apis.meta.v${version}.${struct}`;
    const own = struct.startsWith(root.kind) || root.group === 'apiextensions.k8s.io';
    return `${packageOf(own ? root.group : '')}.v${version}.${struct}`;
}
function listExtensions(field, item) {
    // A sample item tells container ports (containerPort, protocol) from Service ports (port, protocol).
    const sample = item.t === 'struct' && item.model === 'V1ContainerPort'
        ? [{ containerPort: 0 }]
        : item.t === 'struct' && item.model === 'V1ServicePort'
            ? [{ port: 0 }]
            : [];
    const strategy = listStrategy(field, sample, true);
    if (strategy.type === 'map')
        return {
            'x-kubernetes-list-type': 'map',
            'x-kubernetes-list-map-keys': strategy.keys,
            'x-kubernetes-patch-merge-key': strategy.keys[0],
            'x-kubernetes-patch-strategy': 'merge',
        };
    if (strategy.type === 'set')
        return { 'x-kubernetes-list-type': 'set', 'x-kubernetes-patch-strategy': 'merge' };
    return { 'x-kubernetes-list-type': 'atomic' };
}
const SCALARS = {
    string: { type: 'string' },
    int32: { type: 'integer', format: 'int32' },
    int64: { type: 'integer', format: 'int64' },
    float64: { type: 'number', format: 'double' },
    bool: { type: 'boolean' },
    bytes: { type: 'string', format: 'byte' },
    time: { type: 'string', format: 'date-time' },
    intOrString: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
    quantity: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
    any: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
};
class SchemaWriter {
    root;
    schemas = {};
    constructor(root) {
        this.root = root;
    }
    ref(model) {
        const name = definitionName(model, this.root);
        if (!(name in this.schemas)) {
            this.schemas[name] = {};
            this.schemas[name] = this.object(model);
        }
        return { allOf: [{ $ref: `#/components/schemas/${name}` }], default: {} };
    }
    object(model) {
        const properties = {};
        for (const [name, field] of fieldsOf(model) ?? [])
            properties[name] = this.type(field.type, name);
        return { type: 'object', properties };
    }
    type(type, field) {
        switch (type.t) {
            case 'struct':
                return this.ref(type.model);
            case 'array':
                return { type: 'array', items: this.type(type.item, field), ...listExtensions(field, type.item) };
            case 'map':
                return { type: 'object', additionalProperties: this.type(type.value, field) };
            case 'scalar':
                return { ...SCALARS[type.scalar] };
        }
    }
    kind(model) {
        this.ref(model);
        const name = definitionName(model, this.root);
        this.schemas[name] = {
            ...this.schemas[name],
            'x-kubernetes-group-version-kind': [
                { group: this.root.group, version: this.root.version, kind: this.root.kind },
            ],
        };
    }
}
/** The component schemas of a group-version's kinds (custom resources have none here). */
function componentSchemas(types) {
    const out = {};
    for (const type of types) {
        const model = rootModel(type);
        if (!model)
            continue;
        const writer = new SchemaWriter(type);
        writer.kind(model);
        for (const [name, schema] of Object.entries(writer.schemas))
            if (!(name in out) || schema['x-kubernetes-group-version-kind'])
                out[name] = schema;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/embedded-cluster/api/openapi.ts
/**
 * OpenAPI v3 for kubectl: per group-version, the PATCH and POST operations of each kind with the
 * `fieldValidation` and `dryRun` parameters, which is how kubectl learns it may leave validation to the
 * server (`--validate=strict` then sends `fieldValidation=Strict`), and the built-in kinds' schemas
 * (`kubectl explain`). Documents are built once per set of kinds, then served from memory.
 */




const QUERY_PARAMS = ['dryRun', 'fieldManager', 'fieldValidation', 'force', 'pretty'];
function gvPath(group, version) {
    return group ? `apis/${group}/${version}` : `api/${version}`;
}
function operation(t, action, params) {
    return {
        operationId: `${action}${t.kind}`,
        'x-kubernetes-action': action,
        'x-kubernetes-group-version-kind': { group: t.group, version: t.version, kind: t.kind },
        parameters: params.map((name) => ({ name, in: 'query', schema: { type: 'string', uniqueItems: true } })),
        responses: { '200': { description: 'OK' } },
    };
}
const documents = new Map();
/** The document of a group-version as JSON text with its hash, built when its kinds change. */
function cachedDocument(registry, group, version) {
    const served = group === ACCESS_REVIEW_GROUP ? ACCESS_REVIEW_TYPES : registry.all();
    const types = served.filter((t) => t.group === group && t.version === version);
    if (types.length === 0)
        return undefined;
    const key = `${group}/${version}:${types.map((t) => `${t.kind}=${t.fromCrd ?? ''}`).join(',')}`;
    let doc = documents.get(key);
    if (!doc) {
        const text = JSON.stringify(buildDocument(types));
        doc = { text, hash: (0,external_node_crypto_.createHash)('sha512').update(text).digest('hex').slice(0, 32).toUpperCase() };
        documents.set(key, doc);
    }
    return doc;
}
function openApiDocument(registry, group, version) {
    const doc = cachedDocument(registry, group, version);
    return doc ? JSON.parse(doc.text) : undefined;
}
function buildDocument(types) {
    const paths = {};
    for (const t of types) {
        const base = `/${gvPath(t.group, t.version)}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.plural}`;
        paths[base] = {
            post: operation(t, 'post', QUERY_PARAMS),
            get: operation(t, 'list', ['labelSelector', 'fieldSelector', 'watch']),
        };
        paths[`${base}/{name}`] = {
            get: operation(t, 'get', []),
            put: operation(t, 'put', QUERY_PARAMS),
            patch: operation(t, 'patch', QUERY_PARAMS),
            delete: operation(t, 'delete', ['dryRun', 'propagationPolicy', 'gracePeriodSeconds']),
        };
    }
    return {
        openapi: '3.0.0',
        info: { title: 'Kubernetes', version: 'v1.32.0' },
        paths,
        components: { schemas: componentSchemas(types) },
    };
}
function openApiIndex(registry) {
    const paths = {};
    const groups = registry.groups();
    groups.set(ACCESS_REVIEW_GROUP, ['v1']);
    for (const [group, versions] of groups) {
        for (const version of versions) {
            const hash = cachedDocument(registry, group, version)?.hash ?? '';
            paths[gvPath(group, version)] = {
                serverRelativeURL: `/openapi/v3/${gvPath(group, version)}?hash=${hash}`,
            };
        }
    }
    return { paths };
}


;// CONCATENATED MODULE: ./src/embedded-cluster/api/wide-columns.ts
/**
 * The extra columns `kubectl get -o wide` shows (priority 1 in a server-side Table), computed as the
 * API server's printers compute them: a pod's IP, node, nominated node and readiness gates; the
 * containers, images and selector of workloads; a Service's selector.
 */


const wide = (name, cell) => ({
    name,
    type: 'string',
    priority: 1,
    cell,
});
function containers(o, path) {
    const list = (0,json_fields/* fieldAt */.U)(o, path);
    return Array.isArray(list) ? list : [];
}
/** Containers, Images and Selector of a workload whose pod template is at spec.template. */
const workloadColumns = [
    wide('Containers', (o) => containers(o, 'spec.template.spec.containers')
        .map((c) => String(c.name ?? ''))
        .join(',')),
    wide('Images', (o) => containers(o, 'spec.template.spec.containers')
        .map((c) => String(c.image ?? ''))
        .join(',')),
    wide('Selector', (o) => formatLabelSelector((0,json_fields/* fieldAt */.U)(o, 'spec.selector')) || '<none>'),
];
function readinessGates(o) {
    const gates = ((0,json_fields/* fieldAt */.U)(o, 'spec.readinessGates') ?? []);
    if (gates.length === 0)
        return '<none>';
    const conditions = ((0,json_fields/* fieldAt */.U)(o, 'status.conditions') ?? []);
    const ready = gates.filter((gate) => conditions.some((c) => c.type === gate.conditionType && c.status === 'True')).length;
    return `${ready}/${gates.length}`;
}
const WIDE_COLUMNS = {
    '/Pod': [
        wide('IP', (o) => (0,json_fields/* fieldAt */.U)(o, 'status.podIP') ?? '<none>'),
        wide('Node', (o) => (0,json_fields/* fieldAt */.U)(o, 'spec.nodeName') ?? '<none>'),
        wide('Nominated Node', (o) => (0,json_fields/* fieldAt */.U)(o, 'status.nominatedNodeName') ?? '<none>'),
        wide('Readiness Gates', readinessGates),
    ],
    'apps/Deployment': workloadColumns,
    'apps/ReplicaSet': workloadColumns,
    'apps/StatefulSet': workloadColumns.slice(0, 2),
    'apps/DaemonSet': [
        wide('Node Selector', (o) => formatLabels((0,json_fields/* fieldAt */.U)(o, 'spec.template.spec.nodeSelector'))),
        ...workloadColumns,
    ],
    'batch/Job': workloadColumns,
    '/Service': [wide('Selector', (o) => formatLabels((0,json_fields/* fieldAt */.U)(o, 'spec.selector')))],
};

;// CONCATENATED MODULE: ./src/embedded-cluster/api/tables.ts
/**
 * Server-side printing (`Accept: …;as=Table`): the columns `kubectl get` shows for each kind, computed the
 * way the real printers compute them, so a person looking at the embedded cluster sees familiar output.
 */


function humanDuration(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    if (s < 120)
        return `${s}s`;
    const m = Math.floor(s / 60);
    if (m < 10)
        return `${m}m${s % 60 ? `${s % 60}s` : ''}`;
    if (m < 180)
        return `${m}m`;
    const h = Math.floor(m / 60);
    if (h < 48)
        return `${h}h`;
    return `${Math.floor(h / 24)}d`;
}
const age = {
    name: 'Age',
    type: 'string',
    cell: (o) => humanDuration(Date.now() - Date.parse(o.metadata.creationTimestamp)),
};
const tables_name = { name: 'Name', type: 'string', format: 'name', cell: (o) => o.metadata.name };
function podStatus(o) {
    if (o.metadata.deletionTimestamp)
        return 'Terminating';
    const status = (o.status ?? {});
    let reason = String(status.reason ?? status.phase ?? 'Unknown');
    const initStatuses = (status.initContainerStatuses ?? []);
    for (const [i, c] of initStatuses.entries()) {
        const st = c.state;
        const term = st?.terminated;
        const wait = st?.waiting;
        if (term && term.exitCode === 0)
            continue;
        if (term)
            return `Init:${String(term.reason ?? `ExitCode:${String(term.exitCode)}`)}`;
        if (wait && wait.reason && wait.reason !== 'PodInitializing')
            return `Init:${String(wait.reason)}`;
        return `Init:${i}/${initStatuses.length}`;
    }
    for (const c of (status.containerStatuses ?? [])) {
        const st = c.state;
        const wait = st?.waiting;
        const term = st?.terminated;
        if (wait?.reason)
            reason = String(wait.reason);
        else if (term?.reason)
            reason = String(term.reason);
    }
    return reason;
}
function ready(o) {
    const statuses = ((0,json_fields/* fieldAt */.U)(o, 'status.containerStatuses') ?? []);
    const total = ((0,json_fields/* fieldAt */.U)(o, 'spec.containers') ?? []).length;
    return `${statuses.filter((c) => c.ready).length}/${total}`;
}
function jobStatus(o) {
    const conds = ((0,json_fields/* fieldAt */.U)(o, 'status.conditions') ?? []);
    const isTrue = (t) => conds.some((c) => c.type === t && c.status === 'True');
    if (isTrue('Complete'))
        return 'Complete';
    if (isTrue('Failed'))
        return 'Failed';
    if (isTrue('Suspended'))
        return 'Suspended';
    return 'Running';
}
function servicePorts(o) {
    const ports = ((0,json_fields/* fieldAt */.U)(o, 'spec.ports') ?? []);
    if (ports.length === 0)
        return '<none>';
    return ports
        .map((p) => `${String(p.port)}${p.nodePort ? `:${String(p.nodePort)}` : ''}/${String(p.protocol ?? 'TCP')}`)
        .join(',');
}
function externalIP(o) {
    const type = (0,json_fields/* fieldAt */.U)(o, 'spec.type');
    const ingress = ((0,json_fields/* fieldAt */.U)(o, 'status.loadBalancer.ingress') ?? []);
    if (type === 'LoadBalancer')
        return ingress.length ? ingress.map((i) => String(i.ip ?? i.hostname)).join(',') : '<pending>';
    return '<none>';
}
const num = (path) => (o) => Number((0,json_fields/* fieldAt */.U)(o, path) ?? 0);
const COLUMNS = {
    '/Pod': [
        tables_name,
        { name: 'Ready', type: 'string', cell: ready },
        { name: 'Status', type: 'string', cell: podStatus },
        {
            name: 'Restarts',
            type: 'string',
            cell: (o) => String(((0,json_fields/* fieldAt */.U)(o, 'status.containerStatuses') ?? []).reduce((n, c) => n + Number(c.restartCount ?? 0), 0)),
        },
        age,
    ],
    'batch/Job': [
        tables_name,
        { name: 'Status', type: 'string', cell: jobStatus },
        {
            name: 'Completions',
            type: 'string',
            cell: (o) => `${Number((0,json_fields/* fieldAt */.U)(o, 'status.succeeded') ?? 0)}/${Number((0,json_fields/* fieldAt */.U)(o, 'spec.completions') ?? 1)}`,
        },
        {
            name: 'Duration',
            type: 'string',
            cell: (o) => {
                const start = (0,json_fields/* fieldAt */.U)(o, 'status.startTime');
                if (typeof start !== 'string')
                    return '';
                const end = (0,json_fields/* fieldAt */.U)(o, 'status.completionTime');
                return humanDuration((typeof end === 'string' ? Date.parse(end) : Date.now()) - Date.parse(start));
            },
        },
        age,
    ],
    'apps/Deployment': [
        tables_name,
        {
            name: 'Ready',
            type: 'string',
            cell: (o) => `${Number((0,json_fields/* fieldAt */.U)(o, 'status.readyReplicas') ?? 0)}/${Number((0,json_fields/* fieldAt */.U)(o, 'spec.replicas') ?? 1)}`,
        },
        { name: 'Up-to-date', type: 'integer', cell: num('status.updatedReplicas') },
        { name: 'Available', type: 'integer', cell: num('status.availableReplicas') },
        age,
    ],
    'apps/ReplicaSet': [
        tables_name,
        { name: 'Desired', type: 'integer', cell: num('spec.replicas') },
        { name: 'Current', type: 'integer', cell: num('status.replicas') },
        { name: 'Ready', type: 'integer', cell: num('status.readyReplicas') },
        age,
    ],
    'apps/StatefulSet': [
        tables_name,
        {
            name: 'Ready',
            type: 'string',
            cell: (o) => `${Number((0,json_fields/* fieldAt */.U)(o, 'status.readyReplicas') ?? 0)}/${Number((0,json_fields/* fieldAt */.U)(o, 'spec.replicas') ?? 1)}`,
        },
        age,
    ],
    'apps/DaemonSet': [
        tables_name,
        { name: 'Desired', type: 'integer', cell: num('status.desiredNumberScheduled') },
        { name: 'Current', type: 'integer', cell: num('status.currentNumberScheduled') },
        { name: 'Ready', type: 'integer', cell: num('status.numberReady') },
        { name: 'Up-to-date', type: 'integer', cell: num('status.updatedNumberScheduled') },
        { name: 'Available', type: 'integer', cell: num('status.numberAvailable') },
        age,
    ],
    '/Service': [
        tables_name,
        { name: 'Type', type: 'string', cell: (o) => (0,json_fields/* fieldAt */.U)(o, 'spec.type') ?? 'ClusterIP' },
        { name: 'Cluster-IP', type: 'string', cell: (o) => (0,json_fields/* fieldAt */.U)(o, 'spec.clusterIP') ?? '<none>' },
        { name: 'External-IP', type: 'string', cell: externalIP },
        { name: 'Port(s)', type: 'string', cell: servicePorts },
        age,
    ],
    '/Namespace': [
        tables_name,
        { name: 'Status', type: 'string', cell: (o) => (0,json_fields/* fieldAt */.U)(o, 'status.phase') ?? 'Active' },
        age,
    ],
    '/ConfigMap': [
        tables_name,
        {
            name: 'Data',
            type: 'integer',
            cell: (o) => Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length,
        },
        age,
    ],
    '/Secret': [
        tables_name,
        { name: 'Type', type: 'string', cell: (o) => o.type ?? 'Opaque' },
        { name: 'Data', type: 'integer', cell: (o) => Object.keys(o.data ?? {}).length },
        age,
    ],
    '/PersistentVolumeClaim': [
        tables_name,
        { name: 'Status', type: 'string', cell: (o) => (0,json_fields/* fieldAt */.U)(o, 'status.phase') ?? 'Pending' },
        { name: 'Volume', type: 'string', cell: (o) => (0,json_fields/* fieldAt */.U)(o, 'spec.volumeName') ?? '' },
        { name: 'Capacity', type: 'string', cell: (o) => (0,json_fields/* fieldAt */.U)(o, 'status.capacity.storage') ?? '' },
        {
            name: 'Access Modes',
            type: 'string',
            cell: (o) => ((0,json_fields/* fieldAt */.U)(o, 'spec.accessModes') ?? [])
                .map((m) => ({ ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' })[m] ?? m)
                .join(','),
        },
        { name: 'StorageClass', type: 'string', cell: (o) => (0,json_fields/* fieldAt */.U)(o, 'spec.storageClassName') ?? '' },
        age,
    ],
    '/Event': [
        {
            name: 'Last Seen',
            type: 'string',
            cell: (o) => humanDuration(Date.now() - Date.parse(String(o.lastTimestamp ?? o.metadata.creationTimestamp))),
        },
        { name: 'Type', type: 'string', cell: (o) => o.type ?? '' },
        { name: 'Reason', type: 'string', cell: (o) => o.reason ?? '' },
        {
            name: 'Object',
            type: 'string',
            cell: (o) => `${String((0,json_fields/* fieldAt */.U)(o, 'involvedObject.kind') ?? '').toLowerCase()}/${String((0,json_fields/* fieldAt */.U)(o, 'involvedObject.name') ?? '')}`,
        },
        { name: 'Message', type: 'string', cell: (o) => o.message ?? '' },
    ],
    'networking.k8s.io/Ingress': [
        tables_name,
        { name: 'Class', type: 'string', cell: (o) => (0,json_fields/* fieldAt */.U)(o, 'spec.ingressClassName') ?? '<none>' },
        {
            name: 'Hosts',
            type: 'string',
            cell: (o) => ((0,json_fields/* fieldAt */.U)(o, 'spec.rules') ?? []).map((r) => String(r.host ?? '*')).join(',') || '*',
        },
        {
            name: 'Address',
            type: 'string',
            cell: (o) => ((0,json_fields/* fieldAt */.U)(o, 'status.loadBalancer.ingress') ?? [])
                .map((i) => String(i.ip ?? i.hostname))
                .join(','),
        },
        { name: 'Ports', type: 'string', cell: (o) => ((0,json_fields/* fieldAt */.U)(o, 'spec.tls') ? '80, 443' : '80') },
        age,
    ],
    'apiextensions.k8s.io/CustomResourceDefinition': [
        tables_name,
        { name: 'Created At', type: 'date', cell: (o) => o.metadata.creationTimestamp },
    ],
};
function columnsFor(type) {
    const gk = `${type.group}/${type.kind}`;
    return [...(COLUMNS[gk] ?? [tables_name, age]), ...(WIDE_COLUMNS[gk] ?? [])];
}
/**
 * What each row carries besides its cells (the `includeObject` parameter): the object's metadata by
 * default, the whole object (kubectl's --sort-by and -o custom-columns over tables ask for it), or nothing.
 */
function rowObject(o, includeObject) {
    if (includeObject === 'None')
        return {};
    if (includeObject === 'Object')
        return { object: o };
    return { object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata } };
}
function wantsTable(accept) {
    return !!accept && /;\s*as=Table/.test(accept.split(',')[0] ?? '');
}
function toTable(type, objects, resourceVersion, withColumns = true, includeObject) {
    const columns = columnsFor(type);
    return {
        kind: 'Table',
        apiVersion: 'meta.k8s.io/v1',
        metadata: { resourceVersion },
        columnDefinitions: withColumns
            ? columns.map((c) => ({
                name: c.name,
                type: c.type,
                format: c.format ?? '',
                description: '',
                priority: c.priority ?? 0,
            }))
            : [],
        rows: objects.map((o) => ({ cells: columns.map((c) => c.cell(o)), ...rowObject(o, includeObject) })),
    };
}

;// CONCATENATED MODULE: ./src/embedded-cluster/api/injected-faults.ts

function isWrite(method) {
    return method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE';
}
function faultError(fault, retryAfterSeconds) {
    if (fault === '429')
        return new ApiError(429, 'TooManyRequests', 'the server has received too many requests and has asked us to try again later', { retryAfterSeconds: Math.floor(retryAfterSeconds) });
    if (fault === '503')
        return new ApiError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request');
    return new ApiError(500, 'InternalError', 'an error on the server ("injected fault") has prevented the request from succeeding');
}
/**
 * What the request gets instead of being served: an error to send, or its connection destroyed
 * (`'reset'`, status 0). Undefined: it is served (a lost response is served, then made to vanish by
 * `loseResponse`).
 */
function faultAnswer(fault, faults) {
    if (fault === 'reset')
        return 'reset';
    if (fault === '429' || fault === '500' || fault === '503')
        return faultError(fault, faults.settings.retryAfterSeconds);
    return undefined;
}
/**
 * The request is done as usual, but its answer never arrives: the connection is destroyed instead of the
 * response being sent, as when a proxy or the network drops it on the way back.
 */
function loseResponse(req, res) {
    res.writeHead = (() => res);
    res.write = (() => true);
    res.end = (() => {
        req.socket.destroy();
        return res;
    });
}

;// CONCATENATED MODULE: ./src/embedded-cluster/api/pod-log.ts

/** RFC 3339 (any fraction, `Z` or an offset) as nanoseconds since the epoch; undefined if it is not one. */
function timeNanos(text) {
    const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/i.exec(text);
    if (!m)
        return undefined;
    const ms = Date.parse(`${m[1]}${m[3].toUpperCase()}`);
    return Number.isNaN(ms) ? undefined : BigInt(ms) * 1000000n + BigInt((m[2] ?? '').padEnd(9, '0'));
}
/** PodLogOptions validated as the API server does (422 naming each bad field). */
function parseQuery(q, pod) {
    const causes = [];
    const bad = (field, message) => causes.push({ reason: 'FieldValueInvalid', field, message });
    const sinceSeconds = q.get('sinceSeconds');
    const sinceTime = q.get('sinceTime');
    let since;
    if (sinceSeconds !== null && sinceTime !== null)
        causes.push({
            reason: 'FieldValueForbidden',
            field: 'sinceSeconds',
            message: 'Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified',
        });
    else if (sinceSeconds !== null) {
        const n = Number(sinceSeconds);
        if (!Number.isInteger(n) || n < 1)
            bad('sinceSeconds', `Invalid value: "${sinceSeconds}": must be greater than 0`);
        else
            since = BigInt(Date.now() - n * 1000) * 1000000n;
    }
    else if (sinceTime !== null) {
        since = timeNanos(sinceTime);
        if (since === undefined)
            bad('sinceTime', `Invalid value: "${sinceTime}": must be an RFC 3339 time, e.g. 2024-05-01T10:00:00Z`);
    }
    const number = (name, min) => {
        const v = q.get(name);
        if (v === null)
            return undefined;
        const n = Number(v);
        if (!Number.isInteger(n) || n < min)
            bad(name, `Invalid value: "${v}": must be greater than${min === 0 ? ' or equal to' : ''} 0`);
        return n;
    };
    const tailLines = number('tailLines', 0);
    const limitBytes = number('limitBytes', 1);
    if (causes.length)
        throw invalid('PodLogOptions', '', pod, causes);
    return {
        previous: q.get('previous') === 'true',
        follow: q.get('follow') === 'true',
        timestamps: q.get('timestamps') === 'true',
        since,
        tailLines,
        limitBytes,
    };
}
function servePodLog(req, res, url, ctx, namespace, pod) {
    const q = url.searchParams;
    const query = parseQuery(q, pod);
    const { lines, running, container } = ctx.logs.read(namespace, pod, q.get('container') ?? undefined, query.previous);
    const format = (l) => (query.timestamps ? `${l.time} ${l.text}\n` : `${l.text}\n`);
    const since = query.since;
    let selected = since === undefined ? lines : lines.filter((l) => (timeNanos(l.time) ?? 0n) >= since);
    if (query.tailLines !== undefined)
        selected = query.tailLines === 0 ? [] : selected.slice(-query.tailLines);
    let text = selected.map(format).join('');
    if (query.limitBytes)
        text = Buffer.from(text).subarray(0, query.limitBytes).toString('utf8');
    const follow = query.follow && running && !query.previous;
    if (!follow) {
        res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text) });
        res.end(text);
        return 200;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
    res.flushHeaders();
    if (text)
        res.write(text);
    ctx.streams.add(res);
    let cut;
    let stopFollow = () => { };
    const end = () => {
        clearTimeout(cut);
        stopFollow();
        ctx.streams.delete(res);
        if (!res.writableEnded)
            res.end();
    };
    stopFollow = ctx.logs.follow(namespace, pod, container, (line) => res.write(format(line)), end);
    const { logCutMs } = ctx.faults.settings;
    // Ended as an API server ends a log stream whose connection to the kubelet broke: cleanly, mid-log.
    if (logCutMs > 0)
        cut = setTimeout(() => {
            if (res.writableEnded)
                return;
            ctx.faults.count('log-cut');
            end();
        }, logCutMs);
    req.on('close', end);
    return 200;
}

;// CONCATENATED MODULE: ./src/embedded-cluster/api/request-metrics.ts
/**
 * Requests served, counted as a real API server's `apiserver_request_total` counts them and served at
 * `/metrics` in Prometheus' text format (`kubectl get --raw /metrics`), so a benchmark or a test can say
 * how many requests a client made. Labels: `verb` (the HTTP method; WATCH for a watch), `dry_run` (All
 * for a server-side dry run) and `code` (the answer; 0 for a connection reset on purpose). Probes and
 * `/metrics` itself are not counted.
 */
class RequestMetrics {
    counts = new Map();
    count(method, url, code) {
        // Called for every request: the query is only parsed when it may hold what the labels need.
        const query = url.includes('watch=') || url.includes('dryRun=')
            ? new URLSearchParams(url.slice(url.indexOf('?') + 1))
            : undefined;
        const verb = method === 'GET' && query?.get('watch') === 'true' ? 'WATCH' : method;
        const key = `verb="${verb}",dry_run="${query?.get('dryRun') === 'All' ? 'All' : ''}",code="${code}"`;
        this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
    /** Every request counted so far. */
    get total() {
        let sum = 0;
        for (const n of this.counts.values())
            sum += n;
        return sum;
    }
    render() {
        const lines = [
            '# HELP apiserver_request_total Counter of apiserver requests broken out for each verb, dry run value and HTTP response code.',
            '# TYPE apiserver_request_total counter',
            ...[...this.counts]
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([labels, n]) => `apiserver_request_total{${labels}} ${n}`),
        ];
        return lines.join('\n') + '\n';
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/protobuf/errors.ts
class ProtobufError extends Error {
    reason;
    constructor(reason, message) {
        super(message);
        this.reason = reason;
        this.name = 'ProtobufError';
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/protobuf/schema-table.ts
// Generated by scripts/proto-schema.mjs from kubernetes/api, kubernetes/apimachinery and
// kubernetes/apiextensions-apiserver v0.36.3. Do not edit; regenerate (docs/embedded-cluster.md, "Protobuf").
//
// "@ apiVersion package Kind…": the kinds a request or response may carry under that apiVersion.
// Then one message per line: its name ("!": custom JSON form, converted by well-known.ts), then one
// number:jsonName:type[:flags] per field. Types are scalars, package.Message or map<string,T>. Flags:
// r repeated, p pointer (present even when zero), o omitempty, z omitzero, i inlined (an embedded struct).
const SCHEMA_TABLE = `
@ apiextensions.k8s.io/v1 apiextensions/v1 CustomResourceDefinition CustomResourceDefinitionList
@ apps/v1 apps/v1 ControllerRevision ControllerRevisionList DaemonSet DaemonSetList Deployment DeploymentList ReplicaSet ReplicaSetList StatefulSet StatefulSetList
@ authorization.k8s.io/v1 authorization/v1 SelfSubjectAccessReview SelfSubjectRulesReview
@ autoscaling/v1 autoscaling/v1 Scale
@ autoscaling/v2 autoscaling/v2 HorizontalPodAutoscaler HorizontalPodAutoscalerList
@ batch/v1 batch/v1 CronJob CronJobList Job JobList
@ coordination.k8s.io/v1 coordination/v1 Lease LeaseList
@ meta.k8s.io/v1 meta/v1 DeleteOptions Status WatchEvent
@ networking.k8s.io/v1 networking/v1 Ingress IngressClass IngressClassList IngressList NetworkPolicy NetworkPolicyList
@ policy/v1 policy/v1 PodDisruptionBudget PodDisruptionBudgetList
@ rbac.authorization.k8s.io/v1 rbac/v1 ClusterRole ClusterRoleBinding ClusterRoleBindingList ClusterRoleList Role RoleBinding RoleBindingList RoleList
@ storage.k8s.io/v1 storage/v1 StorageClass StorageClassList
@ v1 core/v1 ConfigMap ConfigMapList Endpoints EndpointsList Event EventList Namespace NamespaceList Node NodeList PersistentVolume PersistentVolumeClaim PersistentVolumeClaimList PersistentVolumeList Pod PodList Secret SecretList Service ServiceAccount ServiceAccountList ServiceList
apiextensions/v1.CustomResourceColumnDefinition 1:name:string 2:type:string 3:format:string:o 4:description:string:o 5:priority:int32:o 6:jsonPath:string
apiextensions/v1.CustomResourceConversion 1:strategy:string 2:webhook:apiextensions/v1.WebhookConversion:po
apiextensions/v1.CustomResourceDefinition 1:metadata:meta/v1.ObjectMeta:o 2:spec:apiextensions/v1.CustomResourceDefinitionSpec 3:status:apiextensions/v1.CustomResourceDefinitionStatus:o
apiextensions/v1.CustomResourceDefinitionCondition 1:type:string 2:status:string 3:lastTransitionTime:meta/v1.Time:o 4:reason:string:o 5:message:string:o 6:observedGeneration:int64:o
apiextensions/v1.CustomResourceDefinitionList 1:metadata:meta/v1.ListMeta:o 2:items:apiextensions/v1.CustomResourceDefinition:r
apiextensions/v1.CustomResourceDefinitionNames 1:plural:string 2:singular:string:o 3:shortNames:string:ro 4:kind:string 5:listKind:string:o 6:categories:string:ro
apiextensions/v1.CustomResourceDefinitionSpec 1:group:string 3:names:apiextensions/v1.CustomResourceDefinitionNames 4:scope:string 7:versions:apiextensions/v1.CustomResourceDefinitionVersion:r 9:conversion:apiextensions/v1.CustomResourceConversion:po 10:preserveUnknownFields:bool:o
apiextensions/v1.CustomResourceDefinitionStatus 1:conditions:apiextensions/v1.CustomResourceDefinitionCondition:r 2:acceptedNames:apiextensions/v1.CustomResourceDefinitionNames 3:storedVersions:string:r 4:observedGeneration:int64:o
apiextensions/v1.CustomResourceDefinitionVersion 1:name:string 2:served:bool 3:storage:bool 7:deprecated:bool:o 8:deprecationWarning:string:po 4:schema:apiextensions/v1.CustomResourceValidation:po 5:subresources:apiextensions/v1.CustomResourceSubresources:po 6:additionalPrinterColumns:apiextensions/v1.CustomResourceColumnDefinition:ro 9:selectableFields:apiextensions/v1.SelectableField:ro
apiextensions/v1.CustomResourceSubresourceScale 1:specReplicasPath:string 2:statusReplicasPath:string 3:labelSelectorPath:string:po
apiextensions/v1.CustomResourceSubresourceStatus
apiextensions/v1.CustomResourceSubresources 1:status:apiextensions/v1.CustomResourceSubresourceStatus:po 2:scale:apiextensions/v1.CustomResourceSubresourceScale:po
apiextensions/v1.CustomResourceValidation 1:openAPIV3Schema:apiextensions/v1.JSONSchemaProps:po
apiextensions/v1.ExternalDocumentation 1:description:string:o 2:url:string:o
apiextensions/v1.JSON ! 1:raw:bytes
apiextensions/v1.JSONSchemaProps 1:id:string:o 2:$schema:string:o 3:$ref:string:po 4:description:string:o 5:type:string:o 6:format:string:o 7:title:string:o 8:default:apiextensions/v1.JSON:po 9:maximum:double:po 10:exclusiveMaximum:bool:o 11:minimum:double:po 12:exclusiveMinimum:bool:o 13:maxLength:int64:po 14:minLength:int64:po 15:pattern:string:o 16:maxItems:int64:po 17:minItems:int64:po 18:uniqueItems:bool:o 19:multipleOf:double:po 20:enum:apiextensions/v1.JSON:ro 21:maxProperties:int64:po 22:minProperties:int64:po 23:required:string:ro 24:items:apiextensions/v1.JSONSchemaPropsOrArray:po 25:allOf:apiextensions/v1.JSONSchemaProps:ro 26:oneOf:apiextensions/v1.JSONSchemaProps:ro 27:anyOf:apiextensions/v1.JSONSchemaProps:ro 28:not:apiextensions/v1.JSONSchemaProps:po 29:properties:map<string,apiextensions/v1.JSONSchemaProps>:o 30:additionalProperties:apiextensions/v1.JSONSchemaPropsOrBool:po 31:patternProperties:map<string,apiextensions/v1.JSONSchemaProps>:o 32:dependencies:map<string,apiextensions/v1.JSONSchemaPropsOrStringArray>:o 33:additionalItems:apiextensions/v1.JSONSchemaPropsOrBool:po 34:definitions:map<string,apiextensions/v1.JSONSchemaProps>:o 35:externalDocs:apiextensions/v1.ExternalDocumentation:po 36:example:apiextensions/v1.JSON:po 37:nullable:bool:o 38:x-kubernetes-preserve-unknown-fields:bool:po 39:x-kubernetes-embedded-resource:bool:o 40:x-kubernetes-int-or-string:bool:o 41:x-kubernetes-list-map-keys:string:ro 42:x-kubernetes-list-type:string:po 43:x-kubernetes-map-type:string:po 44:x-kubernetes-validations:apiextensions/v1.ValidationRule:ro
apiextensions/v1.JSONSchemaPropsOrArray ! 1:schema:apiextensions/v1.JSONSchemaProps 2:jSONSchemas:apiextensions/v1.JSONSchemaProps:r
apiextensions/v1.JSONSchemaPropsOrBool ! 1:allows:bool 2:schema:apiextensions/v1.JSONSchemaProps
apiextensions/v1.JSONSchemaPropsOrStringArray ! 1:schema:apiextensions/v1.JSONSchemaProps 2:property:string:r
apiextensions/v1.SelectableField 1:jsonPath:string
apiextensions/v1.ServiceReference 1:namespace:string 2:name:string 3:path:string:po 4:port:int32:po
apiextensions/v1.ValidationRule 1:rule:string 2:message:string:o 3:messageExpression:string:o 4:reason:string:po 5:fieldPath:string:o 6:optionalOldSelf:bool:po
apiextensions/v1.WebhookClientConfig 3:url:string:po 1:service:apiextensions/v1.ServiceReference:po 2:caBundle:bytes:o
apiextensions/v1.WebhookConversion 2:clientConfig:apiextensions/v1.WebhookClientConfig:po 3:conversionReviewVersions:string:r
apps/v1.ControllerRevision 1:metadata:meta/v1.ObjectMeta:o 2:data:runtime.RawExtension:o 3:revision:int64
apps/v1.ControllerRevisionList 1:metadata:meta/v1.ListMeta:o 2:items:apps/v1.ControllerRevision:r
apps/v1.DaemonSet 1:metadata:meta/v1.ObjectMeta:o 2:spec:apps/v1.DaemonSetSpec:o 3:status:apps/v1.DaemonSetStatus:o
apps/v1.DaemonSetCondition 1:type:string 2:status:string 3:lastTransitionTime:meta/v1.Time:o 4:reason:string:o 5:message:string:o
apps/v1.DaemonSetList 1:metadata:meta/v1.ListMeta:o 2:items:apps/v1.DaemonSet:r
apps/v1.DaemonSetSpec 1:selector:meta/v1.LabelSelector:p 2:template:core/v1.PodTemplateSpec 3:updateStrategy:apps/v1.DaemonSetUpdateStrategy:o 4:minReadySeconds:int32:o 6:revisionHistoryLimit:int32:po
apps/v1.DaemonSetStatus 1:currentNumberScheduled:int32 2:numberMisscheduled:int32 3:desiredNumberScheduled:int32 4:numberReady:int32 5:observedGeneration:int64:o 6:updatedNumberScheduled:int32:o 7:numberAvailable:int32:o 8:numberUnavailable:int32:o 9:collisionCount:int32:po 10:conditions:apps/v1.DaemonSetCondition:ro
apps/v1.DaemonSetUpdateStrategy 1:type:string:o 2:rollingUpdate:apps/v1.RollingUpdateDaemonSet:po
apps/v1.Deployment 1:metadata:meta/v1.ObjectMeta:o 2:spec:apps/v1.DeploymentSpec:o 3:status:apps/v1.DeploymentStatus:o
apps/v1.DeploymentCondition 1:type:string 2:status:string 6:lastUpdateTime:meta/v1.Time:o 7:lastTransitionTime:meta/v1.Time:o 4:reason:string:o 5:message:string:o
apps/v1.DeploymentList 1:metadata:meta/v1.ListMeta:o 2:items:apps/v1.Deployment:r
apps/v1.DeploymentSpec 1:replicas:int32:po 2:selector:meta/v1.LabelSelector:p 3:template:core/v1.PodTemplateSpec 4:strategy:apps/v1.DeploymentStrategy:o 5:minReadySeconds:int32:o 6:revisionHistoryLimit:int32:po 7:paused:bool:o 9:progressDeadlineSeconds:int32:po
apps/v1.DeploymentStatus 1:observedGeneration:int64:o 2:replicas:int32:o 3:updatedReplicas:int32:o 7:readyReplicas:int32:o 4:availableReplicas:int32:o 5:unavailableReplicas:int32:o 9:terminatingReplicas:int32:po 6:conditions:apps/v1.DeploymentCondition:ro 8:collisionCount:int32:po
apps/v1.DeploymentStrategy 1:type:string:o 2:rollingUpdate:apps/v1.RollingUpdateDeployment:po
apps/v1.ReplicaSet 1:metadata:meta/v1.ObjectMeta:o 2:spec:apps/v1.ReplicaSetSpec:o 3:status:apps/v1.ReplicaSetStatus:o
apps/v1.ReplicaSetCondition 1:type:string 2:status:string 3:lastTransitionTime:meta/v1.Time:o 4:reason:string:o 5:message:string:o
apps/v1.ReplicaSetList 1:metadata:meta/v1.ListMeta:o 2:items:apps/v1.ReplicaSet:r
apps/v1.ReplicaSetSpec 1:replicas:int32:po 4:minReadySeconds:int32:o 2:selector:meta/v1.LabelSelector:p 3:template:core/v1.PodTemplateSpec:o
apps/v1.ReplicaSetStatus 1:replicas:int32 2:fullyLabeledReplicas:int32:o 4:readyReplicas:int32:o 5:availableReplicas:int32:o 7:terminatingReplicas:int32:po 3:observedGeneration:int64:o 6:conditions:apps/v1.ReplicaSetCondition:ro
apps/v1.RollingUpdateDaemonSet 1:maxUnavailable:intstr.IntOrString:po 2:maxSurge:intstr.IntOrString:po
apps/v1.RollingUpdateDeployment 1:maxUnavailable:intstr.IntOrString:po 2:maxSurge:intstr.IntOrString:po
apps/v1.RollingUpdateStatefulSetStrategy 1:partition:int32:po 2:maxUnavailable:intstr.IntOrString:po
apps/v1.StatefulSet 1:metadata:meta/v1.ObjectMeta:o 2:spec:apps/v1.StatefulSetSpec:o 3:status:apps/v1.StatefulSetStatus:o
apps/v1.StatefulSetCondition 1:type:string 2:status:string 3:lastTransitionTime:meta/v1.Time:o 4:reason:string:o 5:message:string:o
apps/v1.StatefulSetList 1:metadata:meta/v1.ListMeta:o 2:items:apps/v1.StatefulSet:r
apps/v1.StatefulSetOrdinals 1:start:int32
apps/v1.StatefulSetPersistentVolumeClaimRetentionPolicy 1:whenDeleted:string:o 2:whenScaled:string:o
apps/v1.StatefulSetSpec 1:replicas:int32:po 2:selector:meta/v1.LabelSelector:p 3:template:core/v1.PodTemplateSpec 4:volumeClaimTemplates:core/v1.PersistentVolumeClaim:ro 5:serviceName:string 6:podManagementPolicy:string:o 7:updateStrategy:apps/v1.StatefulSetUpdateStrategy:o 8:revisionHistoryLimit:int32:po 9:minReadySeconds:int32:o 10:persistentVolumeClaimRetentionPolicy:apps/v1.StatefulSetPersistentVolumeClaimRetentionPolicy:po 11:ordinals:apps/v1.StatefulSetOrdinals:po
apps/v1.StatefulSetStatus 1:observedGeneration:int64:o 2:replicas:int32 3:readyReplicas:int32:o 4:currentReplicas:int32:o 5:updatedReplicas:int32:o 6:currentRevision:string:o 7:updateRevision:string:o 9:collisionCount:int32:po 10:conditions:apps/v1.StatefulSetCondition:ro 11:availableReplicas:int32
apps/v1.StatefulSetUpdateStrategy 1:type:string:o 2:rollingUpdate:apps/v1.RollingUpdateStatefulSetStrategy:po
authorization/v1.FieldSelectorAttributes 1:rawSelector:string:o 2:requirements:meta/v1.FieldSelectorRequirement:ro
authorization/v1.LabelSelectorAttributes 1:rawSelector:string:o 2:requirements:meta/v1.LabelSelectorRequirement:ro
authorization/v1.NonResourceAttributes 1:path:string:o 2:verb:string:o
authorization/v1.NonResourceRule 1:verbs:string:r 2:nonResourceURLs:string:ro
authorization/v1.ResourceAttributes 1:namespace:string:o 2:verb:string:o 3:group:string:o 4:version:string:o 5:resource:string:o 6:subresource:string:o 7:name:string:o 8:fieldSelector:authorization/v1.FieldSelectorAttributes:po 9:labelSelector:authorization/v1.LabelSelectorAttributes:po
authorization/v1.ResourceRule 1:verbs:string:r 2:apiGroups:string:ro 3:resources:string:ro 4:resourceNames:string:ro
authorization/v1.SelfSubjectAccessReview 1:metadata:meta/v1.ObjectMeta:o 2:spec:authorization/v1.SelfSubjectAccessReviewSpec 3:status:authorization/v1.SubjectAccessReviewStatus:o
authorization/v1.SelfSubjectAccessReviewSpec 1:resourceAttributes:authorization/v1.ResourceAttributes:po 2:nonResourceAttributes:authorization/v1.NonResourceAttributes:po
authorization/v1.SelfSubjectRulesReview 1:metadata:meta/v1.ObjectMeta:o 2:spec:authorization/v1.SelfSubjectRulesReviewSpec 3:status:authorization/v1.SubjectRulesReviewStatus:o
authorization/v1.SelfSubjectRulesReviewSpec 1:namespace:string:o
authorization/v1.SubjectAccessReviewStatus 1:allowed:bool 4:denied:bool:o 2:reason:string:o 3:evaluationError:string:o
authorization/v1.SubjectRulesReviewStatus 1:resourceRules:authorization/v1.ResourceRule:r 2:nonResourceRules:authorization/v1.NonResourceRule:r 3:incomplete:bool 4:evaluationError:string:o
autoscaling/v1.Scale 1:metadata:meta/v1.ObjectMeta:o 2:spec:autoscaling/v1.ScaleSpec:o 3:status:autoscaling/v1.ScaleStatus:o
autoscaling/v1.ScaleSpec 1:replicas:int32:o
autoscaling/v1.ScaleStatus 1:replicas:int32 2:selector:string:o
autoscaling/v2.ContainerResourceMetricSource 1:name:string 2:target:autoscaling/v2.MetricTarget 3:container:string
autoscaling/v2.ContainerResourceMetricStatus 1:name:string 2:current:autoscaling/v2.MetricValueStatus 3:container:string
autoscaling/v2.CrossVersionObjectReference 1:kind:string 2:name:string 3:apiVersion:string:o
autoscaling/v2.ExternalMetricSource 1:metric:autoscaling/v2.MetricIdentifier 2:target:autoscaling/v2.MetricTarget
autoscaling/v2.ExternalMetricStatus 1:metric:autoscaling/v2.MetricIdentifier 2:current:autoscaling/v2.MetricValueStatus
autoscaling/v2.HPAScalingPolicy 1:type:string 2:value:int32 3:periodSeconds:int32
autoscaling/v2.HPAScalingRules 3:stabilizationWindowSeconds:int32:po 1:selectPolicy:string:po 2:policies:autoscaling/v2.HPAScalingPolicy:ro 4:tolerance:resource.Quantity:po
autoscaling/v2.HorizontalPodAutoscaler 1:metadata:meta/v1.ObjectMeta:o 2:spec:autoscaling/v2.HorizontalPodAutoscalerSpec:o 3:status:autoscaling/v2.HorizontalPodAutoscalerStatus:o
autoscaling/v2.HorizontalPodAutoscalerBehavior 1:scaleUp:autoscaling/v2.HPAScalingRules:po 2:scaleDown:autoscaling/v2.HPAScalingRules:po
autoscaling/v2.HorizontalPodAutoscalerCondition 1:type:string 2:status:string 3:lastTransitionTime:meta/v1.Time:o 4:reason:string:o 5:message:string:o
autoscaling/v2.HorizontalPodAutoscalerList 1:metadata:meta/v1.ListMeta:o 2:items:autoscaling/v2.HorizontalPodAutoscaler:r
autoscaling/v2.HorizontalPodAutoscalerSpec 1:scaleTargetRef:autoscaling/v2.CrossVersionObjectReference 2:minReplicas:int32:po 3:maxReplicas:int32 4:metrics:autoscaling/v2.MetricSpec:ro 5:behavior:autoscaling/v2.HorizontalPodAutoscalerBehavior:po
autoscaling/v2.HorizontalPodAutoscalerStatus 1:observedGeneration:int64:po 2:lastScaleTime:meta/v1.Time:po 3:currentReplicas:int32:o 4:desiredReplicas:int32 5:currentMetrics:autoscaling/v2.MetricStatus:r 6:conditions:autoscaling/v2.HorizontalPodAutoscalerCondition:ro
autoscaling/v2.MetricIdentifier 1:name:string 2:selector:meta/v1.LabelSelector:po
autoscaling/v2.MetricSpec 1:type:string 2:object:autoscaling/v2.ObjectMetricSource:po 3:pods:autoscaling/v2.PodsMetricSource:po 4:resource:autoscaling/v2.ResourceMetricSource:po 7:containerResource:autoscaling/v2.ContainerResourceMetricSource:po 5:external:autoscaling/v2.ExternalMetricSource:po
autoscaling/v2.MetricStatus 1:type:string 2:object:autoscaling/v2.ObjectMetricStatus:po 3:pods:autoscaling/v2.PodsMetricStatus:po 4:resource:autoscaling/v2.ResourceMetricStatus:po 7:containerResource:autoscaling/v2.ContainerResourceMetricStatus:po 5:external:autoscaling/v2.ExternalMetricStatus:po
autoscaling/v2.MetricTarget 1:type:string 2:value:resource.Quantity:po 3:averageValue:resource.Quantity:po 4:averageUtilization:int32:po
autoscaling/v2.MetricValueStatus 1:value:resource.Quantity:po 2:averageValue:resource.Quantity:po 3:averageUtilization:int32:po
autoscaling/v2.ObjectMetricSource 1:describedObject:autoscaling/v2.CrossVersionObjectReference 2:target:autoscaling/v2.MetricTarget 3:metric:autoscaling/v2.MetricIdentifier
autoscaling/v2.ObjectMetricStatus 1:metric:autoscaling/v2.MetricIdentifier 2:current:autoscaling/v2.MetricValueStatus 3:describedObject:autoscaling/v2.CrossVersionObjectReference
autoscaling/v2.PodsMetricSource 1:metric:autoscaling/v2.MetricIdentifier 2:target:autoscaling/v2.MetricTarget
autoscaling/v2.PodsMetricStatus 1:metric:autoscaling/v2.MetricIdentifier 2:current:autoscaling/v2.MetricValueStatus
autoscaling/v2.ResourceMetricSource 1:name:string 2:target:autoscaling/v2.MetricTarget
autoscaling/v2.ResourceMetricStatus 1:name:string 2:current:autoscaling/v2.MetricValueStatus
batch/v1.CronJob 1:metadata:meta/v1.ObjectMeta:o 2:spec:batch/v1.CronJobSpec:o 3:status:batch/v1.CronJobStatus:o
batch/v1.CronJobList 1:metadata:meta/v1.ListMeta:o 2:items:batch/v1.CronJob:r
batch/v1.CronJobSpec 1:schedule:string 8:timeZone:string:po 2:startingDeadlineSeconds:int64:po 3:concurrencyPolicy:string:o 4:suspend:bool:po 5:jobTemplate:batch/v1.JobTemplateSpec 6:successfulJobsHistoryLimit:int32:po 7:failedJobsHistoryLimit:int32:po
batch/v1.CronJobStatus 1:active:core/v1.ObjectReference:ro 4:lastScheduleTime:meta/v1.Time:po 5:lastSuccessfulTime:meta/v1.Time:po
batch/v1.Job 1:metadata:meta/v1.ObjectMeta:o 2:spec:batch/v1.JobSpec:o 3:status:batch/v1.JobStatus:o
batch/v1.JobCondition 1:type:string 2:status:string 3:lastProbeTime:meta/v1.Time:o 4:lastTransitionTime:meta/v1.Time:o 5:reason:string:o 6:message:string:o
batch/v1.JobList 1:metadata:meta/v1.ListMeta:o 2:items:batch/v1.Job:r
batch/v1.JobSpec 1:parallelism:int32:po 2:completions:int32:po 3:activeDeadlineSeconds:int64:po 11:podFailurePolicy:batch/v1.PodFailurePolicy:po 16:successPolicy:batch/v1.SuccessPolicy:po 7:backoffLimit:int32:po 12:backoffLimitPerIndex:int32:po 13:maxFailedIndexes:int32:po 4:selector:meta/v1.LabelSelector:po 5:manualSelector:bool:po 6:template:core/v1.PodTemplateSpec 8:ttlSecondsAfterFinished:int32:po 9:completionMode:string:po 10:suspend:bool:po 14:podReplacementPolicy:string:po 15:managedBy:string:po
batch/v1.JobStatus 1:conditions:batch/v1.JobCondition:ro 2:startTime:meta/v1.Time:po 3:completionTime:meta/v1.Time:po 4:active:int32:o 5:succeeded:int32:o 6:failed:int32:o 11:terminating:int32:po 7:completedIndexes:string:o 10:failedIndexes:string:po 8:uncountedTerminatedPods:batch/v1.UncountedTerminatedPods:po 9:ready:int32:po
batch/v1.JobTemplateSpec 1:metadata:meta/v1.ObjectMeta:o 2:spec:batch/v1.JobSpec:o
batch/v1.PodFailurePolicy 1:rules:batch/v1.PodFailurePolicyRule:r
batch/v1.PodFailurePolicyOnExitCodesRequirement 1:containerName:string:po 2:operator:string 3:values:int32:r
batch/v1.PodFailurePolicyOnPodConditionsPattern 1:type:string 2:status:string
batch/v1.PodFailurePolicyRule 1:action:string 2:onExitCodes:batch/v1.PodFailurePolicyOnExitCodesRequirement:po 3:onPodConditions:batch/v1.PodFailurePolicyOnPodConditionsPattern:ro
batch/v1.SuccessPolicy 1:rules:batch/v1.SuccessPolicyRule:r
batch/v1.SuccessPolicyRule 1:succeededIndexes:string:po 2:succeededCount:int32:po
batch/v1.UncountedTerminatedPods 1:succeeded:string:ro 2:failed:string:ro
coordination/v1.Lease 1:metadata:meta/v1.ObjectMeta:o 2:spec:coordination/v1.LeaseSpec:o
coordination/v1.LeaseList 1:metadata:meta/v1.ListMeta:o 2:items:coordination/v1.Lease:r
coordination/v1.LeaseSpec 1:holderIdentity:string:po 2:leaseDurationSeconds:int32:po 3:acquireTime:meta/v1.MicroTime:po 4:renewTime:meta/v1.MicroTime:po 5:leaseTransitions:int32:po 6:strategy:string:po 7:preferredHolder:string:po
core/v1.AWSElasticBlockStoreVolumeSource 1:volumeID:string 2:fsType:string:o 3:partition:int32:o 4:readOnly:bool:o
core/v1.Affinity 1:nodeAffinity:core/v1.NodeAffinity:po 2:podAffinity:core/v1.PodAffinity:po 3:podAntiAffinity:core/v1.PodAntiAffinity:po
core/v1.AppArmorProfile 1:type:string 2:localhostProfile:string:po
core/v1.AttachedVolume 1:name:string 2:devicePath:string
core/v1.AzureDiskVolumeSource 1:diskName:string 2:diskURI:string 3:cachingMode:string:po 4:fsType:string:po 5:readOnly:bool:po 6:kind:string:po
core/v1.AzureFilePersistentVolumeSource 1:secretName:string 2:shareName:string 3:readOnly:bool:o 4:secretNamespace:string:p
core/v1.AzureFileVolumeSource 1:secretName:string 2:shareName:string 3:readOnly:bool:o
core/v1.CSIPersistentVolumeSource 1:driver:string 2:volumeHandle:string 3:readOnly:bool:o 4:fsType:string:o 5:volumeAttributes:map<string,string>:o 6:controllerPublishSecretRef:core/v1.SecretReference:po 7:nodeStageSecretRef:core/v1.SecretReference:po 8:nodePublishSecretRef:core/v1.SecretReference:po 9:controllerExpandSecretRef:core/v1.SecretReference:po 10:nodeExpandSecretRef:core/v1.SecretReference:po
core/v1.CSIVolumeSource 1:driver:string 2:readOnly:bool:po 3:fsType:string:po 4:volumeAttributes:map<string,string>:o 5:nodePublishSecretRef:core/v1.LocalObjectReference:po
core/v1.Capabilities 1:add:string:ro 2:drop:string:ro
core/v1.CephFSPersistentVolumeSource 1:monitors:string:r 2:path:string:o 3:user:string:o 4:secretFile:string:o 5:secretRef:core/v1.SecretReference:po 6:readOnly:bool:o
core/v1.CephFSVolumeSource 1:monitors:string:r 2:path:string:o 3:user:string:o 4:secretFile:string:o 5:secretRef:core/v1.LocalObjectReference:po 6:readOnly:bool:o
core/v1.CinderPersistentVolumeSource 1:volumeID:string 2:fsType:string:o 3:readOnly:bool:o 4:secretRef:core/v1.SecretReference:po
core/v1.CinderVolumeSource 1:volumeID:string 2:fsType:string:o 3:readOnly:bool:o 4:secretRef:core/v1.LocalObjectReference:po
core/v1.ClientIPConfig 1:timeoutSeconds:int32:po
core/v1.ClusterTrustBundleProjection 1:name:string:po 2:signerName:string:po 3:labelSelector:meta/v1.LabelSelector:po 5:optional:bool:po 4:path:string
core/v1.ConfigMap 1:metadata:meta/v1.ObjectMeta:o 4:immutable:bool:po 2:data:map<string,string>:o 3:binaryData:map<string,bytes>:o
core/v1.ConfigMapEnvSource 1::core/v1.LocalObjectReference:i 2:optional:bool:po
core/v1.ConfigMapKeySelector 1::core/v1.LocalObjectReference:i 2:key:string 3:optional:bool:po
core/v1.ConfigMapList 1:metadata:meta/v1.ListMeta:o 2:items:core/v1.ConfigMap:r
core/v1.ConfigMapNodeConfigSource 1:namespace:string 2:name:string 3:uid:string:o 4:resourceVersion:string:o 5:kubeletConfigKey:string
core/v1.ConfigMapProjection 1::core/v1.LocalObjectReference:i 2:items:core/v1.KeyToPath:ro 4:optional:bool:po
core/v1.ConfigMapVolumeSource 1::core/v1.LocalObjectReference:i 2:items:core/v1.KeyToPath:ro 3:defaultMode:int32:po 4:optional:bool:po
core/v1.Container 1:name:string 2:image:string:o 3:command:string:ro 4:args:string:ro 5:workingDir:string:o 6:ports:core/v1.ContainerPort:ro 19:envFrom:core/v1.EnvFromSource:ro 7:env:core/v1.EnvVar:ro 8:resources:core/v1.ResourceRequirements:o 23:resizePolicy:core/v1.ContainerResizePolicy:ro 24:restartPolicy:string:po 25:restartPolicyRules:core/v1.ContainerRestartRule:ro 9:volumeMounts:core/v1.VolumeMount:ro 21:volumeDevices:core/v1.VolumeDevice:ro 10:livenessProbe:core/v1.Probe:po 11:readinessProbe:core/v1.Probe:po 22:startupProbe:core/v1.Probe:po 12:lifecycle:core/v1.Lifecycle:po 13:terminationMessagePath:string:o 20:terminationMessagePolicy:string:o 14:imagePullPolicy:string:o 15:securityContext:core/v1.SecurityContext:po 16:stdin:bool:o 17:stdinOnce:bool:o 18:tty:bool:o
core/v1.ContainerExtendedResourceRequest 1:containerName:string 2:resourceName:string 3:requestName:string
core/v1.ContainerImage 1:names:string:r 2:sizeBytes:int64:o
core/v1.ContainerPort 1:name:string:o 2:hostPort:int32:o 3:containerPort:int32 4:protocol:string:o 5:hostIP:string:o
core/v1.ContainerResizePolicy 1:resourceName:string 2:restartPolicy:string
core/v1.ContainerRestartRule 1:action:string:o 2:exitCodes:core/v1.ContainerRestartRuleOnExitCodes:po
core/v1.ContainerRestartRuleOnExitCodes 1:operator:string:o 2:values:int32:ro
core/v1.ContainerState 1:waiting:core/v1.ContainerStateWaiting:po 2:running:core/v1.ContainerStateRunning:po 3:terminated:core/v1.ContainerStateTerminated:po
core/v1.ContainerStateRunning 1:startedAt:meta/v1.Time:o
core/v1.ContainerStateTerminated 1:exitCode:int32 2:signal:int32:o 3:reason:string:o 4:message:string:o 5:startedAt:meta/v1.Time:o 6:finishedAt:meta/v1.Time:o 7:containerID:string:o
core/v1.ContainerStateWaiting 1:reason:string:o 2:message:string:o
core/v1.ContainerStatus 1:name:string 2:state:core/v1.ContainerState:o 3:lastState:core/v1.ContainerState:o 4:ready:bool 5:restartCount:int32 6:image:string 7:imageID:string 8:containerID:string:o 9:started:bool:po 10:allocatedResources:map<string,resource.Quantity>:o 11:resources:core/v1.ResourceRequirements:po 12:volumeMounts:core/v1.VolumeMountStatus:ro 13:user:core/v1.ContainerUser:po 14:allocatedResourcesStatus:core/v1.ResourceStatus:ro 15:stopSignal:string:po
core/v1.ContainerUser 1:linux:core/v1.LinuxContainerUser:po
core/v1.DaemonEndpoint 1:Port:int32
core/v1.DownwardAPIProjection 1:items:core/v1.DownwardAPIVolumeFile:ro
core/v1.DownwardAPIVolumeFile 1:path:string 2:fieldRef:core/v1.ObjectFieldSelector:po 3:resourceFieldRef:core/v1.ResourceFieldSelector:po 4:mode:int32:po
core/v1.DownwardAPIVolumeSource 1:items:core/v1.DownwardAPIVolumeFile:ro 2:defaultMode:int32:po
core/v1.EmptyDirVolumeSource 1:medium:string:o 2:sizeLimit:resource.Quantity:po
core/v1.EndpointAddress 1:ip:string 3:hostname:string:o 4:nodeName:string:po 2:targetRef:core/v1.ObjectReference:po
core/v1.EndpointPort 1:name:string:o 2:port:int32 3:protocol:string:o 4:appProtocol:string:po
core/v1.EndpointSubset 1:addresses:core/v1.EndpointAddress:ro 2:notReadyAddresses:core/v1.EndpointAddress:ro 3:ports:core/v1.EndpointPort:ro
core/v1.Endpoints 1:metadata:meta/v1.ObjectMeta:o 2:subsets:core/v1.EndpointSubset:ro
core/v1.EndpointsList 1:metadata:meta/v1.ListMeta:o 2:items:core/v1.Endpoints:r
core/v1.EnvFromSource 1:prefix:string:o 2:configMapRef:core/v1.ConfigMapEnvSource:po 3:secretRef:core/v1.SecretEnvSource:po
core/v1.EnvVar 1:name:string 2:value:string:o 3:valueFrom:core/v1.EnvVarSource:po
core/v1.EnvVarSource 1:fieldRef:core/v1.ObjectFieldSelector:po 2:resourceFieldRef:core/v1.ResourceFieldSelector:po 3:configMapKeyRef:core/v1.ConfigMapKeySelector:po 4:secretKeyRef:core/v1.SecretKeySelector:po 5:fileKeyRef:core/v1.FileKeySelector:po
core/v1.EphemeralContainer 1::core/v1.EphemeralContainerCommon:i 2:targetContainerName:string:o
core/v1.EphemeralContainerCommon 1:name:string 2:image:string:o 3:command:string:ro 4:args:string:ro 5:workingDir:string:o 6:ports:core/v1.ContainerPort:ro 19:envFrom:core/v1.EnvFromSource:ro 7:env:core/v1.EnvVar:ro 8:resources:core/v1.ResourceRequirements:o 23:resizePolicy:core/v1.ContainerResizePolicy:ro 24:restartPolicy:string:po 25:restartPolicyRules:core/v1.ContainerRestartRule:ro 9:volumeMounts:core/v1.VolumeMount:ro 21:volumeDevices:core/v1.VolumeDevice:ro 10:livenessProbe:core/v1.Probe:po 11:readinessProbe:core/v1.Probe:po 22:startupProbe:core/v1.Probe:po 12:lifecycle:core/v1.Lifecycle:po 13:terminationMessagePath:string:o 20:terminationMessagePolicy:string:o 14:imagePullPolicy:string:o 15:securityContext:core/v1.SecurityContext:po 16:stdin:bool:o 17:stdinOnce:bool:o 18:tty:bool:o
core/v1.EphemeralVolumeSource 1:volumeClaimTemplate:core/v1.PersistentVolumeClaimTemplate:po
core/v1.Event 1:metadata:meta/v1.ObjectMeta 2:involvedObject:core/v1.ObjectReference 3:reason:string:o 4:message:string:o 5:source:core/v1.EventSource:o 6:firstTimestamp:meta/v1.Time:o 7:lastTimestamp:meta/v1.Time:o 8:count:int32:o 9:type:string:o 10:eventTime:meta/v1.MicroTime:o 11:series:core/v1.EventSeries:po 12:action:string:o 13:related:core/v1.ObjectReference:po 14:reportingComponent:string 15:reportingInstance:string
core/v1.EventList 1:metadata:meta/v1.ListMeta:o 2:items:core/v1.Event:r
core/v1.EventSeries 1:count:int32:o 2:lastObservedTime:meta/v1.MicroTime:o
core/v1.EventSource 1:component:string:o 2:host:string:o
core/v1.ExecAction 1:command:string:ro
core/v1.FCVolumeSource 1:targetWWNs:string:ro 2:lun:int32:po 3:fsType:string:o 4:readOnly:bool:o 5:wwids:string:ro
core/v1.FileKeySelector 1:volumeName:string 2:path:string 3:key:string 4:optional:bool:po
core/v1.FlexPersistentVolumeSource 1:driver:string 2:fsType:string:o 3:secretRef:core/v1.SecretReference:po 4:readOnly:bool:o 5:options:map<string,string>:o
core/v1.FlexVolumeSource 1:driver:string 2:fsType:string:o 3:secretRef:core/v1.LocalObjectReference:po 4:readOnly:bool:o 5:options:map<string,string>:o
core/v1.FlockerVolumeSource 1:datasetName:string:o 2:datasetUUID:string:o
core/v1.GCEPersistentDiskVolumeSource 1:pdName:string 2:fsType:string:o 3:partition:int32:o 4:readOnly:bool:o
core/v1.GRPCAction 1:port:int32 2:service:string:p
core/v1.GitRepoVolumeSource 1:repository:string 2:revision:string:o 3:directory:string:o
core/v1.GlusterfsPersistentVolumeSource 1:endpoints:string 2:path:string 3:readOnly:bool:o 4:endpointsNamespace:string:po
core/v1.GlusterfsVolumeSource 1:endpoints:string 2:path:string 3:readOnly:bool:o
core/v1.HTTPGetAction 1:path:string:o 2:port:intstr.IntOrString 3:host:string:o 4:scheme:string:o 5:httpHeaders:core/v1.HTTPHeader:ro
core/v1.HTTPHeader 1:name:string 2:value:string
core/v1.HostAlias 1:ip:string 2:hostnames:string:ro
core/v1.HostIP 1:ip:string
core/v1.HostPathVolumeSource 1:path:string 2:type:string:po
core/v1.ISCSIPersistentVolumeSource 1:targetPortal:string 2:iqn:string 3:lun:int32 4:iscsiInterface:string:o 5:fsType:string:o 6:readOnly:bool:o 7:portals:string:ro 8:chapAuthDiscovery:bool:o 11:chapAuthSession:bool:o 10:secretRef:core/v1.SecretReference:po 12:initiatorName:string:po
core/v1.ISCSIVolumeSource 1:targetPortal:string 2:iqn:string 3:lun:int32 4:iscsiInterface:string:o 5:fsType:string:o 6:readOnly:bool:o 7:portals:string:ro 8:chapAuthDiscovery:bool:o 11:chapAuthSession:bool:o 10:secretRef:core/v1.LocalObjectReference:po 12:initiatorName:string:po
core/v1.ImageVolumeSource 1:reference:string:o 2:pullPolicy:string:o
core/v1.ImageVolumeStatus 1:imageRef:string:o
core/v1.KeyToPath 1:key:string 2:path:string 3:mode:int32:po
core/v1.Lifecycle 1:postStart:core/v1.LifecycleHandler:po 2:preStop:core/v1.LifecycleHandler:po 3:stopSignal:string:po
core/v1.LifecycleHandler 1:exec:core/v1.ExecAction:po 2:httpGet:core/v1.HTTPGetAction:po 3:tcpSocket:core/v1.TCPSocketAction:po 4:sleep:core/v1.SleepAction:po
core/v1.LinuxContainerUser 1:uid:int64 2:gid:int64 3:supplementalGroups:int64:ro
core/v1.LoadBalancerIngress 1:ip:string:o 2:hostname:string:o 3:ipMode:string:po 4:ports:core/v1.PortStatus:ro
core/v1.LoadBalancerStatus 1:ingress:core/v1.LoadBalancerIngress:ro
core/v1.LocalObjectReference 1:name:string:o
core/v1.LocalVolumeSource 1:path:string 2:fsType:string:po
core/v1.ModifyVolumeStatus 1:targetVolumeAttributesClassName:string:o 2:status:string
core/v1.NFSVolumeSource 1:server:string 2:path:string 3:readOnly:bool:o
core/v1.Namespace 1:metadata:meta/v1.ObjectMeta:o 2:spec:core/v1.NamespaceSpec:o 3:status:core/v1.NamespaceStatus:o
core/v1.NamespaceCondition 1:type:string 2:status:string 4:lastTransitionTime:meta/v1.Time:o 5:reason:string:o 6:message:string:o
core/v1.NamespaceList 1:metadata:meta/v1.ListMeta:o 2:items:core/v1.Namespace:r
core/v1.NamespaceSpec 1:finalizers:string:ro
core/v1.NamespaceStatus 1:phase:string:o 2:conditions:core/v1.NamespaceCondition:ro
core/v1.Node 1:metadata:meta/v1.ObjectMeta:o 2:spec:core/v1.NodeSpec:o 3:status:core/v1.NodeStatus:o
core/v1.NodeAddress 1:type:string 2:address:string
core/v1.NodeAffinity 1:requiredDuringSchedulingIgnoredDuringExecution:core/v1.NodeSelector:po 2:preferredDuringSchedulingIgnoredDuringExecution:core/v1.PreferredSchedulingTerm:ro
core/v1.NodeAllocatableResourceClaimStatus 1:resourceClaimName:string 2:containers:string:ro 3:resources:map<string,resource.Quantity>
core/v1.NodeCondition 1:type:string 2:status:string 3:lastHeartbeatTime:meta/v1.Time:o 4:lastTransitionTime:meta/v1.Time:o 5:reason:string:o 6:message:string:o
core/v1.NodeConfigSource 2:configMap:core/v1.ConfigMapNodeConfigSource:po
core/v1.NodeConfigStatus 1:assigned:core/v1.NodeConfigSource:po 2:active:core/v1.NodeConfigSource:po 3:lastKnownGood:core/v1.NodeConfigSource:po 4:error:string:o
core/v1.NodeDaemonEndpoints 1:kubeletEndpoint:core/v1.DaemonEndpoint:o
core/v1.NodeFeatures 1:supplementalGroupsPolicy:bool:po
core/v1.NodeList 1:metadata:meta/v1.ListMeta:o 2:items:core/v1.Node:r
core/v1.NodeRuntimeHandler 1:name:string 2:features:core/v1.NodeRuntimeHandlerFeatures:po
core/v1.NodeRuntimeHandlerFeatures 1:recursiveReadOnlyMounts:bool:po 2:userNamespaces:bool:po
core/v1.NodeSelector 1:nodeSelectorTerms:core/v1.NodeSelectorTerm:r
core/v1.NodeSelectorRequirement 1:key:string 2:operator:string 3:values:string:ro
core/v1.NodeSelectorTerm 1:matchExpressions:core/v1.NodeSelectorRequirement:ro 2:matchFields:core/v1.NodeSelectorRequirement:ro
core/v1.NodeSpec 1:podCIDR:string:o 7:podCIDRs:string:ro 3:providerID:string:o 4:unschedulable:bool:o 5:taints:core/v1.Taint:ro 6:configSource:core/v1.NodeConfigSource:po 2:externalID:string:o
core/v1.NodeStatus 1:capacity:map<string,resource.Quantity>:o 2:allocatable:map<string,resource.Quantity>:o 3:phase:string:o 4:conditions:core/v1.NodeCondition:ro 5:addresses:core/v1.NodeAddress:ro 6:daemonEndpoints:core/v1.NodeDaemonEndpoints:o 7:nodeInfo:core/v1.NodeSystemInfo:o 8:images:core/v1.ContainerImage:ro 9:volumesInUse:string:ro 10:volumesAttached:core/v1.AttachedVolume:ro 11:config:core/v1.NodeConfigStatus:po 12:runtimeHandlers:core/v1.NodeRuntimeHandler:ro 13:features:core/v1.NodeFeatures:po 14:declaredFeatures:string:ro
core/v1.NodeSwapStatus 1:capacity:int64:po
core/v1.NodeSystemInfo 1:machineID:string 2:systemUUID:string 3:bootID:string 4:kernelVersion:string 5:osImage:string 6:containerRuntimeVersion:string 7:kubeletVersion:string 8:kubeProxyVersion:string 9:operatingSystem:string 10:architecture:string 11:swap:core/v1.NodeSwapStatus:po
core/v1.ObjectFieldSelector 1:apiVersion:string:o 2:fieldPath:string
core/v1.ObjectReference 1:kind:string:o 2:namespace:string:o 3:name:string:o 4:uid:string:o 5:apiVersion:string:o 6:resourceVersion:string:o 7:fieldPath:string:o
core/v1.PersistentVolume 1:metadata:meta/v1.ObjectMeta:o 2:spec:core/v1.PersistentVolumeSpec:o 3:status:core/v1.PersistentVolumeStatus:o
core/v1.PersistentVolumeClaim 1:metadata:meta/v1.ObjectMeta:o 2:spec:core/v1.PersistentVolumeClaimSpec:o 3:status:core/v1.PersistentVolumeClaimStatus:o
core/v1.PersistentVolumeClaimCondition 1:type:string 2:status:string 3:lastProbeTime:meta/v1.Time:o 4:lastTransitionTime:meta/v1.Time:o 5:reason:string:o 6:message:string:o
core/v1.PersistentVolumeClaimList 1:metadata:meta/v1.ListMeta:o 2:items:core/v1.PersistentVolumeClaim:r
core/v1.PersistentVolumeClaimSpec 1:accessModes:string:ro 4:selector:meta/v1.LabelSelector:po 2:resources:core/v1.VolumeResourceRequirements:o 3:volumeName:string:o 5:storageClassName:string:po 6:volumeMode:string:po 7:dataSource:core/v1.TypedLocalObjectReference:po 8:dataSourceRef:core/v1.TypedObjectReference:po 9:volumeAttributesClassName:string:po
core/v1.PersistentVolumeClaimStatus 1:phase:string:o 2:accessModes:string:ro 3:capacity:map<string,resource.Quantity>:o 4:conditions:core/v1.PersistentVolumeClaimCondition:ro 5:allocatedResources:map<string,resource.Quantity>:o 7:allocatedResourceStatuses:map<string,string>:o 8:currentVolumeAttributesClassName:string:po 9:modifyVolumeStatus:core/v1.ModifyVolumeStatus:po
core/v1.PersistentVolumeClaimTemplate 1:metadata:meta/v1.ObjectMeta:o 2:spec:core/v1.PersistentVolumeClaimSpec
core/v1.PersistentVolumeClaimVolumeSource 1:claimName:string 2:readOnly:bool:o
core/v1.PersistentVolumeList 1:metadata:meta/v1.ListMeta:o 2:items:core/v1.PersistentVolume:r
core/v1.PersistentVolumeSource 1:gcePersistentDisk:core/v1.GCEPersistentDiskVolumeSource:po 2:awsElasticBlockStore:core/v1.AWSElasticBlockStoreVolumeSource:po 3:hostPath:core/v1.HostPathVolumeSource:po 4:glusterfs:core/v1.GlusterfsPersistentVolumeSource:po 5:nfs:core/v1.NFSVolumeSource:po 6:rbd:core/v1.RBDPersistentVolumeSource:po 7:iscsi:core/v1.ISCSIPersistentVolumeSource:po 8:cinder:core/v1.CinderPersistentVolumeSource:po 9:cephfs:core/v1.CephFSPersistentVolumeSource:po 10:fc:core/v1.FCVolumeSource:po 11:flocker:core/v1.FlockerVolumeSource:po 12:flexVolume:core/v1.FlexPersistentVolumeSource:po 13:azureFile:core/v1.AzureFilePersistentVolumeSource:po 14:vsphereVolume:core/v1.VsphereVirtualDiskVolumeSource:po 15:quobyte:core/v1.QuobyteVolumeSource:po 16:azureDisk:core/v1.AzureDiskVolumeSource:po 17:photonPersistentDisk:core/v1.PhotonPersistentDiskVolumeSource:po 18:portworxVolume:core/v1.PortworxVolumeSource:po 19:scaleIO:core/v1.ScaleIOPersistentVolumeSource:po 20:local:core/v1.LocalVolumeSource:po 21:storageos:core/v1.StorageOSPersistentVolumeSource:po 22:csi:core/v1.CSIPersistentVolumeSource:po
core/v1.PersistentVolumeSpec 1:capacity:map<string,resource.Quantity>:o 2::core/v1.PersistentVolumeSource:i 3:accessModes:string:ro 4:claimRef:core/v1.ObjectReference:po 5:persistentVolumeReclaimPolicy:string:o 6:storageClassName:string:o 7:mountOptions:string:ro 8:volumeMode:string:po 9:nodeAffinity:core/v1.VolumeNodeAffinity:po 10:volumeAttributesClassName:string:po
core/v1.PersistentVolumeStatus 1:phase:string:o 2:message:string:o 3:reason:string:o 4:lastPhaseTransitionTime:meta/v1.Time:po
core/v1.PhotonPersistentDiskVolumeSource 1:pdID:string 2:fsType:string:o
core/v1.Pod 1:metadata:meta/v1.ObjectMeta:o 2:spec:core/v1.PodSpec:o 3:status:core/v1.PodStatus:o
core/v1.PodAffinity 1:requiredDuringSchedulingIgnoredDuringExecution:core/v1.PodAffinityTerm:ro 2:preferredDuringSchedulingIgnoredDuringExecution:core/v1.WeightedPodAffinityTerm:ro
core/v1.PodAffinityTerm 1:labelSelector:meta/v1.LabelSelector:po 2:namespaces:string:ro 3:topologyKey:string 4:namespaceSelector:meta/v1.LabelSelector:po 5:matchLabelKeys:string:ro 6:mismatchLabelKeys:string:ro
core/v1.PodAntiAffinity 1:requiredDuringSchedulingIgnoredDuringExecution:core/v1.PodAffinityTerm:ro 2:preferredDuringSchedulingIgnoredDuringExecution:core/v1.WeightedPodAffinityTerm:ro
core/v1.PodCertificateProjection 1:signerName:string:o 2:keyType:string:o 3:maxExpirationSeconds:int32:po 4:credentialBundlePath:string:o 5:keyPath:string:o 6:certificateChainPath:string:o 7:userAnnotations:map<string,string>:o
core/v1.PodCondition 1:type:string 7:observedGeneration:int64:o 2:status:string 3:lastProbeTime:meta/v1.Time:o 4:lastTransitionTime:meta/v1.Time:o 5:reason:string:o 6:message:string:o
core/v1.PodDNSConfig 1:nameservers:string:ro 2:searches:string:ro 3:options:core/v1.PodDNSConfigOption:ro
core/v1.PodDNSConfigOption 1:name:string:o 2:value:string:po
core/v1.PodExtendedResourceClaimStatus 1:requestMappings:core/v1.ContainerExtendedResourceRequest:r 2:resourceClaimName:string
core/v1.PodIP 1:ip:string
core/v1.PodList 1:metadata:meta/v1.ListMeta:o 2:items:core/v1.Pod:r
core/v1.PodOS 1:name:string
core/v1.PodReadinessGate 1:conditionType:string
core/v1.PodResourceClaim 1:name:string 3:resourceClaimName:string:po 4:resourceClaimTemplateName:string:po
core/v1.PodResourceClaimStatus 1:name:string 2:resourceClaimName:string:po
core/v1.PodSchedulingGate 1:name:string
core/v1.PodSchedulingGroup 1:podGroupName:string:po
core/v1.PodSecurityContext 1:seLinuxOptions:core/v1.SELinuxOptions:po 8:windowsOptions:core/v1.WindowsSecurityContextOptions:po 2:runAsUser:int64:po 6:runAsGroup:int64:po 3:runAsNonRoot:bool:po 4:supplementalGroups:int64:ro 12:supplementalGroupsPolicy:string:po 5:fsGroup:int64:po 7:sysctls:core/v1.Sysctl:ro 9:fsGroupChangePolicy:string:po 10:seccompProfile:core/v1.SeccompProfile:po 11:appArmorProfile:core/v1.AppArmorProfile:po 13:seLinuxChangePolicy:string:po
core/v1.PodSpec 1:volumes:core/v1.Volume:ro 20:initContainers:core/v1.Container:ro 2:containers:core/v1.Container:r 34:ephemeralContainers:core/v1.EphemeralContainer:ro 3:restartPolicy:string:o 4:terminationGracePeriodSeconds:int64:po 5:activeDeadlineSeconds:int64:po 6:dnsPolicy:string:o 7:nodeSelector:map<string,string>:o 8:serviceAccountName:string:o 9:serviceAccount:string:o 21:automountServiceAccountToken:bool:po 10:nodeName:string:o 11:hostNetwork:bool:o 12:hostPID:bool:o 13:hostIPC:bool:o 27:shareProcessNamespace:bool:po 14:securityContext:core/v1.PodSecurityContext:po 15:imagePullSecrets:core/v1.LocalObjectReference:ro 16:hostname:string:o 17:subdomain:string:o 18:affinity:core/v1.Affinity:po 19:schedulerName:string:o 22:tolerations:core/v1.Toleration:ro 23:hostAliases:core/v1.HostAlias:ro 24:priorityClassName:string:o 25:priority:int32:po 26:dnsConfig:core/v1.PodDNSConfig:po 28:readinessGates:core/v1.PodReadinessGate:ro 29:runtimeClassName:string:po 30:enableServiceLinks:bool:po 31:preemptionPolicy:string:po 32:overhead:map<string,resource.Quantity>:o 33:topologySpreadConstraints:core/v1.TopologySpreadConstraint:ro 35:setHostnameAsFQDN:bool:po 36:os:core/v1.PodOS:po 37:hostUsers:bool:po 38:schedulingGates:core/v1.PodSchedulingGate:ro 39:resourceClaims:core/v1.PodResourceClaim:ro 40:resources:core/v1.ResourceRequirements:po 41:hostnameOverride:string:po 43:schedulingGroup:core/v1.PodSchedulingGroup:po
core/v1.PodStatus 17:observedGeneration:int64:o 1:phase:string:o 2:conditions:core/v1.PodCondition:ro 3:message:string:o 4:reason:string:o 11:nominatedNodeName:string:o 5:hostIP:string:o 16:hostIPs:core/v1.HostIP:ro 6:podIP:string:o 12:podIPs:core/v1.PodIP:ro 7:startTime:meta/v1.Time:po 10:initContainerStatuses:core/v1.ContainerStatus:ro 8:containerStatuses:core/v1.ContainerStatus:ro 9:qosClass:string:o 13:ephemeralContainerStatuses:core/v1.ContainerStatus:ro 14:resize:string:o 15:resourceClaimStatuses:core/v1.PodResourceClaimStatus:ro 18:extendedResourceClaimStatus:core/v1.PodExtendedResourceClaimStatus:po 19:allocatedResources:map<string,resource.Quantity>:o 20:resources:core/v1.ResourceRequirements:po 21:nodeAllocatableResourceClaimStatuses:core/v1.NodeAllocatableResourceClaimStatus:ro
core/v1.PodTemplateSpec 1:metadata:meta/v1.ObjectMeta:o 2:spec:core/v1.PodSpec:o
core/v1.PortStatus 1:port:int32 2:protocol:string 3:error:string:po
core/v1.PortworxVolumeSource 1:volumeID:string 2:fsType:string:o 3:readOnly:bool:o
core/v1.PreferredSchedulingTerm 1:weight:int32 2:preference:core/v1.NodeSelectorTerm
core/v1.Probe 1::core/v1.ProbeHandler:i 2:initialDelaySeconds:int32:o 3:timeoutSeconds:int32:o 4:periodSeconds:int32:o 5:successThreshold:int32:o 6:failureThreshold:int32:o 7:terminationGracePeriodSeconds:int64:po
core/v1.ProbeHandler 1:exec:core/v1.ExecAction:po 2:httpGet:core/v1.HTTPGetAction:po 3:tcpSocket:core/v1.TCPSocketAction:po 4:grpc:core/v1.GRPCAction:po
core/v1.ProjectedVolumeSource 1:sources:core/v1.VolumeProjection:r 2:defaultMode:int32:po
core/v1.QuobyteVolumeSource 1:registry:string 2:volume:string 3:readOnly:bool:o 4:user:string:o 5:group:string:o 6:tenant:string:o
core/v1.RBDPersistentVolumeSource 1:monitors:string:r 2:image:string 3:fsType:string:o 4:pool:string:o 5:user:string:o 6:keyring:string:o 7:secretRef:core/v1.SecretReference:po 8:readOnly:bool:o
core/v1.RBDVolumeSource 1:monitors:string:r 2:image:string 3:fsType:string:o 4:pool:string:o 5:user:string:o 6:keyring:string:o 7:secretRef:core/v1.LocalObjectReference:po 8:readOnly:bool:o
core/v1.ResourceClaim 1:name:string 2:request:string:o
core/v1.ResourceFieldSelector 1:containerName:string:o 2:resource:string 3:divisor:resource.Quantity:o
core/v1.ResourceHealth 1:resourceID:string 2:health:string:o 6:message:string:po
core/v1.ResourceRequirements 1:limits:map<string,resource.Quantity>:o 2:requests:map<string,resource.Quantity>:o 3:claims:core/v1.ResourceClaim:ro
core/v1.ResourceStatus 1:name:string 2:resources:core/v1.ResourceHealth:ro
core/v1.SELinuxOptions 1:user:string:o 2:role:string:o 3:type:string:o 4:level:string:o
core/v1.ScaleIOPersistentVolumeSource 1:gateway:string 2:system:string 3:secretRef:core/v1.SecretReference:p 4:sslEnabled:bool:o 5:protectionDomain:string:o 6:storagePool:string:o 7:storageMode:string:o 8:volumeName:string:o 9:fsType:string:o 10:readOnly:bool:o
core/v1.ScaleIOVolumeSource 1:gateway:string 2:system:string 3:secretRef:core/v1.LocalObjectReference:p 4:sslEnabled:bool:o 5:protectionDomain:string:o 6:storagePool:string:o 7:storageMode:string:o 8:volumeName:string:o 9:fsType:string:o 10:readOnly:bool:o
core/v1.SeccompProfile 1:type:string 2:localhostProfile:string:po
core/v1.Secret 1:metadata:meta/v1.ObjectMeta:o 5:immutable:bool:po 2:data:map<string,bytes>:o 4:stringData:map<string,string>:o 3:type:string:o
core/v1.SecretEnvSource 1::core/v1.LocalObjectReference:i 2:optional:bool:po
core/v1.SecretKeySelector 1::core/v1.LocalObjectReference:i 2:key:string 3:optional:bool:po
core/v1.SecretList 1:metadata:meta/v1.ListMeta:o 2:items:core/v1.Secret:r
core/v1.SecretProjection 1::core/v1.LocalObjectReference:i 2:items:core/v1.KeyToPath:ro 4:optional:bool:po
core/v1.SecretReference 1:name:string:o 2:namespace:string:o
core/v1.SecretVolumeSource 1:secretName:string:o 2:items:core/v1.KeyToPath:ro 3:defaultMode:int32:po 4:optional:bool:po
core/v1.SecurityContext 1:capabilities:core/v1.Capabilities:po 2:privileged:bool:po 3:seLinuxOptions:core/v1.SELinuxOptions:po 10:windowsOptions:core/v1.WindowsSecurityContextOptions:po 4:runAsUser:int64:po 8:runAsGroup:int64:po 5:runAsNonRoot:bool:po 6:readOnlyRootFilesystem:bool:po 7:allowPrivilegeEscalation:bool:po 9:procMount:string:po 11:seccompProfile:core/v1.SeccompProfile:po 12:appArmorProfile:core/v1.AppArmorProfile:po
core/v1.Service 1:metadata:meta/v1.ObjectMeta:o 2:spec:core/v1.ServiceSpec:o 3:status:core/v1.ServiceStatus:o
core/v1.ServiceAccount 1:metadata:meta/v1.ObjectMeta:o 2:secrets:core/v1.ObjectReference:ro 3:imagePullSecrets:core/v1.LocalObjectReference:ro 4:automountServiceAccountToken:bool:po
core/v1.ServiceAccountList 1:metadata:meta/v1.ListMeta:o 2:items:core/v1.ServiceAccount:r
core/v1.ServiceAccountTokenProjection 1:audience:string:o 2:expirationSeconds:int64:po 3:path:string
core/v1.ServiceList 1:metadata:meta/v1.ListMeta:o 2:items:core/v1.Service:r
core/v1.ServicePort 1:name:string:o 2:protocol:string:o 6:appProtocol:string:po 3:port:int32 4:targetPort:intstr.IntOrString:o 5:nodePort:int32:o
core/v1.ServiceSpec 1:ports:core/v1.ServicePort:ro 2:selector:map<string,string>:o 3:clusterIP:string:o 18:clusterIPs:string:ro 4:type:string:o 5:externalIPs:string:ro 7:sessionAffinity:string:o 8:loadBalancerIP:string:o 9:loadBalancerSourceRanges:string:ro 10:externalName:string:o 11:externalTrafficPolicy:string:o 12:healthCheckNodePort:int32:o 13:publishNotReadyAddresses:bool:o 14:sessionAffinityConfig:core/v1.SessionAffinityConfig:po 19:ipFamilies:string:ro 17:ipFamilyPolicy:string:po 20:allocateLoadBalancerNodePorts:bool:po 21:loadBalancerClass:string:po 22:internalTrafficPolicy:string:po 23:trafficDistribution:string:po
core/v1.ServiceStatus 1:loadBalancer:core/v1.LoadBalancerStatus:o 2:conditions:meta/v1.Condition:ro
core/v1.SessionAffinityConfig 1:clientIP:core/v1.ClientIPConfig:po
core/v1.SleepAction 1:seconds:int64
core/v1.StorageOSPersistentVolumeSource 1:volumeName:string:o 2:volumeNamespace:string:o 3:fsType:string:o 4:readOnly:bool:o 5:secretRef:core/v1.ObjectReference:po
core/v1.StorageOSVolumeSource 1:volumeName:string:o 2:volumeNamespace:string:o 3:fsType:string:o 4:readOnly:bool:o 5:secretRef:core/v1.LocalObjectReference:po
core/v1.Sysctl 1:name:string 2:value:string
core/v1.TCPSocketAction 1:port:intstr.IntOrString 2:host:string:o
core/v1.Taint 1:key:string 2:value:string:o 3:effect:string 4:timeAdded:meta/v1.Time:po
core/v1.Toleration 1:key:string:o 2:operator:string:o 3:value:string:o 4:effect:string:o 5:tolerationSeconds:int64:po
core/v1.TopologySelectorLabelRequirement 1:key:string 2:values:string:r
core/v1.TopologySelectorTerm 1:matchLabelExpressions:core/v1.TopologySelectorLabelRequirement:ro
core/v1.TopologySpreadConstraint 1:maxSkew:int32 2:topologyKey:string 3:whenUnsatisfiable:string 4:labelSelector:meta/v1.LabelSelector:po 5:minDomains:int32:po 6:nodeAffinityPolicy:string:po 7:nodeTaintsPolicy:string:po 8:matchLabelKeys:string:ro
core/v1.TypedLocalObjectReference 1:apiGroup:string:p 2:kind:string 3:name:string
core/v1.TypedObjectReference 1:apiGroup:string:p 2:kind:string 3:name:string 4:namespace:string:po
core/v1.Volume 1:name:string 2::core/v1.VolumeSource:i
core/v1.VolumeDevice 1:name:string 2:devicePath:string
core/v1.VolumeMount 1:name:string 2:readOnly:bool:o 7:recursiveReadOnly:string:po 3:mountPath:string 4:subPath:string:o 5:mountPropagation:string:po 6:subPathExpr:string:o
core/v1.VolumeMountStatus 1:name:string 2:mountPath:string 3:readOnly:bool:o 4:recursiveReadOnly:string:po 5:volumeStatus:core/v1.VolumeStatus:po
core/v1.VolumeNodeAffinity 1:required:core/v1.NodeSelector:po
core/v1.VolumeProjection 1:secret:core/v1.SecretProjection:po 2:downwardAPI:core/v1.DownwardAPIProjection:po 3:configMap:core/v1.ConfigMapProjection:po 4:serviceAccountToken:core/v1.ServiceAccountTokenProjection:po 5:clusterTrustBundle:core/v1.ClusterTrustBundleProjection:po 6:podCertificate:core/v1.PodCertificateProjection:po
core/v1.VolumeResourceRequirements 1:limits:map<string,resource.Quantity>:o 2:requests:map<string,resource.Quantity>:o
core/v1.VolumeSource 1:hostPath:core/v1.HostPathVolumeSource:po 2:emptyDir:core/v1.EmptyDirVolumeSource:po 3:gcePersistentDisk:core/v1.GCEPersistentDiskVolumeSource:po 4:awsElasticBlockStore:core/v1.AWSElasticBlockStoreVolumeSource:po 5:gitRepo:core/v1.GitRepoVolumeSource:po 6:secret:core/v1.SecretVolumeSource:po 7:nfs:core/v1.NFSVolumeSource:po 8:iscsi:core/v1.ISCSIVolumeSource:po 9:glusterfs:core/v1.GlusterfsVolumeSource:po 10:persistentVolumeClaim:core/v1.PersistentVolumeClaimVolumeSource:po 11:rbd:core/v1.RBDVolumeSource:po 12:flexVolume:core/v1.FlexVolumeSource:po 13:cinder:core/v1.CinderVolumeSource:po 14:cephfs:core/v1.CephFSVolumeSource:po 15:flocker:core/v1.FlockerVolumeSource:po 16:downwardAPI:core/v1.DownwardAPIVolumeSource:po 17:fc:core/v1.FCVolumeSource:po 18:azureFile:core/v1.AzureFileVolumeSource:po 19:configMap:core/v1.ConfigMapVolumeSource:po 20:vsphereVolume:core/v1.VsphereVirtualDiskVolumeSource:po 21:quobyte:core/v1.QuobyteVolumeSource:po 22:azureDisk:core/v1.AzureDiskVolumeSource:po 23:photonPersistentDisk:core/v1.PhotonPersistentDiskVolumeSource:po 26:projected:core/v1.ProjectedVolumeSource:po 24:portworxVolume:core/v1.PortworxVolumeSource:po 25:scaleIO:core/v1.ScaleIOVolumeSource:po 27:storageos:core/v1.StorageOSVolumeSource:po 28:csi:core/v1.CSIVolumeSource:po 29:ephemeral:core/v1.EphemeralVolumeSource:po 30:image:core/v1.ImageVolumeSource:po
core/v1.VolumeStatus 1:image:core/v1.ImageVolumeStatus:po
core/v1.VsphereVirtualDiskVolumeSource 1:volumePath:string 2:fsType:string:o 3:storagePolicyName:string:o 4:storagePolicyID:string:o
core/v1.WeightedPodAffinityTerm 1:weight:int32 2:podAffinityTerm:core/v1.PodAffinityTerm
core/v1.WindowsSecurityContextOptions 1:gmsaCredentialSpecName:string:po 2:gmsaCredentialSpec:string:po 3:runAsUserName:string:po 4:hostProcess:bool:po
intstr.IntOrString ! 1:type:int64 2:intVal:int32 3:strVal:string
meta/v1.Condition 1:type:string 2:status:string 3:observedGeneration:int64:o 4:lastTransitionTime:meta/v1.Time 5:reason:string 6:message:string
meta/v1.DeleteOptions 1:gracePeriodSeconds:int64:po 2:preconditions:meta/v1.Preconditions:po 3:orphanDependents:bool:po 4:propagationPolicy:string:po 5:dryRun:string:ro 6:ignoreStoreReadErrorWithClusterBreakingPotential:bool:po
meta/v1.Duration ! 1:duration:int64
meta/v1.FieldSelectorRequirement 1:key:string 2:operator:string 3:values:string:ro
meta/v1.FieldsV1 ! 1:Raw:bytes
meta/v1.LabelSelector 1:matchLabels:map<string,string>:o 2:matchExpressions:meta/v1.LabelSelectorRequirement:ro
meta/v1.LabelSelectorRequirement 1:key:string 2:operator:string 3:values:string:ro
meta/v1.ListMeta 1:selfLink:string:o 2:resourceVersion:string:o 3:continue:string:o 4:remainingItemCount:int64:po 5:shardInfo:meta/v1.ShardInfo:po
meta/v1.ManagedFieldsEntry 1:manager:string:o 2:operation:string:o 3:apiVersion:string:o 4:time:meta/v1.Time:po 6:fieldsType:string:o 7:fieldsV1:meta/v1.FieldsV1:po 8:subresource:string:o
meta/v1.MicroTime ! 1:seconds:int64 2:nanos:int32
meta/v1.ObjectMeta 1:name:string:o 2:generateName:string:o 3:namespace:string:o 4:selfLink:string:o 5:uid:string:o 6:resourceVersion:string:o 7:generation:int64:o 8:creationTimestamp:meta/v1.Time:oz 9:deletionTimestamp:meta/v1.Time:po 10:deletionGracePeriodSeconds:int64:po 11:labels:map<string,string>:o 12:annotations:map<string,string>:o 13:ownerReferences:meta/v1.OwnerReference:ro 14:finalizers:string:ro 17:managedFields:meta/v1.ManagedFieldsEntry:ro
meta/v1.OwnerReference 5:apiVersion:string 1:kind:string 3:name:string 4:uid:string 6:controller:bool:po 7:blockOwnerDeletion:bool:po
meta/v1.Preconditions 1:uid:string:po 2:resourceVersion:string:po
meta/v1.ShardInfo 1:selector:string
meta/v1.Status 1:metadata:meta/v1.ListMeta:o 2:status:string:o 3:message:string:o 4:reason:string:o 5:details:meta/v1.StatusDetails:po 6:code:int32:o
meta/v1.StatusCause 1:reason:string:o 2:message:string:o 3:field:string:o
meta/v1.StatusDetails 1:name:string:o 2:group:string:o 3:kind:string:o 6:uid:string:o 4:causes:meta/v1.StatusCause:ro 5:retryAfterSeconds:int32:o
meta/v1.Time ! 1:seconds:int64 2:nanos:int32
meta/v1.WatchEvent 1:type:string 2:object:runtime.RawExtension
networking/v1.HTTPIngressPath 1:path:string:o 3:pathType:string:p 2:backend:networking/v1.IngressBackend
networking/v1.HTTPIngressRuleValue 1:paths:networking/v1.HTTPIngressPath:r
networking/v1.IPBlock 1:cidr:string 2:except:string:ro
networking/v1.Ingress 1:metadata:meta/v1.ObjectMeta:o 2:spec:networking/v1.IngressSpec:o 3:status:networking/v1.IngressStatus:o
networking/v1.IngressBackend 4:service:networking/v1.IngressServiceBackend:po 3:resource:core/v1.TypedLocalObjectReference:po
networking/v1.IngressClass 1:metadata:meta/v1.ObjectMeta:o 2:spec:networking/v1.IngressClassSpec:o
networking/v1.IngressClassList 1:metadata:meta/v1.ListMeta:o 2:items:networking/v1.IngressClass:r
networking/v1.IngressClassParametersReference 1:apiGroup:string:po 2:kind:string 3:name:string 4:scope:string:p 5:namespace:string:po
networking/v1.IngressClassSpec 1:controller:string:o 2:parameters:networking/v1.IngressClassParametersReference:po
networking/v1.IngressList 1:metadata:meta/v1.ListMeta:o 2:items:networking/v1.Ingress:r
networking/v1.IngressLoadBalancerIngress 1:ip:string:o 2:hostname:string:o 4:ports:networking/v1.IngressPortStatus:ro
networking/v1.IngressLoadBalancerStatus 1:ingress:networking/v1.IngressLoadBalancerIngress:ro
networking/v1.IngressPortStatus 1:port:int32 2:protocol:string 3:error:string:po
networking/v1.IngressRule 1:host:string:o 2::networking/v1.IngressRuleValue:i
networking/v1.IngressRuleValue 1:http:networking/v1.HTTPIngressRuleValue:po
networking/v1.IngressServiceBackend 1:name:string 2:port:networking/v1.ServiceBackendPort:o
networking/v1.IngressSpec 4:ingressClassName:string:po 1:defaultBackend:networking/v1.IngressBackend:po 2:tls:networking/v1.IngressTLS:ro 3:rules:networking/v1.IngressRule:ro
networking/v1.IngressStatus 1:loadBalancer:networking/v1.IngressLoadBalancerStatus:o
networking/v1.IngressTLS 1:hosts:string:ro 2:secretName:string:o
networking/v1.NetworkPolicy 1:metadata:meta/v1.ObjectMeta:o 2:spec:networking/v1.NetworkPolicySpec:o
networking/v1.NetworkPolicyEgressRule 1:ports:networking/v1.NetworkPolicyPort:ro 2:to:networking/v1.NetworkPolicyPeer:ro
networking/v1.NetworkPolicyIngressRule 1:ports:networking/v1.NetworkPolicyPort:ro 2:from:networking/v1.NetworkPolicyPeer:ro
networking/v1.NetworkPolicyList 1:metadata:meta/v1.ListMeta:o 2:items:networking/v1.NetworkPolicy:r
networking/v1.NetworkPolicyPeer 1:podSelector:meta/v1.LabelSelector:po 2:namespaceSelector:meta/v1.LabelSelector:po 3:ipBlock:networking/v1.IPBlock:po
networking/v1.NetworkPolicyPort 1:protocol:string:po 2:port:intstr.IntOrString:po 3:endPort:int32:po
networking/v1.NetworkPolicySpec 1:podSelector:meta/v1.LabelSelector 2:ingress:networking/v1.NetworkPolicyIngressRule:ro 3:egress:networking/v1.NetworkPolicyEgressRule:ro 4:policyTypes:string:ro
networking/v1.ServiceBackendPort 1:name:string:o 2:number:int32:o
policy/v1.PodDisruptionBudget 1:metadata:meta/v1.ObjectMeta:o 2:spec:policy/v1.PodDisruptionBudgetSpec:o 3:status:policy/v1.PodDisruptionBudgetStatus:o
policy/v1.PodDisruptionBudgetList 1:metadata:meta/v1.ListMeta:o 2:items:policy/v1.PodDisruptionBudget:r
policy/v1.PodDisruptionBudgetSpec 1:minAvailable:intstr.IntOrString:po 2:selector:meta/v1.LabelSelector:po 3:maxUnavailable:intstr.IntOrString:po 4:unhealthyPodEvictionPolicy:string:po
policy/v1.PodDisruptionBudgetStatus 1:observedGeneration:int64:o 2:disruptedPods:map<string,meta/v1.Time>:o 3:disruptionsAllowed:int32 4:currentHealthy:int32 5:desiredHealthy:int32 6:expectedPods:int32 7:conditions:meta/v1.Condition:ro
rbac/v1.AggregationRule 1:clusterRoleSelectors:meta/v1.LabelSelector:ro
rbac/v1.ClusterRole 1:metadata:meta/v1.ObjectMeta:o 2:rules:rbac/v1.PolicyRule:r 3:aggregationRule:rbac/v1.AggregationRule:po
rbac/v1.ClusterRoleBinding 1:metadata:meta/v1.ObjectMeta:o 2:subjects:rbac/v1.Subject:ro 3:roleRef:rbac/v1.RoleRef
rbac/v1.ClusterRoleBindingList 1:metadata:meta/v1.ListMeta:o 2:items:rbac/v1.ClusterRoleBinding:r
rbac/v1.ClusterRoleList 1:metadata:meta/v1.ListMeta:o 2:items:rbac/v1.ClusterRole:r
rbac/v1.PolicyRule 1:verbs:string:r 2:apiGroups:string:ro 3:resources:string:ro 4:resourceNames:string:ro 5:nonResourceURLs:string:ro
rbac/v1.Role 1:metadata:meta/v1.ObjectMeta:o 2:rules:rbac/v1.PolicyRule:r
rbac/v1.RoleBinding 1:metadata:meta/v1.ObjectMeta:o 2:subjects:rbac/v1.Subject:ro 3:roleRef:rbac/v1.RoleRef
rbac/v1.RoleBindingList 1:metadata:meta/v1.ListMeta:o 2:items:rbac/v1.RoleBinding:r
rbac/v1.RoleList 1:metadata:meta/v1.ListMeta:o 2:items:rbac/v1.Role:r
rbac/v1.RoleRef 1:apiGroup:string 2:kind:string 3:name:string
rbac/v1.Subject 1:kind:string 2:apiGroup:string:o 3:name:string 4:namespace:string:o
resource.Quantity ! 1:string:string
runtime.RawExtension ! 1:raw:bytes
runtime.TypeMeta ! 1:apiVersion:string 2:kind:string
runtime.Unknown ! 1:typeMeta:runtime.TypeMeta 2:raw:bytes 3:contentEncoding:string 4:contentType:string
storage/v1.StorageClass 1:metadata:meta/v1.ObjectMeta:o 2:provisioner:string 3:parameters:map<string,string>:o 4:reclaimPolicy:string:po 5:mountOptions:string:ro 6:allowVolumeExpansion:bool:po 7:volumeBindingMode:string:po 8:allowedTopologies:core/v1.TopologySelectorTerm:ro
storage/v1.StorageClassList 1:metadata:meta/v1.ListMeta:o 2:items:storage/v1.StorageClass:r
`;

;// CONCATENATED MODULE: ./src/embedded-cluster/protobuf/schema.ts
/**
 * The protobuf schema of the served kinds, read from the generated table (schema-table.ts, written by
 * scripts/proto-schema.mjs). The table is parsed the first time protobuf is seen, not when the cluster
 * starts: JSON clients never pay for it.
 */

const SCALAR_TYPES = new Set(['string', 'int32', 'int64', 'bool', 'bytes', 'double']);
/** Kinds every group version carries: looked up in meta.k8s.io/v1 whatever apiVersion names them. */
const META_API_VERSION = 'meta.k8s.io/v1';
class Schema {
    messages = new Map();
    /** apiVersion → kind → message name. */
    kinds = new Map();
    constructor(table) {
        for (const line of table.split('\n')) {
            if (!line.trim())
                continue;
            const cells = line.trim().split(' ');
            if (cells[0] === '@') {
                const [, apiVersion, pkg, ...kinds] = cells;
                this.kinds.set(apiVersion, new Map(kinds.map((k) => [k, `${pkg}.${k}`])));
                continue;
            }
            const [name, ...rest] = cells;
            const custom = rest[0] === '!';
            const fields = (custom ? rest.slice(1) : rest).map(parseField);
            this.messages.set(name, {
                name: name,
                custom,
                fields,
                byNumber: new Map(fields.map((f) => [f.number, f])),
            });
        }
    }
    message(name) {
        const message = this.messages.get(name);
        // The generator writes every message a field refers to; a miss is a defect in the table.
        if (!message)
            throw new Error(`protobuf schema table: no message ${name}`);
        return message;
    }
    /** The message of a top-level kind, or undefined when the table has none. */
    messageOfKind(apiVersion, kind) {
        return this.kinds.get(apiVersion)?.get(kind) ?? this.kinds.get(META_API_VERSION)?.get(kind);
    }
    /** Every apiVersion and kind the table carries. */
    allKinds() {
        return [...this.kinds].flatMap(([apiVersion, kinds]) => [...kinds.keys()].map((kind) => ({ apiVersion, kind })));
    }
}
function parseField(cell) {
    const [number, json, type, flags = ''] = cell.split(':');
    const map = /^map<string,(.+)>$/.exec(type);
    return {
        number: Number(number),
        json: json,
        type: map ? map[1] : type,
        map: !!map,
        repeated: flags.includes('r'),
        pointer: flags.includes('p'),
        omitempty: flags.includes('o'),
        omitzero: flags.includes('z'),
        inline: flags.includes('i'),
    };
}
let loaded;
function kubernetesSchema() {
    loaded ??= new Schema(SCHEMA_TABLE);
    return loaded;
}

;// CONCATENATED MODULE: ./src/embedded-cluster/protobuf/well-known.ts
/**
 * The messages whose JSON is not their fields, because their Go types marshal JSON by hand: timestamps,
 * durations, int-or-string, quantities, raw JSON and the JSON-schema unions of CRDs. Each converts between
 * its JSON value and its fields under their .proto names (the table's names for these messages).
 */

function bad(where, what) {
    return new ProtobufError('bad-value', `${where}: ${what}`);
}
// ---- time ----
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
/** Seconds and nanoseconds since the epoch of an RFC 3339 timestamp (any fraction, any offset). */
function parseTimestamp(text, where) {
    const m = typeof text === 'string' ? RFC3339.exec(text) : null;
    if (!m)
        throw bad(where, 'expected an RFC 3339 timestamp such as "2024-05-01T12:00:00Z"');
    const [, y, mo, d, h, mi, s, fraction = '', , sign, oh, om] = m;
    let seconds = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) / 1000;
    if (sign)
        seconds -= (sign === '-' ? -1 : 1) * (Number(oh) * 3600 + Number(om) * 60);
    return { seconds, nanos: Number(fraction.padEnd(9, '0')) };
}
function formatTimestamp(seconds, fractionDigits) {
    const base = new Date(seconds * 1000).toISOString().slice(0, 19);
    return `${base}${fractionDigits ? `.${fractionDigits}` : ''}Z`;
}
/** metav1.Time: RFC 3339 in whole seconds, as Go writes it; the emulator's milliseconds ride in nanos. */
const time = {
    toJson(f) {
        if (f.seconds === undefined && f.nanos === undefined)
            return undefined;
        const nanos = Number(f.nanos ?? 0);
        const ms = Math.floor(nanos / 1e6);
        return formatTimestamp(Number(f.seconds ?? 0), ms ? String(ms).padStart(3, '0') : '');
    },
    fromJson(value, where) {
        const { seconds, nanos } = parseTimestamp(value, where);
        return nanos ? { seconds, nanos } : { seconds };
    },
};
/** metav1.MicroTime: RFC 3339 with exactly six fractional digits. */
const microTime = {
    toJson(f) {
        if (f.seconds === undefined && f.nanos === undefined)
            return undefined;
        const micros = Math.floor(Number(f.nanos ?? 0) / 1000);
        return formatTimestamp(Number(f.seconds ?? 0), String(micros).padStart(6, '0'));
    },
    fromJson(value, where) {
        const { seconds, nanos } = parseTimestamp(value, where);
        return { seconds, nanos: nanos - (nanos % 1000) };
    },
};
// ---- duration (Go's time.Duration text: "1h2m3.5s", "250ms") ----
const NANOS = {
    ns: 1n,
    us: 1000n,
    µs: 1000n,
    μs: 1000n,
    ms: 1000000n,
    s: 1000000000n,
    m: 60000000000n,
    h: 3600000000000n,
};
function parseGoDuration(text, where) {
    const invalid = () => bad(where, 'expected a duration such as "1h30m", "90s" or "250ms"');
    if (typeof text !== 'string')
        throw invalid();
    const m = /^([-+]?)(.+)$/.exec(text);
    if (!m)
        throw invalid();
    if (m[2] === '0')
        return 0n;
    const parts = [...m[2].matchAll(/(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/g)];
    if (!parts.length || parts.map((p) => p[0]).join('') !== m[2])
        throw invalid();
    let total = 0n;
    for (const [, whole = '', fraction = '', unit] of parts) {
        if (!whole && !fraction)
            throw invalid();
        const scale = NANOS[unit];
        total += BigInt(whole || '0') * scale;
        if (fraction)
            total += (BigInt(fraction) * scale) / 10n ** BigInt(fraction.length);
    }
    return m[1] === '-' ? -total : total;
}
function formatGoDuration(nanos) {
    if (nanos === 0n)
        return '0s';
    const sign = nanos < 0n ? '-' : '';
    const n = nanos < 0n ? -nanos : nanos;
    const decimal = (value, scale, unit) => {
        const fraction = (value % scale)
            .toString()
            .padStart(scale.toString().length - 1, '0')
            .replace(/0+$/, '');
        return `${value / scale}${fraction ? `.${fraction}` : ''}${unit}`;
    };
    if (n < 1000n)
        return `${sign}${n}ns`;
    if (n < 1000000n)
        return sign + decimal(n, 1000n, 'µs');
    if (n < 1000000000n)
        return sign + decimal(n, 1000000n, 'ms');
    const hours = n / NANOS.h;
    const minutes = (n % NANOS.h) / NANOS.m;
    const seconds = decimal(n % NANOS.m, NANOS.s, 's');
    if (hours)
        return `${sign}${hours}h${minutes}m${seconds}`;
    if (minutes)
        return `${sign}${minutes}m${seconds}`;
    return sign + seconds;
}
const duration = {
    toJson: (f) => formatGoDuration(BigInt(Number(f.duration ?? 0))),
    fromJson: (value, where) => ({ duration: Number(parseGoDuration(value, where)) }),
};
// ---- values ----
const INT_OR_STRING_STRING = 1;
const intOrString = {
    toJson: (f) => Number(f.type ?? 0) === INT_OR_STRING_STRING ? String(f.strVal ?? '') : Number(f.intVal ?? 0),
    fromJson(value, where) {
        if (typeof value === 'string')
            return { type: INT_OR_STRING_STRING, strVal: value };
        if (typeof value === 'number' && Number.isInteger(value))
            return { type: 0, intVal: value };
        throw bad(where, 'expected an integer or a string');
    },
};
/** resource.Quantity: its canonical string; JSON numbers are quantities too. Go writes a zero one as "0". */
const quantity = {
    toJson: (f) => String(f.string ?? '0'),
    fromJson(value, where) {
        if (typeof value === 'string')
            return { string: value };
        if (typeof value === 'number' && Number.isFinite(value))
            return { string: String(value) };
        throw bad(where, 'expected a quantity such as "500m" or "1Gi"');
    },
};
/** Bytes that hold JSON (RawExtension, FieldsV1, a CRD schema's JSON): the JSON value itself. */
function rawJson(field) {
    return {
        toJson(f, where) {
            const raw = f[field];
            if (!raw || raw.length === 0)
                return undefined;
            try {
                return JSON.parse(Buffer.from(raw).toString('utf8'));
            }
            catch {
                throw new ProtobufError('malformed', `${where}: the embedded bytes are not JSON`);
            }
        },
        fromJson: (value) => ({ [field]: Buffer.from(JSON.stringify(value), 'utf8') }),
    };
}
const typeMeta = {
    toJson: (f) => ({ apiVersion: f.apiVersion ?? '', kind: f.kind ?? '' }),
    fromJson: (value) => value,
};
// ---- the JSON-schema unions of CustomResourceDefinitions ----
/** `items`: one schema or an array of them. */
const schemaOrArray = {
    toJson: (f) => f.jSONSchemas ?? f.schema,
    fromJson(value, where) {
        if (Array.isArray(value))
            return { jSONSchemas: value };
        if (value && typeof value === 'object')
            return { schema: value };
        throw bad(where, 'expected a schema or an array of schemas');
    },
};
/** `additionalProperties`/`additionalItems`: a schema, or a boolean. */
const schemaOrBool = {
    toJson: (f) => f.schema ?? f.allows === true,
    fromJson(value, where) {
        if (typeof value === 'boolean')
            return { allows: value };
        if (value && typeof value === 'object')
            return { allows: true, schema: value };
        throw bad(where, 'expected a schema or a boolean');
    },
};
/** `dependencies` values: a schema, or a list of property names. */
const schemaOrStringArray = {
    toJson: (f) => f.property ?? f.schema,
    fromJson(value, where) {
        if (Array.isArray(value))
            return { property: value };
        if (value && typeof value === 'object')
            return { schema: value };
        throw bad(where, 'expected a schema or an array of property names');
    },
};
const WELL_KNOWN = {
    'meta/v1.Time': time,
    'meta/v1.MicroTime': microTime,
    'meta/v1.Duration': duration,
    'meta/v1.FieldsV1': rawJson('Raw'),
    'runtime.RawExtension': rawJson('raw'),
    'runtime.TypeMeta': typeMeta,
    'intstr.IntOrString': intOrString,
    'resource.Quantity': quantity,
    'apiextensions/v1.JSON': rawJson('raw'),
    'apiextensions/v1.JSONSchemaPropsOrArray': schemaOrArray,
    'apiextensions/v1.JSONSchemaPropsOrBool': schemaOrBool,
    'apiextensions/v1.JSONSchemaPropsOrStringArray': schemaOrStringArray,
};

;// CONCATENATED MODULE: ./src/embedded-cluster/protobuf/wire.ts
/**
 * Protocol buffers' wire format, the part Kubernetes' types use: varints (int32, int64, bool, which
 * Kubernetes never zigzags), length-delimited fields (strings, bytes, messages, packed repeats) and
 * 64-bit fixed fields (doubles, in JSON schemas). Varints go through BigInt only when they do not fit 53
 * bits, so negative int32s, sign-extended to ten bytes on the wire, come back exact.
 */

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_BYTES = 2;
const WIRE_FIXED32 = 5;
class ProtoReader {
    buf;
    where;
    pos;
    constructor(buf, 
    /** What the bytes are, for error messages. */
    where) {
        this.buf = buf;
        this.where = where;
        this.pos = 0;
    }
    done() {
        return this.pos >= this.buf.length;
    }
    /** The next field's number and wire type. */
    tag() {
        const key = this.varint();
        const number = Math.floor(key / 8);
        if (number < 1)
            throw this.malformed(`field number ${number}`);
        return { number, wire: key % 8 };
    }
    /** An unsigned varint as a Number (exact up to 2^53: lengths, tags, non-negative values). */
    varint() {
        let result = 0;
        let scale = 1;
        for (let i = 0; i < 10; i++) {
            const byte = this.byte();
            result += (byte & 0x7f) * scale;
            if (byte < 0x80)
                return result;
            scale *= 128;
        }
        throw this.malformed('a varint longer than 10 bytes');
    }
    /** A varint as a signed integer of `bits`: negatives arrive as ten-byte two's complement. */
    signed(bits) {
        const start = this.pos;
        const plain = this.varint();
        if (plain <= 0x7fffffff)
            return plain;
        this.pos = start;
        return Number(BigInt.asIntN(bits, this.bigVarint()));
    }
    bytes() {
        const length = this.varint();
        if (this.pos + length > this.buf.length)
            throw this.malformed('a length past the end of the message');
        const out = this.buf.subarray(this.pos, this.pos + length);
        this.pos += length;
        return out;
    }
    double() {
        if (this.pos + 8 > this.buf.length)
            throw this.malformed('a 64-bit field past the end of the message');
        const view = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 8);
        this.pos += 8;
        return view.getFloat64(0, true);
    }
    byte() {
        if (this.pos >= this.buf.length)
            throw this.malformed('a varint past the end of the message');
        return this.buf[this.pos++];
    }
    bigVarint() {
        let result = 0n;
        for (let i = 0n; i < 10n; i++) {
            const byte = this.byte();
            result |= BigInt(byte & 0x7f) << (7n * i);
            if (byte < 0x80)
                return result;
        }
        throw this.malformed('a varint longer than 10 bytes');
    }
    malformed(what) {
        return new ProtobufError('malformed', `${this.where}: the protobuf bytes are malformed (${what})`);
    }
}
/** Builds one message; nested messages are built by their own writer and added as bytes. */
class ProtoWriter {
    chunks = [];
    pending = [];
    varintField(number, value) {
        this.key(number, WIRE_VARINT);
        this.varint(typeof value === 'boolean' ? (value ? 1 : 0) : value);
    }
    bytesField(number, value) {
        this.key(number, WIRE_BYTES);
        this.varint(value.length);
        this.flush();
        this.chunks.push(value);
    }
    stringField(number, value) {
        this.bytesField(number, Buffer.from(value, 'utf8'));
    }
    doubleField(number, value) {
        this.key(number, WIRE_FIXED64);
        const bytes = new Uint8Array(8);
        new DataView(bytes.buffer).setFloat64(0, value, true);
        this.pending.push(...bytes);
    }
    finish() {
        this.flush();
        return Buffer.concat(this.chunks);
    }
    key(number, wire) {
        this.varint(number * 8 + wire);
    }
    /** Negative numbers are written as 64-bit two's complement, ten bytes, as Go's encoders do. */
    varint(value) {
        if (value >= 0 && value <= Number.MAX_SAFE_INTEGER) {
            let v = value;
            while (v >= 0x80) {
                this.pending.push((v % 128) | 0x80);
                v = Math.floor(v / 128);
            }
            this.pending.push(v);
            return;
        }
        let v = BigInt.asUintN(64, BigInt(value));
        while (v >= 0x80n) {
            this.pending.push(Number(v & 0x7fn) | 0x80);
            v >>= 7n;
        }
        this.pending.push(Number(v));
    }
    flush() {
        if (this.pending.length) {
            this.chunks.push(Uint8Array.from(this.pending));
            this.pending = [];
        }
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/protobuf/decode.ts
/**
 * Protobuf bytes to the JSON object Go would write for the same value: the objects kubectl's typed
 * commands send reach the cluster exactly as `kubectl create … --dry-run=client -o json` prints them.
 * That means Go's rules, not protobuf's: a non-pointer field that is absent is its zero value (written
 * unless omitempty), a pointer is written whenever present, structs are always written (omitempty never
 * drops a struct), inlined structs merge into their parent, and what Go writes as null is left out.
 */




/** Every protobuf body and response starts with these four bytes: "k8s" and a zero. */
const MAGIC = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);
/** Deeper than any Kubernetes object; a guard against hostile nesting. */
const MAX_DEPTH = 100;
const EMPTY = new Uint8Array(0);
const utf8 = new TextDecoder('utf-8', { fatal: true });
function hasMagic(bytes) {
    return bytes.length >= 4 && MAGIC.every((b, i) => bytes[i] === b);
}
/** `apps/v1, Kind=Deployment`, as Kubernetes names a kind in its messages. */
function gvkLabel(apiVersion, kind) {
    return `${apiVersion}, Kind=${kind}`;
}
/** A whole object: the magic, then a runtime.Unknown naming its kind and carrying its message. */
function decodeObject(bytes, where = 'the request body') {
    if (!hasMagic(bytes))
        throw new ProtobufError('malformed', `${where} does not start with the protobuf magic "k8s\\0"`);
    const envelope = decodeFields('runtime.Unknown', bytes.subarray(4), `${where} (runtime.Unknown)`, 0);
    const { apiVersion = '', kind = '' } = (envelope.typeMeta ?? {});
    if (!kind || !apiVersion)
        throw new ProtobufError('malformed', `${where}: the protobuf envelope does not name an apiVersion and kind`);
    const encoding = String(envelope.contentEncoding ?? '');
    if (encoding)
        throw new ProtobufError('unsupported', `${where}: content encoding "${encoding}" is not supported; send it unencoded`);
    const contentType = String(envelope.contentType ?? '');
    if (contentType && !contentType.startsWith('application/vnd.kubernetes.protobuf'))
        throw new ProtobufError('unsupported', `${where}: a protobuf envelope holding ${contentType} is not supported`);
    const message = kubernetesSchema().messageOfKind(apiVersion, kind);
    if (!message)
        throw new ProtobufError('unknown-kind', `the server does not understand protobuf for ${gvkLabel(apiVersion, kind)}; send JSON (application/json)`);
    const body = decodeMessage(message, envelope.raw ?? EMPTY, kind);
    return { apiVersion, kind, ...body };
}
/** One message's bytes as JSON; undefined where Go would write null. */
function decodeMessage(name, bytes, where, depth = 0) {
    if (depth > MAX_DEPTH)
        throw new ProtobufError('malformed', `${where}: nested more than ${MAX_DEPTH} levels`);
    const message = kubernetesSchema().message(name);
    if (message.custom) {
        // An object embedded as protobuf (a watch event's object) rather than as JSON.
        if (name === 'runtime.RawExtension' && hasMagic(bytes))
            return decodeObject(bytes, where);
        return WELL_KNOWN[name].toJson(decodeFields(name, bytes, where, depth), where);
    }
    const values = readFields(message, bytes, where);
    const out = {};
    for (const field of message.fields) {
        const got = values.get(field.number);
        if (field.inline) {
            Object.assign(out, decodeMessage(field.type, joined(got), where, depth + 1));
            continue;
        }
        const value = fieldJson(field, got, `${where}.${field.json}`, depth);
        if (value !== undefined)
            out[field.json] = value;
    }
    return out;
}
/**
 * A custom-JSON message's fields as they are on the wire, by .proto name: only the present ones, bytes as
 * Uint8Array, nested messages already as JSON.
 */
function decodeFields(name, bytes, where, depth) {
    const message = kubernetesSchema().message(name);
    const values = readFields(message, bytes, where);
    const out = {};
    for (const field of message.fields) {
        const got = values.get(field.number);
        if (!got)
            continue;
        const path = `${where}.${field.json}`;
        if (field.repeated)
            out[field.json] = got.map((v) => single(field.type, v, path, depth));
        else if (SCALAR_TYPES.has(field.type))
            out[field.json] = got[got.length - 1];
        else
            out[field.json] = decodeMessage(field.type, joined(got), path, depth + 1);
    }
    return out;
}
function fieldJson(field, got, where, depth) {
    if (field.map) {
        if (!got?.length)
            return undefined;
        const out = {};
        for (const entry of got) {
            const { key, value } = mapEntry(field, entry, where);
            // An entry without a value holds the value type's zero.
            const present = value ?? (SCALAR_TYPES.has(field.type) ? zero(field.type) : EMPTY);
            out[key] = single(field.type, present, `${where}[${JSON.stringify(key)}]`, depth) ?? null;
        }
        return out;
    }
    if (field.repeated) {
        if (!got?.length)
            return undefined;
        return got.map((v, i) => single(field.type, v, `${where}[${i}]`, depth) ?? null);
    }
    if (SCALAR_TYPES.has(field.type)) {
        if (got) {
            const value = got[got.length - 1];
            if (field.omitempty && !field.pointer && isZero(value))
                return undefined;
            return scalarJson(field.type, value);
        }
        if (field.pointer || field.omitempty || field.type === 'bytes')
            return undefined;
        return scalarJson(field.type, zero(field.type));
    }
    if (!got) {
        // A pointer left nil, or an omitzero struct at its zero: Go writes nothing. Any other struct it writes.
        if (field.pointer || field.omitzero)
            return undefined;
        return decodeMessage(field.type, EMPTY, where, depth + 1);
    }
    return decodeMessage(field.type, joined(got), where, depth + 1);
}
/** A repeated element or map value: scalars as JSON, messages decoded. */
function single(type, value, where, depth) {
    if (SCALAR_TYPES.has(type))
        return scalarJson(type, value);
    return decodeMessage(type, value, where, depth + 1);
}
function mapEntry(field, entry, where) {
    const reader = new ProtoReader(entry, where);
    let key = '';
    let value;
    while (!reader.done()) {
        const { number, wire } = reader.tag();
        if (number === 1 && wire === WIRE_BYTES)
            key = decode_text(reader.bytes(), where);
        else if (number === 2)
            value = readValue(reader, field.type, wire, `${where}[${JSON.stringify(key)}]`, false)[0];
        else
            throw new ProtobufError('malformed', `${where}: a map entry with field ${number} (wire type ${wire})`);
    }
    return { key, value };
}
/** Field number → values in arrival order (scalars decoded, messages as bytes). */
function readFields(message, bytes, where) {
    const reader = new ProtoReader(bytes, where);
    const values = new Map();
    while (!reader.done()) {
        const { number, wire } = reader.tag();
        const field = message.byNumber.get(number);
        if (!field)
            throw new ProtobufError('unknown-field', `${where}: field number ${number} is not a field of ${message.name} (the server's table knows ${[...message.byNumber.keys()].join(', ')})`);
        const got = readValue(reader, field.map ? 'map' : field.type, wire, `${where}.${field.json || field.type}`, field.repeated);
        const list = values.get(number);
        if (list)
            list.push(...got);
        else
            values.set(number, got);
    }
    return values;
}
const VARINT_TYPES = new Set(['int32', 'int64', 'bool']);
function readValue(reader, type, wire, where, repeated) {
    const expected = VARINT_TYPES.has(type) ? WIRE_VARINT : type === 'double' ? WIRE_FIXED64 : WIRE_BYTES;
    if (wire === expected)
        return [readScalar(reader, type, where)];
    // Repeated numbers may come packed: one length-delimited run of values.
    if (repeated && wire === WIRE_BYTES && expected !== WIRE_BYTES) {
        const packed = new ProtoReader(reader.bytes(), where);
        const out = [];
        while (!packed.done())
            out.push(readScalar(packed, type, where));
        return out;
    }
    throw new ProtobufError('malformed', `${where}: wire type ${wire} where ${type} needs wire type ${expected}`);
}
function readScalar(reader, type, where) {
    switch (type) {
        case 'int32':
            return reader.signed(32);
        case 'int64':
            return reader.signed(64);
        case 'bool':
            return reader.varint() !== 0;
        case 'double':
            return reader.double();
        case 'string':
            return decode_text(reader.bytes(), where);
        default:
            return reader.bytes();
    }
}
function decode_text(bytes, where) {
    try {
        return utf8.decode(bytes);
    }
    catch {
        throw new ProtobufError('malformed', `${where}: a string that is not UTF-8`);
    }
}
/** Occurrences of one message field merge, as protobuf says: their bytes concatenated. */
function joined(got) {
    if (!got?.length)
        return EMPTY;
    return got.length === 1 ? got[0] : Buffer.concat(got);
}
function zero(type) {
    return type === 'string' ? '' : type === 'bool' ? false : type === 'bytes' ? EMPTY : 0;
}
function isZero(value) {
    return (value === '' || value === 0 || value === false || (value instanceof Uint8Array && value.length === 0));
}
/** Bytes are base64 in JSON. */
function scalarJson(type, value) {
    return type === 'bytes' ? Buffer.from(value).toString('base64') : value;
}

;// CONCATENATED MODULE: ./src/embedded-cluster/protobuf/encode.ts
/**
 * JSON objects to protobuf bytes, for clients that accept only protobuf. Every JSON field must have a
 * protobuf field: the emulator keeps fields a real server would prune, and dropping one silently would
 * hand the client a different object than a JSON client gets, so an unknown one is an error naming it.
 */





/** The magic, then a runtime.Unknown naming the object's kind and carrying its message. */
function encodeObject(object) {
    const { apiVersion, kind, ...body } = object;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string')
        throw new ProtobufError('unknown-kind', 'an object without apiVersion and kind cannot be sent as protobuf');
    const message = kubernetesSchema().messageOfKind(apiVersion, kind);
    if (!message)
        throw new ProtobufError('unknown-kind', `the server has no protobuf form for ${apiVersion}, Kind=${kind}`);
    const envelope = new ProtoWriter();
    const typeMeta = new ProtoWriter();
    typeMeta.stringField(1, apiVersion);
    typeMeta.stringField(2, kind);
    envelope.bytesField(1, typeMeta.finish());
    envelope.bytesField(2, encodeMessage(message, body, kind));
    // contentEncoding and contentType stay empty: the raw bytes are this same protobuf, unencoded.
    envelope.stringField(3, '');
    envelope.stringField(4, '');
    return Buffer.concat([MAGIC, envelope.finish()]);
}
function encodeMessage(name, value, where, depth = 0) {
    if (depth > MAX_DEPTH)
        throw new ProtobufError('bad-value', `${where}: nested more than ${MAX_DEPTH} levels`);
    const message = kubernetesSchema().message(name);
    const writer = new ProtoWriter();
    if (message.custom) {
        const fields = WELL_KNOWN[name].fromJson(value, where);
        for (const field of message.fields)
            writeField(writer, field, fields[field.json], `${where}.${field.json}`, depth);
        return writer.finish();
    }
    if (!isObject(value))
        throw new ProtobufError('bad-value', `${where}: expected an object`);
    const slots = new Map();
    for (const [key, v] of Object.entries(value)) {
        const field = jsonIndex(message).get(key);
        if (!field) {
            // TypeMeta is JSON-only: embedded objects (list items, event objects) may still carry it.
            if (key === 'apiVersion' || key === 'kind')
                continue;
            throw new ProtobufError('unknown-field', `${where}: field "${key}" has no protobuf field in ${message.name}; ask for application/json to read it`);
        }
        if (field.inline) {
            const part = (slots.get(field) ?? {});
            part[key] = v;
            slots.set(field, part);
        }
        else
            slots.set(field, v);
    }
    const ordered = [...slots].sort(([a], [b]) => a.number - b.number);
    for (const [field, v] of ordered)
        writeField(writer, field, v, field.inline ? where : `${where}.${field.json}`, depth);
    return writer.finish();
}
function writeField(writer, field, value, where, depth) {
    if (value === undefined || value === null)
        return;
    if (field.map) {
        if (!isObject(value))
            throw new ProtobufError('bad-value', `${where}: expected an object (a map)`);
        for (const key of Object.keys(value).sort()) {
            const entry = new ProtoWriter();
            entry.stringField(1, key);
            const v = value[key];
            if (v !== null && v !== undefined)
                writeSingle(entry, 2, field.type, v, `${where}[${JSON.stringify(key)}]`, depth);
            writer.bytesField(field.number, entry.finish());
        }
        return;
    }
    if (field.repeated) {
        if (!Array.isArray(value))
            throw new ProtobufError('bad-value', `${where}: expected an array`);
        // Only raw JSON elements (a schema's enum values) can be null; a null object or string is a mistake.
        const nullable = !SCALAR_TYPES.has(field.type) && kubernetesSchema().message(field.type).custom;
        value.forEach((v, i) => {
            if ((v === null || v === undefined) && !nullable)
                throw new ProtobufError('bad-value', `${where}[${i}]: null in a list`);
            writeSingle(writer, field.number, field.type, v, `${where}[${i}]`, depth);
        });
        return;
    }
    writeSingle(writer, field.number, field.type, value, where, depth);
}
function writeSingle(writer, number, type, value, where, depth) {
    const wrong = (what) => new ProtobufError('bad-value', `${where}: expected ${what}`);
    switch (type) {
        case 'string':
            if (typeof value !== 'string')
                throw wrong('a string');
            return writer.stringField(number, value);
        case 'bool':
            if (typeof value !== 'boolean')
                throw wrong('true or false');
            return writer.varintField(number, value);
        case 'int32':
        case 'int64': {
            const limit = type === 'int32' ? 2 ** 31 : 2 ** 63;
            if (typeof value !== 'number' || !Number.isInteger(value) || value >= limit || value < -limit)
                throw wrong(`an integer (${type})`);
            return writer.varintField(number, value);
        }
        case 'double':
            if (typeof value !== 'number')
                throw wrong('a number');
            return writer.doubleField(number, value);
        case 'bytes':
            return writer.bytesField(number, bytesOf(value, where));
        default:
            if (SCALAR_TYPES.has(type))
                throw wrong(type);
            return writer.bytesField(number, encodeMessage(type, value, where, depth + 1));
    }
}
/** JSON carries bytes as base64; well-known conversions hand over bytes themselves. */
function bytesOf(value, where) {
    if (value instanceof Uint8Array)
        return value;
    if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 === 1)
        throw new ProtobufError('bad-value', `${where}: expected base64 data`);
    return Buffer.from(value, 'base64');
}
const indexes = new Map();
/** JSON name → the field that carries it: its own, or the inlined struct it belongs to. */
function jsonIndex(message) {
    let index = indexes.get(message.name);
    if (index)
        return index;
    index = new Map();
    for (const field of message.fields) {
        if (!field.inline)
            index.set(field.json, field);
        else
            for (const name of jsonIndex(kubernetesSchema().message(field.type)).keys())
                index.set(name, field);
    }
    indexes.set(message.name, index);
    return index;
}
function isObject(value) {
    return (typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array));
}

;// CONCATENATED MODULE: ./src/embedded-cluster/protobuf/http.ts
/**
 * What the HTTP server asks of protobuf: is a body or an Accept header about protobuf, decode a request
 * body, encode a response. Codec errors become the Status a client can act on.
 */




const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';
function mediaTypes(header) {
    return header
        .split(',')
        .map((part) => {
        const [type = '', ...params] = part.split(';');
        return { type: type.trim().toLowerCase(), params: params.join(';').replace(/\s/g, '').toLowerCase() };
    })
        .filter((m) => m.type && !/(^|;)q=0(\.0*)?($|;)/.test(m.params));
}
function isProtobuf(contentType) {
    return mediaTypes(contentType ?? '')[0]?.type === PROTOBUF_MEDIA_TYPE;
}
/**
 * Whether the response must be protobuf: the client accepts protobuf and nothing JSON can answer.
 * kubectl's typed clients send `protobuf, application/json`; JSON, the default, serves them.
 */
function acceptsOnlyProtobuf(accept) {
    const types = mediaTypes(accept ?? '');
    const jsonWill = types.some((m) => ['application/json', 'application/yaml', '*/*', 'application/*'].includes(m.type));
    return !jsonWill && types.some((m) => m.type === PROTOBUF_MEDIA_TYPE);
}
/** A request body in protobuf as the JSON object the rest of the server works on. */
function decodeProtobufBody(body) {
    if (body.length === 0)
        return undefined;
    try {
        return decodeObject(body);
    }
    catch (err) {
        throw asApiError(err, 'request');
    }
}
/** A response body in protobuf. Objects without a kind (/version) are not protobuf in Kubernetes either. */
function encodeProtobufBody(body) {
    const object = body;
    if (!object || typeof object.kind !== 'string')
        return undefined;
    try {
        return Buffer.from(encodeObject(object));
    }
    catch (err) {
        throw asApiError(err, 'response');
    }
}
function protobufWatchRefused() {
    return new ApiError(406, 'NotAcceptable', `the embedded cluster streams watches as JSON only; accept application/json (this request accepts only ${PROTOBUF_MEDIA_TYPE})`);
}
function asApiError(err, side) {
    if (!(err instanceof ProtobufError))
        return err;
    if (side === 'response')
        return new ApiError(406, 'NotAcceptable', `${err.message} (the request accepts only ${PROTOBUF_MEDIA_TYPE})`);
    if (err.reason === 'unknown-kind' || err.reason === 'unsupported')
        return new ApiError(415, 'UnsupportedMediaType', err.message);
    return badRequest(`the protobuf request body could not be decoded: ${err.message}`);
}

;// CONCATENATED MODULE: ./src/embedded-cluster/api/http-server.ts















/** Responses to clients that accept only protobuf (kubectl's typed clients accept JSON too). */
const protobufReplies = new WeakSet();
function sendJson(res, status, body, warnings = []) {
    const encoded = protobufReplies.has(res) ? encodeProtobufBody(body) : undefined;
    const text = encoded ?? JSON.stringify(body);
    const headers = {
        'Content-Type': encoded ? PROTOBUF_MEDIA_TYPE : 'application/json',
        'Content-Length': Buffer.byteLength(text),
    };
    if (warnings.length)
        headers.Warning = warnings.map((w) => `299 - ${JSON.stringify(w)}`);
    res.writeHead(status, headers);
    res.end(text);
}
function sendError(res, err) {
    const headers = {};
    if (err.details?.retryAfterSeconds)
        headers['Retry-After'] = String(err.details.retryAfterSeconds);
    const encoded = protobufReplies.has(res) ? encodeProtobufBody(err.toStatus()) : undefined;
    const text = encoded ?? JSON.stringify(err.toStatus());
    res.writeHead(err.code, {
        'Content-Type': encoded ? PROTOBUF_MEDIA_TYPE : 'application/json',
        'Content-Length': Buffer.byteLength(text),
        ...headers,
    });
    res.end(text);
}
/** The API server's limit on a request body (its MaxRequestBodyBytes default, 3 MiB). */
const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024;
/**
 * The whole body. Read through the stream's events, not `for await`: an async iterator per request was a
 * twentieth of the server's CPU in a sync of thousands of objects.
 */
function readBody(req) {
    return new Promise((resolve, reject) => {
        // Gone already (a client that gave up during the latency fault): no event would come.
        if (req.destroyed && !req.complete)
            return reject(new Error('the client closed the connection before the end of its request'));
        const chunks = [];
        let size = 0;
        // The rest of an oversized body is read and dropped, so that the client gets the answer, not a reset.
        req.on('data', (chunk) => {
            size += chunk.length;
            if (size <= MAX_REQUEST_BODY_BYTES)
                chunks.push(chunk);
        });
        req.on('end', () => {
            if (size > MAX_REQUEST_BODY_BYTES)
                reject(requestEntityTooLarge(MAX_REQUEST_BODY_BYTES));
            else
                resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
        });
        req.on('error', reject);
        // A client gone before the end of its body: no 'end' comes (settling twice changes nothing).
        req.on('close', () => {
            if (!req.complete)
                reject(new Error('the client closed the connection before the end of its request'));
        });
    });
}
function parseBody(body, contentType) {
    if (isProtobuf(contentType))
        return decodeProtobufBody(body);
    const media = contentType.split(';')[0].trim();
    if (media.includes('protobuf') || media.includes('cbor')) {
        throw new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, ${PROTOBUF_MEDIA_TYPE} (the embedded cluster does not speak ${media}; send JSON)`);
    }
    const text = body.toString('utf8');
    if (!text.trim())
        return undefined;
    try {
        // Clients send server-side apply's YAML as JSON (which YAML includes): parsed as such, it costs a
        // tenth of the YAML parser's time, the larger part of the server's work on an apply.
        if (media.includes('yaml'))
            return looksLikeJson(text) ? parseJsonOrYaml(text) : (0,js_yaml/* load */.Hh)(text);
        return JSON.parse(text);
    }
    catch (err) {
        throw badRequest(`the request body could not be decoded: ${err.message}`);
    }
}
function looksLikeJson(text) {
    const first = text.trimStart()[0];
    return first === '{' || first === '[';
}
function parseJsonOrYaml(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return (0,js_yaml/* load */.Hh)(text); // YAML flow style is not always JSON: its parser decides, and words the error
    }
}
function stripForList(obj) {
    const { apiVersion: _a, kind: _k, ...rest } = obj;
    return rest;
}
class ClusterHttpServer {
    options;
    server;
    requests = [];
    /** Counts of every request served, by verb and answer (`/metrics`). */
    metrics = new RequestMetrics();
    openStreams = new Set();
    sockets = new Set();
    constructor(options) {
        this.options = options;
        const handler = (req, res) => void this.handle(req, res);
        this.server = options.tls
            ? external_node_https_default().createServer({
                cert: options.tls.cert,
                key: options.tls.key,
                ...(options.clientCA
                    ? { ca: options.clientCA, requestCert: true, rejectUnauthorized: false }
                    : {}),
            }, handler)
            : external_node_http_default().createServer(handler);
        this.server.on('connection', (socket) => {
            this.sockets.add(socket);
            socket.on('close', () => this.sockets.delete(socket));
        });
    }
    async listen(port, host = '127.0.0.1') {
        await new Promise((resolve, reject) => {
            this.server.once('error', reject);
            this.server.listen(port, host, () => resolve());
        });
        const address = this.server.address();
        return `${this.options.tls ? 'https' : 'http'}://${host}:${address.port}`;
    }
    async close() {
        for (const res of this.openStreams)
            res.end();
        for (const socket of this.sockets)
            socket.destroy();
        await new Promise((resolve) => this.server.close(() => resolve()));
    }
    get api() {
        return this.options.api;
    }
    record(req, status) {
        this.metrics.count(req.method ?? 'GET', req.url ?? '', status);
        this.requests.push({
            method: req.method ?? 'GET',
            path: req.url ?? '',
            status,
            userAgent: String(req.headers['user-agent'] ?? ''),
        });
        if (this.requests.length > 5000)
            this.requests.splice(0, 1000);
    }
    async handle(req, res) {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (acceptsOnlyProtobuf(req.headers.accept))
            protobufReplies.add(res);
        const isProbe = url.pathname === '/version' ||
            url.pathname === '/healthz' ||
            url.pathname === '/readyz' ||
            url.pathname === '/livez';
        if (url.pathname === '/metrics') {
            res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
            res.end(this.metrics.render());
            return;
        }
        try {
            if (!isProbe) {
                const { latencyMs } = this.options.faults.settings;
                if (latencyMs > 0)
                    await new Promise((r) => setTimeout(r, latencyMs));
                const fault = this.options.faults.roll(isWrite(req.method));
                const answer = faultAnswer(fault, this.options.faults);
                if (answer === 'reset') {
                    this.record(req, 0);
                    req.socket.destroy();
                    return;
                }
                if (answer) {
                    this.record(req, answer.code);
                    sendError(res, answer);
                    return;
                }
                if (fault === 'lost-response')
                    loseResponse(req, res);
                const certified = this.options.clientCA !== undefined && req.socket.authorized === true;
                const tokenOk = this.options.requireToken !== undefined &&
                    req.headers.authorization === `Bearer ${this.options.requireToken}`;
                if ((this.options.requireToken !== undefined || this.options.clientCA !== undefined) &&
                    !certified &&
                    !tokenOk) {
                    this.record(req, 401);
                    sendError(res, new ApiError(401, 'Unauthorized', 'Unauthorized'));
                    return;
                }
            }
            const status = await this.route(req, res, url);
            this.record(req, status);
        }
        catch (err) {
            const apiErr = err instanceof ApiError
                ? err
                : new ApiError(500, 'InternalError', `an error on the server ("${err.message}") has prevented the request from succeeding`);
            if (!(err instanceof ApiError))
                console.error(err);
            this.record(req, apiErr.code);
            if (!res.headersSent)
                sendError(res, apiErr);
            else
                res.end();
        }
    }
    async route(req, res, url) {
        const path = url.pathname.replace(/\/+$/, '') || '/';
        const method = req.method ?? 'GET';
        const registry = this.api.registry;
        const host = req.headers.host ?? '127.0.0.1';
        if (path === '/version')
            return this.reply(res, 200, SERVER_VERSION);
        if (path === '/healthz' || path === '/livez' || path === '/readyz') {
            res.writeHead(200, { 'Content-Type': 'text/plain' });
            res.end('ok');
            return 200;
        }
        if (path === '/api')
            return this.reply(res, 200, apiVersions(host));
        if (path === '/apis')
            return this.reply(res, 200, apiGroupList(registry));
        if (path === '/openapi/v3')
            return this.reply(res, 200, openApiIndex(registry));
        if (path.startsWith('/openapi/v3/')) {
            const parts = path.slice('/openapi/v3/'.length).split('/');
            const doc = parts[0] === 'api'
                ? openApiDocument(registry, '', parts[1] ?? '')
                : openApiDocument(registry, parts[1] ?? '', parts[2] ?? '');
            if (!doc)
                throw pageNotFound();
            return this.reply(res, 200, doc);
        }
        const segments = path.split('/').filter(Boolean);
        let group;
        let version;
        let rest;
        if (segments[0] === 'api' && segments.length >= 2) {
            group = '';
            version = segments[1];
            rest = segments.slice(2);
        }
        else if (segments[0] === 'apis' && segments.length >= 2) {
            group = segments[1];
            if (segments.length === 2) {
                const doc = apiGroup(registry, group);
                if (!doc)
                    throw pageNotFound();
                return this.reply(res, 200, doc);
            }
            version = segments[2];
            rest = segments.slice(3);
        }
        else
            throw pageNotFound();
        if (rest.length === 0) {
            const doc = apiResourceList(registry, group, version);
            if (!doc)
                throw pageNotFound();
            return this.reply(res, 200, doc);
        }
        if (group === ACCESS_REVIEW_GROUP) {
            const body = parseBody(await readBody(req), String(req.headers['content-type'] ?? 'application/json'));
            const review = serveAccessReview(method, rest[0], body, this.options.access, url.searchParams.get('fieldValidation') ?? undefined);
            return this.reply(res, 201, review);
        }
        const route = this.resolve(group, version, rest);
        return this.dispatch(req, res, url, method, route);
    }
    resolve(group, version, rest) {
        const registry = this.api.registry;
        let watchPrefix = false;
        if (rest[0] === 'watch') {
            watchPrefix = true;
            rest = rest.slice(1);
        }
        let namespace;
        if (rest[0] === 'namespaces' && rest.length >= 3) {
            const candidate = registry.byResource(group, version, rest[2]);
            if (candidate?.namespaced) {
                namespace = rest[1];
                rest = rest.slice(2);
            }
        }
        const type = registry.byResource(group, version, rest[0]);
        if (!type)
            throw pageNotFound();
        if (rest.length > 3)
            throw pageNotFound();
        return { type, namespace, name: rest[1], subresource: rest[2], watchPrefix };
    }
    reply(res, status, body, warnings = []) {
        sendJson(res, status, body, warnings);
        return status;
    }
    writeOptions(url, req, subresource) {
        const q = url.searchParams;
        const dryRun = q.getAll('dryRun');
        const ua = String(req.headers['user-agent'] ?? '');
        return {
            dryRun: dryRun.includes('All'),
            fieldManager: q.get('fieldManager') ?? (ua.split('/')[0] || undefined),
            fieldValidation: q.get('fieldValidation') ?? undefined,
            force: q.get('force') === 'true',
            subresource: subresource === 'status' ? 'status' : undefined,
            warnings: [],
        };
    }
    async dispatch(req, res, url, method, route) {
        const type = route.type;
        const q = url.searchParams;
        const { namespace, name, subresource } = route;
        if (subresource && !['status', 'log', 'finalize', 'scale'].includes(subresource))
            throw pageNotFound();
        this.options.access?.check(verbOf(method, name, url), type.group, subresource ? `${type.plural}/${subresource}` : type.plural, namespace, name);
        if (subresource === 'status' && !type.statusSubresource)
            throw pageNotFound();
        if (subresource === 'log' && !(type.group === '' && type.kind === 'Pod'))
            throw pageNotFound();
        if (subresource === 'scale') {
            if (!name || !hasScaleSubresource(type))
                throw pageNotFound();
            const contentType = String(req.headers['content-type'] ?? 'application/json');
            const body = method === 'GET' ? undefined : parseBody(await readBody(req), contentType);
            const options = this.writeOptions(url, req);
            const scale = serveScale(this.api, { method, type, namespace, name, contentType, body, options });
            return this.reply(res, 200, scale, options.warnings);
        }
        if (!name) {
            if (method === 'GET') {
                if (route.watchPrefix || q.get('watch') === 'true' || q.get('watch') === '1')
                    return this.watch(req, res, url, type, namespace);
                return this.list(req, res, url, type, namespace);
            }
            if (method === 'POST') {
                const options = this.writeOptions(url, req);
                const body = parseBody(await readBody(req), String(req.headers['content-type'] ?? 'application/json'));
                const created = this.api.create(type, namespace, body, options);
                return this.reply(res, options.dryRun ? 200 : 201, created, options.warnings);
            }
            if (method === 'DELETE') {
                const deleted = [];
                const options = await this.deleteOptions(req, url);
                for (const obj of this.api.list(type, namespace, {
                    labelSelector: q.get('labelSelector'),
                    fieldSelector: q.get('fieldSelector'),
                })) {
                    deleted.push(this.api.delete(type, obj.metadata.namespace, obj.metadata.name, options).object);
                }
                return this.reply(res, 200, {
                    kind: `${type.kind}List`,
                    apiVersion: apiVersionOf(type),
                    metadata: { resourceVersion: String(this.api.store.resourceVersion) },
                    items: deleted.map(stripForList),
                });
            }
            throw methodNotAllowed();
        }
        if (subresource === 'log') {
            if (method !== 'GET')
                throw methodNotAllowed();
            this.api.get(type, namespace, name);
            return this.podLog(req, res, url, namespace, name);
        }
        switch (method) {
            case 'GET': {
                const obj = this.api.get(type, namespace, name);
                if (wantsTable(String(req.headers.accept ?? '')))
                    return this.reply(res, 200, toTable(type, [obj], String(obj.metadata.resourceVersion), true, q.get('includeObject')));
                return this.reply(res, 200, obj);
            }
            case 'PUT': {
                const options = this.writeOptions(url, req, subresource);
                const body = parseBody(await readBody(req), String(req.headers['content-type'] ?? 'application/json'));
                if (subresource === 'finalize') {
                    // Namespaces: spec.finalizers is what the namespace controller waits on.
                    const current = this.api.get(type, undefined, name);
                    const next = {
                        ...current,
                        spec: {
                            ...current.spec,
                            finalizers: body?.spec?.finalizers ?? [],
                        },
                    };
                    return this.reply(res, 200, this.api.update(type, undefined, name, next, options), options.warnings);
                }
                return this.reply(res, 200, this.api.update(type, namespace, name, body, options), options.warnings);
            }
            case 'PATCH': {
                const options = this.writeOptions(url, req, subresource);
                const contentType = String(req.headers['content-type'] ?? '');
                const body = parseBody(await readBody(req), contentType);
                const exists = !!this.api.tryGet(type, namespace, name);
                const result = this.api.patch(type, namespace, name, contentType, body, options);
                return this.reply(res, !exists && !options.dryRun ? 201 : 200, result, options.warnings);
            }
            case 'DELETE': {
                const options = await this.deleteOptions(req, url);
                const { object, code } = this.api.delete(type, namespace, name, options);
                const warnings = options.warnings ?? [];
                if (code === 200 && !(type.group === '' && type.kind === 'Pod')) {
                    return this.reply(res, 200, {
                        kind: 'Status',
                        apiVersion: 'v1',
                        metadata: {},
                        status: 'Success',
                        details: { name, group: type.group, kind: type.plural, uid: object.metadata.uid },
                    }, warnings);
                }
                return this.reply(res, code, object, warnings);
            }
            default:
                throw methodNotAllowed();
        }
    }
    async deleteOptions(req, url) {
        const q = url.searchParams;
        const body = parseBody(await readBody(req), String(req.headers['content-type'] ?? 'application/json'));
        let policy = (q.get('propagationPolicy') ?? body?.propagationPolicy);
        if (!policy && (q.get('orphanDependents') === 'true' || body?.orphanDependents === true))
            policy = 'Orphan';
        if (policy && !['Foreground', 'Background', 'Orphan'].includes(policy)) {
            throw badRequest(`propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`);
        }
        return {
            propagationPolicy: policy,
            dryRun: q.getAll('dryRun').includes('All') || (body?.dryRun ?? []).includes('All'),
            preconditions: body?.preconditions,
            warnings: [],
        };
    }
    list(req, res, url, type, namespace) {
        const q = url.searchParams;
        const rv = String(this.api.store.resourceVersion);
        let items = this.api.list(type, namespace, {
            labelSelector: q.get('labelSelector'),
            fieldSelector: q.get('fieldSelector'),
        });
        const limit = Number(q.get('limit') ?? 0);
        let start = 0;
        const token = q.get('continue');
        if (token) {
            try {
                start = JSON.parse(Buffer.from(token, 'base64').toString('utf8')).start;
            }
            catch {
                throw badRequest('the provided continue parameter is not valid');
            }
        }
        let next;
        if (limit > 0 && start + limit < items.length)
            next = Buffer.from(JSON.stringify({ start: start + limit })).toString('base64');
        items = limit > 0 ? items.slice(start, start + limit) : items.slice(start);
        if (wantsTable(String(req.headers.accept ?? ''))) {
            const table = toTable(type, items, rv, true, q.get('includeObject'));
            return this.reply(res, 200, next ? { ...table, metadata: { ...table.metadata, continue: next } } : table);
        }
        return this.reply(res, 200, {
            kind: `${type.kind}List`,
            apiVersion: apiVersionOf(type),
            metadata: { resourceVersion: rv, ...(next ? { continue: next } : {}) },
            items: items.map(stripForList),
        });
    }
    watch(req, res, url, type, namespace) {
        const q = url.searchParams;
        const store = this.api.store;
        const gk = groupKind(type.group, type.kind);
        const labels = parseLabelSelector(q.get('labelSelector'));
        const fields = parseFieldSelector(q.get('fieldSelector'));
        const ns = type.namespaced ? namespace : undefined;
        const matches = (o) => !!o &&
            (ns === undefined || o.metadata.namespace === ns) &&
            (!labels || labels(o.metadata.labels ?? {})) &&
            (!fields || fields(o));
        const table = wantsTable(String(req.headers.accept ?? ''));
        if (protobufReplies.has(res))
            throw protobufWatchRefused();
        let first = true;
        res.writeHead(200, {
            'Content-Type': 'application/json',
            'Transfer-Encoding': 'chunked',
            'Cache-Control': 'no-cache',
        });
        res.flushHeaders();
        this.openStreams.add(res);
        const write = (eventType, obj) => {
            const presented = this.api.present(type, obj);
            const object = table
                ? toTable(type, [presented], String(obj.metadata.resourceVersion), first, q.get('includeObject'))
                : presented;
            first = false;
            const line = JSON.stringify({ type: eventType, object }) + '\n';
            // A lagging watch cache: events reach watchers after the writes' own responses (same order).
            const lag = this.options.faults.settings.watchDelayMs;
            if (lag > 0)
                setTimeout(() => {
                    if (!res.writableEnded)
                        res.write(line);
                }, lag);
            else
                send(line);
        };
        // The events of one turn of the event loop go out in one write (a thousand writes in a burst were a
        // thousand chunks and system calls on both sides), in order, before anything written after them.
        let pending = [];
        const flush = () => {
            const lines = pending;
            pending = [];
            if (lines.length && !res.writableEnded && !res.destroyed)
                res.write(lines.join(''));
        };
        const send = (line) => {
            if (pending.length === 0)
                setImmediate(flush);
            pending.push(line);
        };
        const translate = (e) => {
            const now = matches(e.object);
            const before = e.type === 'MODIFIED' && matches(e.previous);
            if (e.type === 'DELETED') {
                if (matches(e.previous ?? e.object))
                    write('DELETED', e.object);
            }
            else if (e.type === 'ADDED') {
                if (now)
                    write('ADDED', e.object);
            }
            else if (now && before)
                write('MODIFIED', e.object);
            else if (now && !before)
                write('ADDED', e.object);
            else if (!now && before)
                write('DELETED', e.object);
        };
        const rvParam = q.get('resourceVersion');
        let unsubscribe = () => { };
        const timers = [];
        const stop = () => {
            unsubscribe();
            for (const t of timers)
                clearInterval(t);
            this.openStreams.delete(res);
            flush();
            if (!res.writableEnded)
                res.end();
        };
        req.on('close', stop);
        res.on('error', stop);
        if (rvParam && rvParam !== '0') {
            const since = Number(rvParam);
            // A resume from a version compacted away (or made to look so by the watchGoneRate fault): 410.
            const replay = Number.isFinite(since) && !this.options.faults.rollGone() ? store.eventsSince(since, gk) : undefined;
            if (!replay) {
                const err = gone(`too old resource version: ${rvParam} (${store.oldestResumableRv})`);
                send(JSON.stringify({ type: 'ERROR', object: err.toStatus() }) + '\n');
                stop();
                return 200;
            }
            for (const e of replay)
                translate(e);
        }
        else {
            for (const obj of this.api.list(type, namespace, {
                labelSelector: q.get('labelSelector'),
                fieldSelector: q.get('fieldSelector'),
            })) {
                write('ADDED', this.api.tryGet(type, obj.metadata.namespace, obj.metadata.name) ?? obj);
            }
        }
        unsubscribe = store.subscribe((e) => {
            if (e.gk === gk)
                translate(e);
        });
        if (q.get('allowWatchBookmarks') === 'true') {
            const every = this.options.bookmarkIntervalMs ?? 5000;
            const timer = setInterval(() => {
                const bookmark = {
                    kind: type.kind,
                    apiVersion: apiVersionOf(type),
                    metadata: { resourceVersion: String(store.resourceVersion) },
                };
                send(JSON.stringify({ type: 'BOOKMARK', object: bookmark }) + '\n');
            }, every);
            timers.push(timer);
        }
        const timeoutSeconds = Number(q.get('timeoutSeconds') ?? 0);
        if (timeoutSeconds > 0)
            timers.push(setTimeout(stop, timeoutSeconds * 1000));
        const cut = this.options.faults.settings.watchCutMs;
        if (cut > 0)
            timers.push(setTimeout(() => {
                if (!res.writableEnded)
                    this.options.faults.count('watch-cut');
                stop();
            }, cut));
        return 200;
    }
    podLog(req, res, url, namespace, pod) {
        const ctx = { logs: this.options.logs, faults: this.options.faults, streams: this.openStreams };
        return servePodLog(req, res, url, ctx, namespace, pod);
    }
}

/** The Kubernetes verb of a request, as RBAC names it. */
function verbOf(method, name, url) {
    const watching = url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1';
    switch (method) {
        case 'GET':
            return name ? 'get' : watching ? 'watch' : 'list';
        case 'POST':
            return 'create';
        case 'PUT':
            return 'update';
        case 'PATCH':
            return 'patch';
        case 'DELETE':
            return name ? 'delete' : 'deletecollection';
        default:
            return method.toLowerCase();
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/defaults.ts
function rec(parent, field) {
    const v = parent[field];
    if (typeof v === 'object' && v !== null && !Array.isArray(v))
        return v;
    const created = {};
    parent[field] = created;
    return created;
}
function setDefault(target, field, value) {
    if (target[field] === undefined)
        target[field] = value;
}
function defaultContainer(c) {
    setDefault(c, 'terminationMessagePath', '/dev/termination-log');
    setDefault(c, 'terminationMessagePolicy', 'File');
    const image = typeof c.image === 'string' ? c.image : '';
    const tag = image.includes('@') ? 'digest' : (image.split('/').pop() ?? '').split(':')[1];
    setDefault(c, 'imagePullPolicy', !tag || tag === 'latest' ? 'Always' : 'IfNotPresent');
    if (Array.isArray(c.ports))
        for (const p of c.ports)
            setDefault(p, 'protocol', 'TCP');
}
function defaultPodSpec(spec) {
    setDefault(spec, 'restartPolicy', 'Always');
    setDefault(spec, 'dnsPolicy', 'ClusterFirst');
    setDefault(spec, 'schedulerName', 'default-scheduler');
    setDefault(spec, 'terminationGracePeriodSeconds', 30);
    setDefault(spec, 'securityContext', {});
    for (const list of ['containers', 'initContainers']) {
        if (Array.isArray(spec[list]))
            for (const c of spec[list])
                if (c && typeof c === 'object')
                    defaultContainer(c);
    }
}
function defaultTemplate(spec) {
    const template = rec(spec, 'template');
    rec(template, 'metadata');
    defaultPodSpec(rec(template, 'spec'));
}
function applyCreateDefaults(type, obj, ctx) {
    const spec = () => rec(obj, 'spec');
    switch (`${type.group}/${type.kind}`) {
        case '/Pod': {
            defaultPodSpec(spec());
            obj.status = { phase: 'Pending', qosClass: 'BestEffort' };
            break;
        }
        case '/Namespace': {
            setDefault(spec(), 'finalizers', ['kubernetes']);
            obj.status = { phase: 'Active' };
            obj.metadata.labels = {
                ...(obj.metadata.labels ?? {}),
                'kubernetes.io/metadata.name': obj.metadata.name,
            };
            break;
        }
        case '/Secret': {
            setDefault(obj, 'type', 'Opaque');
            if (obj.stringData && typeof obj.stringData === 'object') {
                const data = rec(obj, 'data');
                for (const [k, v] of Object.entries(obj.stringData))
                    data[k] = Buffer.from(String(v)).toString('base64');
                delete obj.stringData;
            }
            break;
        }
        case '/Service': {
            const s = spec();
            setDefault(s, 'type', 'ClusterIP');
            setDefault(s, 'sessionAffinity', 'None');
            if (s.type !== 'ExternalName') {
                if (s.clusterIP === undefined)
                    s.clusterIP = ctx.allocateClusterIP();
                setDefault(s, 'clusterIPs', [s.clusterIP]);
                setDefault(s, 'ipFamilies', ['IPv4']);
                setDefault(s, 'ipFamilyPolicy', 'SingleStack');
                setDefault(s, 'internalTrafficPolicy', 'Cluster');
            }
            if (Array.isArray(s.ports)) {
                for (const p of s.ports) {
                    setDefault(p, 'protocol', 'TCP');
                    setDefault(p, 'targetPort', p.port);
                    if (s.type === 'NodePort' || s.type === 'LoadBalancer')
                        setDefault(p, 'nodePort', 30000 + Math.floor(ctx.random.next() * 2767));
                }
            }
            if (s.type === 'LoadBalancer')
                setDefault(s, 'externalTrafficPolicy', 'Cluster');
            obj.status = { loadBalancer: {} };
            break;
        }
        case '/PersistentVolumeClaim': {
            setDefault(spec(), 'volumeMode', 'Filesystem');
            setDefault(spec(), 'storageClassName', 'standard');
            obj.status = { phase: 'Pending' };
            break;
        }
        case 'batch/Job': {
            const s = spec();
            setDefault(s, 'parallelism', 1);
            setDefault(s, 'completions', 1);
            setDefault(s, 'backoffLimit', 6);
            setDefault(s, 'completionMode', 'NonIndexed');
            setDefault(s, 'suspend', false);
            setDefault(s, 'podReplacementPolicy', 'TerminatingOrFailed');
            defaultTemplate(s);
            if (!s.manualSelector) {
                const uid = obj.metadata.uid;
                const name = obj.metadata.name;
                s.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
                const tmeta = rec(rec(s, 'template'), 'metadata');
                tmeta.labels = {
                    ...(tmeta.labels ?? {}),
                    'batch.kubernetes.io/controller-uid': uid,
                    'batch.kubernetes.io/job-name': name,
                    'controller-uid': uid,
                    'job-name': name,
                };
            }
            break;
        }
        case 'batch/CronJob': {
            const s = spec();
            setDefault(s, 'concurrencyPolicy', 'Allow');
            setDefault(s, 'suspend', false);
            setDefault(s, 'successfulJobsHistoryLimit', 3);
            setDefault(s, 'failedJobsHistoryLimit', 1);
            break;
        }
        case 'apps/Deployment': {
            const s = spec();
            setDefault(s, 'replicas', 1);
            setDefault(s, 'revisionHistoryLimit', 10);
            setDefault(s, 'progressDeadlineSeconds', 600);
            setDefault(s, 'strategy', {
                type: 'RollingUpdate',
                rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
            });
            defaultTemplate(s);
            break;
        }
        case 'apps/ReplicaSet': {
            setDefault(spec(), 'replicas', 1);
            defaultTemplate(spec());
            break;
        }
        case 'apps/StatefulSet': {
            const s = spec();
            setDefault(s, 'replicas', 1);
            setDefault(s, 'podManagementPolicy', 'OrderedReady');
            setDefault(s, 'revisionHistoryLimit', 10);
            setDefault(s, 'updateStrategy', { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
            defaultTemplate(s);
            break;
        }
        case 'apps/DaemonSet': {
            const s = spec();
            setDefault(s, 'revisionHistoryLimit', 10);
            setDefault(s, 'updateStrategy', {
                type: 'RollingUpdate',
                rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
            });
            defaultTemplate(s);
            break;
        }
    }
    if (type.statusSubresource && obj.status === undefined)
        obj.status = {};
}

;// CONCATENATED MODULE: ./src/embedded-cluster/patch/field-sets.ts
/**
 * Sets of field paths, the model behind `metadata.managedFields` (`FieldsV1`): who owns which field.
 * A path step is `f:<field>`, `k:<key json>` for an item of a keyed list, `v:<json>` for a member of a set,
 * and `.` for a list item itself. An entry with no children is a leaf: a value owned as a whole.
 */



const UNOWNED_METADATA = new Set([
    'name',
    'namespace',
    'uid',
    'resourceVersion',
    'generation',
    'creationTimestamp',
    'managedFields',
    'deletionTimestamp',
    'deletionGracePeriodSeconds',
    'selfLink',
    'generateName',
]);
/** A key as data, even `__proto__` (a JSON body may carry one; assigning it would set the prototype). */
function setKey(target, key, value) {
    if (key === '__proto__')
        Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    else
        target[key] = value;
}
/**
 * Fields no manager owns: identity and server-set metadata. Copied without them, not copied then deleted
 * from (an object that has had properties deleted is slower to read, and this runs on every write).
 */
function stripUnowned(obj, withStatus) {
    const copy = {};
    for (const k in obj) {
        if (k === 'apiVersion' || k === 'kind' || (k === 'status' && !withStatus))
            continue;
        const value = obj[k];
        if (k !== 'metadata' || !isPlainObject(value)) {
            setKey(copy, k, value);
            continue;
        }
        const meta = {};
        let owned = false;
        for (const f in value)
            if (!UNOWNED_METADATA.has(f)) {
                setKey(meta, f, value[f]);
                owned = true;
            }
        if (owned)
            copy.metadata = meta;
    }
    return copy;
}
function walk(value, set, typed) {
    if (!isPlainObject(value))
        return;
    for (const [field, child] of Object.entries(value)) {
        let node = set.get(`f:${field}`);
        if (!node)
            set.set(`f:${field}`, (node = new Map()));
        if (isPlainObject(child))
            walk(child, node, typed);
        else if (Array.isArray(child)) {
            const strategy = listStrategy(field, child, typed);
            if (strategy.type === 'map') {
                for (const item of child) {
                    const key = itemKey(item, strategy.keys);
                    if (key === undefined)
                        continue;
                    let itemSet = node.get(`k:${key}`);
                    if (!itemSet)
                        node.set(`k:${key}`, (itemSet = new Map([['.', new Map()]])));
                    walk(item, itemSet, typed);
                }
            }
            else if (strategy.type === 'set') {
                for (const item of child)
                    node.set(`v:${JSON.stringify(item)}`, new Map());
            }
        }
    }
}
function fieldSetOf(obj, typed) {
    const set = new Map();
    walk(obj, set, typed);
    return set;
}
function leaves(set, prefix = [], out = []) {
    for (const [step, child] of set) {
        const path = [...prefix, step];
        if (child.size === 0)
            out.push(path);
        else
            leaves(child, path, out);
    }
    return out;
}
function hasPath(set, path) {
    let node = set;
    for (const step of path) {
        node = node.get(step);
        if (!node)
            return false;
    }
    return true;
}
function removePath(set, path) {
    const trail = [set];
    let node = set;
    for (const step of path.slice(0, -1)) {
        node = node.get(step);
        if (!node)
            return;
        trail.push(node);
    }
    node.delete(path[path.length - 1]);
    // Prune parents left with nothing but the item marker.
    for (let i = trail.length - 1; i > 0; i--) {
        const t = trail[i];
        if (t.size === 0 || (t.size === 1 && t.has('.')))
            trail[i - 1].delete(path[i - 1]);
        else
            break;
    }
}
function addPath(set, path) {
    let node = set;
    for (const step of path) {
        let next = node.get(step);
        if (!next)
            node.set(step, (next = new Map()));
        node = next;
    }
}
function toFieldsV1(set) {
    const out = {};
    for (const [k, v] of [...set].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        out[k] = toFieldsV1(v);
    return out;
}
function fromFieldsV1(json) {
    const set = new Map();
    if (isPlainObject(json))
        for (const [k, v] of Object.entries(json))
            set.set(k, fromFieldsV1(v));
    return set;
}
function matchesKey(item, keyJson) {
    if (!isPlainObject(item))
        return false;
    const key = JSON.parse(keyJson);
    return Object.entries(key).every(([k, v]) => (item[k] ?? (k === 'protocol' ? 'TCP' : undefined)) === v);
}
const MISSING = Symbol('missing');
/** The value a path points at in an object, or MISSING. */
function valueAt(obj, path) {
    let cur = obj;
    for (const step of path) {
        if (step === '.')
            return cur;
        if (step.startsWith('f:')) {
            if (!isPlainObject(cur) || !(step.slice(2) in cur))
                return MISSING;
            cur = cur[step.slice(2)];
        }
        else if (step.startsWith('k:')) {
            if (!Array.isArray(cur))
                return MISSING;
            const found = cur.find((item) => matchesKey(item, step.slice(2)));
            if (found === undefined)
                return MISSING;
            cur = found;
        }
        else if (step.startsWith('v:')) {
            if (!Array.isArray(cur))
                return MISSING;
            const wanted = step.slice(2);
            return cur.some((v) => JSON.stringify(v) === wanted) ? JSON.parse(wanted) : MISSING;
        }
    }
    return cur;
}
function sameValue(a, b) {
    if (a === MISSING || b === MISSING)
        return a === b;
    return JSON.stringify(a) === JSON.stringify(b);
}
/** Removes what a path points at; a path ending in `.` removes the whole list item. */
function removeValueAt(obj, path) {
    const steps = path[path.length - 1] === '.' ? path.slice(0, -1) : path;
    let cur = obj;
    for (let i = 0; i < steps.length - 1; i++) {
        const step = steps[i];
        if (step.startsWith('f:') && isPlainObject(cur))
            cur = cur[step.slice(2)];
        else if (step.startsWith('k:') && Array.isArray(cur))
            cur = cur.find((item) => matchesKey(item, step.slice(2)));
        else
            return;
        if (cur === undefined)
            return;
    }
    const last = steps[steps.length - 1];
    if (last.startsWith('f:') && isPlainObject(cur))
        delete cur[last.slice(2)];
    else if (last.startsWith('k:') && Array.isArray(cur)) {
        const i = cur.findIndex((item) => matchesKey(item, last.slice(2)));
        if (i >= 0)
            cur.splice(i, 1);
    }
    else if (last.startsWith('v:') && Array.isArray(cur)) {
        const i = cur.findIndex((v) => JSON.stringify(v) === last.slice(2));
        if (i >= 0)
            cur.splice(i, 1);
    }
}
/** `.spec.template.spec.containers[name="web"].image`, the way the API server prints a field path. */
function describePath(path) {
    let out = '';
    for (const step of path) {
        if (step === '.')
            continue;
        if (step.startsWith('f:'))
            out += `.${step.slice(2)}`;
        else if (step.startsWith('k:')) {
            const key = JSON.parse(step.slice(2));
            out += `[${Object.entries(key)
                .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
                .join(',')}]`;
        }
        else if (step.startsWith('v:'))
            out += `[=${step.slice(2)}]`;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/embedded-cluster/patch/managed-fields.ts
/**
 * Field ownership: server-side apply (`application/apply-patch+yaml`) and the bookkeeping every other write
 * does, so that `managedFields` reads like a real cluster's and apply conflicts between managers are found.
 */




function readOwners(obj) {
    const meta = obj?.metadata;
    const entries = Array.isArray(meta?.managedFields) ? meta.managedFields : [];
    return entries.map((entry) => ({ entry, set: fromFieldsV1(entry.fieldsV1) }));
}
function writeOwners(obj, owners) {
    const kept = owners.filter((o) => o.set.size > 0);
    const meta = (obj.metadata ?? {});
    meta.managedFields = kept.map((o) => ({ ...o.entry, fieldsV1: toFieldsV1(o.set) }));
    if (kept.length === 0)
        delete meta.managedFields;
    obj.metadata = meta;
}
function mergeApplied(live, config, typed) {
    if (!isPlainObject(config))
        return cloneJson(config);
    const out = isPlainObject(live) ? { ...live } : {};
    for (const [field, value] of Object.entries(config)) {
        if (value === null)
            delete out[field];
        else if (Array.isArray(value)) {
            const strategy = listStrategy(field, value, typed);
            const current = Array.isArray(out[field]) ? out[field] : [];
            if (strategy.type === 'map') {
                const merged = [...current];
                for (const item of value) {
                    const key = itemKey(item, strategy.keys);
                    const at = key === undefined ? -1 : merged.findIndex((m) => itemKey(m, strategy.keys) === key);
                    if (at >= 0)
                        merged[at] = mergeApplied(merged[at], item, typed);
                    else
                        merged.push(cloneJson(item));
                }
                out[field] = merged;
            }
            else if (strategy.type === 'set') {
                const merged = [...current];
                for (const v of value)
                    if (!merged.some((m) => JSON.stringify(m) === JSON.stringify(v)))
                        merged.push(v);
                out[field] = merged;
            }
            else
                out[field] = cloneJson(value);
        }
        else if (isPlainObject(value))
            out[field] = mergeApplied(out[field], value, typed);
        else
            out[field] = value;
    }
    return out;
}
/** Server-side apply. Returns the new object, or the conflicts that stop it (only when not forced). */
function serverSideApply(args) {
    const onStatus = args.subresource === 'status';
    const config = stripUnowned(args.config, onStatus);
    const applied = fieldSetOf(config, args.typed);
    const appliedLeaves = leaves(applied);
    const live = cloneJson(args.live ?? {});
    const owners = readOwners(args.live);
    const isMe = (o) => o.entry.manager === args.manager &&
        o.entry.operation === 'Apply' &&
        (o.entry.subresource ?? '') === (args.subresource ?? '');
    const mine = owners.find(isMe);
    const others = owners.filter((o) => !isMe(o));
    const conflicts = [];
    const taken = [];
    for (const path of appliedLeaves) {
        if (path[path.length - 1] === '.')
            continue;
        const wanted = valueAt(config, path);
        // An empty map owns nothing below it, so it cannot conflict with fields others own inside it.
        if (isPlainObject(wanted))
            continue;
        const current = valueAt(live, path);
        if (sameValue(wanted, current))
            continue;
        for (const other of others) {
            if (!hasPath(other.set, path))
                continue;
            if (args.force)
                taken.push({ owner: other, path });
            else
                conflicts.push({
                    manager: other.entry.manager,
                    apiVersion: other.entry.apiVersion,
                    field: describePath(path),
                });
        }
    }
    if (conflicts.length > 0)
        return { conflicts };
    for (const { owner, path } of taken)
        removePath(owner.set, path);
    // Fields this manager applied before and no longer does are removed, unless someone else still owns them.
    if (mine) {
        const dropped = leaves(mine.set).filter((p) => !hasPath(applied, p));
        // Whole list items first, so their own fields need no separate removal.
        dropped.sort((a, b) => a.length - b.length);
        for (const path of dropped) {
            if (others.some((o) => hasPath(o.set, path)))
                continue;
            removeValueAt(live, path);
        }
    }
    const merged = mergeApplied(live, config, args.typed);
    const entry = {
        manager: args.manager,
        operation: 'Apply',
        apiVersion: args.apiVersion,
        time: args.now,
        fieldsType: 'FieldsV1',
        fieldsV1: {},
        ...(args.subresource ? { subresource: args.subresource } : {}),
    };
    writeOwners(merged, [...others, { entry, set: applied }]);
    return { object: merged };
}
/** The 409 message the API server gives for apply conflicts. */
function describeConflicts(conflicts) {
    if (conflicts.length === 1) {
        const c = conflicts[0];
        return `Apply failed with 1 conflict: conflict with "${c.manager}" using ${c.apiVersion}: ${c.field}`;
    }
    const lines = conflicts.map((c) => `conflict with "${c.manager}" using ${c.apiVersion}: ${c.field}`);
    return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}
/**
 * Bookkeeping for a non-apply write (create, update, patch): the writer takes ownership of the fields it
 * changed, other managers lose them, and fields that disappeared are owned by no one.
 */
function recordUpdate(args) {
    const onStatus = args.subresource === 'status';
    const before = args.previous ? stripUnowned(args.previous, onStatus) : {};
    const after = stripUnowned(args.next, onStatus);
    const afterSet = fieldSetOf(after, args.typed);
    const changed = leaves(afterSet).filter((p) => p[p.length - 1] !== '.' && !sameValue(valueAt(before, p), valueAt(after, p)));
    const gone = args.previous
        ? leaves(fieldSetOf(before, args.typed)).filter((p) => !hasPath(afterSet, p))
        : [];
    const owners = readOwners(args.previous);
    if (changed.length === 0 && gone.length === 0) {
        writeOwners(args.next, owners);
        return;
    }
    let mine = owners.find((o) => o.entry.manager === args.manager &&
        o.entry.operation === 'Update' &&
        (o.entry.subresource ?? '') === (args.subresource ?? ''));
    for (const owner of owners) {
        if (owner === mine)
            continue;
        for (const p of changed)
            removePath(owner.set, p);
    }
    for (const owner of owners)
        for (const p of gone)
            removePath(owner.set, p);
    if (!mine) {
        mine = {
            entry: {
                manager: args.manager,
                operation: 'Update',
                apiVersion: args.apiVersion,
                time: args.now,
                fieldsType: 'FieldsV1',
                fieldsV1: {},
                ...(args.subresource ? { subresource: args.subresource } : {}),
            },
            set: new Map(),
        };
        owners.push(mine);
    }
    mine.entry = { ...mine.entry, time: args.now, apiVersion: args.apiVersion };
    for (const p of changed) {
        addPath(mine.set, p);
        // Own the list items along the way, as the API server records them.
        for (let i = 1; i < p.length; i++)
            if (p[i - 1].startsWith('k:'))
                addPath(mine.set, [...p.slice(0, i), '.']);
    }
    writeOwners(args.next, owners);
}

;// CONCATENATED MODULE: ./src/embedded-cluster/patch/strategic-merge-patch.ts
/**
 * Strategic merge patch (`application/strategic-merge-patch+json`), what `kubectl apply` (client side),
 * `kubectl edit` and `kubectl patch` send for built-in kinds. Lists of named things merge by key instead
 * of being replaced, and `$`-directives steer the merge: `$patch`, `$setElementOrder/<list>`,
 * `$deleteFromPrimitiveList/<list>`, `$retainKeys`.
 */



const SET_ORDER = '$setElementOrder/';
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList/';
function stripDirectives(value) {
    if (Array.isArray(value)) {
        return value
            .filter((v) => !(isPlainObject(v) && v.$patch !== undefined && Object.keys(v).length === 1))
            .map(stripDirectives);
    }
    if (!isPlainObject(value))
        return value;
    const out = {};
    for (const [k, v] of Object.entries(value))
        if (!k.startsWith('$'))
            out[k] = stripDirectives(v);
    return out;
}
function mergeList(field, live, patch) {
    const current = Array.isArray(live) ? live : [];
    if (patch.some((p) => isPlainObject(p) && p.$patch === 'replace')) {
        return patch.filter((p) => !(isPlainObject(p) && p.$patch === 'replace')).map(stripDirectives);
    }
    const strategy = listStrategy(field, patch.length ? patch : current, true);
    if (strategy.type === 'set') {
        const out = [...current];
        for (const v of patch)
            if (!out.some((o) => JSON.stringify(o) === JSON.stringify(v)))
                out.push(v);
        return out;
    }
    if (strategy.type !== 'map')
        return patch.map(stripDirectives);
    const out = current.map((v) => v);
    for (const item of patch) {
        const key = itemKey(item, strategy.keys);
        const at = key === undefined ? -1 : out.findIndex((o) => itemKey(o, strategy.keys) === key);
        if (isPlainObject(item) && item.$patch === 'delete') {
            if (at >= 0)
                out.splice(at, 1);
            continue;
        }
        if (at >= 0)
            out[at] = mergeValue(out[at], item);
        else
            out.push(stripDirectives(item));
    }
    return out;
}
function orderBy(list, order, field) {
    const strategy = listStrategy(field, list, true);
    const idOf = (v) => (strategy.type === 'map' ? itemKey(v, strategy.keys) : JSON.stringify(v));
    const wanted = order.map(idOf);
    const ranked = list.map((v, i) => {
        const r = wanted.indexOf(idOf(v));
        return { v, rank: r < 0 ? wanted.length + i : r };
    });
    return ranked.sort((a, b) => a.rank - b.rank).map((x) => x.v);
}
function mergeValue(live, patch) {
    if (!isPlainObject(patch))
        return cloneJson(patch);
    if (patch.$patch === 'replace')
        return stripDirectives(patch);
    if (patch.$patch === 'delete')
        return undefined;
    const out = isPlainObject(live) ? { ...live } : {};
    const retain = Array.isArray(patch.$retainKeys) ? patch.$retainKeys : undefined;
    if (retain)
        for (const k of Object.keys(out))
            if (!retain.includes(k))
                delete out[k];
    for (const [key, value] of Object.entries(patch)) {
        if (key.startsWith('$'))
            continue;
        if (value === null) {
            delete out[key];
            continue;
        }
        if (Array.isArray(value))
            out[key] = mergeList(key, out[key], value);
        else if (isPlainObject(value)) {
            const merged = mergeValue(out[key], value);
            if (merged === undefined)
                delete out[key];
            else
                out[key] = merged;
        }
        else
            out[key] = value;
    }
    for (const [key, value] of Object.entries(patch)) {
        if (key.startsWith(DELETE_PRIMITIVE) && Array.isArray(value)) {
            const field = key.slice(DELETE_PRIMITIVE.length);
            if (Array.isArray(out[field])) {
                out[field] = out[field].filter((v) => !value.some((d) => JSON.stringify(d) === JSON.stringify(v)));
            }
        }
    }
    for (const [key, value] of Object.entries(patch)) {
        if (key.startsWith(SET_ORDER) && Array.isArray(value)) {
            const field = key.slice(SET_ORDER.length);
            if (Array.isArray(out[field]))
                out[field] = orderBy(out[field], value, field);
        }
    }
    return out;
}
function applyStrategicMergePatch(target, patch) {
    return mergeValue(target, patch) ?? {};
}

;// CONCATENATED MODULE: ./src/embedded-cluster/validation-formats.ts
/**
 * The API server's format checks (k8s.io/apimachinery/pkg/util/validation), each returning its messages
 * in the server's words, e.g. "a lowercase RFC 1123 subdomain must consist of … (e.g. 'example.com', regex
 * used for validation is '…')". An empty list means the value is valid.
 */
/** Upstream's RegexError: the message, examples joined with " or " (after the comma), and the regex. */
function regexError(message, regex, ...examples) {
    if (examples.length === 0)
        return `${message} (regex used for validation is '${regex}')`;
    const shown = examples.map((e, i) => `${i > 0 ? ' or ' : ''}'${e}', `).join('');
    return `${message} (e.g. ${shown}regex used for validation is '${regex}')`;
}
function maxLenError(length) {
    return `must be no more than ${length} characters`;
}
function inclusiveRangeError(lo, hi) {
    return `must be between ${lo} and ${hi}, inclusive`;
}
const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const DNS1035_LABEL = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QUALIFIED_NAME = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE = `(${QUALIFIED_NAME})?`;
const CONFIG_KEY = '[-._a-zA-Z0-9]+';
/** Each pattern compiled once: names, keys and labels are checked on every write. */
const compiled = new Map();
function matches(regex, value) {
    let re = compiled.get(regex);
    if (!re)
        compiled.set(regex, (re = new RegExp(`^(?:${regex})$`)));
    return re.test(value);
}
function isDns1123Subdomain(value) {
    const errs = [];
    if (value.length > 253)
        errs.push(maxLenError(253));
    if (!matches(DNS1123_SUBDOMAIN, value))
        errs.push(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN, 'example.com'));
    return errs;
}
function isDns1123Label(value) {
    const errs = [];
    if (value.length > 63)
        errs.push(maxLenError(63));
    if (!matches(DNS1123_LABEL, value)) {
        errs.push(matches(DNS1123_SUBDOMAIN, value)
            ? 'must not contain dots'
            : regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", DNS1123_LABEL, 'my-name', '123-abc'));
    }
    return errs;
}
function isDns1035Label(value) {
    const errs = [];
    if (value.length > 63)
        errs.push(maxLenError(63));
    if (!matches(DNS1035_LABEL, value))
        errs.push(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", DNS1035_LABEL, 'my-name', 'abc-123'));
    return errs;
}
/** A label key or annotation key: an optional DNS subdomain prefix and '/', then a name part. */
function isQualifiedName(value) {
    const errs = [];
    const parts = value.split('/');
    let name;
    if (parts.length === 1)
        name = parts[0];
    else if (parts.length === 2) {
        const prefix = parts[0];
        name = parts[1];
        if (prefix.length === 0)
            errs.push('prefix part must be non-empty');
        else
            errs.push(...isDns1123Subdomain(prefix).map((m) => `prefix part ${m}`));
    }
    else {
        return [
            `a qualified name ${regexError("must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", QUALIFIED_NAME, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
        ];
    }
    if (name.length === 0)
        errs.push('name part must be non-empty');
    else if (name.length > 63)
        errs.push(`name part ${maxLenError(63)}`);
    if (!matches(QUALIFIED_NAME, name))
        errs.push(`name part ${regexError("must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", QUALIFIED_NAME, 'MyName', 'my.name', '123-abc')}`);
    return errs;
}
function isLabelValue(value) {
    const errs = [];
    if (value.length > 63)
        errs.push(maxLenError(63));
    if (!matches(LABEL_VALUE, value))
        errs.push(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", LABEL_VALUE, 'MyValue', 'my_value', '12345'));
    return errs;
}
/** A key of a ConfigMap's or Secret's data. */
function isConfigMapKey(value) {
    const errs = [];
    if (value.length > 253)
        errs.push(maxLenError(253));
    if (!matches(CONFIG_KEY, value))
        errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_KEY, 'key.name', 'KEY_NAME', 'key-name'));
    if (value === '.')
        errs.push("must not be '.'");
    else if (value === '..')
        errs.push("must not be '..'");
    else if (value.startsWith('..'))
        errs.push("must not start with '..'");
    return errs;
}
function isValidPortNum(port) {
    return port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}
/** An IANA service name: what a named port may be called. */
function isValidPortName(port) {
    const errs = [];
    if (port.length > 15)
        errs.push(maxLenError(15));
    if (!/^[-a-z0-9]+$/.test(port))
        errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
    if (!/[a-z]/.test(port))
        errs.push('must contain at least one letter (a-z)');
    if (port.includes('--'))
        errs.push('must not contain consecutive hyphens');
    if (port.startsWith('-') || port.endsWith('-'))
        errs.push('must not begin or end with a hyphen');
    return errs;
}
/** Names that are path segments only (RBAC objects, custom resources). */
function isValidPathSegmentName(name) {
    if (name === '.' || name === '..')
        return [`may not be '${name}'`];
    const errs = [];
    for (const illegal of ['/', '%'])
        if (name.includes(illegal))
            errs.push(`may not contain '${illegal}'`);
    return errs;
}

;// CONCATENATED MODULE: ./src/embedded-cluster/validation-meta.ts

/** metav1's TotalAnnotationSizeLimitB: keys and values together. */
const ANNOTATIONS_MAX_BYTES = 256 * 1024;
function invalidCause(field, value, detail) {
    const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
    return { reason: 'FieldValueInvalid', field, message: `Invalid value: ${shown}: ${detail}` };
}
function tooLongCause(field, maxBytes) {
    return { reason: 'FieldValueTooLong', field, message: `Too long: may not be more than ${maxBytes} bytes` };
}
function nameFormat(type) {
    if (type.fromCrd || type.group === 'rbac.authorization.k8s.io')
        return isValidPathSegmentName;
    if (type.group === '' && type.kind === 'Namespace')
        return isDns1123Label;
    if (type.group === '' && type.kind === 'Service')
        return isDns1035Label;
    return isDns1123Subdomain;
}
/** A Job's name becomes a label value of its pods; a CronJob's gets a suffix of 11 characters. */
const NAME_LIMITS = { 'batch/Job': 63, 'batch/CronJob': 52 };
function nameCauses(type, name) {
    if (type.group === 'apiextensions.k8s.io')
        return [];
    const causes = nameFormat(type)(name).map((m) => invalidCause('metadata.name', name, m));
    const limit = NAME_LIMITS[`${type.group}/${type.kind}`];
    if (causes.length === 0 && limit !== undefined && name.length > limit)
        causes.push(invalidCause('metadata.name', name, `must be no more than ${limit} characters`));
    return causes;
}
function labelCauses(labels, field) {
    if (typeof labels !== 'object' || labels === null)
        return [];
    const causes = [];
    for (const [key, value] of Object.entries(labels)) {
        for (const m of isQualifiedName(key))
            causes.push(invalidCause(field, key, m));
        for (const m of isLabelValue(String(value ?? '')))
            causes.push(invalidCause(field, value, m));
    }
    return causes;
}
function annotationCauses(annotations, field) {
    if (typeof annotations !== 'object' || annotations === null)
        return [];
    const causes = [];
    let size = 0;
    for (const [key, value] of Object.entries(annotations)) {
        for (const m of isQualifiedName(key.toLowerCase()))
            causes.push(invalidCause(field, key, m));
        size += Buffer.byteLength(key) + Buffer.byteLength(String(value ?? ''));
    }
    if (size > ANNOTATIONS_MAX_BYTES)
        causes.push(tooLongCause(field, ANNOTATIONS_MAX_BYTES));
    return causes;
}
/** The checks of an object's own metadata. */
function objectMetaCauses(type, metadata) {
    return [
        ...nameCauses(type, String(metadata.name ?? '')),
        ...labelCauses(metadata.labels, 'metadata.labels'),
        ...annotationCauses(metadata.annotations, 'metadata.annotations'),
    ];
}

;// CONCATENATED MODULE: ./src/embedded-cluster/validation-data.ts


/** core.MaxSecretSize: the limit for a ConfigMap's or a Secret's data. */
const MAX_DATA_BYTES = 1024 * 1024;
const NODE_PORT_RANGE = [30000, 32767];
function entries(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.entries(value)
        : [];
}
function base64Length(text) {
    return Buffer.from(text, 'base64').length;
}
function configMapCauses(obj) {
    const causes = [];
    let size = 0;
    const data = entries(obj.data);
    for (const [key, value] of data) {
        for (const m of isConfigMapKey(key))
            causes.push(invalidCause(`data[${key}]`, key, m));
        size += Buffer.byteLength(String(value ?? ''));
    }
    const keys = new Set(data.map(([k]) => k));
    for (const [key, value] of entries(obj.binaryData)) {
        for (const m of isConfigMapKey(key))
            causes.push(invalidCause(`binaryData[${key}]`, key, m));
        if (keys.has(key))
            causes.push(invalidCause(`binaryData[${key}]`, key, 'duplicate of key present in data'));
        size += base64Length(String(value ?? ''));
    }
    // Upstream reports the whole object's size on an empty path, which prints as "[]".
    if (size > MAX_DATA_BYTES)
        causes.push(tooLongCause('[]', MAX_DATA_BYTES));
    return causes;
}
function secretCauses(obj) {
    const causes = [];
    let size = 0;
    for (const [key, value] of entries(obj.data)) {
        for (const m of isConfigMapKey(key))
            causes.push(invalidCause(`data[${key}]`, key, m));
        size += base64Length(String(value ?? ''));
    }
    if (size > MAX_DATA_BYTES)
        causes.push(tooLongCause('data', MAX_DATA_BYTES));
    return causes;
}
function portNumberCauses(field, value) {
    if (typeof value !== 'number')
        return [];
    return isValidPortNum(value).map((m) => invalidCause(field, value, m));
}
/** The ports of a pod spec's containers (`prefix` is where the pod spec sits: `spec.template.spec`). */
function containerPortCauses(podSpec, prefix) {
    const causes = [];
    for (const list of ['initContainers', 'containers']) {
        const containers = podSpec?.[list];
        if (!Array.isArray(containers))
            continue;
        containers.forEach((c, i) => {
            const ports = c?.ports;
            if (!Array.isArray(ports))
                return;
            ports.forEach((p, j) => {
                const at = `${prefix}.${list}[${i}].ports[${j}]`;
                if (typeof p?.name === 'string' && p.name)
                    causes.push(...isValidPortName(p.name).map((m) => invalidCause(`${at}.name`, p.name, m)));
                if (p?.containerPort === undefined || p.containerPort === 0)
                    causes.push({
                        reason: 'FieldValueRequired',
                        field: `${at}.containerPort`,
                        message: 'Required value',
                    });
                else
                    causes.push(...portNumberCauses(`${at}.containerPort`, p.containerPort));
                if (p?.hostPort)
                    causes.push(...portNumberCauses(`${at}.hostPort`, p.hostPort));
            });
        });
    }
    return causes;
}
function servicePortCauses(spec) {
    const causes = [];
    const ports = spec?.ports;
    if (!Array.isArray(ports))
        return causes;
    ports.forEach((p, i) => {
        const at = `spec.ports[${i}]`;
        causes.push(...portNumberCauses(`${at}.port`, p?.port));
        const target = p?.targetPort;
        if (typeof target === 'number' && target !== 0)
            causes.push(...portNumberCauses(`${at}.targetPort`, target));
        if (typeof target === 'string')
            causes.push(...isValidPortName(target).map((m) => invalidCause(`${at}.targetPort`, target, m)));
        const nodePort = p?.nodePort;
        if (typeof nodePort === 'number' && nodePort !== 0) {
            const [lo, hi] = NODE_PORT_RANGE;
            if (nodePort < lo || nodePort > hi)
                causes.push(invalidCause(`${at}.nodePort`, nodePort, `provided port is not in the valid range. The range of valid ports is ${lo}-${hi}`));
        }
    });
    return causes;
}

;// CONCATENATED MODULE: ./src/embedded-cluster/validation.ts
/**
 * The API server's validation, as far as it changes what a client sees: required fields, metadata (names,
 * labels, annotations), data keys and sizes, ports, workload selectors that must match their templates,
 * and immutable fields (422 "field is immutable").
 */




function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}
function goMap(v) {
    if (typeof v !== 'object' || v === null)
        return JSON.stringify(v);
    if (Object.values(v).some((x) => typeof x === 'object' && x !== null))
        return JSON.stringify(v);
    return `map[string]string{${Object.entries(v)
        .map(([k, x]) => `"${k}":"${String(x)}"`)
        .join(', ')}}`;
}
function podSpecCauses(spec, prefix) {
    const causes = containerPortCauses(spec, prefix);
    const containers = (0,json_fields/* fieldAt */.U)(spec, 'containers');
    if (!Array.isArray(containers) || containers.length === 0) {
        causes.push({ reason: 'FieldValueRequired', field: `${prefix}.containers`, message: 'Required value' });
        return causes;
    }
    for (const list of ['initContainers', 'containers']) {
        const items = (0,json_fields/* fieldAt */.U)(spec, list);
        if (!Array.isArray(items))
            continue;
        items.forEach((c, i) => {
            if (!c?.name)
                causes.push({
                    reason: 'FieldValueRequired',
                    field: `${prefix}.${list}[${i}].name`,
                    message: 'Required value',
                });
            if (!c?.image)
                causes.push({
                    reason: 'FieldValueRequired',
                    field: `${prefix}.${list}[${i}].image`,
                    message: 'Required value',
                });
        });
    }
    return causes;
}
function selectorMatchesTemplate(obj) {
    const selector = (0,json_fields/* fieldAt */.U)(obj, 'spec.selector');
    if (!selector)
        return [{ reason: 'FieldValueRequired', field: 'spec.selector', message: 'Required value' }];
    const labels = ((0,json_fields/* fieldAt */.U)(obj, 'spec.template.metadata.labels') ?? {});
    const ok = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
    return ok
        ? []
        : [
            {
                reason: 'FieldValueInvalid',
                field: 'spec.template.metadata.labels',
                message: `Invalid value: ${goMap(labels)}: \`selector\` does not match template \`labels\``,
            },
        ];
}
/** Problems with a new or updated object on its own. */
function validateObject(type, obj) {
    const causes = objectMetaCauses(type, obj.metadata);
    const template = (0,json_fields/* fieldAt */.U)(obj, 'spec.template.metadata.labels');
    if (template)
        causes.push(...labelCauses(template, 'spec.template.metadata.labels'));
    switch (`${type.group}/${type.kind}`) {
        case '/ConfigMap':
            causes.push(...configMapCauses(obj));
            break;
        case '/Secret':
            causes.push(...secretCauses(obj));
            break;
        case '/Pod':
            causes.push(...podSpecCauses(obj.spec, 'spec'));
            break;
        case 'batch/Job': {
            causes.push(...podSpecCauses((0,json_fields/* fieldAt */.U)(obj, 'spec.template.spec'), 'spec.template.spec'));
            const rp = (0,json_fields/* fieldAt */.U)(obj, 'spec.template.spec.restartPolicy');
            if (rp !== 'Never' && rp !== 'OnFailure') {
                causes.push({
                    reason: 'FieldValueNotSupported',
                    field: 'spec.template.spec.restartPolicy',
                    message: `Unsupported value: "${String(rp)}": supported values: "OnFailure", "Never"`,
                });
            }
            break;
        }
        case 'apps/Deployment':
        case 'apps/ReplicaSet':
        case 'apps/StatefulSet':
        case 'apps/DaemonSet':
            causes.push(...selectorMatchesTemplate(obj));
            causes.push(...podSpecCauses((0,json_fields/* fieldAt */.U)(obj, 'spec.template.spec'), 'spec.template.spec'));
            break;
        case '/Service': {
            const type_ = (0,json_fields/* fieldAt */.U)(obj, 'spec.type');
            const ports = (0,json_fields/* fieldAt */.U)(obj, 'spec.ports');
            if (type_ !== 'ExternalName' &&
                (0,json_fields/* fieldAt */.U)(obj, 'spec.clusterIP') !== 'None' &&
                (!Array.isArray(ports) || ports.length === 0)) {
                causes.push({ reason: 'FieldValueRequired', field: 'spec.ports', message: 'Required value' });
            }
            causes.push(...servicePortCauses(obj.spec));
            break;
        }
        case 'apiextensions.k8s.io/CustomResourceDefinition': {
            const group = (0,json_fields/* fieldAt */.U)(obj, 'spec.group');
            const plural = (0,json_fields/* fieldAt */.U)(obj, 'spec.names.plural');
            if (!group)
                causes.push({ reason: 'FieldValueRequired', field: 'spec.group', message: 'Required value' });
            if (!plural)
                causes.push({ reason: 'FieldValueRequired', field: 'spec.names.plural', message: 'Required value' });
            if (!(0,json_fields/* fieldAt */.U)(obj, 'spec.names.kind'))
                causes.push({ reason: 'FieldValueRequired', field: 'spec.names.kind', message: 'Required value' });
            if (group && plural && obj.metadata.name !== `${String(plural)}.${String(group)}`) {
                causes.push({
                    reason: 'FieldValueInvalid',
                    field: 'metadata.name',
                    message: `Invalid value: "${obj.metadata.name}": must be spec.names.plural+"."+spec.group`,
                });
            }
            const versions = (0,json_fields/* fieldAt */.U)(obj, 'spec.versions');
            if (!Array.isArray(versions) || versions.length === 0) {
                causes.push({ reason: 'FieldValueRequired', field: 'spec.versions', message: 'Required value' });
            }
            break;
        }
    }
    return causes;
}
function immutable(field, value) {
    const shown = typeof value === 'object' ? goMap(value) : JSON.stringify(value);
    return { reason: 'FieldValueInvalid', field, message: `Invalid value: ${shown}: field is immutable` };
}
const POD_MUTABLE = new Set([
    'containers',
    'initContainers',
    'activeDeadlineSeconds',
    'tolerations',
    'terminationGracePeriodSeconds',
]);
/** Fields that may not change once the object exists. */
function validateUpdate(type, previous, next) {
    const causes = [];
    const check = (path) => {
        if (!same((0,json_fields/* fieldAt */.U)(previous, path), (0,json_fields/* fieldAt */.U)(next, path)))
            causes.push(immutable(path, (0,json_fields/* fieldAt */.U)(next, path)));
    };
    switch (`${type.group}/${type.kind}`) {
        case 'batch/Job':
            check('spec.selector');
            check('spec.template');
            check('spec.completionMode');
            break;
        case 'apps/Deployment':
        case 'apps/ReplicaSet':
        case 'apps/StatefulSet':
        case 'apps/DaemonSet':
            check('spec.selector');
            break;
        case '/Service':
            if ((0,json_fields/* fieldAt */.U)(previous, 'spec.clusterIP') && (0,json_fields/* fieldAt */.U)(next, 'spec.clusterIP') !== undefined)
                check('spec.clusterIP');
            break;
        case '/Pod': {
            // Only images (and a few scheduling knobs) may change on a running pod.
            const rest = (o) => {
                const spec = { ...(o.spec ?? {}) };
                for (const k of POD_MUTABLE)
                    delete spec[k];
                return spec;
            };
            const withoutImages = (list) => Array.isArray(list) ? list.map((c) => ({ ...c, image: undefined })) : list;
            const changed = !same(rest(previous), rest(next)) ||
                !same(withoutImages((0,json_fields/* fieldAt */.U)(previous, 'spec.containers')), withoutImages((0,json_fields/* fieldAt */.U)(next, 'spec.containers'))) ||
                !same(withoutImages((0,json_fields/* fieldAt */.U)(previous, 'spec.initContainers')), withoutImages((0,json_fields/* fieldAt */.U)(next, 'spec.initContainers')));
            if (changed) {
                causes.push({
                    reason: 'FieldValueForbidden',
                    field: 'spec',
                    message: 'Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
                });
            }
            break;
        }
        case '/ConfigMap':
        case '/Secret':
            if (previous.immutable === true) {
                for (const f of ['data', 'binaryData', 'stringData']) {
                    if (!same(previous[f], next[f])) {
                        causes.push({
                            reason: 'FieldValueForbidden',
                            field: f,
                            message: 'Forbidden: field is immutable when `immutable` is set',
                        });
                    }
                }
            }
            break;
        case '/PersistentVolumeClaim': {
            const strip = (o) => {
                const s = cloneJson(o.spec ?? {});
                delete s.resources?.requests;
                delete s.volumeName;
                return s;
            };
            if (!same(strip(previous), strip(next))) {
                causes.push({
                    reason: 'FieldValueForbidden',
                    field: 'spec',
                    message: 'Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
                });
            }
            break;
        }
    }
    return causes;
}

;// CONCATENATED MODULE: ./src/embedded-cluster/cluster-api.ts
/**
 * The API server's behaviour, without HTTP: every write from a client or a simulated controller goes
 * through here, so defaults, validation, immutability, resourceVersion checks, generations, finalizers and
 * managed fields are the same for both.
 */












const PATCH_TYPES = {
    merge: 'application/merge-patch+json',
    json: 'application/json-patch+json',
    strategic: 'application/strategic-merge-patch+json',
    apply: 'application/apply-patch+yaml',
    applyCbor: 'application/apply-patch+cbor',
};
const SYSTEM_MANAGER = 'kube-controller-manager';
class ClusterApi {
    registry;
    store;
    clock;
    random;
    nextClusterIP = 10;
    constructor(registry, store, clock, random) {
        this.registry = registry;
        this.store = store;
        this.clock = clock;
        this.random = random;
    }
    gk(type) {
        return groupKind(type.group, type.kind);
    }
    typeFor(apiVersion, kind) {
        const slash = apiVersion.indexOf('/');
        const group = slash < 0 ? '' : apiVersion.slice(0, slash);
        const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
        return this.registry.byKind(group, kind, version) ?? this.registry.byKind(group, kind);
    }
    /** The object with the apiVersion the caller asked through (one stored version serves them all). */
    present(type, obj) {
        return { ...obj, apiVersion: apiVersionOf(type), kind: type.kind };
    }
    tryGet(type, namespace, name) {
        return this.store.get(this.gk(type), type.namespaced ? namespace : undefined, name);
    }
    get(type, namespace, name) {
        const obj = this.tryGet(type, namespace, name);
        if (!obj)
            throw notFound(type.plural, type.group, name);
        return this.present(type, obj);
    }
    list(type, namespace, options = {}) {
        const labels = parseLabelSelector(options.labelSelector);
        const fields = parseFieldSelector(options.fieldSelector);
        const items = this.store
            .list(this.gk(type), type.namespaced ? namespace : undefined)
            .filter((o) => (!labels || labels(o.metadata.labels ?? {})) && (!fields || fields(o)));
        items.sort((a, b) => {
            const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
            const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
            return ka < kb ? -1 : ka > kb ? 1 : 0;
        });
        return items.map((o) => this.present(type, o));
    }
    requireNamespace(type, namespace, name) {
        if (!type.namespaced)
            return;
        if (!namespace)
            throw badRequest('the server could not find the requested resource: a namespace is required');
        const ns = this.store.get('/Namespace', undefined, namespace);
        if (!ns)
            throw notFound('namespaces', '', namespace);
        if (ns.metadata.deletionTimestamp) {
            throw forbidden(`${type.plural} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`, {
                name,
                kind: type.plural,
                causes: [
                    {
                        reason: 'NamespaceTerminating',
                        message: `namespace ${namespace} is being terminated`,
                        field: 'metadata.namespace',
                    },
                ],
            });
        }
    }
    checkBody(type, body, namespace, options, source = { via: 'body' }) {
        if (!isPlainObject(body))
            throw badRequest('the request body must be a JSON object');
        const obj = cloneJson(body);
        if (obj.kind !== undefined && obj.kind !== type.kind) {
            throw badRequest(`the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${apiVersionOf(type)}), or kind ${String(obj.kind)} is not ${type.kind}`);
        }
        if (!isPlainObject(obj.metadata))
            obj.metadata = {};
        if (type.namespaced) {
            if (obj.metadata.namespace && namespace && obj.metadata.namespace !== namespace) {
                throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
            }
            obj.metadata.namespace = namespace ?? obj.metadata.namespace;
        }
        else
            delete obj.metadata.namespace;
        checkAgainstSchema(type, obj, source, options);
        // Go's omitempty: an emptied label or annotation map is not written back (a patch removing the last).
        for (const field of ['labels', 'annotations']) {
            const map = obj.metadata[field];
            if (isPlainObject(map) && Object.keys(map).length === 0)
                delete obj.metadata[field];
        }
        return obj;
    }
    manager(options) {
        return options.fieldManager || 'unknown';
    }
    /**
     * POST. `applied`: the ownership a server-side apply that creates the object computed, recorded
     * instead of an Update entry of the writer's.
     */
    create(type, namespace, body, options = {}, applied) {
        const obj = this.checkBody(type, body, namespace, options);
        const meta = obj.metadata;
        if (!meta.name) {
            if (typeof meta.generateName === 'string' && meta.generateName)
                meta.name = meta.generateName + this.random.nameSuffix();
            else
                throw invalid(type.kind, type.group, '', [
                    {
                        reason: 'FieldValueRequired',
                        field: 'metadata.name',
                        message: 'Required value: name or generateName is required',
                    },
                ]);
        }
        this.requireNamespace(type, meta.namespace, meta.name);
        if (this.tryGet(type, meta.namespace, meta.name))
            throw alreadyExists(type.plural, type.group, meta.name);
        delete meta.resourceVersion;
        delete meta.deletionTimestamp;
        delete meta.managedFields;
        meta.uid = this.random.uid();
        meta.creationTimestamp = this.clock.timestamp();
        if (type.generation)
            meta.generation = 1;
        else
            delete meta.generation;
        if (type.statusSubresource && !options.subresource)
            delete obj.status;
        applyCreateDefaults(type, obj, {
            random: this.random,
            allocateClusterIP: () => this.allocateClusterIP(),
        });
        const causes = validateObject(type, obj);
        if (causes.length)
            throw invalid(type.kind, type.group, meta.name, causes);
        if (applied)
            meta.managedFields = applied.managedFields;
        else
            recordUpdate({
                previous: undefined,
                next: obj,
                manager: this.manager(options),
                typed: type.strategicMerge,
                apiVersion: apiVersionOf(type),
                now: this.clock.timestamp(),
            });
        return this.commit(type, undefined, obj, options);
    }
    /** PUT: replace the object (or its status). */
    update(type, namespace, name, body, options = {}) {
        const previous = this.tryGet(type, namespace, name);
        if (!previous)
            throw notFound(type.plural, type.group, name);
        const incoming = this.checkBody(type, body, namespace, options);
        if (incoming.metadata.name && incoming.metadata.name !== name) {
            throw badRequest(`the name of the object (${incoming.metadata.name}) does not match the name on the URL (${name})`);
        }
        const rv = incoming.metadata.resourceVersion;
        if (rv && rv !== previous.metadata.resourceVersion) {
            throw conflict(type.plural, type.group, name, 'the object has been modified; please apply your changes to the latest version and try again');
        }
        return this.replace(type, previous, incoming, options);
    }
    /** The shared tail of PUT, PATCH and apply: merge what may change, validate, store. */
    replace(type, previous, incoming, options) {
        let next;
        if (options.subresource === 'status') {
            next = { ...cloneJson(previous), status: incoming.status };
        }
        else {
            next = incoming;
            if (type.statusSubresource)
                next.status = cloneJson(previous.status);
            const meta = next.metadata;
            const prev = previous.metadata;
            meta.name = prev.name;
            meta.uid = prev.uid;
            meta.creationTimestamp = prev.creationTimestamp;
            if (type.namespaced)
                meta.namespace = prev.namespace;
            if (prev.deletionTimestamp) {
                meta.deletionTimestamp = prev.deletionTimestamp;
                const added = (meta.finalizers ?? []).filter((f) => !(prev.finalizers ?? []).includes(f));
                if (added.length) {
                    throw invalid(type.kind, type.group, prev.name, [
                        {
                            reason: 'FieldValueForbidden',
                            field: 'metadata.finalizers',
                            message: 'Forbidden: no new finalizers can be added if the object is being deleted',
                        },
                    ]);
                }
            }
            else
                delete meta.deletionTimestamp;
            if (type.generation) {
                const strip = (o) => {
                    const { metadata: _m, status: _s, ...rest } = o;
                    return JSON.stringify(rest);
                };
                meta.generation = (prev.generation ?? 1) + (strip(previous) === strip(next) ? 0 : 1);
            }
            if (type.group === '' && type.kind === 'Secret' && isPlainObject(next.stringData)) {
                next.data = { ...(next.data ?? {}) };
                for (const [k, v] of Object.entries(next.stringData))
                    next.data[k] = Buffer.from(String(v)).toString('base64');
                delete next.stringData;
            }
            const causes = [...validateObject(type, next), ...validateUpdate(type, previous, next)];
            if (causes.length)
                throw invalid(type.kind, type.group, prev.name, causes);
        }
        delete next.metadata.resourceVersion;
        recordUpdate({
            previous,
            next,
            manager: this.manager(options),
            typed: type.strategicMerge,
            apiVersion: apiVersionOf(type),
            now: this.clock.timestamp(),
            subresource: options.subresource,
        });
        if (JSON.stringify({ ...next, metadata: { ...next.metadata, resourceVersion: undefined } }) ===
            JSON.stringify({ ...previous, metadata: { ...previous.metadata, resourceVersion: undefined } })) {
            // A no-op write does not bump resourceVersion, as a real server's does not.
            return this.present(type, previous);
        }
        return this.commit(type, previous, next, options);
    }
    patch(type, namespace, name, contentType, body, options = {}) {
        const media = contentType.split(';')[0].trim();
        if (media === PATCH_TYPES.apply)
            return this.apply(type, namespace, name, body, options);
        if (media === PATCH_TYPES.applyCbor)
            throw unsupportedMediaType(contentType);
        const previous = this.tryGet(type, namespace, name);
        if (!previous)
            throw notFound(type.plural, type.group, name);
        const current = this.present(type, previous);
        let patched;
        let source = { via: 'merge-patch' };
        switch (media) {
            case PATCH_TYPES.merge:
                patched = applyMergePatch(current, body);
                break;
            case PATCH_TYPES.json:
                patched = applyJsonPatch(current, body);
                break;
            case PATCH_TYPES.strategic:
                if (!type.strategicMerge)
                    throw unsupportedMediaType(contentType);
                patched = applyStrategicMergePatch(current, body);
                source = { via: 'strategic-merge-patch', patch: body };
                break;
            default:
                throw unsupportedMediaType(contentType);
        }
        const incoming = this.checkBody(type, patched, namespace, options, source);
        const rv = isPlainObject(body) && isPlainObject(body.metadata) ? body.metadata.resourceVersion : undefined;
        if (typeof rv === 'string' && rv && rv !== previous.metadata.resourceVersion) {
            throw conflict(type.plural, type.group, name, 'the object has been modified; please apply your changes to the latest version and try again');
        }
        if (options.subresource !== 'status' && type.statusSubresource)
            incoming.status = previous.status;
        return this.replace(type, previous, incoming, options);
    }
    /** Server-side apply: creates when missing, otherwise merges by field ownership. */
    apply(type, namespace, name, body, options = {}) {
        if (!options.fieldManager) {
            throw badRequest('PATCH requests with the apply content type must set fieldManager (for example with ?fieldManager=my-tool)');
        }
        const config = this.checkBody(type, body, namespace, options, { via: 'apply' });
        if (config.metadata.name && config.metadata.name !== name) {
            throw badRequest(`the name of the object (${config.metadata.name}) does not match the name on the URL (${name})`);
        }
        if (!config.apiVersion || !config.kind)
            throw badRequest('apply requires apiVersion and kind in the body');
        const previous = this.tryGet(type, namespace, name);
        const result = serverSideApply({
            live: previous ? this.present(type, previous) : undefined,
            config,
            manager: options.fieldManager,
            force: options.force ?? false,
            typed: type.strategicMerge,
            apiVersion: apiVersionOf(type),
            now: this.clock.timestamp(),
            subresource: options.subresource,
        });
        if ('conflicts' in result) {
            throw new ApiError(409, 'Conflict', describeConflicts(result.conflicts), {
                causes: result.conflicts.map((c) => ({
                    reason: 'FieldManagerConflict',
                    message: `conflict with "${c.manager}" using ${c.apiVersion}`,
                    field: c.field,
                })),
            });
        }
        const merged = result.object;
        merged.metadata = { ...merged.metadata, name };
        if (!previous) {
            // Created with the ownership apply computed, in one write: one ADDED event, as a real server sends.
            return this.create(type, namespace, { ...merged, metadata: { ...merged.metadata, managedFields: undefined } }, { ...options, fieldManager: options.fieldManager }, { managedFields: merged.metadata.managedFields });
        }
        const managed = merged.metadata.managedFields;
        const next = this.replaceKeepingManaged(type, previous, merged, options, managed);
        return next;
    }
    replaceKeepingManaged(type, previous, merged, options, managed) {
        // Apply has already computed ownership; the shared path must not re-attribute the changes as an Update.
        const result = this.replace(type, previous, merged, { ...options, fieldManager: options.fieldManager });
        const stored = options.dryRun
            ? result
            : this.tryGet(type, previous.metadata.namespace, previous.metadata.name);
        if (!stored)
            return result;
        const withApply = { ...stored, metadata: { ...stored.metadata, managedFields: managed } };
        if (!options.dryRun && stored.metadata.resourceVersion !== previous.metadata.resourceVersion)
            this.store.put(this.gk(type), withApply);
        else if (!options.dryRun && JSON.stringify(previous.metadata.managedFields) !== JSON.stringify(managed)) {
            withApply.metadata.resourceVersion = String(this.store.nextRv());
            this.store.put(this.gk(type), withApply);
        }
        return this.present(type, withApply);
    }
    delete(type, namespace, name, options = {}) {
        const existing = this.tryGet(type, namespace, name);
        if (!existing)
            throw notFound(type.plural, type.group, name);
        const pre = options.preconditions;
        if (pre?.uid && pre.uid !== existing.metadata.uid) {
            throw conflict(type.plural, type.group, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${existing.metadata.uid}`);
        }
        if (pre?.resourceVersion && pre.resourceVersion !== existing.metadata.resourceVersion) {
            throw conflict(type.plural, type.group, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${existing.metadata.resourceVersion}`);
        }
        let policy = options.propagationPolicy;
        if (!policy && type.group === 'batch' && type.kind === 'Job') {
            policy = 'Orphan';
            options.warnings?.push('child pods are preserved by default when jobs are deleted; set propagationPolicy=Background to remove them or set propagationPolicy=Orphan to suppress this warning');
        }
        policy ??= 'Background';
        const next = cloneJson(existing);
        const finalizers = [...(next.metadata.finalizers ?? [])];
        const isNamespace = type.group === '' && type.kind === 'Namespace';
        if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion'))
            finalizers.push('foregroundDeletion');
        if (policy === 'Orphan' && !finalizers.includes('orphan'))
            finalizers.push('orphan');
        const waits = finalizers.length > 0 || isNamespace;
        if (!waits) {
            if (options.dryRun)
                return { object: this.present(type, existing), code: 200 };
            this.store.remove(this.gk(type), existing.metadata.namespace, name);
            return { object: this.present(type, existing), code: 200 };
        }
        if (existing.metadata.deletionTimestamp &&
            JSON.stringify(finalizers) === JSON.stringify(existing.metadata.finalizers ?? [])) {
            return { object: this.present(type, existing), code: 202 };
        }
        next.metadata.finalizers = finalizers;
        next.metadata.deletionTimestamp ??= this.clock.timestamp();
        next.metadata.deletionGracePeriodSeconds = 0;
        if (isNamespace)
            next.status = { ...(next.status ?? {}), phase: 'Terminating' };
        if (options.dryRun)
            return { object: this.present(type, next), code: 202 };
        next.metadata.resourceVersion = String(this.store.nextRv());
        this.store.put(this.gk(type), next);
        return { object: this.present(type, next), code: 202 };
    }
    /** Stores a validated object; an object being deleted whose last finalizer went is removed instead. */
    commit(type, previous, next, options) {
        if (options.dryRun) {
            return this.present(type, {
                ...next,
                metadata: { ...next.metadata, resourceVersion: previous?.metadata.resourceVersion ?? '' },
            });
        }
        if (next.metadata.deletionTimestamp &&
            (next.metadata.finalizers ?? []).length === 0 &&
            !(type.group === '' && type.kind === 'Namespace')) {
            this.store.remove(this.gk(type), next.metadata.namespace, next.metadata.name);
            return this.present(type, next);
        }
        if (next.metadata.finalizers && next.metadata.finalizers.length === 0)
            delete next.metadata.finalizers;
        next.metadata.resourceVersion = String(this.store.nextRv());
        this.store.put(this.gk(type), next);
        return this.present(type, next);
    }
    /** For controllers: remove an object whose deletion has completed (finalizers done). */
    finalize(type, obj) {
        this.store.remove(this.gk(type), obj.metadata.namespace, obj.metadata.name);
    }
    /** For controllers: write status with the system's field manager, ignoring races they will retry. */
    writeStatus(type, obj, status) {
        const current = this.tryGet(type, obj.metadata.namespace, obj.metadata.name);
        if (!current || current.metadata.uid !== obj.metadata.uid)
            return undefined;
        if (JSON.stringify(current.status) === JSON.stringify(status))
            return current;
        return this.replace(type, current, { ...cloneJson(current), status }, {
            subresource: type.statusSubresource ? 'status' : undefined,
            fieldManager: SYSTEM_MANAGER,
        });
    }
    /** For controllers: change an object's metadata or spec with the system's field manager. */
    writeObject(type, obj) {
        const current = this.tryGet(type, obj.metadata.namespace, obj.metadata.name);
        if (!current || current.metadata.uid !== obj.metadata.uid)
            return undefined;
        return this.replace(type, current, cloneJson({
            ...obj,
            metadata: { ...obj.metadata, resourceVersion: undefined },
        }), {
            fieldManager: SYSTEM_MANAGER,
        });
    }
    /** The scheduler's binding (`pods/binding`): sets spec.nodeName, which no update may change. */
    bindPod(pod, nodeName) {
        const type = this.registry.byKind('', 'Pod');
        const current = this.tryGet(type, pod.metadata.namespace, pod.metadata.name);
        if (!current || current.metadata.uid !== pod.metadata.uid || current.metadata.deletionTimestamp)
            return undefined;
        const next = cloneJson(current);
        next.spec = { ...next.spec, nodeName };
        recordUpdate({
            previous: current,
            next,
            manager: 'kube-scheduler',
            typed: true,
            apiVersion: 'v1',
            now: this.clock.timestamp(),
        });
        return this.commit(type, current, next, {});
    }
    allocateClusterIP() {
        const n = this.nextClusterIP++;
        return `10.96.${Math.floor(n / 250)}.${(n % 250) + 1}`;
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/clock.ts
/**
 * Simulated durations. Every delay the controllers and the kubelet take (a container's `sleep 5`, image
 * pull back-off, a Job's pod re-creation delay) is expressed in simulated milliseconds and scaled by
 * `timeScale` into real time, so tests can run a "30 second" migration in a few hundred milliseconds.
 * Timestamps written into objects are wall-clock, as a real cluster's are.
 */
class SimClock {
    timeScale;
    timers = new Set();
    stopped = false;
    constructor(timeScale = 1) {
        this.timeScale = timeScale;
    }
    /** Real milliseconds for a simulated duration. */
    real(simulatedMs) {
        return Math.max(0, simulatedMs * this.timeScale);
    }
    after(simulatedMs, fn) {
        if (this.stopped)
            return () => { };
        const timer = setTimeout(() => {
            this.timers.delete(timer);
            if (!this.stopped)
                fn();
        }, this.real(simulatedMs));
        this.timers.add(timer);
        return () => {
            clearTimeout(timer);
            this.timers.delete(timer);
        };
    }
    now() {
        return new Date();
    }
    /**
     * RFC 3339 with milliseconds. Real clusters write whole seconds; here durations are scaled (20 times
     * faster in tests), so a second's rounding would become twenty simulated seconds of error in every
     * deadline and back-off the controllers compute from these timestamps.
     */
    timestamp(date) {
        if (date)
            return date.toISOString();
        // Several writes a millisecond under load: the same millisecond is formatted once.
        const ms = Date.now();
        if (ms !== this.lastStamp.ms)
            this.lastStamp = { ms, text: new Date(ms).toISOString() };
        return this.lastStamp.text;
    }
    lastStamp = { ms: NaN, text: '' };
    /** Simulated milliseconds elapsed since a wall-clock timestamp. */
    simulatedSince(timestamp) {
        const real = Date.now() - Date.parse(timestamp);
        return this.timeScale > 0 ? real / this.timeScale : Number.POSITIVE_INFINITY;
    }
    stop() {
        this.stopped = true;
        for (const t of this.timers)
            clearTimeout(t);
        this.timers.clear();
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/controller.ts
class Controller {
    ctx;
    constructor(ctx) {
        this.ctx = ctx;
    }
    /** Keys to reconcile at start-up (after a state restore). */
    initialKeys() {
        return [];
    }
}
/**
 * A controller whose primary objects own pods (Job, ReplicaSet, StatefulSet, DaemonSet): it reconciles an
 * object when it changes and when one of its pods does.
 */
class PodOwnerController extends Controller {
    keysFor(e) {
        if (e.gk === this.primary)
            return e.type === 'DELETED' ? [] : [keyOf(e.object)];
        if (e.gk === '/Pod') {
            const owner = controllerOf(e.object, this.primary.slice(this.primary.indexOf('/') + 1));
            return owner ? [owner] : [];
        }
        return [];
    }
    initialKeys() {
        return this.ctx.api.store.list(this.primary).map(keyOf);
    }
}
function keyOf(obj) {
    return `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}
function splitKey(key) {
    const slash = key.indexOf('/');
    const namespace = key.slice(0, slash);
    return { namespace: namespace || undefined, name: key.slice(slash + 1) };
}
/** The controller owner of an object, if it is of the given kind. */
function controllerOf(obj, kind) {
    const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller && r.kind === kind);
    return ref ? `${obj.metadata.namespace ?? ''}/${ref.name}` : undefined;
}
function ownedBy(obj, owner) {
    return (obj.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid && r.controller);
}
function ownerReference(owner, apiVersion, kind) {
    return {
        apiVersion,
        kind,
        name: owner.metadata.name,
        uid: owner.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
    };
}
function condition(obj, type) {
    const conds = (obj.status?.conditions ?? []);
    return conds.find((c) => c.type === type);
}
function isTrue(obj, type) {
    return condition(obj, type)?.status === 'True';
}
/** Sets a condition, keeping lastTransitionTime when the status does not change. */
function withCondition(conditions, next, now, extra = {}) {
    const existing = conditions.find((c) => c.type === next.type);
    const entry = {
        ...extra,
        type: next.type,
        status: next.status,
        ...(next.reason ? { reason: next.reason } : {}),
        ...(next.message ? { message: next.message } : {}),
        lastTransitionTime: existing && existing.status === next.status ? existing.lastTransitionTime : now,
    };
    if (existing && JSON.stringify({ ...existing }) === JSON.stringify(entry))
        return [...conditions];
    return [...conditions.filter((c) => c.type !== next.type), entry];
}
class ControllerManager {
    ctxBase;
    queue = new Map();
    scheduled = false;
    stopped = false;
    unsubscribe;
    controllers = [];
    constructor(ctxBase) {
        this.ctxBase = ctxBase;
    }
    get context() {
        return {
            ...this.ctxBase,
            requeueAfter: (c, k, ms) => this.ctxBase.clock.after(ms, () => this.enqueue(c, k)),
        };
    }
    add(factory) {
        this.controllers.push(factory(this.context));
    }
    start() {
        this.unsubscribe = this.ctxBase.api.store.subscribe((e) => {
            for (const c of this.controllers)
                for (const k of c.keysFor(e))
                    this.enqueue(c, k);
        });
        for (const c of this.controllers)
            for (const k of c.initialKeys())
                this.enqueue(c, k);
    }
    stop() {
        this.stopped = true;
        this.unsubscribe?.();
    }
    enqueue(controller, key) {
        if (this.stopped)
            return;
        let keys = this.queue.get(controller);
        if (!keys)
            this.queue.set(controller, (keys = new Set()));
        keys.add(key);
        if (!this.scheduled) {
            this.scheduled = true;
            setImmediate(() => this.drain());
        }
    }
    drain() {
        this.scheduled = false;
        if (this.stopped)
            return;
        const batch = [...this.queue];
        this.queue.clear();
        for (const [controller, keys] of batch) {
            for (const key of keys) {
                try {
                    controller.reconcile(key);
                }
                catch (err) {
                    // A conflict or a vanished object: the next event brings the controller back, as in Kubernetes.
                    if (err.code === undefined)
                        console.error(`embedded ${controller.name}:`, err);
                    this.ctxBase.clock.after(1000, () => this.enqueue(controller, key));
                }
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/crd-controller.ts


const CRD_ESTABLISH_DELAY_MS = 100;
function typesFromCrd(crd) {
    const spec = (crd.spec ?? {});
    const names = (spec.names ?? {});
    const versions = (spec.versions ?? []).filter((v) => v.served !== false);
    return versions.map((v) => ({
        group: String(spec.group),
        version: String(v.name),
        kind: String(names.kind),
        plural: String(names.plural),
        singular: String(names.singular ?? String(names.kind).toLowerCase()),
        namespaced: spec.scope !== 'Cluster',
        shortNames: (names.shortNames ?? []).map(String),
        categories: (names.categories ?? []).map(String),
        statusSubresource: !!v.subresources?.status,
        generation: true,
        strategicMerge: false,
        fromCrd: crd.metadata.name,
    }));
}
class CrdController extends Controller {
    name = 'crd-controller';
    keysFor(e) {
        if (e.gk !== 'apiextensions.k8s.io/CustomResourceDefinition')
            return [];
        if (e.type === 'DELETED') {
            this.remove(e.object);
            return [];
        }
        return [`/${e.object.metadata.name}`];
    }
    initialKeys() {
        return this.ctx.api.store
            .list('apiextensions.k8s.io/CustomResourceDefinition')
            .map((c) => `/${c.metadata.name}`);
    }
    remove(crd) {
        const api = this.ctx.api;
        for (const t of api.registry.removeCrdTypes(crd.metadata.name)) {
            for (const obj of api.store.list(api.gk(t)))
                api.store.remove(api.gk(t), obj.metadata.namespace, obj.metadata.name);
        }
    }
    reconcile(key) {
        const api = this.ctx.api;
        const type = api.registry.byKind('apiextensions.k8s.io', 'CustomResourceDefinition');
        const crd = api.tryGet(type, undefined, key.slice(1));
        if (!crd)
            return;
        if (crd.metadata.deletionTimestamp) {
            const finalizers = (crd.metadata.finalizers ?? []).filter((f) => f !== 'customresourcecleanup.apiextensions.k8s.io');
            this.remove(crd);
            api.writeObject(type, {
                ...cloneJson(crd),
                metadata: { ...cloneJson(crd.metadata), finalizers },
            });
            return;
        }
        const status = (crd.status ?? {});
        const conds = (status.conditions ?? []);
        const established = conds.some((c) => c.type === 'Established' && c.status === 'True');
        if (established) {
            // After a restart the kinds are served again straight away.
            for (const t of typesFromCrd(crd))
                if (!api.registry.byResource(t.group, t.version, t.plural))
                    api.registry.add(t);
            return;
        }
        if (conds.some((c) => c.type === 'NamesAccepted' && c.status === 'True')) {
            this.ctx.clock.after(CRD_ESTABLISH_DELAY_MS, () => this.establish(crd.metadata.name));
            return;
        }
        // Names are accepted now; the kind is served and Established after a short delay, as a real server does.
        const now = this.ctx.clock.timestamp();
        let conditions = withCondition(conds, { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found' }, now);
        conditions = withCondition(conditions, {
            type: 'Established',
            status: 'False',
            reason: 'Installing',
            message: 'the initial names have been accepted',
        }, now);
        const spec = (crd.spec ?? {});
        api.writeStatus(type, crd, {
            conditions,
            acceptedNames: spec.names,
            storedVersions: typesFromCrd(crd)
                .slice(0, 1)
                .map((t) => t.version),
        });
    }
    establish(name) {
        const api = this.ctx.api;
        const type = api.registry.byKind('apiextensions.k8s.io', 'CustomResourceDefinition');
        const crd = api.tryGet(type, undefined, name);
        if (!crd || crd.metadata.deletionTimestamp)
            return;
        for (const t of typesFromCrd(crd))
            api.registry.add(t);
        const status = (crd.status ?? {});
        const conditions = withCondition((status.conditions ?? []), {
            type: 'Established',
            status: 'True',
            reason: 'InitialNamesAccepted',
            message: 'the initial names have been accepted',
        }, this.ctx.clock.timestamp());
        api.writeStatus(type, crd, { ...status, conditions });
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/kubelet/shell-script.ts
/**
 * A small `sh -c` interpreter for simulated containers. It understands what hook scripts in examples and
 * tests do: `echo`, `printf`, `sleep N`, `exit N`, `true`, `false`, `oom` (the container is OOM-killed),
 * `$VAR` from the container's env, `> /dev/termination-log`, and `;`, `&&`, `||` and newlines between
 * commands. Any other command "succeeds" at once and leaves a note in the log, so realistic scripts
 * (`psql …`, `curl …`) still run to completion.
 */
class ScriptSyntaxError extends Error {
}
function expand(text, env) {
    return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, a, b) => env[a ?? b] ?? '');
}
/** Splits a script into tokens, honouring quotes, escapes and comments. */
function tokenize(script, env = {}) {
    const tokens = [];
    let word = '';
    let inWord = false;
    const flush = () => {
        if (inWord)
            tokens.push({ kind: 'word', text: word });
        word = '';
        inWord = false;
    };
    for (let i = 0; i < script.length; i++) {
        const ch = script[i];
        if (ch === "'") {
            const end = script.indexOf("'", i + 1);
            if (end < 0)
                throw new ScriptSyntaxError('unterminated quoted string');
            word += script.slice(i + 1, end);
            inWord = true;
            i = end;
        }
        else if (ch === '"') {
            let j = i + 1;
            let text = '';
            while (j < script.length && script[j] !== '"') {
                if (script[j] === '\\' && j + 1 < script.length && '"\\$`'.includes(script[j + 1])) {
                    text += script[j + 1];
                    j += 2;
                }
                else
                    text += script[j++];
            }
            if (j >= script.length)
                throw new ScriptSyntaxError('unterminated quoted string');
            word += expand(text, env);
            inWord = true;
            i = j;
        }
        else if (ch === '\\' && i + 1 < script.length) {
            if (script[i + 1] === '\n')
                i++;
            else {
                word += script[i + 1];
                inWord = true;
                i++;
            }
        }
        else if (ch === '#' && !inWord) {
            while (i < script.length && script[i] !== '\n')
                i++;
            i--;
        }
        else if (ch === '\n' || ch === ';') {
            flush();
            tokens.push({ kind: 'op', text: ';' });
        }
        else if (script.startsWith('&&', i) || script.startsWith('||', i)) {
            flush();
            tokens.push({ kind: 'op', text: script.slice(i, i + 2) });
            i++;
        }
        else if (script.startsWith('2>&1', i)) {
            flush();
            tokens.push({ kind: 'op', text: '2>&1' });
            i += 3;
        }
        else if (script.startsWith('>&2', i) || script.startsWith('1>&2', i)) {
            flush();
            tokens.push({ kind: 'op', text: '>&2' });
            i += script.startsWith('1>&2', i) ? 3 : 2;
        }
        else if (script.startsWith('>>', i)) {
            flush();
            tokens.push({ kind: 'op', text: '>>' });
            i++;
        }
        else if (ch === '>') {
            flush();
            tokens.push({ kind: 'op', text: '>' });
        }
        else if (ch === ' ' || ch === '\t' || ch === '\r')
            flush();
        else if (ch === '$') {
            const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}|^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(script.slice(i));
            if (m) {
                word += env[m[1] ?? m[2]] ?? '';
                inWord = true;
                i += m[0].length - 1;
            }
            else {
                word += ch;
                inWord = true;
            }
        }
        else {
            word += ch;
            inWord = true;
        }
    }
    flush();
    return tokens;
}
/** Groups tokens into chains of simple commands. */
function parseScript(script, env = {}) {
    const tokens = tokenize(script, env);
    const chains = [];
    let current;
    let chain;
    let pendingOp;
    const endCommand = () => {
        if (!current)
            return;
        if (!chain)
            chain = { first: current, rest: [] };
        else
            chain.rest.push({ op: pendingOp, command: current });
        current = undefined;
        pendingOp = undefined;
    };
    for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        if (t.kind === 'word') {
            current ??= { argv: [] };
            current.argv.push(t.text);
            continue;
        }
        switch (t.text) {
            case '>':
            case '>>': {
                const target = tokens[i + 1];
                if (!target || target.kind !== 'word')
                    throw new ScriptSyntaxError(`syntax error near "${t.text}"`);
                current ??= { argv: [] };
                current.redirect = { path: target.text, append: t.text === '>>' };
                i++;
                break;
            }
            case '>&2':
            case '2>&1':
                break; // stderr and stdout both go to the container log
            case '&&':
            case '||':
                if (!current)
                    throw new ScriptSyntaxError(`syntax error near "${t.text}"`);
                endCommand();
                pendingOp = t.text;
                break;
            case ';':
                if (pendingOp && !current)
                    continue; // `a &&\n b`: the newline continues the chain
                endCommand();
                if (chain)
                    chains.push(chain);
                chain = undefined;
                break;
        }
    }
    if (pendingOp && !current)
        throw new ScriptSyntaxError(`syntax error: unexpected end of script after "${pendingOp}"`);
    endCommand();
    if (chain)
        chains.push(chain);
    return chains;
}
class ExitSignal {
    outcome;
    constructor(outcome) {
        this.outcome = outcome;
    }
}
function unescapePrintf(text) {
    return text.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/%%/g, '%');
}
async function runCommand(cmd, host) {
    const [name, ...args] = cmd.argv;
    if (!name)
        return 0;
    const output = (text) => {
        if (cmd.redirect) {
            if (cmd.redirect.path === '/dev/termination-log')
                host.terminationMessage(text, cmd.redirect.append);
            else if (cmd.redirect.path !== '/dev/null')
                host.log(`[embedded-cluster] wrote to ${cmd.redirect.path}`);
            return;
        }
        for (const line of text.replace(/\n$/, '').split('\n'))
            host.log(line);
    };
    switch (name) {
        case 'echo': {
            let rest = args;
            let newline = true;
            if (rest[0] === '-n') {
                newline = false;
                rest = rest.slice(1);
            }
            else if (rest[0] === '-e')
                rest = rest.slice(1).map(unescapePrintf);
            output(rest.join(' ') + (newline ? '\n' : ''));
            return 0;
        }
        case 'printf': {
            const [format = '', ...values] = args;
            let i = 0;
            output(unescapePrintf(format.replace(/%[sd]/g, () => values[i++] ?? '')));
            return 0;
        }
        case 'sleep': {
            const seconds = Number.parseFloat(args[0] ?? '0');
            if (!Number.isFinite(seconds) || seconds < 0) {
                host.log(`sleep: invalid time interval '${args[0] ?? ''}'`);
                return 1;
            }
            await host.sleep(seconds * 1000);
            return 0;
        }
        case 'true':
        case ':':
        case 'set':
            return 0;
        case 'false':
            return 1;
        case 'exit': {
            const code = args[0] === undefined ? 0 : Number.parseInt(args[0], 10);
            throw new ExitSignal({ exitCode: Number.isFinite(code) ? code & 255 : 2 });
        }
        case 'oom':
            throw new ExitSignal({ exitCode: 137, reason: 'OOMKilled' });
        default:
            host.log(`[embedded-cluster] simulated "${cmd.argv.join(' ')}": succeeded`);
            return 0;
    }
}
/** Runs a script; the exit code is the last command's, or what `exit` says. */
async function runScript(chains, host) {
    let status = 0;
    try {
        for (const chain of chains) {
            status = await runCommand(chain.first, host);
            for (const link of chain.rest) {
                if ((link.op === '&&' && status === 0) || (link.op === '||' && status !== 0))
                    status = await runCommand(link.command, host);
            }
        }
    }
    catch (err) {
        if (err instanceof ExitSignal)
            return err.outcome;
        throw err;
    }
    return { exitCode: status };
}
const SHELLS = new Set(['sh', 'bash', 'ash', '/bin/sh', '/bin/bash', '/bin/ash', '/usr/bin/env']);
function quote(word) {
    return /^[A-Za-z0-9_./=:@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
function programOf(container) {
    const command = Array.isArray(container.command) ? container.command.map(String) : [];
    const args = Array.isArray(container.args) ? container.args.map(String) : [];
    const argv = [...command, ...args];
    if (argv.length === 0)
        return { kind: 'server' };
    if (argv[0] === '/usr/bin/env')
        argv.shift();
    if (SHELLS.has(argv[0])) {
        const c = argv.indexOf('-c');
        if (c >= 0)
            return { kind: 'script', source: argv[c + 1] ?? '' };
        if (argv.length === 1)
            return { kind: 'server' };
    }
    if (command.length === 0)
        return { kind: 'server' };
    return { kind: 'script', source: argv.map(quote).join(' ') };
}

;// CONCATENATED MODULE: ./src/embedded-cluster/kubelet/kubelet.ts
/**
 * One simulated node and its kubelet: schedules pods onto itself (or says why it cannot), pulls images
 * (those whose name contains `does-not-exist` never pull), resolves env from ConfigMaps and Secrets, runs
 * containers' scripts, restarts them per restartPolicy with the real back-off, and reports it all in pod
 * status and Events, the way a person sees it in `kubectl describe pod`.
 */


const NODE_NAME = 'embedded-node';
const NODE_LABELS = {
    'kubernetes.io/hostname': NODE_NAME,
    'kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'node-role.kubernetes.io/control-plane': '',
};
const CAPACITY = { cpuMillis: 4000, memoryBytes: 16 * 1024 ** 3, pods: 110 };
/** Simulated durations (ms), scaled by the clock. */
const KUBELET_TIMING = {
    imagePull: 400,
    containerStart: 100,
    configRetry: 5000,
    backoffStart: 10_000,
    backoffMax: 300_000,
};
class Killed extends Error {
}
/** `busybox:1.36` → `docker.io/library/busybox:1.36`, as the container runtime names it. */
function fullImageReference(image) {
    const first = image.split('/')[0];
    const hasRegistry = image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
    const named = hasRegistry
        ? image
        : image.includes('/')
            ? `docker.io/${image}`
            : `docker.io/library/${image}`;
    const last = named.split('/').pop();
    return last.includes(':') || last.includes('@') ? named : `${named}:latest`;
}
function parseQuantity(q, memory) {
    if (q === undefined || q === null)
        return 0;
    const s = String(q);
    const m = /^([0-9.]+)([a-zA-Z]*)$/.exec(s);
    if (!m)
        return 0;
    const n = Number(m[1]);
    const unit = m[2];
    if (!memory)
        return unit === 'm' ? n : n * 1000;
    const bin = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 };
    const dec = { k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12 };
    return n * (bin[unit] ?? dec[unit] ?? 1);
}
class Kubelet {
    api;
    events;
    logs;
    clock;
    runtimes = new Map();
    unsubscribe;
    podIPCounter = 2;
    podType;
    constructor(api, events, logs, clock) {
        this.api = api;
        this.events = events;
        this.logs = logs;
        this.clock = clock;
        this.podType = api.registry.byKind('', 'Pod');
    }
    start() {
        this.registerNode();
        this.unsubscribe = this.api.store.subscribe((e) => this.onEvent(e));
        for (const pod of this.api.store.list('/Pod'))
            this.adopt(pod);
    }
    stop() {
        this.unsubscribe?.();
        for (const r of this.runtimes.values())
            r.kill();
        this.runtimes.clear();
    }
    nextPodIP() {
        const n = this.podIPCounter++;
        return `10.244.${Math.floor(n / 250)}.${(n % 250) + 1}`;
    }
    registerNode() {
        const nodeType = this.api.registry.byKind('', 'Node');
        if (this.api.tryGet(nodeType, undefined, NODE_NAME))
            return;
        const now = this.clock.timestamp();
        const node = this.api.create(nodeType, undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: NODE_NAME, labels: NODE_LABELS } }, { fieldManager: 'kubelet' });
        const resources = {
            cpu: String(CAPACITY.cpuMillis / 1000),
            memory: '16Gi',
            pods: String(CAPACITY.pods),
            'ephemeral-storage': '100Gi',
        };
        this.api.writeStatus(nodeType, node, {
            capacity: resources,
            allocatable: resources,
            conditions: [
                {
                    type: 'Ready',
                    status: 'True',
                    reason: 'KubeletReady',
                    message: 'kubelet is posting ready status',
                    lastHeartbeatTime: now,
                    lastTransitionTime: now,
                },
                {
                    type: 'MemoryPressure',
                    status: 'False',
                    reason: 'KubeletHasSufficientMemory',
                    message: 'kubelet has sufficient memory available',
                    lastHeartbeatTime: now,
                    lastTransitionTime: now,
                },
                {
                    type: 'DiskPressure',
                    status: 'False',
                    reason: 'KubeletHasNoDiskPressure',
                    message: 'kubelet has no disk pressure',
                    lastHeartbeatTime: now,
                    lastTransitionTime: now,
                },
                {
                    type: 'PIDPressure',
                    status: 'False',
                    reason: 'KubeletHasSufficientPID',
                    message: 'kubelet has sufficient PID available',
                    lastHeartbeatTime: now,
                    lastTransitionTime: now,
                },
            ],
            addresses: [
                { type: 'InternalIP', address: '10.0.0.10' },
                { type: 'Hostname', address: NODE_NAME },
            ],
            nodeInfo: {
                kubeletVersion: 'v1.32.0-hook-sync',
                operatingSystem: 'linux',
                architecture: 'amd64',
                containerRuntimeVersion: 'embedded://1.0',
                kernelVersion: 'embedded',
                osImage: 'hook-sync embedded cluster',
                kubeProxyVersion: 'v1.32.0',
                machineID: 'embedded',
                systemUUID: 'embedded',
                bootID: 'embedded',
            },
        });
    }
    adopt(pod) {
        if (this.runtimes.has(pod.metadata.uid))
            return;
        // A pod restored from a state file that had already finished stays finished.
        const phase = pod.status?.phase;
        if (phase === 'Succeeded' || phase === 'Failed')
            return;
        const runtime = new PodRuntime(this, pod);
        this.runtimes.set(pod.metadata.uid, runtime);
        void runtime.run().catch((err) => {
            if (!(err instanceof Killed))
                console.error('embedded kubelet:', err);
        });
    }
    onEvent(e) {
        if (e.gk === '/Pod') {
            if (e.type === 'ADDED')
                this.adopt(e.object);
            else if (e.type === 'DELETED') {
                const r = this.runtimes.get(e.object.metadata.uid);
                r?.kill();
                this.runtimes.delete(e.object.metadata.uid);
                this.logs.forget(e.object.metadata.namespace, e.object.metadata.name);
            }
            else if (e.object.metadata.deletionTimestamp)
                this.runtimes.get(e.object.metadata.uid)?.terminate();
            return;
        }
        if (e.gk === '/ConfigMap' || e.gk === '/Secret' || e.gk === '/PersistentVolumeClaim') {
            for (const r of this.runtimes.values())
                if (r.namespace === e.object.metadata.namespace)
                    r.wake();
        }
    }
}
class PodRuntime {
    kubelet;
    pod;
    namespace;
    name;
    uid;
    killed = false;
    cancels = new Set();
    wakers = new Set();
    init = [];
    main = [];
    conditions = [];
    phase = 'Pending';
    podIP;
    startTime;
    termination = new Map();
    constructor(kubelet, pod) {
        this.kubelet = kubelet;
        this.pod = pod;
        this.namespace = pod.metadata.namespace;
        this.name = pod.metadata.name;
        this.uid = pod.metadata.uid;
        const spec = (pod.spec ?? {});
        const status = (c) => ({
            name: String(c.name),
            image: String(c.image),
            state: { waiting: { reason: 'PodInitializing' } },
            restartCount: 0,
            ready: false,
            started: false,
        });
        for (const c of (spec.initContainers ?? []))
            this.init.push(status(c));
        for (const c of (spec.containers ?? []))
            this.main.push({
                ...status(c),
                state: { waiting: { reason: this.init.length ? 'PodInitializing' : 'ContainerCreating' } },
            });
        kubelet.logs.register(this.namespace, this.name, this.init.map((c) => c.name), this.main.map((c) => c.name));
    }
    get api() {
        return this.kubelet.api;
    }
    get clock() {
        return this.kubelet.clock;
    }
    get spec() {
        return (this.pod.spec ?? {});
    }
    get restartPolicy() {
        return String(this.spec.restartPolicy ?? 'Always');
    }
    kill() {
        this.killed = true;
        for (const c of this.cancels)
            c();
        this.cancels.clear();
    }
    /** Graceful deletion: containers are stopped; the API object goes when its deletion completes. */
    terminate() {
        if (this.killed)
            return;
        this.kill();
        for (const c of [...this.init, ...this.main])
            this.kubelet.logs.stop(this.namespace, this.name, c.name);
    }
    wake() {
        for (const w of [...this.wakers])
            w();
    }
    sleep(simulatedMs, wakeable = false) {
        return new Promise((resolve, reject) => {
            if (this.killed)
                return reject(new Killed());
            let cancelTimer = () => { };
            const done = () => {
                this.cancels.delete(cancel);
                this.wakers.delete(done);
                cancelTimer();
                resolve();
            };
            const cancel = () => {
                cancelTimer();
                this.wakers.delete(done);
                reject(new Killed());
            };
            cancelTimer = this.clock.after(simulatedMs, done);
            this.cancels.add(cancel);
            if (wakeable)
                this.wakers.add(done);
        });
    }
    event(type, reason, message, container) {
        const fieldPath = container
            ? `spec.${this.init.some((c) => c.name === container) ? 'initContainers' : 'containers'}{${container}}`
            : undefined;
        this.kubelet.events.record(this.current(), type, reason, message, 'kubelet', fieldPath);
    }
    current() {
        return this.api.present(this.kubelet.podType, this.api.tryGet(this.kubelet.podType, this.namespace, this.name) ?? this.pod);
    }
    setCondition(type, status, reason, message) {
        const existing = this.conditions.find((c) => c.type === type);
        const now = this.clock.timestamp();
        if (existing && existing.status === status && existing.reason === reason && existing.message === message)
            return;
        const next = {
            type,
            status,
            lastProbeTime: null,
            lastTransitionTime: existing?.status === status ? existing.lastTransitionTime : now,
        };
        if (reason)
            next.reason = reason;
        if (message)
            next.message = message;
        this.conditions = [...this.conditions.filter((c) => c.type !== type), next];
    }
    publish() {
        if (this.killed)
            return;
        const status = {
            phase: this.phase,
            conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']
                .map((t) => this.conditions.find((c) => c.type === t))
                .filter(Boolean),
            qosClass: 'BestEffort',
        };
        if ((0,json_fields/* fieldAt */.U)(this.pod, 'spec.nodeName')) {
            status.hostIP = '10.0.0.10';
            status.hostIPs = [{ ip: '10.0.0.10' }];
        }
        if (this.podIP) {
            status.podIP = this.podIP;
            status.podIPs = [{ ip: this.podIP }];
        }
        if (this.startTime)
            status.startTime = this.startTime;
        if (this.init.length)
            status.initContainerStatuses = this.init.map((c) => ({ ...c }));
        if (this.phase !== 'Pending' ||
            this.main.some((c) => c.started || 'terminated' in c.state) ||
            (0,json_fields/* fieldAt */.U)(this.pod, 'spec.nodeName')) {
            status.containerStatuses = this.main.map((c) => ({ ...c }));
        }
        const updated = this.api.writeStatus(this.kubelet.podType, this.pod, status);
        if (updated)
            this.pod = updated;
    }
    schedulingProblem() {
        const selector = (this.spec.nodeSelector ?? {});
        const mismatch = Object.entries(selector).some(([k, v]) => NODE_LABELS[k] !== v);
        let cpu = 0;
        let memory = 0;
        for (const c of (this.spec.containers ?? [])) {
            cpu += parseQuantity((0,json_fields/* fieldAt */.U)(c, 'resources.requests.cpu'), false);
            memory += parseQuantity((0,json_fields/* fieldAt */.U)(c, 'resources.requests.memory'), true);
        }
        const reasons = [];
        if (mismatch)
            reasons.push("1 node(s) didn't match Pod's node affinity/selector");
        if (cpu > CAPACITY.cpuMillis)
            reasons.push('1 Insufficient cpu');
        if (memory > CAPACITY.memoryBytes)
            reasons.push('1 Insufficient memory');
        for (const v of (this.spec.volumes ?? [])) {
            const claim = (0,json_fields/* fieldAt */.U)(v, 'persistentVolumeClaim.claimName');
            if (typeof claim !== 'string')
                continue;
            const pvc = this.api.store.get('/PersistentVolumeClaim', this.namespace, claim);
            if (!pvc)
                return `0/1 nodes are available: persistentvolumeclaim "${claim}" not found. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.`;
            if ((0,json_fields/* fieldAt */.U)(pvc, 'status.phase') !== 'Bound')
                return '0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.';
        }
        if (!reasons.length)
            return undefined;
        return `0/1 nodes are available: ${reasons.join(', ')}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.`;
    }
    async schedule() {
        const nodeName = (0,json_fields/* fieldAt */.U)(this.pod, 'spec.nodeName');
        if (nodeName && nodeName !== NODE_NAME)
            await new Promise(() => { }); // bound elsewhere: no kubelet runs it
        for (;;) {
            const problem = this.schedulingProblem();
            if (!problem)
                break;
            const first = !this.conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'Unschedulable' && c.message === problem);
            this.setCondition('PodScheduled', 'False', 'Unschedulable', problem);
            this.publish();
            if (first)
                this.kubelet.events.record(this.current(), 'Warning', 'FailedScheduling', problem, 'default-scheduler');
            await this.sleep(KUBELET_TIMING.configRetry, true);
        }
        if (!nodeName) {
            const bound = this.api.bindPod(this.pod, NODE_NAME);
            if (!bound)
                throw new Killed();
            this.pod = bound;
            this.kubelet.events.record(this.current(), 'Normal', 'Scheduled', `Successfully assigned ${this.namespace}/${this.name} to ${NODE_NAME}`, 'default-scheduler');
        }
        this.setCondition('PodScheduled', 'True');
        this.setCondition('PodReadyToStartContainers', 'False');
        this.setCondition('Initialized', this.init.length ? 'False' : 'True', this.init.length ? 'ContainersNotInitialized' : undefined, this.init.length
            ? `containers with incomplete status: [${this.init.map((c) => c.name).join(' ')}]`
            : undefined);
        this.setReadiness();
        this.startTime = this.clock.timestamp();
        this.publish();
    }
    async mountVolumes() {
        for (;;) {
            const missing = [];
            for (const v of (this.spec.volumes ?? [])) {
                const cm = (0,json_fields/* fieldAt */.U)(v, 'configMap.name');
                const secret = (0,json_fields/* fieldAt */.U)(v, 'secret.secretName');
                if (typeof cm === 'string' &&
                    (0,json_fields/* fieldAt */.U)(v, 'configMap.optional') !== true &&
                    !this.api.store.get('/ConfigMap', this.namespace, cm)) {
                    missing.push(`MountVolume.SetUp failed for volume "${String(v.name)}" : configmap "${cm}" not found`);
                }
                if (typeof secret === 'string' &&
                    (0,json_fields/* fieldAt */.U)(v, 'secret.optional') !== true &&
                    !this.api.store.get('/Secret', this.namespace, secret)) {
                    missing.push(`MountVolume.SetUp failed for volume "${String(v.name)}" : secret "${secret}" not found`);
                }
            }
            if (!missing.length)
                return;
            for (const m of missing)
                this.event('Warning', 'FailedMount', m);
            await this.sleep(KUBELET_TIMING.configRetry, true);
        }
    }
    /** The container's environment, or why it cannot be built (CreateContainerConfigError). */
    environment(container) {
        const env = {};
        const decode = (s) => Buffer.from(String(s ?? ''), 'base64').toString('utf8');
        for (const from of (container.envFrom ?? [])) {
            const prefix = String(from.prefix ?? '');
            const cmRef = from.configMapRef;
            const secretRef = from.secretRef;
            if (cmRef) {
                const cm = this.api.store.get('/ConfigMap', this.namespace, String(cmRef.name));
                if (!cm) {
                    if (cmRef.optional === true)
                        continue;
                    return { error: `configmap "${String(cmRef.name)}" not found` };
                }
                for (const [k, v] of Object.entries((cm.data ?? {})))
                    env[prefix + k] = String(v);
            }
            if (secretRef) {
                const s = this.api.store.get('/Secret', this.namespace, String(secretRef.name));
                if (!s) {
                    if (secretRef.optional === true)
                        continue;
                    return { error: `secret "${String(secretRef.name)}" not found` };
                }
                for (const [k, v] of Object.entries((s.data ?? {})))
                    env[prefix + k] = decode(v);
            }
        }
        for (const e of (container.env ?? [])) {
            const name = String(e.name);
            if (e.value !== undefined) {
                env[name] = String(e.value).replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, v) => env[v] ?? m);
                continue;
            }
            const cmKey = (0,json_fields/* fieldAt */.U)(e, 'valueFrom.configMapKeyRef');
            const secretKey = (0,json_fields/* fieldAt */.U)(e, 'valueFrom.secretKeyRef');
            const fieldRef = (0,json_fields/* fieldAt */.U)(e, 'valueFrom.fieldRef.fieldPath');
            if (cmKey) {
                const cm = this.api.store.get('/ConfigMap', this.namespace, String(cmKey.name));
                const value = (0,json_fields/* fieldAt */.U)(cm, `data`);
                if (!cm) {
                    if (cmKey.optional === true)
                        continue;
                    return { error: `configmap "${String(cmKey.name)}" not found` };
                }
                if (value?.[String(cmKey.key)] === undefined) {
                    if (cmKey.optional === true)
                        continue;
                    return {
                        error: `couldn't find key ${String(cmKey.key)} in ConfigMap ${this.namespace}/${String(cmKey.name)}`,
                    };
                }
                env[name] = String(value[String(cmKey.key)]);
            }
            else if (secretKey) {
                const s = this.api.store.get('/Secret', this.namespace, String(secretKey.name));
                if (!s) {
                    if (secretKey.optional === true)
                        continue;
                    return { error: `secret "${String(secretKey.name)}" not found` };
                }
                const data = (s.data ?? {});
                if (data[String(secretKey.key)] === undefined) {
                    if (secretKey.optional === true)
                        continue;
                    return {
                        error: `couldn't find key ${String(secretKey.key)} in Secret ${this.namespace}/${String(secretKey.name)}`,
                    };
                }
                env[name] = decode(data[String(secretKey.key)]);
            }
            else if (typeof fieldRef === 'string') {
                const map = {
                    'metadata.name': this.name,
                    'metadata.namespace': this.namespace,
                    'metadata.uid': this.uid,
                    'spec.nodeName': NODE_NAME,
                    'status.podIP': this.podIP,
                    'status.hostIP': '10.0.0.10',
                };
                env[name] = map[fieldRef] ?? '';
            }
        }
        return { env };
    }
    async pullImage(status, spec) {
        const image = String(spec.image ?? '');
        let backoff = KUBELET_TIMING.backoffStart;
        const present = spec.imagePullPolicy === 'IfNotPresent' && status.restartCount > 0;
        if (present)
            return;
        for (;;) {
            this.event('Normal', 'Pulling', `Pulling image "${image}"`, status.name);
            await this.sleep(KUBELET_TIMING.imagePull);
            const invalid = !/^[a-z0-9]+([._/:@-][A-Za-z0-9_.-]+)*$/.test(image) || /[A-Z]/.test(image.split(':')[0] ?? '');
            if (invalid) {
                const message = `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format`;
                status.state = { waiting: { reason: 'InvalidImageName', message } };
                this.kubelet.logs.waiting(this.namespace, this.name, status.name, 'InvalidImageName');
                this.event('Warning', 'InspectFailed', message, status.name);
                this.publish();
                await this.sleep(KUBELET_TIMING.backoffMax, true);
                continue;
            }
            if (!image.includes('does-not-exist')) {
                this.event('Normal', 'Pulled', `Successfully pulled image "${image}" in ${KUBELET_TIMING.imagePull}ms (${KUBELET_TIMING.imagePull}ms including waiting). Image size: 4271245 bytes.`, status.name);
                status.imageID = `${fullImageReference(image).split(':')[0]}@sha256:${'0'.repeat(64)}`;
                return;
            }
            const ref = fullImageReference(image);
            const pullMessage = `failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
            status.state = { waiting: { reason: 'ErrImagePull', message: pullMessage } };
            this.kubelet.logs.waiting(this.namespace, this.name, status.name, 'trying and failing to pull image');
            this.event('Warning', 'Failed', `Failed to pull image "${image}": ${pullMessage}`, status.name);
            this.event('Warning', 'Failed', 'Error: ErrImagePull', status.name);
            this.publish();
            await this.sleep(KUBELET_TIMING.containerStart);
            status.state = {
                waiting: {
                    reason: 'ImagePullBackOff',
                    message: `Back-off pulling image "${image}": ErrImagePull: ${pullMessage}`,
                },
            };
            this.kubelet.logs.waiting(this.namespace, this.name, status.name, "image can't be pulled");
            this.event('Normal', 'BackOff', `Back-off pulling image "${image}"`, status.name);
            this.event('Warning', 'Failed', 'Error: ImagePullBackOff', status.name);
            this.publish();
            await this.sleep(backoff);
            backoff = Math.min(backoff * 2, KUBELET_TIMING.backoffMax);
        }
    }
    async prepare(status, spec) {
        await this.pullImage(status, spec);
        for (;;) {
            const env = this.environment(spec);
            if ('env' in env)
                return env.env;
            status.state = { waiting: { reason: 'CreateContainerConfigError', message: env.error } };
            this.kubelet.logs.waiting(this.namespace, this.name, status.name, 'CreateContainerConfigError');
            this.event('Warning', 'Failed', `Error: ${env.error}`, status.name);
            this.publish();
            await this.sleep(KUBELET_TIMING.configRetry, true);
        }
    }
    /** One run of a container, from start to exit. */
    async runOnce(status, spec, env) {
        await this.sleep(KUBELET_TIMING.containerStart);
        this.event('Normal', 'Created', `Created container: ${status.name}`, status.name);
        const startedAt = this.clock.timestamp();
        const containerID = `embedded://${this.uid.slice(0, 8)}-${status.name}-${status.restartCount}`;
        status.state = { running: { startedAt } };
        status.started = true;
        status.containerID = containerID;
        this.termination.delete(status.name);
        this.kubelet.logs.start(this.namespace, this.name, status.name);
        this.event('Normal', 'Started', `Started container ${status.name}`, status.name);
        this.onContainerStarted(status, spec);
        this.publish();
        const program = programOf(spec);
        let exitCode = 0;
        let reason;
        if (program.kind === 'server') {
            await new Promise((_resolve, reject) => this.cancels.add(() => reject(new Killed())));
        }
        else {
            try {
                const chains = parseScript(program.source, env);
                const outcome = await runScript(chains, {
                    log: (text) => this.kubelet.logs.append(this.namespace, this.name, status.name, text),
                    terminationMessage: (text, append) => this.termination.set(status.name, (append ? (this.termination.get(status.name) ?? '') : '') + text),
                    sleep: (ms) => this.sleep(ms),
                });
                exitCode = outcome.exitCode;
                reason = outcome.reason;
            }
            catch (err) {
                if (!(err instanceof ScriptSyntaxError))
                    throw err;
                this.kubelet.logs.append(this.namespace, this.name, status.name, `sh: syntax error: ${err.message}`);
                exitCode = 2;
            }
        }
        this.kubelet.logs.stop(this.namespace, this.name, status.name);
        let message = this.termination.get(status.name)?.replace(/\n$/, '');
        if (!message && exitCode !== 0 && spec.terminationMessagePolicy === 'FallbackToLogsOnError') {
            message = this.kubelet.logs.tail(this.namespace, this.name, status.name, 80).join('\n');
        }
        return {
            exitCode,
            reason: reason ?? (exitCode === 0 ? 'Completed' : 'Error'),
            ...(message ? { message } : {}),
            startedAt,
            finishedAt: this.clock.timestamp(),
            containerID,
        };
    }
    onContainerStarted(status, spec) {
        if (this.init.includes(status))
            return;
        const delay = Number((0,json_fields/* fieldAt */.U)(spec, 'readinessProbe.initialDelaySeconds') ?? 0) * 1000;
        const markReady = () => {
            if (!('running' in status.state))
                return;
            status.ready = true;
            this.setReadiness();
            this.publish();
        };
        if (delay > 0) {
            const cancel = this.clock.after(delay, markReady);
            this.cancels.add(cancel);
        }
        else
            status.ready = true;
        this.phase = 'Running';
        this.setReadiness();
    }
    setReadiness() {
        const notReady = this.main.filter((c) => !c.ready).map((c) => c.name);
        const reason = notReady.length ? 'ContainersNotReady' : undefined;
        const message = notReady.length ? `containers with unready status: [${notReady.join(' ')}]` : undefined;
        this.setCondition('ContainersReady', notReady.length ? 'False' : 'True', reason, message);
        this.setCondition('Ready', notReady.length ? 'False' : 'True', reason, message);
    }
    /** Runs a container until it is done for good: returns its final exit code (init: 0 means continue). */
    async runContainer(status, spec, isInit) {
        let backoff = KUBELET_TIMING.backoffStart;
        for (;;) {
            const env = await this.prepare(status, spec);
            const result = await this.runOnce(status, spec, env);
            status.state = { terminated: result };
            status.ready = false;
            if (!isInit)
                this.setReadiness();
            const policy = this.restartPolicy;
            const restart = isInit
                ? result.exitCode !== 0 && policy !== 'Never'
                : policy === 'Always' || (policy === 'OnFailure' && result.exitCode !== 0);
            if (!restart) {
                this.publish();
                return result.exitCode;
            }
            status.lastState = { terminated: result };
            status.restartCount++;
            this.kubelet.logs.keepAsPrevious(this.namespace, this.name, status.name);
            status.state = {
                waiting: {
                    reason: 'CrashLoopBackOff',
                    message: `back-off ${Math.round(backoff / 1000)}s restarting failed container=${status.name} pod=${this.name}_${this.namespace}(${this.uid})`,
                },
            };
            this.event('Warning', 'BackOff', `Back-off restarting failed container ${status.name} in pod ${this.name}_${this.namespace}(${this.uid})`, status.name);
            this.publish();
            await this.sleep(backoff);
            backoff = Math.min(backoff * 2, KUBELET_TIMING.backoffMax);
        }
    }
    async run() {
        if (this.pod.metadata.deletionTimestamp)
            return;
        await this.schedule();
        await this.mountVolumes();
        this.podIP = this.kubelet.nextPodIP();
        this.setCondition('PodReadyToStartContainers', 'True');
        this.publish();
        const specs = (list) => (this.spec[list] ?? []);
        for (const [i, status] of this.init.entries()) {
            const code = await this.runContainer(status, specs('initContainers')[i], true);
            if (code !== 0) {
                this.phase = 'Failed';
                for (const m of this.main)
                    m.state = { waiting: { reason: 'PodInitializing' } };
                this.publish();
                return;
            }
        }
        if (this.init.length) {
            this.setCondition('Initialized', 'True');
            for (const m of this.main)
                m.state = { waiting: { reason: 'ContainerCreating' } };
            this.publish();
        }
        const codes = await Promise.all(this.main.map((status, i) => this.runContainer(status, specs('containers')[i], false)));
        this.phase = codes.every((c) => c === 0) ? 'Succeeded' : 'Failed';
        this.setCondition('PodReadyToStartContainers', 'False');
        this.setReadiness();
        const reason = this.phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed';
        for (const t of ['Ready', 'ContainersReady'])
            this.setCondition(t, 'False', reason);
        this.publish();
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/random.ts
/** Seeded randomness, so generated names and fault injection are the same on every run with one seed. */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
class SeededRandom {
    state;
    constructor(seed = 0x5eed) {
        this.state = seed >>> 0 || 1;
    }
    /** Mulberry32: small, fast, good enough for names and fault dice. */
    next() {
        let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    /** The 5-character suffix Kubernetes appends to generateName, from the same alphabet. */
    nameSuffix(length = 5) {
        let s = '';
        for (let i = 0; i < length; i++)
            s += NAME_ALPHABET[Math.floor(this.next() * NAME_ALPHABET.length)];
        return s;
    }
    uid() {
        const hex = () => Math.floor(this.next() * 0x10000)
            .toString(16)
            .padStart(4, '0');
        return `${hex()}${hex()}-${hex()}-4${hex().slice(1)}-a${hex().slice(1)}-${hex()}${hex()}${hex()}`;
    }
}
/**
 * The value as the controllers' Go structs hold it: nulls and empty objects are the zero values a
 * struct cannot tell from absent (`creationTimestamp: null`, `resources: {}`), and key order is not
 * data. Clients round-tripping a template through Go types (kubectl rollout undo) add exactly those.
 */
function canonical(value) {
    if (Array.isArray(value))
        return value.map(canonical);
    if (typeof value !== 'object' || value === null)
        return value;
    const out = {};
    for (const key of Object.keys(value).sort()) {
        const v = canonical(value[key]);
        if (v === null || v === undefined)
            continue;
        if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)
            continue;
        out[key] = v;
    }
    return out;
}
/**
 * A stable short hash of a pod template (the pod-template-hash a Deployment's ReplicaSets carry): the
 * same template hashes the same however a client wrote it, so a rollback finds its ReplicaSet again.
 */
function templateHash(value) {
    const text = JSON.stringify(canonical(value));
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    let out = '';
    for (let i = 0; i < 10; i++) {
        out += NAME_ALPHABET[h % NAME_ALPHABET.length];
        h = Math.floor(h / NAME_ALPHABET.length) || (h ^ 0x9e3779b9) >>> 0;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/pod-template.ts


function createPodFromTemplate(ctx, owner, ownerApiVersion, ownerKind, options) {
    const api = ctx.api;
    const podType = api.registry.byKind('', 'Pod');
    const template = cloneJson((owner.spec?.template ?? {}));
    const tmeta = (template.metadata ?? {});
    const spec = { ...(template.spec ?? {}), ...(options.specPatch ?? {}) };
    if (options.hostname)
        spec.hostname = options.hostname;
    const body = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
            ...(options.name
                ? { name: options.name }
                : { generateName: options.generateName ?? `${owner.metadata.name}-` }),
            namespace: owner.metadata.namespace,
            labels: { ...(tmeta.labels ?? {}), ...(options.labels ?? {}) },
            ...(tmeta.annotations ? { annotations: tmeta.annotations } : {}),
            ownerReferences: [ownerReference(owner, ownerApiVersion, ownerKind)],
        },
        spec,
    };
    try {
        const pod = api.create(podType, owner.metadata.namespace, body, {
            fieldManager: 'kube-controller-manager',
        });
        ctx.events.record(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, `${ownerKind.toLowerCase()}-controller`);
        return pod;
    }
    catch (err) {
        const message = err.message;
        ctx.events.record(owner, 'Warning', 'FailedCreate', `Error creating: ${message}`, `${ownerKind.toLowerCase()}-controller`);
        return undefined;
    }
}
function podReady(pod) {
    const conds = (pod.status?.conditions ?? []);
    return conds.some((c) => c.type === 'Ready' && c.status === 'True');
}
function podPhase(pod) {
    return String(pod.status?.phase ?? 'Pending');
}
function podActive(pod) {
    const phase = podPhase(pod);
    return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/daemonset-controller.ts
/** DaemonSets on the one simulated node: one pod when the node matches, replaced when the template changes. */




const daemonset_controller_NODE_LABELS = {
    'kubernetes.io/hostname': NODE_NAME,
    'kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
};
class DaemonSetController extends PodOwnerController {
    primary = 'apps/DaemonSet';
    name = 'daemonset-controller';
    reconcile(key) {
        const api = this.ctx.api;
        const dsType = api.registry.byKind('apps', 'DaemonSet');
        const podType = api.registry.byKind('', 'Pod');
        const { namespace, name } = splitKey(key);
        const stored = api.tryGet(dsType, namespace, name);
        if (!stored || stored.metadata.deletionTimestamp)
            return;
        const ds = api.present(dsType, stored);
        const spec = (ds.spec ?? {});
        const template = (spec.template ?? {});
        const selector = ((template.spec ?? {}).nodeSelector ?? {});
        const fits = Object.entries(selector).every(([k, v]) => daemonset_controller_NODE_LABELS[k] === v);
        const hash = templateHash(template);
        const pods = api.store.list('/Pod', namespace).filter((p) => ownedBy(p, ds) && podActive(p));
        const onDelete = (spec.updateStrategy ?? {}).type === 'OnDelete';
        for (const p of pods) {
            const outdated = p.metadata.labels?.['controller-revision-hash'] !== hash;
            if (!fits || (outdated && !onDelete) || pods.indexOf(p) > 0) {
                try {
                    api.delete(podType, namespace, p.metadata.name, { propagationPolicy: 'Background' });
                }
                catch {
                    /* gone */
                }
            }
        }
        const live = api.store.list('/Pod', namespace).filter((p) => ownedBy(p, ds) && podActive(p));
        if (fits && live.length === 0) {
            createPodFromTemplate(this.ctx, ds, 'apps/v1', 'DaemonSet', {
                generateName: `${name}-`,
                labels: {
                    'controller-revision-hash': hash,
                    'pod-template-generation': String(ds.metadata.generation ?? 1),
                },
                specPatch: { nodeName: undefined },
            });
        }
        const now = api.store.list('/Pod', namespace).filter((p) => ownedBy(p, ds) && podActive(p));
        const ready = now.filter(podReady).length;
        api.writeStatus(dsType, stored, {
            observedGeneration: ds.metadata.generation,
            desiredNumberScheduled: fits ? 1 : 0,
            currentNumberScheduled: now.length,
            numberMisscheduled: 0,
            numberReady: ready,
            numberAvailable: ready || undefined,
            updatedNumberScheduled: now.filter((p) => p.metadata.labels?.['controller-revision-hash'] === hash)
                .length,
            ...(fits && ready === 0 ? { numberUnavailable: 1 } : {}),
        });
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/deployment-controller.ts



function resolveIntOrPercent(value, total, roundUp) {
    if (typeof value === 'number')
        return value;
    if (typeof value === 'string' && value.endsWith('%')) {
        const n = (Number(value.slice(0, -1)) * total) / 100;
        return roundUp ? Math.ceil(n) : Math.floor(n);
    }
    return Number(value ?? 0);
}
const REVISION = 'deployment.kubernetes.io/revision';
class DeploymentController extends Controller {
    name = 'deployment-controller';
    keysFor(e) {
        if (e.gk === 'apps/Deployment')
            return e.type === 'DELETED' ? [] : [keyOf(e.object)];
        if (e.gk === 'apps/ReplicaSet') {
            const owner = controllerOf(e.object, 'Deployment');
            return owner ? [owner] : [];
        }
        if (e.gk === '/Pod') {
            // Pods changing readiness move the rollout on; their ReplicaSet's owner is the Deployment.
            const rsKey = controllerOf(e.object, 'ReplicaSet');
            if (!rsKey)
                return [];
            const { namespace, name } = splitKey(rsKey);
            const rs = this.ctx.api.store.get('apps/ReplicaSet', namespace, name);
            const owner = rs && controllerOf(rs, 'Deployment');
            return owner ? [owner] : [];
        }
        return [];
    }
    initialKeys() {
        return this.ctx.api.store.list('apps/Deployment').map(keyOf);
    }
    reconcile(key) {
        const api = this.ctx.api;
        const dType = api.registry.byKind('apps', 'Deployment');
        const rsType = api.registry.byKind('apps', 'ReplicaSet');
        const { namespace, name } = splitKey(key);
        const stored = api.tryGet(dType, namespace, name);
        if (!stored || stored.metadata.deletionTimestamp)
            return;
        const d = api.present(dType, stored);
        const spec = (d.spec ?? {});
        const desired = Number(spec.replicas ?? 1);
        const template = (spec.template ?? {});
        const hash = templateHash(template);
        const owned = () => api.store
            .list('apps/ReplicaSet', namespace)
            .filter((rs) => ownedBy(rs, d))
            .map((rs) => api.present(rsType, rs));
        let all = owned();
        let newRS = all.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
        const revisions = all.map((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0));
        const nextRevision = Math.max(0, ...revisions) + 1;
        const paused = spec.paused === true;
        if (!newRS && !paused) {
            const tmeta = (template.metadata ?? {});
            const selector = cloneJson((spec.selector ?? {}));
            selector.matchLabels = { ...(selector.matchLabels ?? {}), 'pod-template-hash': hash };
            const isFirst = all.length === 0;
            const strategy = (spec.strategy ?? {});
            const surge = resolveIntOrPercent(strategy.rollingUpdate?.maxSurge ?? '25%', desired, true);
            const initial = strategy.type === 'Recreate' ? 0 : isFirst ? desired : 0;
            try {
                newRS = api.present(rsType, api.create(rsType, namespace, {
                    apiVersion: 'apps/v1',
                    kind: 'ReplicaSet',
                    metadata: {
                        name: `${name}-${hash}`,
                        namespace,
                        labels: { ...(tmeta.labels ?? {}), 'pod-template-hash': hash },
                        annotations: {
                            [REVISION]: String(nextRevision),
                            'deployment.kubernetes.io/desired-replicas': String(desired),
                            'deployment.kubernetes.io/max-replicas': String(desired + surge),
                        },
                        ownerReferences: [ownerReference(d, 'apps/v1', 'Deployment')],
                    },
                    spec: {
                        replicas: initial,
                        selector,
                        template: {
                            ...template,
                            metadata: {
                                ...tmeta,
                                labels: { ...(tmeta.labels ?? {}), 'pod-template-hash': hash },
                            },
                        },
                    },
                }, { fieldManager: 'kube-controller-manager' }));
                // The real controller says so only when the new ReplicaSet starts with pods.
                if (initial > 0)
                    this.ctx.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${newRS.metadata.name} from 0 to ${initial}`, 'deployment-controller');
                const annotations = { ...(d.metadata.annotations ?? {}), [REVISION]: String(nextRevision) };
                api.writeObject(dType, {
                    ...cloneJson(stored),
                    metadata: { ...cloneJson(stored.metadata), annotations },
                });
            }
            catch {
                return;
            }
            all = owned();
        }
        // A rollback to an earlier template reuses its ReplicaSet, which becomes the newest revision again (as
        // the real controller does): the Deployment's revision annotation always names its current ReplicaSet.
        if (newRS && !paused) {
            const current = Number(newRS.metadata.annotations?.[REVISION] ?? 0);
            const newest = Math.max(0, ...all.map((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0)));
            const revision = current < newest ? newest + 1 : current;
            if (revision !== current) {
                const written = api.writeObject(rsType, {
                    ...cloneJson(newRS),
                    metadata: {
                        ...cloneJson(newRS.metadata),
                        annotations: { ...(newRS.metadata.annotations ?? {}), [REVISION]: String(revision) },
                    },
                });
                if (written)
                    newRS = api.present(rsType, written);
                all = owned();
            }
            const latest = api.tryGet(dType, namespace, name);
            if (latest && latest.metadata.annotations?.[REVISION] !== String(revision))
                api.writeObject(dType, {
                    ...cloneJson(latest),
                    metadata: {
                        ...cloneJson(latest.metadata),
                        annotations: { ...(latest.metadata.annotations ?? {}), [REVISION]: String(revision) },
                    },
                });
        }
        const scale = (rs, to) => {
            const from = Number(rs.spec.replicas ?? 0);
            if (from === to)
                return;
            api.writeObject(rsType, {
                ...cloneJson(rs),
                spec: { ...cloneJson(rs.spec), replicas: to },
            });
            this.ctx.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${to}`, 'deployment-controller');
        };
        const replicasOf = (rs) => Number(rs.spec.replicas ?? 0);
        const statusOf = (rs, f) => Number((rs.status ?? {})[f] ?? 0);
        if (!paused && newRS) {
            const old = all.filter((rs) => rs.metadata.uid !== newRS.metadata.uid);
            const strategy = (spec.strategy ?? {});
            if (strategy.type === 'Recreate') {
                for (const rs of old)
                    scale(rs, 0);
                const oldPods = api.store.list('/Pod', namespace).filter((p) => old.some((rs) => ownedBy(p, rs)));
                if (oldPods.length === 0)
                    scale(newRS, desired);
            }
            else {
                const ru = (strategy.rollingUpdate ?? {});
                const maxSurge = resolveIntOrPercent(ru.maxSurge ?? '25%', desired, true);
                let maxUnavailable = resolveIntOrPercent(ru.maxUnavailable ?? '25%', desired, false);
                if (maxSurge === 0 && maxUnavailable === 0)
                    maxUnavailable = 1;
                const total = all.reduce((n, rs) => n + replicasOf(rs), 0);
                const current = replicasOf(newRS);
                if (current < desired) {
                    const up = Math.min(desired + maxSurge - total, desired - current);
                    if (up > 0)
                        scale(newRS, current + up);
                }
                else if (current > desired)
                    scale(newRS, desired);
                const fresh = owned();
                const freshNew = fresh.find((rs) => rs.metadata.uid === newRS.metadata.uid);
                const allPods = fresh.reduce((n, rs) => n + replicasOf(rs), 0);
                const minAvailable = desired - maxUnavailable;
                const newUnavailable = Math.max(0, replicasOf(freshNew) - statusOf(freshNew, 'availableReplicas'));
                let canRemove = allPods - minAvailable - newUnavailable;
                const oldFirst = fresh
                    .filter((rs) => rs.metadata.uid !== freshNew.metadata.uid && replicasOf(rs) > 0)
                    .sort((a, b) => Date.parse(a.metadata.creationTimestamp) - Date.parse(b.metadata.creationTimestamp));
                for (const rs of oldFirst) {
                    if (canRemove <= 0)
                        break;
                    const down = Math.min(replicasOf(rs), canRemove);
                    scale(rs, replicasOf(rs) - down);
                    canRemove -= down;
                }
            }
        }
        this.writeStatus(d, stored, owned(), newRS);
    }
    writeStatus(d, stored, all, newRS) {
        const api = this.ctx.api;
        const dType = api.registry.byKind('apps', 'Deployment');
        const spec = (d.spec ?? {});
        const desired = Number(spec.replicas ?? 1);
        const sum = (f) => all.reduce((n, rs) => n + Number((rs.status ?? {})[f] ?? 0), 0);
        const replicas = sum('replicas');
        const updated = newRS ? Number((newRS.status ?? {}).replicas ?? 0) : 0;
        const ready = sum('readyReplicas');
        const available = sum('availableReplicas');
        const strategy = (spec.strategy ?? {});
        const maxUnavailable = strategy.type === 'Recreate'
            ? 0
            : resolveIntOrPercent((strategy.rollingUpdate ?? {}).maxUnavailable ?? '25%', desired, false);
        const now = this.ctx.clock.timestamp();
        const previous = (d.status ?? {});
        let conditions = (previous.conditions ?? []).slice();
        const isAvailable = available >= desired - maxUnavailable;
        conditions = withCondition(conditions, isAvailable
            ? {
                type: 'Available',
                status: 'True',
                reason: 'MinimumReplicasAvailable',
                message: 'Deployment has minimum availability.',
            }
            : {
                type: 'Available',
                status: 'False',
                reason: 'MinimumReplicasUnavailable',
                message: 'Deployment does not have minimum availability.',
            }, now, { lastUpdateTime: now });
        const rsName = newRS?.metadata.name ?? '';
        const progressing = condition(d, 'Progressing');
        const complete = updated === desired && replicas === desired && available === desired;
        const moved = previous.replicas !== replicas ||
            previous.updatedReplicas !== updated ||
            (previous.readyReplicas ?? 0) !== ready ||
            (previous.availableReplicas ?? 0) !== available ||
            previous.observedGeneration !== d.metadata.generation;
        const deadline = Number(spec.progressDeadlineSeconds ?? 600);
        if (spec.paused === true) {
            conditions = withCondition(conditions, {
                type: 'Progressing',
                status: 'Unknown',
                reason: 'DeploymentPaused',
                message: 'Deployment is paused',
            }, now, { lastUpdateTime: now });
        }
        else if (complete) {
            if (progressing?.reason !== 'NewReplicaSetAvailable') {
                conditions = withCondition(conditions, {
                    type: 'Progressing',
                    status: 'True',
                    reason: 'NewReplicaSetAvailable',
                    message: `ReplicaSet "${rsName}" has successfully progressed.`,
                }, now, { lastUpdateTime: now });
            }
        }
        else if (moved ||
            !progressing ||
            progressing.reason === 'NewReplicaSetAvailable' ||
            progressing.reason === 'DeploymentPaused') {
            const reason = progressing ? 'ReplicaSetUpdated' : 'NewReplicaSetCreated';
            const message = progressing
                ? `ReplicaSet "${rsName}" is progressing.`
                : `Created new replica set "${rsName}"`;
            conditions = withCondition(conditions, { type: 'Progressing', status: 'True', reason, message }, now, {
                lastUpdateTime: now,
            });
            this.ctx.requeueAfter(this, keyOf(d), deadline * 1000 + 10);
        }
        else if (progressing.reason !== 'ProgressDeadlineExceeded') {
            const since = this.ctx.clock.simulatedSince(String(progressing.lastUpdateTime ?? progressing.lastTransitionTime ?? now));
            if (since >= deadline * 1000) {
                conditions = withCondition(conditions, {
                    type: 'Progressing',
                    status: 'False',
                    reason: 'ProgressDeadlineExceeded',
                    message: `ReplicaSet "${rsName}" has timed out progressing.`,
                }, now, { lastUpdateTime: now });
                this.ctx.events.record(d, 'Warning', 'ProgressDeadlineExceeded', `Deployment "${d.metadata.name}" exceeded its progress deadline`, 'deployment-controller');
            }
            else
                this.ctx.requeueAfter(this, keyOf(d), deadline * 1000 - since + 10);
        }
        const status = {
            observedGeneration: d.metadata.generation,
            replicas: replicas || undefined,
            updatedReplicas: updated || undefined,
            readyReplicas: ready || undefined,
            availableReplicas: available || undefined,
            unavailableReplicas: Math.max(0, desired - available) || undefined,
            conditions,
        };
        for (const k of Object.keys(status))
            if (status[k] === undefined)
                delete status[k];
        api.writeStatus(dType, stored, status);
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/event-recorder.ts
class EventRecorder {
    api;
    counter = 0;
    constructor(api) {
        this.api = api;
    }
    record(involved, type, reason, message, component, fieldPath) {
        const eventType = this.api.registry.byKind('', 'Event');
        const namespace = involved.metadata.namespace ?? 'default';
        if (!this.api.store.get('/Namespace', undefined, namespace) ||
            this.api.store.get('/Namespace', undefined, namespace)?.metadata.deletionTimestamp)
            return;
        const now = this.api.clock.timestamp();
        const existing = this.api.store
            .list('/Event', namespace)
            .find((e) => e.involvedObject?.uid === involved.metadata.uid &&
            e.reason === reason &&
            e.message === message);
        try {
            if (existing) {
                this.api.update(eventType, namespace, existing.metadata.name, { ...existing, count: Number(existing.count ?? 1) + 1, lastTimestamp: now }, { fieldManager: component });
                return;
            }
            const suffix = (Date.now() * 1000 + (this.counter++ % 1000)).toString(16);
            this.api.create(eventType, namespace, {
                apiVersion: 'v1',
                kind: 'Event',
                metadata: { name: `${involved.metadata.name}.${suffix}`, namespace },
                involvedObject: {
                    apiVersion: involved.apiVersion,
                    kind: involved.kind,
                    name: involved.metadata.name,
                    namespace: involved.metadata.namespace,
                    uid: involved.metadata.uid,
                    resourceVersion: involved.metadata.resourceVersion,
                    ...(fieldPath ? { fieldPath } : {}),
                },
                reason,
                message,
                type,
                count: 1,
                firstTimestamp: now,
                lastTimestamp: now,
                source: { component, ...(component === 'kubelet' ? { host: 'embedded-node' } : {}) },
                reportingComponent: component,
                reportingInstance: component === 'kubelet' ? 'embedded-node' : '',
            }, { fieldManager: component });
        }
        catch {
            // Events are best effort, as they are in Kubernetes.
        }
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/garbage-collector.ts


class GarbageCollector extends Controller {
    name = 'garbage-collector';
    /** owner uid → its dependents. */
    dependents = new Map();
    /** uid → where that object is, for owners being deleted. */
    byUid = new Map();
    constructor(ctx) {
        super(ctx);
        for (const gk of ctx.api.store.kinds())
            for (const obj of ctx.api.store.list(gk))
                this.index(gk, obj, undefined);
    }
    refKey(r) {
        return `${r.gk}|${r.namespace ?? ''}|${r.name}`;
    }
    index(gk, obj, previous) {
        const ref = previous ?? obj;
        if (!ref)
            return;
        const me = { gk, namespace: ref.metadata.namespace, name: ref.metadata.name };
        for (const o of previous?.metadata.ownerReferences ?? [])
            this.dependents.get(o.uid)?.delete(this.refKey(me));
        if (!obj) {
            this.byUid.delete(ref.metadata.uid);
            return;
        }
        this.byUid.set(obj.metadata.uid, me);
        for (const o of obj.metadata.ownerReferences ?? []) {
            let deps = this.dependents.get(o.uid);
            if (!deps)
                this.dependents.set(o.uid, (deps = new Map()));
            deps.set(this.refKey(me), me);
        }
    }
    keysFor(e) {
        this.index(e.gk, e.type === 'DELETED' ? undefined : e.object, e.previous);
        const keys = [];
        if (e.type === 'DELETED') {
            keys.push(`deleted:${e.object.metadata.uid}`);
            // An owner waiting for this dependent may now finish.
            for (const o of e.object.metadata.ownerReferences ?? [])
                keys.push(`owner:${o.uid}`);
        }
        else if (e.object.metadata.deletionTimestamp)
            keys.push(`owner:${e.object.metadata.uid}`);
        return keys;
    }
    initialKeys() {
        const keys = [];
        for (const [uid] of this.dependents)
            if (!this.byUid.has(uid))
                keys.push(`deleted:${uid}`);
        for (const [uid] of this.byUid)
            keys.push(`owner:${uid}`);
        return keys;
    }
    lookup(ref) {
        return this.ctx.api.store.get(ref.gk, ref.namespace, ref.name);
    }
    typeOf(gk) {
        const slash = gk.indexOf('/');
        return this.ctx.api.registry.byKind(gk.slice(0, slash), gk.slice(slash + 1));
    }
    reconcile(key) {
        const [what, uid] = key.split(':');
        const api = this.ctx.api;
        if (what === 'deleted') {
            if (this.byUid.has(uid))
                return; // recreated with the same uid: not possible, but be safe
            for (const dep of [...(this.dependents.get(uid)?.values() ?? [])]) {
                const obj = this.lookup(dep);
                const type = this.typeOf(dep.gk);
                if (!obj || !type || obj.metadata.deletionTimestamp)
                    continue;
                const remaining = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid && this.byUid.has(r.uid));
                if (remaining.length)
                    continue; // another owner still holds it
                try {
                    api.delete(type, obj.metadata.namespace, obj.metadata.name, { propagationPolicy: 'Background' });
                }
                catch {
                    /* already gone */
                }
            }
            this.dependents.delete(uid);
            return;
        }
        const ref = this.byUid.get(uid);
        const owner = ref && this.lookup(ref);
        const ownerType = ref && this.typeOf(ref.gk);
        if (!owner || !ownerType || !owner.metadata.deletionTimestamp)
            return;
        const finalizers = owner.metadata.finalizers ?? [];
        const deps = [...(this.dependents.get(uid)?.values() ?? [])]
            .map((d) => ({ d, obj: this.lookup(d) }))
            .filter((x) => x.obj);
        if (finalizers.includes('orphan')) {
            for (const { d, obj } of deps) {
                const type = this.typeOf(d.gk);
                if (!type || !obj)
                    continue;
                const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
                api.writeObject(type, {
                    ...cloneJson(obj),
                    metadata: { ...cloneJson(obj.metadata), ownerReferences: refs.length ? refs : undefined },
                });
            }
            this.removeFinalizer(ownerType, owner, 'orphan');
            return;
        }
        if (finalizers.includes('foregroundDeletion')) {
            let blocking = 0;
            for (const { d, obj } of deps) {
                const type = this.typeOf(d.gk);
                if (!type || !obj)
                    continue;
                const blocks = (obj.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.blockOwnerDeletion);
                if (blocks)
                    blocking++;
                if (!obj.metadata.deletionTimestamp) {
                    try {
                        api.delete(type, obj.metadata.namespace, obj.metadata.name, { propagationPolicy: 'Foreground' });
                    }
                    catch {
                        /* gone */
                    }
                }
            }
            if (blocking === 0)
                this.removeFinalizer(ownerType, owner, 'foregroundDeletion');
        }
    }
    removeFinalizer(type, owner, finalizer) {
        const current = this.ctx.api.tryGet(type, owner.metadata.namespace, owner.metadata.name);
        if (!current)
            return;
        const finalizers = (current.metadata.finalizers ?? []).filter((f) => f !== finalizer);
        this.ctx.api.writeObject(type, {
            ...cloneJson(current),
            metadata: { ...cloneJson(current.metadata), finalizers },
        });
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/job-controller.ts


const JOB_BACKOFF = { startMs: 10_000, maxMs: 360_000 };
class JobController extends PodOwnerController {
    primary = 'batch/Job';
    name = 'job-controller';
    get jobType() {
        return this.ctx.api.registry.byKind('batch', 'Job');
    }
    reconcile(key) {
        const api = this.ctx.api;
        const { namespace, name } = splitKey(key);
        const stored = api.tryGet(this.jobType, namespace, name);
        if (!stored || stored.metadata.deletionTimestamp)
            return;
        const job = api.present(this.jobType, stored);
        const spec = (job.spec ?? {});
        const status = { ...(job.status ?? {}) };
        const now = this.ctx.clock.timestamp();
        if (isTrue(job, 'Complete') || isTrue(job, 'Failed')) {
            this.scheduleTtl(job, key);
            return;
        }
        if (spec.suspend === true)
            return;
        const pods = api.store.list('/Pod', namespace).filter((p) => ownedBy(p, job));
        const active = pods.filter(podActive);
        const succeeded = pods.filter((p) => podPhase(p) === 'Succeeded').length;
        const failedPods = pods.filter((p) => podPhase(p) === 'Failed');
        const failed = failedPods.length;
        const completions = Number(spec.completions ?? 1);
        const parallelism = Number(spec.parallelism ?? 1);
        const backoffLimit = Number(spec.backoffLimit ?? 6);
        status.startTime ??= now;
        let conditions = (status.conditions ?? []).slice();
        const finish = (type, reason, message) => {
            for (const p of active) {
                try {
                    api.delete(api.registry.byKind('', 'Pod'), namespace, p.metadata.name, {
                        propagationPolicy: 'Background',
                    });
                }
                catch {
                    /* gone */
                }
            }
            if (type === 'Complete') {
                conditions = withCondition(conditions, { type: 'SuccessCriteriaMet', status: 'True', reason, message }, now, { lastProbeTime: now });
                status.completionTime = now;
            }
            else {
                conditions = withCondition(conditions, { type: 'FailureTarget', status: 'True', reason, message }, now, { lastProbeTime: now });
            }
            conditions = withCondition(conditions, { type, status: 'True', reason, message }, now, {
                lastProbeTime: now,
            });
            this.ctx.events.record(job, type === 'Complete' ? 'Normal' : 'Warning', type === 'Complete' ? 'Completed' : reason, type === 'Complete' ? 'Job completed' : message, 'job-controller');
        };
        const deadline = Number(spec.activeDeadlineSeconds ?? 0);
        const elapsedSim = this.ctx.clock.simulatedSince(String(status.startTime));
        if (succeeded >= completions) {
            finish('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods');
        }
        else if (failed > backoffLimit) {
            finish('Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit');
        }
        else if (deadline > 0 && elapsedSim >= deadline * 1000) {
            finish('Failed', 'DeadlineExceeded', 'Job was active longer than specified deadline');
        }
        else {
            if (deadline > 0)
                this.ctx.requeueAfter(this, key, deadline * 1000 - elapsedSim + 1);
            const want = Math.min(parallelism, completions - succeeded);
            if (active.length < want) {
                const delay = this.backoffRemaining(failedPods, failed);
                if (delay > 0)
                    this.ctx.requeueAfter(this, key, delay);
                else
                    for (let i = active.length; i < want; i++)
                        createPodFromTemplate(this.ctx, job, 'batch/v1', 'Job', { generateName: `${name}-` });
            }
        }
        const fresh = api.store.list('/Pod', namespace).filter((p) => ownedBy(p, job));
        const next = {
            ...status,
            active: fresh.filter(podActive).length || undefined,
            ready: fresh.filter((p) => podActive(p) && podReady(p)).length,
            succeeded: fresh.filter((p) => podPhase(p) === 'Succeeded').length || undefined,
            failed: fresh.filter((p) => podPhase(p) === 'Failed').length || undefined,
            terminating: 0,
            uncountedTerminatedPods: {},
            ...(conditions.length ? { conditions } : {}),
        };
        for (const k of Object.keys(next))
            if (next[k] === undefined)
                delete next[k];
        if (isFinished(conditions))
            delete next.active;
        const written = api.writeStatus(this.jobType, stored, next);
        if (written && isFinished(conditions))
            this.scheduleTtl(api.present(this.jobType, written), key);
    }
    /** Simulated ms until the next pod may be created after `failed` failures (0: now). */
    backoffRemaining(failedPods, failed) {
        if (failed === 0)
            return 0;
        const delay = Math.min(JOB_BACKOFF.startMs * 2 ** (failed - 1), JOB_BACKOFF.maxMs);
        const lastFailure = failedPods
            .map((p) => {
            const statuses = (p.status?.containerStatuses ?? []);
            const ends = statuses.map((s) => String(s.state?.terminated?.finishedAt ??
                p.metadata.creationTimestamp));
            return Math.max(...ends.map((t) => Date.parse(t)), Date.parse(p.metadata.creationTimestamp));
        })
            .reduce((a, b) => Math.max(a, b), 0);
        const since = this.ctx.clock.simulatedSince(new Date(lastFailure).toISOString());
        return Math.max(0, delay - since);
    }
    scheduleTtl(job, key) {
        const ttl = job.spec?.ttlSecondsAfterFinished;
        if (typeof ttl !== 'number')
            return;
        const status = (job.status ?? {});
        const conds = (status.conditions ?? []);
        const finishedAt = String(status.completionTime ??
            conds.find((c) => (c.type === 'Failed' || c.type === 'Complete') && c.status === 'True')
                ?.lastTransitionTime ??
            '');
        if (!finishedAt)
            return;
        const remaining = ttl * 1000 - this.ctx.clock.simulatedSince(finishedAt);
        if (remaining > 0) {
            this.ctx.requeueAfter(this, key, remaining);
            return;
        }
        try {
            this.ctx.api.delete(this.jobType, job.metadata.namespace, job.metadata.name, {
                propagationPolicy: 'Foreground',
                preconditions: { uid: job.metadata.uid },
            });
        }
        catch {
            /* gone */
        }
    }
}
function isFinished(conditions) {
    return conditions.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/namespace-controller.ts

class NamespaceController extends Controller {
    name = 'namespace-controller';
    keysFor(e) {
        if (e.gk === '/Namespace' && e.type !== 'DELETED' && e.object.metadata.deletionTimestamp)
            return [`/${e.object.metadata.name}`];
        if (e.type === 'DELETED' && e.object.metadata.namespace) {
            const ns = this.ctx.api.store.get('/Namespace', undefined, e.object.metadata.namespace);
            if (ns?.metadata.deletionTimestamp)
                return [`/${ns.metadata.name}`];
        }
        return [];
    }
    initialKeys() {
        return this.ctx.api.store
            .list('/Namespace')
            .filter((n) => n.metadata.deletionTimestamp)
            .map((n) => `/${n.metadata.name}`);
    }
    reconcile(key) {
        const name = key.slice(1);
        const api = this.ctx.api;
        const nsType = api.registry.byKind('', 'Namespace');
        const ns = api.tryGet(nsType, undefined, name);
        if (!ns?.metadata.deletionTimestamp)
            return;
        let remaining = 0;
        for (const type of api.registry.all()) {
            if (!type.namespaced)
                continue;
            for (const obj of api.store.list(api.gk(type), name)) {
                remaining++;
                if (obj.metadata.deletionTimestamp)
                    continue;
                try {
                    api.delete(type, name, obj.metadata.name, { propagationPolicy: 'Background' });
                }
                catch {
                    /* gone already */
                }
            }
        }
        // Events are deleted last and do not hold the namespace back once everything else is gone.
        const left = api.registry.all().some((t) => t.namespaced && api.store.list(api.gk(t), name).length > 0);
        if (remaining > 0 && left)
            return;
        const current = api.tryGet(nsType, undefined, name);
        if (!current)
            return;
        if ((current.metadata.finalizers ?? []).length === 0)
            api.finalize(nsType, current);
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/network-and-storage-controllers.ts




/** Simulated delays before the "cloud" answers. */
const ADDON_DELAYS = { loadBalancerMs: 500, ingressMs: 500, pvcBindMs: 300 };
class ServiceController extends Controller {
    name = 'service-controller';
    nextIp = 100;
    keysFor(e) {
        if (e.gk === '/Service' && e.type !== 'DELETED')
            return [keyOf(e.object)];
        if (e.gk === '/Pod' && e.object.metadata.namespace) {
            return this.ctx.api.store.list('/Service', e.object.metadata.namespace).map(keyOf);
        }
        return [];
    }
    initialKeys() {
        return this.ctx.api.store.list('/Service').map(keyOf);
    }
    reconcile(key) {
        const api = this.ctx.api;
        const svcType = api.registry.byKind('', 'Service');
        const epType = api.registry.byKind('', 'Endpoints');
        const { namespace, name } = splitKey(key);
        const svc = api.tryGet(svcType, namespace, name);
        if (!svc || svc.metadata.deletionTimestamp)
            return;
        const spec = (svc.spec ?? {});
        const ingress = (svc.status ?? {}).loadBalancer?.ingress;
        if (spec.type === 'LoadBalancer' && !ingress) {
            this.ctx.clock.after(ADDON_DELAYS.loadBalancerMs, () => {
                const current = api.tryGet(svcType, namespace, name);
                if (!current ||
                    current.metadata.uid !== svc.metadata.uid ||
                    current.status?.loadBalancer?.ingress)
                    return;
                api.writeStatus(svcType, current, {
                    loadBalancer: { ingress: [{ ip: `172.18.255.${this.nextIp++}`, ipMode: 'VIP' }] },
                });
                this.ctx.events.record(api.present(svcType, current), 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', 'service-controller');
            });
        }
        if (!spec.selector)
            return;
        const match = selectorFromSpec({ matchLabels: spec.selector });
        const pods = api.store
            .list('/Pod', namespace)
            .filter((p) => match(p.metadata.labels ?? {}) && podActive(p) && p.status?.podIP);
        const address = (p) => ({
            ip: String(p.status.podIP),
            nodeName: 'embedded-node',
            targetRef: { kind: 'Pod', name: p.metadata.name, namespace, uid: p.metadata.uid },
        });
        const ready = pods.filter(podReady).map(address);
        const notReady = pods.filter((p) => !podReady(p)).map(address);
        const ports = (spec.ports ?? []).map((p) => ({
            name: p.name,
            port: typeof p.targetPort === 'number' ? p.targetPort : p.port,
            protocol: p.protocol ?? 'TCP',
        }));
        const subsets = ready.length || notReady.length
            ? [
                {
                    ...(ready.length ? { addresses: ready } : {}),
                    ...(notReady.length ? { notReadyAddresses: notReady } : {}),
                    ports,
                },
            ]
            : undefined;
        const existing = api.tryGet(epType, namespace, name);
        const body = {
            apiVersion: 'v1',
            kind: 'Endpoints',
            metadata: { name, namespace, labels: svc.metadata.labels },
            ...(subsets ? { subsets } : {}),
        };
        try {
            if (!existing)
                api.create(epType, namespace, body, { fieldManager: 'endpoint-controller' });
            else if (JSON.stringify(existing.subsets) !== JSON.stringify(subsets))
                api.writeObject(epType, { ...body, metadata: { ...existing.metadata } });
        }
        catch {
            /* raced with a delete */
        }
    }
}
class IngressController extends Controller {
    name = 'ingress-controller';
    keysFor(e) {
        return e.gk === 'networking.k8s.io/Ingress' && e.type !== 'DELETED' ? [keyOf(e.object)] : [];
    }
    initialKeys() {
        return this.ctx.api.store.list('networking.k8s.io/Ingress').map(keyOf);
    }
    reconcile(key) {
        const api = this.ctx.api;
        const type = api.registry.byKind('networking.k8s.io', 'Ingress');
        const { namespace, name } = splitKey(key);
        const ing = api.tryGet(type, namespace, name);
        if (!ing || ing.status?.loadBalancer?.ingress)
            return;
        this.ctx.clock.after(ADDON_DELAYS.ingressMs, () => {
            const current = api.tryGet(type, namespace, name);
            if (!current || current.metadata.uid !== ing.metadata.uid)
                return;
            api.writeStatus(type, current, { loadBalancer: { ingress: [{ ip: '172.18.0.2' }] } });
        });
    }
}
class PersistentVolumeClaimController extends Controller {
    name = 'persistentvolume-binder';
    keysFor(e) {
        return e.gk === '/PersistentVolumeClaim' && e.type !== 'DELETED' ? [keyOf(e.object)] : [];
    }
    initialKeys() {
        return this.ctx.api.store.list('/PersistentVolumeClaim').map(keyOf);
    }
    reconcile(key) {
        const api = this.ctx.api;
        const type = api.registry.byKind('', 'PersistentVolumeClaim');
        const { namespace, name } = splitKey(key);
        const pvc = api.tryGet(type, namespace, name);
        if (!pvc || pvc.metadata.deletionTimestamp || pvc.status?.phase === 'Bound')
            return;
        const spec = (pvc.spec ?? {});
        // A claim for a class named like "does-not-exist" stays Pending, as with a missing provisioner.
        if (String(spec.storageClassName ?? '').includes('does-not-exist')) {
            this.ctx.events.record(api.present(type, pvc), 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${String(spec.storageClassName)}" not found`, 'persistentvolume-controller');
            return;
        }
        this.ctx.clock.after(ADDON_DELAYS.pvcBindMs, () => {
            const current = api.tryGet(type, namespace, name);
            if (!current ||
                current.metadata.uid !== pvc.metadata.uid ||
                current.status?.phase === 'Bound')
                return;
            const volumeName = `pvc-${current.metadata.uid}`;
            const bound = api.writeObject(type, {
                ...cloneJson(current),
                spec: { ...cloneJson(current.spec), volumeName },
            });
            if (!bound)
                return;
            const requests = (current.spec.resources ?? {}).requests;
            api.writeStatus(type, bound, {
                phase: 'Bound',
                accessModes: current.spec.accessModes,
                capacity: { storage: requests?.storage ?? '1Gi' },
            });
        });
    }
}
class HorizontalPodAutoscalerController extends Controller {
    name = 'horizontal-pod-autoscaler';
    keysFor(e) {
        return e.gk === 'autoscaling/HorizontalPodAutoscaler' && e.type !== 'DELETED' ? [keyOf(e.object)] : [];
    }
    initialKeys() {
        return this.ctx.api.store.list('autoscaling/HorizontalPodAutoscaler').map(keyOf);
    }
    reconcile(key) {
        const api = this.ctx.api;
        const type = api.registry.byKind('autoscaling', 'HorizontalPodAutoscaler');
        const { namespace, name } = splitKey(key);
        const hpa = api.tryGet(type, namespace, name);
        if (!hpa)
            return;
        const spec = (hpa.spec ?? {});
        const target = (spec.scaleTargetRef ?? {});
        const targetObj = api.store
            .list(`${String(target.apiVersion ?? 'apps/v1').split('/')[0]}/${String(target.kind ?? 'Deployment')}`, namespace)
            .find((o) => o.metadata.name === target.name);
        const now = this.ctx.clock.timestamp();
        let conditions = (hpa.status?.conditions ?? []);
        if (!targetObj) {
            conditions = withCondition(conditions, {
                type: 'AbleToScale',
                status: 'False',
                reason: 'FailedGetScale',
                message: `the HPA controller was unable to get the target's current scale: ${String(target.kind).toLowerCase()}s.apps "${String(target.name)}" not found`,
            }, now);
            api.writeStatus(type, hpa, { currentReplicas: 0, desiredReplicas: 0, conditions });
            return;
        }
        const replicas = Number(targetObj.spec?.replicas ?? 1);
        const desired = Math.min(Math.max(replicas, Number(spec.minReplicas ?? 1)), Number(spec.maxReplicas ?? replicas));
        conditions = withCondition(conditions, {
            type: 'AbleToScale',
            status: 'True',
            reason: 'ReadyForNewScale',
            message: 'recommended size matches current size',
        }, now);
        conditions = withCondition(conditions, {
            type: 'ScalingActive',
            status: 'True',
            reason: 'ValidMetricFound',
            message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
        }, now);
        conditions = withCondition(conditions, {
            type: 'ScalingLimited',
            status: 'False',
            reason: 'DesiredWithinRange',
            message: 'the desired count is within the acceptable range',
        }, now);
        api.writeStatus(type, hpa, { currentReplicas: replicas, desiredReplicas: desired, conditions });
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/replicaset-controller.ts


class ReplicaSetController extends PodOwnerController {
    primary = 'apps/ReplicaSet';
    name = 'replicaset-controller';
    reconcile(key) {
        const api = this.ctx.api;
        const rsType = api.registry.byKind('apps', 'ReplicaSet');
        const podType = api.registry.byKind('', 'Pod');
        const { namespace, name } = splitKey(key);
        const stored = api.tryGet(rsType, namespace, name);
        if (!stored || stored.metadata.deletionTimestamp)
            return;
        const rs = api.present(rsType, stored);
        const spec = (rs.spec ?? {});
        const desired = Number(spec.replicas ?? 1);
        const pods = api.store.list('/Pod', namespace).filter((p) => ownedBy(p, rs) && podActive(p));
        if (pods.length < desired) {
            for (let i = pods.length; i < desired; i++)
                createPodFromTemplate(this.ctx, rs, 'apps/v1', 'ReplicaSet', { generateName: `${name}-` });
        }
        else if (pods.length > desired) {
            // Not-ready pods go first, then the newest, as the real controller ranks them.
            const victims = [...pods]
                .sort((a, b) => Number(podReady(a)) - Number(podReady(b)) ||
                Date.parse(b.metadata.creationTimestamp) - Date.parse(a.metadata.creationTimestamp))
                .slice(0, pods.length - desired);
            for (const p of victims) {
                try {
                    api.delete(podType, namespace, p.metadata.name, { propagationPolicy: 'Background' });
                    this.ctx.events.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, 'replicaset-controller');
                }
                catch {
                    /* gone */
                }
            }
        }
        const current = api.store.list('/Pod', namespace).filter((p) => ownedBy(p, rs) && podActive(p));
        const ready = current.filter(podReady).length;
        const status = {
            replicas: current.length,
            fullyLabeledReplicas: current.length,
            readyReplicas: ready || undefined,
            availableReplicas: ready || undefined,
            observedGeneration: rs.metadata.generation,
        };
        for (const k of Object.keys(status))
            if (status[k] === undefined)
                delete status[k];
        api.writeStatus(rsType, stored, status);
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/service-account-controller.ts

class ServiceAccountController extends Controller {
    name = 'serviceaccount-controller';
    keysFor(e) {
        if (e.gk === '/Namespace' && e.type !== 'DELETED' && !e.object.metadata.deletionTimestamp)
            return [e.object.metadata.name];
        if (e.gk === '/ServiceAccount' && e.type === 'DELETED' && e.object.metadata.name === 'default')
            return [e.object.metadata.namespace ?? ''];
        return [];
    }
    initialKeys() {
        return this.ctx.api.store.list('/Namespace').map((n) => n.metadata.name);
    }
    reconcile(namespace) {
        const api = this.ctx.api;
        const ns = api.store.get('/Namespace', undefined, namespace);
        if (!ns || ns.metadata.deletionTimestamp)
            return;
        const saType = api.registry.byKind('', 'ServiceAccount');
        if (api.tryGet(saType, namespace, 'default'))
            return;
        try {
            api.create(saType, namespace, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } }, { fieldManager: 'kube-controller-manager' });
        }
        catch {
            /* raced */
        }
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/controllers/statefulset-controller.ts



const REVISION_LABEL = 'controller-revision-hash';
class StatefulSetController extends PodOwnerController {
    primary = 'apps/StatefulSet';
    name = 'statefulset-controller';
    reconcile(key) {
        const api = this.ctx.api;
        const stsType = api.registry.byKind('apps', 'StatefulSet');
        const podType = api.registry.byKind('', 'Pod');
        const pvcType = api.registry.byKind('', 'PersistentVolumeClaim');
        const { namespace, name } = splitKey(key);
        const stored = api.tryGet(stsType, namespace, name);
        if (!stored || stored.metadata.deletionTimestamp)
            return;
        const sts = api.present(stsType, stored);
        const spec = (sts.spec ?? {});
        const replicas = Number(spec.replicas ?? 1);
        const updateRevision = `${name}-${templateHash(spec.template)}`;
        const ordered = spec.podManagementPolicy !== 'Parallel';
        const strategy = (spec.updateStrategy ?? {});
        const partition = Number((strategy.rollingUpdate ?? {}).partition ?? 0);
        const pods = () => api.store.list('/Pod', namespace).filter((p) => ownedBy(p, sts));
        const byOrdinal = new Map();
        for (const p of pods())
            byOrdinal.set(Number(p.metadata.name.slice(name.length + 1)), p);
        let acted = false;
        for (let i = 0; i < replicas && !acted; i++) {
            const pod = byOrdinal.get(i);
            if (pod) {
                if (ordered && (!podReady(pod) || !podActive(pod)))
                    break;
                continue;
            }
            const volumes = [];
            for (const tpl of (spec.volumeClaimTemplates ?? [])) {
                const tname = String((tpl.metadata ?? {}).name);
                const claim = `${tname}-${name}-${i}`;
                if (!api.tryGet(pvcType, namespace, claim)) {
                    try {
                        api.create(pvcType, namespace, {
                            apiVersion: 'v1',
                            kind: 'PersistentVolumeClaim',
                            metadata: { name: claim, namespace, labels: spec.selector?.matchLabels },
                            spec: tpl.spec,
                        }, { fieldManager: 'kube-controller-manager' });
                    }
                    catch {
                        /* exists */
                    }
                }
                volumes.push({ name: tname, persistentVolumeClaim: { claimName: claim } });
            }
            const templateSpec = (spec.template?.spec ?? {});
            createPodFromTemplate(this.ctx, sts, 'apps/v1', 'StatefulSet', {
                name: `${name}-${i}`,
                hostname: `${name}-${i}`,
                labels: {
                    [REVISION_LABEL]: updateRevision,
                    'statefulset.kubernetes.io/pod-name': `${name}-${i}`,
                    'apps.kubernetes.io/pod-index': String(i),
                },
                specPatch: volumes.length
                    ? { volumes: [...(templateSpec.volumes ?? []), ...volumes], subdomain: spec.serviceName }
                    : { subdomain: spec.serviceName },
            });
            acted = ordered;
        }
        // Scale down, highest ordinal first.
        const extra = [...byOrdinal.entries()].filter(([i]) => i >= replicas).sort(([a], [b]) => b - a);
        for (const [, p] of ordered ? extra.slice(0, 1) : extra) {
            if (p.metadata.deletionTimestamp)
                continue;
            try {
                api.delete(podType, namespace, p.metadata.name, { propagationPolicy: 'Background' });
            }
            catch {
                /* gone */
            }
        }
        // Rolling update: when everything is Ready, replace the highest outdated ordinal at or above the partition.
        if (strategy.type !== 'OnDelete') {
            const current = pods();
            const allReady = current.length === replicas && current.every((p) => podReady(p) && podActive(p));
            if (allReady) {
                const outdated = current
                    .map((p) => ({ p, i: Number(p.metadata.name.slice(name.length + 1)) }))
                    .filter(({ p, i }) => i >= partition && p.metadata.labels?.[REVISION_LABEL] !== updateRevision)
                    .sort((a, b) => b.i - a.i)[0];
                if (outdated)
                    api.delete(podType, namespace, outdated.p.metadata.name, { propagationPolicy: 'Background' });
            }
        }
        const now = pods().filter(podActive);
        const updated = now.filter((p) => p.metadata.labels?.[REVISION_LABEL] === updateRevision).length;
        const previous = (sts.status ?? {});
        const currentRevision = updated === replicas && now.length === replicas
            ? updateRevision
            : String(previous.currentRevision ?? updateRevision);
        const ready = now.filter(podReady).length;
        const status = {
            observedGeneration: sts.metadata.generation,
            replicas: now.length,
            readyReplicas: ready || undefined,
            currentReplicas: now.filter((p) => p.metadata.labels?.[REVISION_LABEL] === currentRevision).length || undefined,
            updatedReplicas: updated || undefined,
            availableReplicas: ready,
            currentRevision,
            updateRevision,
            collisionCount: 0,
        };
        for (const k of Object.keys(status))
            if (status[k] === undefined)
                delete status[k];
        api.writeStatus(stsType, stored, status);
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/access-rules.ts
/**
 * What the caller may not do: the part of RBAC a client must cope with, a 403 with the API server's own
 * wording. The emulator allows everything until a test (or `hook-sync cluster`) denies something.
 */

class AccessRules {
    denials = [];
    deny(denial) {
        this.denials.push(denial);
    }
    clear() {
        this.denials.length = 0;
    }
    hasDenials() {
        return this.denials.length > 0;
    }
    /** Whether a request would pass (what `kubectl auth can-i` asks). */
    allows(verb, group, resource, namespace) {
        return !this.denials.some((d) => d.group === group &&
            d.resource === resource &&
            d.verbs.includes(verb) &&
            (d.namespace === undefined || namespace === undefined || d.namespace === namespace));
    }
    check(verb, group, resource, namespace, name) {
        const denied = this.denials.some((d) => d.group === group &&
            d.resource === resource &&
            d.verbs.includes(verb) &&
            (d.namespace === undefined || d.namespace === namespace));
        if (!denied)
            return;
        const what = name
            ? `${resource}${group ? `.${group}` : ''} "${name}"`
            : `${resource}${group ? `.${group}` : ''}`;
        throw new ApiError(403, 'Forbidden', `${what} is forbidden: User "system:anonymous" cannot ${verb} resource "${resource}" in API group "${group}"${namespace ? ` in the namespace "${namespace}"` : ' at the cluster scope'}`, { name, group, kind: resource });
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/faults.ts
const MIXED = ['429', '500', '503', 'reset'];
const NO_FAULTS = {
    latencyMs: 0,
    errorRate: 0,
    throttleRate: 0,
    retryAfterSeconds: 1,
    resetRate: 0,
    lostResponseRate: 0,
    watchCutMs: 0,
    watchDelayMs: 0,
    watchGoneRate: 0,
    logCutMs: 0,
};
class Faults {
    random;
    settings = { ...NO_FAULTS };
    /** How many of each were injected: tests assert that faults happened. */
    injected = {
        none: 0,
        '429': 0,
        '500': 0,
        '503': 0,
        reset: 0,
        'lost-response': 0,
        gone: 0,
        'watch-cut': 0,
        'log-cut': 0,
    };
    constructor(random) {
        this.random = random;
    }
    set(settings) {
        this.settings = { ...this.settings, ...settings };
    }
    chance(rate) {
        return rate > 0 && this.random.next() < rate;
    }
    /** The fault a request gets before it is served, if any. `write`: it changes something. */
    roll(write = false) {
        const s = this.settings;
        let fault = 'none';
        if (this.chance(s.errorRate))
            fault = MIXED[Math.floor(this.random.next() * MIXED.length)];
        else if (this.chance(s.throttleRate))
            fault = '429';
        else if (this.chance(s.resetRate))
            fault = 'reset';
        else if (write && this.chance(s.lostResponseRate))
            fault = 'lost-response';
        if (fault !== 'none')
            this.injected[fault]++;
        return fault;
    }
    /** A watch resumed from a resourceVersion: answered 410 Gone? */
    rollGone() {
        if (!this.chance(this.settings.watchGoneRate))
            return false;
        this.injected.gone++;
        return true;
    }
    /** Counts a stream cut that a timer carried out. */
    count(fault) {
        this.injected[fault]++;
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/kubelet/container-logs.ts
/** Container logs as the kubelet keeps them: per container, the current run and the previous one. */

const MAX_LINES = 10_000;
/**
 * RFC 3339 with nanoseconds, as the kubelet stamps lines (`timestamps=true`): the clock's milliseconds,
 * and below them a count that keeps every stamp later than the one before, as a real clock's would be.
 */
class LogClock {
    last = 0n;
    now() {
        let nanos = BigInt(Date.now()) * 1000000n;
        if (nanos <= this.last)
            nanos = this.last + 1n;
        this.last = nanos;
        const ms = Number(nanos / 1000000n);
        const fraction = String(nanos % 1000000000n).padStart(9, '0');
        return `${new Date(ms).toISOString().slice(0, 19)}.${fraction}Z`;
    }
}
class ContainerLogs {
    pods = new Map();
    clock = new LogClock();
    key(namespace, pod) {
        return `${namespace}/${pod}`;
    }
    register(namespace, pod, init, main) {
        const containers = new Map();
        for (const name of [...init, ...main])
            containers.set(name, {
                current: [],
                running: false,
                waitingReason: 'ContainerCreating',
                listeners: new Set(),
            });
        this.pods.set(this.key(namespace, pod), { containers, order: [...init, ...main], main });
    }
    forget(namespace, pod) {
        const record = this.pods.get(this.key(namespace, pod));
        if (!record)
            return;
        for (const c of record.containers.values())
            for (const l of c.listeners)
                l.onEnd();
        this.pods.delete(this.key(namespace, pod));
    }
    container(namespace, pod, name) {
        return this.pods.get(this.key(namespace, pod))?.containers.get(name);
    }
    /** A new run of a container starts with an empty log. */
    start(namespace, pod, name) {
        const c = this.container(namespace, pod, name);
        if (!c)
            return;
        c.current = [];
        c.running = true;
        c.waitingReason = undefined;
    }
    /** The container died and will restart: its log is `--previous` from now on (it stays current until the restart). */
    keepAsPrevious(namespace, pod, name) {
        const c = this.container(namespace, pod, name);
        if (c)
            c.previous = c.current;
    }
    waiting(namespace, pod, name, reason) {
        const c = this.container(namespace, pod, name);
        if (c && !c.running)
            c.waitingReason = reason;
    }
    append(namespace, pod, name, text) {
        const c = this.container(namespace, pod, name);
        if (!c)
            return undefined;
        const line = { time: this.clock.now(), text };
        c.current.push(line);
        if (c.current.length > MAX_LINES)
            c.current.splice(0, c.current.length - MAX_LINES);
        for (const l of c.listeners)
            l.onLine(line);
        return line;
    }
    stop(namespace, pod, name) {
        const c = this.container(namespace, pod, name);
        if (!c)
            return;
        c.running = false;
        for (const l of [...c.listeners])
            l.onEnd();
        c.listeners.clear();
    }
    tail(namespace, pod, name, lines) {
        return (this.container(namespace, pod, name)?.current ?? []).slice(-lines).map((l) => l.text);
    }
    read(namespace, pod, container, previous) {
        const record = this.pods.get(this.key(namespace, pod));
        if (!record)
            throw notFound('pods', '', pod);
        let name = container;
        if (!name) {
            if (record.main.length !== 1) {
                throw badRequest(`a container name must be specified for pod ${pod}, choose one of: [${record.main.join(' ')}]`);
            }
            name = record.main[0];
        }
        const c = record.containers.get(name);
        if (!c)
            throw badRequest(`container ${name} is not valid for pod ${pod}`);
        if (previous) {
            if (!c.previous)
                throw badRequest(`previous terminated container "${name}" in pod "${pod}" not found`);
            return { lines: c.previous, running: false, container: name };
        }
        if (!c.running && c.current.length === 0 && c.waitingReason) {
            throw new ApiError(400, 'BadRequest', `container "${name}" in pod "${pod}" is waiting to start: ${c.waitingReason}`);
        }
        return { lines: c.current, running: c.running, container: name };
    }
    follow(namespace, pod, container, onLine, onEnd) {
        const c = this.container(namespace, pod, container);
        if (!c || !c.running) {
            onEnd();
            return () => { };
        }
        const listener = { onLine, onEnd };
        c.listeners.add(listener);
        return () => c.listeners.delete(listener);
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/object-store.ts
function object_store_keyOf(namespace, name) {
    return `${namespace ?? ''}/${name}`;
}
class ObjectStore {
    logCapacity;
    rv;
    objects = new Map();
    log = [];
    listeners = new Set();
    /** Events emitted while listeners run wait here, so every listener sees every event in rv order. */
    pending = [];
    dispatching = false;
    constructor(
    /** How many past events a watch can resume from; older ones answer 410 Gone. */
    logCapacity = 20_000, initialRv = 1000) {
        this.logCapacity = logCapacity;
        this.rv = initialRv;
    }
    get resourceVersion() {
        return this.rv;
    }
    /** The oldest resourceVersion a watch may start after without 410. */
    get oldestResumableRv() {
        return this.log.length > 0 ? this.log[0].rv - 1 : this.rv;
    }
    nextRv() {
        return ++this.rv;
    }
    get(gk, namespace, name) {
        return this.objects.get(gk)?.get(object_store_keyOf(namespace, name));
    }
    list(gk, namespace) {
        const bucket = this.objects.get(gk);
        if (!bucket)
            return [];
        const out = [];
        for (const obj of bucket.values()) {
            if (namespace === undefined || obj.metadata.namespace === namespace)
                out.push(obj);
        }
        return out;
    }
    kinds() {
        return [...this.objects.keys()];
    }
    count() {
        let n = 0;
        for (const bucket of this.objects.values())
            n += bucket.size;
        return n;
    }
    /** Stores `obj` (its resourceVersion already set by the caller from nextRv()) and emits the event. */
    put(gk, obj) {
        let bucket = this.objects.get(gk);
        if (!bucket) {
            bucket = new Map();
            this.objects.set(gk, bucket);
        }
        const key = object_store_keyOf(obj.metadata.namespace, obj.metadata.name);
        const previous = bucket.get(key);
        bucket.set(key, obj);
        return this.emit({
            rv: Number(obj.metadata.resourceVersion),
            type: previous ? 'MODIFIED' : 'ADDED',
            gk,
            object: obj,
            previous,
        });
    }
    /** Removes the object; the DELETED event carries it with a fresh resourceVersion, as a real server does. */
    remove(gk, namespace, name) {
        const bucket = this.objects.get(gk);
        const key = object_store_keyOf(namespace, name);
        const existing = bucket?.get(key);
        if (!bucket || !existing)
            return undefined;
        bucket.delete(key);
        const rv = this.nextRv();
        const object = { ...existing, metadata: { ...existing.metadata, resourceVersion: String(rv) } };
        return this.emit({ rv, type: 'DELETED', gk, object, previous: existing });
    }
    /** Events after `rv` for a kind (optionally a namespace); undefined when they are no longer kept. */
    eventsSince(rv, gk, namespace) {
        if (rv < this.oldestResumableRv)
            return undefined;
        const out = [];
        // The log is ordered by rv: binary search for the first event after rv.
        let lo = 0;
        let hi = this.log.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (this.log[mid].rv <= rv)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (let i = lo; i < this.log.length; i++) {
            const e = this.log[i];
            if (e.gk === gk && (namespace === undefined || e.object.metadata.namespace === namespace))
                out.push(e);
        }
        return out;
    }
    subscribe(listener) {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }
    emit(event) {
        this.log.push(event);
        if (this.log.length > this.logCapacity)
            this.log.splice(0, this.log.length - this.logCapacity);
        this.pending.push(event);
        if (this.dispatching)
            return event;
        this.dispatching = true;
        try {
            for (let next = this.pending.shift(); next; next = this.pending.shift()) {
                for (const listener of [...this.listeners])
                    listener(next);
            }
        }
        finally {
            this.dispatching = false;
        }
        return event;
    }
    /** Everything, for `--state FILE`. */
    snapshot() {
        const objects = [];
        for (const [gk, bucket] of this.objects)
            for (const object of bucket.values())
                objects.push({ gk, object });
        return { resourceVersion: this.rv, objects };
    }
    /** Loads a snapshot into an empty store without emitting events (nothing is watching yet). */
    restore(snapshot) {
        this.rv = Math.max(this.rv, snapshot.resourceVersion);
        for (const { gk, object } of snapshot.objects) {
            let bucket = this.objects.get(gk);
            if (!bucket)
                this.objects.set(gk, (bucket = new Map()));
            bucket.set(object_store_keyOf(object.metadata.namespace, object.metadata.name), object);
        }
    }
}

;// CONCATENATED MODULE: ./src/embedded-cluster/embedded-cluster.ts
/**
 * The embedded cluster: an in-process Kubernetes API server with simulated controllers and a kubelet,
 * listening on 127.0.0.1. Start it from tests with `EmbeddedCluster.start()`, or from a shell with
 * `hook-sync cluster`; point kubectl or any client at the kubeconfig it writes.
 */























const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];
const KUBECONFIG_CONTEXT = 'embedded';
class EmbeddedCluster {
    url;
    api;
    store;
    clock;
    faults;
    logs;
    server;
    controllers;
    kubelet;
    stateFile;
    tlsCa;
    access;
    saveTimer;
    unsubscribeSave;
    stopped = false;
    constructor(url, api, store, clock, faults, logs, server, controllers, kubelet, stateFile, tlsCa, 
    /** Deny a verb on a resource (a 403, as RBAC would), e.g. reading Secrets. */
    access) {
        this.url = url;
        this.api = api;
        this.store = store;
        this.clock = clock;
        this.faults = faults;
        this.logs = logs;
        this.server = server;
        this.controllers = controllers;
        this.kubelet = kubelet;
        this.stateFile = stateFile;
        this.tlsCa = tlsCa;
        this.access = access;
    }
    static async start(options = {}) {
        const random = new SeededRandom(options.seed ?? 0x5eed);
        const registry = new ResourceRegistry();
        const store = new ObjectStore(options.watchCacheSize ?? 20_000);
        const clock = new SimClock(options.timeScale ?? 1);
        if (options.stateFile && (0,external_node_fs_.existsSync)(options.stateFile)) {
            store.restore(JSON.parse((0,external_node_fs_.readFileSync)(options.stateFile, 'utf8')));
        }
        const api = new ClusterApi(registry, store, clock, random);
        const nsType = registry.byKind('', 'Namespace');
        for (const ns of SYSTEM_NAMESPACES) {
            if (!api.tryGet(nsType, undefined, ns))
                api.create(nsType, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, { fieldManager: 'kube-apiserver' });
        }
        const faults = new Faults(new SeededRandom((options.seed ?? 0x5eed) ^ 0xfa017));
        faults.set(options.faults ?? {});
        const logs = new ContainerLogs();
        const events = new EventRecorder(api);
        const kubelet = new Kubelet(api, events, logs, clock);
        const controllers = new ControllerManager({ api, events, clock, random });
        controllers.add((ctx) => new CrdController(ctx));
        controllers.add((ctx) => new GarbageCollector(ctx));
        controllers.add((ctx) => new NamespaceController(ctx));
        controllers.add((ctx) => new ServiceAccountController(ctx));
        controllers.add((ctx) => new JobController(ctx));
        controllers.add((ctx) => new DeploymentController(ctx));
        controllers.add((ctx) => new ReplicaSetController(ctx));
        controllers.add((ctx) => new StatefulSetController(ctx));
        controllers.add((ctx) => new DaemonSetController(ctx));
        controllers.add((ctx) => new ServiceController(ctx));
        controllers.add((ctx) => new IngressController(ctx));
        controllers.add((ctx) => new PersistentVolumeClaimController(ctx));
        controllers.add((ctx) => new HorizontalPodAutoscalerController(ctx));
        const access = new AccessRules();
        const server = new ClusterHttpServer({
            api,
            faults,
            access,
            logs,
            bookmarkIntervalMs: options.bookmarkIntervalMs,
            requireToken: options.auth?.token,
            clientCA: options.auth?.clientCA,
            tls: options.tls,
        });
        const url = await server.listen(options.port ?? 0);
        const cluster = new EmbeddedCluster(url, api, store, clock, faults, logs, server, controllers, kubelet, options.stateFile, options.tls?.ca, access);
        controllers.start();
        kubelet.start();
        if (options.stateFile)
            cluster.persistOnChange();
        return cluster;
    }
    /** Requests the server answered, for tests that assert what a client did (or did not) send. */
    get requests() {
        return this.server.requests;
    }
    /** A kubeconfig for this cluster. kubectl and @kubernetes/client-node both accept it. */
    kubeconfig() {
        return [
            'apiVersion: v1',
            'kind: Config',
            'clusters:',
            `- name: ${KUBECONFIG_CONTEXT}`,
            '  cluster:',
            `    server: ${this.url}`,
            this.tlsCa
                ? `    certificate-authority-data: ${Buffer.from(this.tlsCa).toString('base64')}`
                : '    insecure-skip-tls-verify: true',
            'users:',
            `- name: ${KUBECONFIG_CONTEXT}`,
            '  user:',
            '    token: embedded-cluster-token',
            'contexts:',
            `- name: ${KUBECONFIG_CONTEXT}`,
            '  context:',
            `    cluster: ${KUBECONFIG_CONTEXT}`,
            `    user: ${KUBECONFIG_CONTEXT}`,
            '    namespace: default',
            `current-context: ${KUBECONFIG_CONTEXT}`,
            '',
        ].join('\n');
    }
    writeKubeconfig(file) {
        (0,external_node_fs_.writeFileSync)(file, this.kubeconfig(), { mode: 0o600 });
    }
    /** Resolves when `predicate` holds for the cluster's objects; re-checked on every change. */
    waitFor(predicate, description = 'condition') {
        return new Promise((resolve, reject) => {
            const check = () => {
                const value = predicate();
                if (value) {
                    unsubscribe();
                    resolve(value);
                    return true;
                }
                return false;
            };
            const unsubscribe = this.store.subscribe(() => {
                try {
                    check();
                }
                catch (err) {
                    unsubscribe();
                    reject(err);
                }
            });
            if (this.stopped) {
                unsubscribe();
                reject(new Error(`cluster stopped while waiting for ${description}`));
                return;
            }
            check();
        });
    }
    /** An object as stored (group "" for the core group), or undefined. */
    object(group, kind, namespace, name) {
        return this.store.get(`${group}/${kind}`, namespace, name);
    }
    subscribe(listener) {
        return this.store.subscribe(listener);
    }
    persistOnChange() {
        this.unsubscribeSave = this.store.subscribe(() => {
            if (this.saveTimer)
                return;
            this.saveTimer = setTimeout(() => {
                this.saveTimer = undefined;
                this.saveState();
            }, 200);
        });
    }
    saveState() {
        if (!this.stateFile)
            return;
        const tmp = `${this.stateFile}.tmp`;
        (0,external_node_fs_.writeFileSync)(tmp, JSON.stringify(this.store.snapshot()));
        (0,external_node_fs_.renameSync)(tmp, this.stateFile);
    }
    async stop() {
        if (this.stopped)
            return;
        this.stopped = true;
        if (this.saveTimer)
            clearTimeout(this.saveTimer);
        this.unsubscribeSave?.();
        this.controllers.stop();
        this.kubelet.stop();
        this.clock.stop();
        await this.server.close();
        this.saveState();
    }
}


/***/ })

};
