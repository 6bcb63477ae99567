/**
 * Just enough OpenAPI v3 for kubectl: per group-version, the PATCH and POST operations of each kind with
 * the `fieldValidation` and `dryRun` parameters, which is how kubectl learns it may leave validation to the
 * server (`--validate=strict` then sends `fieldValidation=Strict`). No schemas: for built-in kinds kubectl
 * falls back to its compiled-in types when computing client-side apply patches.
 */
import { createHash } from 'node:crypto';
import { apiVersionOf, type ResourceRegistry, type ResourceType } from '../resource-types.js';

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

export function openApiDocument(registry: ResourceRegistry, group: string, version: string) {
  const types = registry.all().filter((t) => t.group === group && t.version === version);
  if (types.length === 0) return undefined;
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
    components: { schemas: {} },
  };
}

export function openApiIndex(registry: ResourceRegistry) {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const [group, versions] of registry.groups()) {
    for (const version of versions) {
      const doc = JSON.stringify(openApiDocument(registry, group, version));
      const hash = createHash('sha512').update(doc).digest('hex').slice(0, 32).toUpperCase();
      paths[gvPath(group, version)] = {
        serverRelativeURL: `/openapi/v3/${gvPath(group, version)}?hash=${hash}`,
      };
    }
  }
  return { paths };
}

export { apiVersionOf };
