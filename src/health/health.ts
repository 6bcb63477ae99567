/** The verdicts health checks give, in Argo CD's vocabulary. */
export type HealthStatus = 'Healthy' | 'Progressing' | 'Degraded' | 'Suspended' | 'Missing' | 'Unknown';

export interface Health {
  status: HealthStatus;
  /** What a person needs to act: never empty for anything but Healthy. */
  message: string;
  /** The Kubernetes reason behind it, when there is one (ProgressDeadlineExceeded, BackoffLimitExceeded…). */
  reason?: string;
}

/** Worst first, as Argo CD aggregates application health. */
const SEVERITY: readonly HealthStatus[] = [
  'Healthy',
  'Suspended',
  'Progressing',
  'Missing',
  'Degraded',
  'Unknown',
];

export function isWorse(a: HealthStatus, b: HealthStatus): boolean {
  return SEVERITY.indexOf(a) > SEVERITY.indexOf(b);
}

export function healthy(message = ''): Health {
  return { status: 'Healthy', message };
}
export function progressing(message: string, reason?: string): Health {
  return { status: 'Progressing', message, ...(reason ? { reason } : {}) };
}
export function degraded(message: string, reason?: string): Health {
  return { status: 'Degraded', message, ...(reason ? { reason } : {}) };
}
export function suspended(message: string, reason?: string): Health {
  return { status: 'Suspended', message, ...(reason ? { reason } : {}) };
}
export function unknown(message: string): Health {
  return { status: 'Unknown', message };
}
