/**
 * Client-side apply (`ServerSideApply=false`), as kubectl does it: the manifest last applied is kept in an
 * annotation, and the next apply sends a patch that sets what the manifest says and removes what it no
 * longer says, leaving fields other writers added alone. The patch is a JSON merge patch (RFC 7386), so it
 * works for custom resources too; unlike kubectl's strategic merge, lists are replaced whole.
 */
import type { Json } from '../cluster/cluster-client.js';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

function isMap(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The manifest as recorded in the annotation (without the annotation itself). */
function recorded(desired: Json): Json {
  const copy = structuredClone(desired);
  const annotations = (copy.metadata as Json | undefined)?.annotations as Json | undefined;
  if (annotations) {
    delete annotations[LAST_APPLIED_ANNOTATION];
    if (Object.keys(annotations).length === 0) delete (copy.metadata as Json).annotations;
  }
  return copy;
}

function diff(last: Json | undefined, desired: Json): Json {
  const patch: Json = {};
  for (const [key, value] of Object.entries(desired)) {
    const before = last?.[key];
    patch[key] = isMap(value) && isMap(before) ? diff(before, value) : value;
  }
  for (const key of Object.keys(last ?? {})) if (!(key in desired)) patch[key] = null;
  return patch;
}

/** The object to create: the manifest, carrying its own record. */
export function withLastApplied(desired: Json): Json {
  const copy = structuredClone(desired);
  const meta = (copy.metadata ??= {}) as Json;
  meta.annotations = {
    ...((meta.annotations as Json | undefined) ?? {}),
    [LAST_APPLIED_ANNOTATION]: JSON.stringify(recorded(desired)),
  };
  return copy;
}

/** The merge patch from the live object's last-applied record to the manifest. */
export function clientSideApplyPatch(live: Json, desired: Json): Json {
  const annotations = ((live.metadata as Json | undefined)?.annotations ?? {}) as Json;
  let last: Json | undefined;
  try {
    const raw = annotations[LAST_APPLIED_ANNOTATION];
    last = typeof raw === 'string' ? (JSON.parse(raw) as Json) : undefined;
  } catch {
    last = undefined; // an unreadable record removes nothing, as kubectl does with none
  }
  return diff(last, withLastApplied(desired));
}
