/**
 * What the caller may not do: the part of RBAC a client must cope with, a 403 with the API server's own
 * wording. The emulator allows everything until a test (or `hook-sync cluster`) denies something.
 */
import { ApiError } from './api/status-errors.js';

export interface Denial {
  /** Kubernetes verbs: get, list, watch, create, update, patch, delete, deletecollection. */
  verbs: readonly string[];
  group: string;
  /** The plural: `secrets`, `deployments`. */
  resource: string;
  /** Only in this namespace; every namespace when absent. */
  namespace?: string;
}

export class AccessRules {
  private readonly denials: Denial[] = [];

  deny(denial: Denial): void {
    this.denials.push(denial);
  }

  clear(): void {
    this.denials.length = 0;
  }

  hasDenials(): boolean {
    return this.denials.length > 0;
  }

  /** Whether a request would pass (what `kubectl auth can-i` asks). */
  allows(verb: string, group: string, resource: string, namespace: string | undefined): boolean {
    return !this.denials.some(
      (d) =>
        d.group === group &&
        d.resource === resource &&
        d.verbs.includes(verb) &&
        (d.namespace === undefined || namespace === undefined || d.namespace === namespace),
    );
  }

  check(verb: string, group: string, resource: string, namespace: string | undefined, name?: string): void {
    const denied = this.denials.some(
      (d) =>
        d.group === group &&
        d.resource === resource &&
        d.verbs.includes(verb) &&
        (d.namespace === undefined || d.namespace === namespace),
    );
    if (!denied) return;
    const what = name
      ? `${resource}${group ? `.${group}` : ''} "${name}"`
      : `${resource}${group ? `.${group}` : ''}`;
    throw new ApiError(
      403,
      'Forbidden',
      `${what} is forbidden: User "system:anonymous" cannot ${verb} resource "${resource}" in API group "${group}"${namespace ? ` in the namespace "${namespace}"` : ' at the cluster scope'}`,
      { name, group, kind: resource },
    );
  }
}
