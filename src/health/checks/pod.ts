/**
 * Pod health. Pods that restart forever (restartPolicy Always) are Degraded as soon as a container is stuck
 * (Err…, …Error, …BackOff). Finite pods (Never, OnFailure: hooks, Job pods) are never failed for a waiting
 * state here — an image may still appear — the fail-fast diagnosis decides that with a grace period.
 */
import { degraded, healthy, progressing, unknown, type Health } from '../health.js';
import { list, str, type Json } from '../object-fields.js';

function isStuck(reason: string): boolean {
  return reason.startsWith('Err') || reason.endsWith('Error') || reason.endsWith('BackOff');
}

function terminatedMessage(c: Json): string {
  const t = (c.state as Json | undefined)?.terminated as Json | undefined;
  if (!t) return '';
  const name = String(c.name);
  const message = typeof t.message === 'string' ? t.message.trim() : '';
  if (message) return `container "${name}": ${message}`;
  if (t.reason === 'OOMKilled') return `container "${name}" was OOMKilled (out of memory)`;
  if (typeof t.exitCode === 'number' && t.exitCode !== 0)
    return `container "${name}" failed with exit code ${t.exitCode}`;
  return '';
}

function isReady(pod: unknown): boolean {
  return list(pod, 'status.conditions').some((c) => c.type === 'Ready' && c.status === 'True');
}

export function podHealth(pod: unknown): Health {
  const restartPolicy = str(pod, 'spec.restartPolicy') || 'Always';
  const statuses = list(pod, 'status.containerStatuses');
  const initStatuses = list(pod, 'status.initContainerStatuses');
  const podMessage = str(pod, 'status.message');
  if (restartPolicy === 'Always') {
    const stuck = [...initStatuses, ...statuses]
      .map((c) => ({
        name: String(c.name),
        waiting: (c.state as Json | undefined)?.waiting as Json | undefined,
      }))
      .filter((c) => c.waiting && isStuck(String(c.waiting.reason ?? '')));
    if (stuck.length > 0) {
      return degraded(
        stuck
          .map(
            (c) =>
              `container "${c.name}" is ${String(c.waiting!.reason)}${c.waiting!.message ? `: ${String(c.waiting!.message)}` : ''}`,
          )
          .join('; '),
        String(stuck[0]!.waiting!.reason),
      );
    }
  }
  switch (str(pod, 'status.phase')) {
    case 'Pending':
    case '': {
      const scheduled = list(pod, 'status.conditions').find((c) => c.type === 'PodScheduled');
      if (scheduled?.status === 'False')
        return progressing(
          `not scheduled: ${String(scheduled.message ?? scheduled.reason ?? '')}`,
          String(scheduled.reason ?? ''),
        );
      const waiting = [...initStatuses, ...statuses]
        .map((c) => (c.state as Json | undefined)?.waiting as Json | undefined)
        .find((w) => w?.reason);
      return progressing(
        podMessage ||
          (waiting
            ? `waiting: ${String(waiting.reason)}${waiting.message ? ` (${String(waiting.message)})` : ''}`
            : 'Pending'),
      );
    }
    case 'Succeeded':
      return healthy(podMessage || 'all containers completed successfully');
    case 'Failed': {
      if (podMessage) return degraded(podMessage, str(pod, 'status.reason') || undefined);
      for (const c of [...initStatuses, ...statuses]) {
        const message = terminatedMessage(c);
        if (message)
          return degraded(message, String(((c.state as Json).terminated as Json).reason ?? 'Error'));
      }
      return degraded('the pod failed', str(pod, 'status.reason') || undefined);
    }
    case 'Running': {
      if (restartPolicy !== 'Always') return progressing(podMessage || 'running');
      if (isReady(pod)) return healthy(podMessage || 'running and ready');
      const restarted = statuses.find((c) => (c.lastState as Json | undefined)?.terminated);
      if (restarted) {
        const last = terminatedMessage({ name: restarted.name, state: restarted.lastState });
        return degraded(
          podMessage || last || `container "${String(restarted.name)}" restarted and is not ready`,
          'Restarting',
        );
      }
      return progressing(podMessage || 'running, not ready yet');
    }
    default:
      return unknown(podMessage || `unknown pod phase "${str(pod, 'status.phase')}"`);
  }
}
