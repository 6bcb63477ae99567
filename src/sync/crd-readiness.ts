/**
 * Custom resources need their CRD Established and their kind in discovery before they can be written:
 * after a CRD of the sync is applied, and when a kind marked SkipDryRunOnMissingResource is defined during
 * the sync by someone else (an operator a PreSync hook installed).
 */
import type { ClusterClient, Json, ResourceInfo } from '../cluster/cluster-client.js';
import type { ObservedState } from './observed-state.js';
import type { StepOutcome, WaitUntil } from './outcome.js';

interface CrdSpec {
  group?: string;
  names?: { kind?: string };
  versions?: { name: string }[];
}

export function isEstablished(crd: Json | undefined): boolean {
  const conditions = ((crd?.status ?? {}) as { conditions?: { type: string; status: string }[] }).conditions;
  return !!conditions?.some((c) => c.type === 'Established' && c.status === 'True');
}

/** Discovery again for every version the CRD serves. */
export async function refreshDiscovery(client: ClusterClient, crd: Json): Promise<void> {
  const spec = (crd.spec ?? {}) as CrdSpec;
  for (const v of spec.versions ?? [])
    await client.resourceFor(`${spec.group}/${v.name}`, String(spec.names?.kind), true);
}

/**
 * The kind of a task that was not served at its dry run: found in discovery now, or once the CRD that
 * defines it (which must exist by now) is Established.
 */
export async function resolveLateKind(
  client: ClusterClient,
  observed: ObservedState,
  waitUntil: WaitUntil,
  target: { apiVersion: string; group: string; kind: string },
  deadline: number,
): Promise<{ info: ResourceInfo } | { problem: StepOutcome }> {
  const found = await client.resourceFor(target.apiVersion, target.kind, true);
  if (found) return { info: found };
  const crdInfo = await client.requireResource('apiextensions.k8s.io/v1', 'CustomResourceDefinition');
  await observed.watchKind(crdInfo, undefined);
  const crd = () =>
    observed.list('apiextensions.k8s.io', 'CustomResourceDefinition').find((c) => {
      const spec = (c.spec ?? {}) as CrdSpec;
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
  if (!ready.ok) return { problem: ready };
  await refreshDiscovery(client, crd()!);
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
