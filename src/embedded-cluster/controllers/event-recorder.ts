/**
 * Kubernetes Events (core/v1) about objects, with the same reasons the real components use. Repeats of the
 * same reason and message for one object are counted on one Event, as the real recorder aggregates them.
 */
import type { ClusterApi } from '../cluster-api.js';
import type { Obj } from '../object-store.js';

export type EventType = 'Normal' | 'Warning';

export class EventRecorder {
  private counter = 0;
  constructor(private readonly api: ClusterApi) {}

  record(
    involved: Obj,
    type: EventType,
    reason: string,
    message: string,
    component: string,
    fieldPath?: string,
  ): void {
    const eventType = this.api.registry.byKind('', 'Event')!;
    const namespace = involved.metadata.namespace ?? 'default';
    if (
      !this.api.store.get('/Namespace', undefined, namespace) ||
      this.api.store.get('/Namespace', undefined, namespace)?.metadata.deletionTimestamp
    )
      return;
    const now = this.api.clock.timestamp();
    const existing = this.api.store
      .list('/Event', namespace)
      .find(
        (e) =>
          (e.involvedObject as { uid?: string } | undefined)?.uid === involved.metadata.uid &&
          e.reason === reason &&
          e.message === message,
      );
    try {
      if (existing) {
        this.api.update(
          eventType,
          namespace,
          existing.metadata.name,
          { ...existing, count: Number(existing.count ?? 1) + 1, lastTimestamp: now },
          { fieldManager: component },
        );
        return;
      }
      const suffix = (Date.now() * 1000 + (this.counter++ % 1000)).toString(16);
      this.api.create(
        eventType,
        namespace,
        {
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
        },
        { fieldManager: component },
      );
    } catch {
      // Events are best effort, as they are in Kubernetes.
    }
  }
}
