/**
 * OpenAPI v3 for kubectl: per group-version, the PATCH and POST operations of each kind with the
 * `fieldValidation` and `dryRun` parameters, which is how kubectl learns it may leave validation to the
 * server (`--validate=strict` then sends `fieldValidation=Strict`), and the built-in kinds' schemas
 * (`kubectl explain`). Documents are built once per set of kinds, then served from memory.
 */
import { createHash } from 'node:crypto';
import { apiVersionOf, type ResourceRegistry, type ResourceType } from '../resource-types.js';
import { ACCESS_REVIEW_GROUP, ACCESS_REVIEW_TYPES } from './access-review.js';
import { componentSchemas } from './openapi-schemas.js';

const QUERY_PARAMS = ['dryRun', 'fieldManager', 'fieldValidation', 'force', 'pretty'];

function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

function operation(t: ResourceType, action: string, params: string[]) {
  return {
    operationId: `${action}${t.kind}`,
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': { group: t.group, version: t.version, kind: t.kind },
    parameters: params.map((name) => ({ name, in: 'query', schema: { type: 'string', uniqueItems: true } })),
    responses: { '200': { description: 'OK' } },
  };
}

const documents = new Map<string, { text: string; hash: string }>();

/** The document of a group-version as JSON text with its hash, built when its kinds change. */
function cachedDocument(registry: ResourceRegistry, group: string, version: string) {
  const served = group === ACCESS_REVIEW_GROUP ? ACCESS_REVIEW_TYPES : registry.all();
  const types = served.filter((t) => t.group === group && t.version === version);
  if (types.length === 0) return undefined;
  const key = `${group}/${version}:${types.map((t) => `${t.kind}=${t.fromCrd ?? ''}`).join(',')}`;
  let doc = documents.get(key);
  if (!doc) {
    const text = JSON.stringify(buildDocument(types));
    doc = { text, hash: createHash('sha512').update(text).digest('hex').slice(0, 32).toUpperCase() };
    documents.set(key, doc);
  }
  return doc;
}

export function openApiDocument(registry: ResourceRegistry, group: string, version: string) {
  const doc = cachedDocument(registry, group, version);
  return doc ? (JSON.parse(doc.text) as Record<string, unknown>) : undefined;
}

function buildDocument(types: readonly ResourceType[]) {
  const paths: Record<string, unknown> = {};
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

export function openApiIndex(registry: ResourceRegistry) {
  const paths: Record<string, { serverRelativeURL: string }> = {};
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

export { apiVersionOf };
