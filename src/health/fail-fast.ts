/**
 * Fail-fast diagnosis: hooks and workloads that can never finish without someone changing something
 * (an image that cannot be pulled, a ConfigMap that does not exist, a pod no node can take, pods a Job's
 * controller is not allowed to create, a container that keeps crashing) are failed after a grace period,
 * with the reason in the message, instead of hanging until a timeout. Argo CD waits forever here.
 *
 * Pure: the caller passes the pods, the events and the current time; "since when" comes from event and
 * condition timestamps, or from the caller's own first sighting when those are missing.
 */
import { formatDuration, parseDuration } from '../duration.js';
import { FAIL_FAST_ANNOTATION } from '../hooks/hook-sync-annotations.js';
import { field, list, str, type Json } from './object-fields.js';

export interface GracePeriods {
  /** ErrImagePull / ImagePullBackOff: a registry hiccup can clear within a retry or two. */
  imagePull: number;
  /** InvalidImageName: can never succeed. */
  invalidImage: number;
  /** CreateContainerConfigError: a missing ConfigMap/Secret may still be created. */
  containerConfig: number;
  /** FailedMount of a ConfigMap/Secret volume. */
  mount: number;
  /** Unschedulable: an autoscaler may add a node. */
  unschedulable: number;
  /** FailedCreate on a Job or ReplicaSet: pods refused (missing ServiceAccount, quota, admission). */
  failedCreate: number;
  /** A workload's container in CrashLoopBackOff. */
  crashLoop: number;
}

export const DEFAULT_GRACE: GracePeriods = {
  imagePull: 60_000,
  invalidImage: 0,
  containerConfig: 30_000,
  mount: 60_000,
  unschedulable: 60_000,
  failedCreate: 30_000,
  crashLoop: 60_000,
};

export interface Diagnosis {
  /** The Kubernetes reason: ImagePullBackOff, CreateContainerConfigError, Unschedulable, FailedCreate… */
  reason: string;
  /** What is wrong and where, for the person reading the report. */
  message: string;
  /** When the problem was first seen (ms since epoch). */
  since: number;
}

export interface DiagnosisInput {
  /** The hook or workload (Job, Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet). */
  object: unknown;
  /** Its pods (for a Pod hook, the Pod itself). */
  pods: readonly unknown[];
  /** Events about it and its pods (and, for a Deployment, its ReplicaSets). */
  events: readonly unknown[];
  /** Now, ms since epoch. */
  now: number;
  grace?: Partial<GracePeriods>;
  /** The caller's first sighting of a problem key (`<pod uid>/<container>/<reason>`), if it kept one. */
  firstSeen?: (key: string) => number | undefined;
}

export interface DiagnosisResult {
  /** The problem that has outlasted its grace period: fail now. */
  failed?: Diagnosis;
  /** Problems seen but still within their grace period: say so, keep waiting. */
  pending: (Diagnosis & { failsAt: number })[];
}

/** Grace periods for an object: defaults, overridden by options, overridden by its annotation. */
export function gracePeriodsFor(obj: unknown, overrides: Partial<GracePeriods> = {}): GracePeriods | 'off' {
  const annotation = field(obj, `metadata.annotations`) as Json | undefined;
  const raw = annotation?.[FAIL_FAST_ANNOTATION];
  const merged = { ...DEFAULT_GRACE, ...overrides };
  if (typeof raw !== 'string') return merged;
  if (raw.trim() === 'off') return 'off';
  const ms = parseDuration(raw);
  if (ms === undefined) return merged;
  return Object.fromEntries(
    Object.keys(merged).map((k) => [k, k === 'invalidImage' ? 0 : ms]),
  ) as unknown as GracePeriods;
}

function time(value: unknown): number | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

function eventsAbout(events: readonly unknown[], uid: string, match: (e: Json) => boolean): Json[] {
  return events.filter(
    (e): e is Json =>
      typeof e === 'object' && e !== null && field(e, 'involvedObject.uid') === uid && match(e as Json),
  );
}

function earliest(...times: (number | undefined)[]): number | undefined {
  const known = times.filter((t): t is number => t !== undefined);
  return known.length ? Math.min(...known) : undefined;
}

function firstEventTime(events: Json[]): number | undefined {
  return earliest(
    ...events.map(
      (e) =>
        time(e.firstTimestamp) ??
        time(e.eventTime) ??
        time(e.lastTimestamp) ??
        time(field(e, 'metadata.creationTimestamp')),
    ),
  );
}

interface Problem {
  reason: string;
  message: string;
  since: number;
  grace: number;
}

function podProblems(pod: unknown, input: DiagnosisInput, grace: GracePeriods, workload: boolean): Problem[] {
  const problems: Problem[] = [];
  const uid = str(pod, 'metadata.uid');
  const podName = str(pod, 'metadata.name');
  const podCreated = time(field(pod, 'metadata.creationTimestamp')) ?? input.now;
  const seen = (key: string) => input.firstSeen?.(`${uid}/${key}`);

  const scheduled = list(pod, 'status.conditions').find((c) => c.type === 'PodScheduled');
  if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') {
    const events = eventsAbout(input.events, uid, (e) => e.reason === 'FailedScheduling');
    problems.push({
      reason: 'Unschedulable',
      message: `pod ${podName} cannot be scheduled: ${String(scheduled.message ?? 'no node fits it')}`,
      since:
        earliest(time(scheduled.lastTransitionTime), firstEventTime(events), seen('Unschedulable')) ??
        podCreated,
      grace: grace.unschedulable,
    });
  }

  for (const c of [...list(pod, 'status.initContainerStatuses'), ...list(pod, 'status.containerStatuses')]) {
    const name = String(c.name);
    const waiting = (c.state as Json | undefined)?.waiting as Json | undefined;
    const reason = String(waiting?.reason ?? '');
    const detail = String(waiting?.message ?? '');
    if (reason === 'ErrImagePull' || reason === 'ImagePullBackOff') {
      const events = eventsAbout(
        input.events,
        uid,
        (e) => (e.reason === 'Failed' || e.reason === 'BackOff') && /pull/i.test(String(e.message)),
      );
      const pullError = events.find((e) => String(e.message).startsWith('Failed to pull image'));
      problems.push({
        reason,
        message: `container "${name}" cannot pull image "${String(c.image)}": ${pullError ? String(pullError.message).replace(/^Failed to pull image "[^"]*": /, '') : detail || reason}`,
        since: earliest(firstEventTime(events), seen(`${name}/ImagePull`)) ?? input.now,
        grace: grace.imagePull,
      });
    } else if (reason === 'InvalidImageName') {
      problems.push({
        reason,
        message: `container "${name}" has an invalid image name "${String(c.image)}": ${detail}`,
        since: seen(`${name}/${reason}`) ?? input.now,
        grace: grace.invalidImage,
      });
    } else if (reason === 'CreateContainerConfigError') {
      const events = eventsAbout(
        input.events,
        uid,
        (e) => e.reason === 'Failed' && String(e.message).startsWith('Error:'),
      );
      problems.push({
        reason,
        message: `container "${name}" cannot start: ${detail || 'its configuration references something missing'}`,
        since: earliest(firstEventTime(events), seen(`${name}/${reason}`)) ?? input.now,
        grace: grace.containerConfig,
      });
    } else if (workload && reason === 'CrashLoopBackOff') {
      const events = eventsAbout(
        input.events,
        uid,
        (e) => e.reason === 'BackOff' && String(e.message).startsWith('Back-off restarting'),
      );
      const last = (c.lastState as Json | undefined)?.terminated as Json | undefined;
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
        since:
          earliest(firstEventTime(events), seen(`${name}/${reason}`), time(last?.finishedAt)) ?? input.now,
        grace: grace.crashLoop,
      });
    }
  }

  const mounts = eventsAbout(input.events, uid, (e) => e.reason === 'FailedMount');
  const started = [...list(pod, 'status.containerStatuses')].some(
    (c) => (c.state as Json | undefined)?.running || (c.state as Json | undefined)?.terminated,
  );
  if (mounts.length && !started) {
    const last = mounts[mounts.length - 1]!;
    problems.push({
      reason: 'FailedMount',
      message: `pod ${podName}: ${String(last.message)}`,
      since: firstEventTime(mounts) ?? input.now,
      grace: grace.mount,
    });
  }
  return problems;
}

function ownerProblems(obj: unknown, input: DiagnosisInput, grace: GracePeriods): Problem[] {
  const uid = str(obj, 'metadata.uid');
  const refused = eventsAbout(input.events, uid, (e) => e.reason === 'FailedCreate');
  if (!refused.length) return [];
  const last = refused[refused.length - 1]!;
  return [
    {
      reason: 'FailedCreate',
      message: `${str(obj, 'kind')} ${str(obj, 'metadata.name')} cannot create pods: ${String(last.message)}`,
      since: firstEventTime(refused) ?? input.now,
      grace: grace.failedCreate,
    },
  ];
}

export function diagnose(input: DiagnosisInput): DiagnosisResult {
  const grace = gracePeriodsFor(input.object, input.grace);
  if (grace === 'off') return { pending: [] };
  const kind = str(input.object, 'kind');
  const workload = kind !== 'Job' && kind !== 'Pod' && kind !== 'Workflow';
  const problems = [
    ...ownerProblems(input.object, input, grace),
    ...input.pods
      .filter((p) => !field(p, 'metadata.deletionTimestamp'))
      .flatMap((p) => podProblems(p, input, grace, workload)),
  ];
  const pending: DiagnosisResult['pending'] = [];
  let failed: Diagnosis | undefined;
  for (const p of problems.sort((a, b) => a.since + a.grace - (b.since + b.grace))) {
    const failsAt = p.since + p.grace;
    const d = { reason: p.reason, message: p.message, since: p.since };
    if (input.now >= failsAt)
      failed ??= {
        ...d,
        message: `${p.message} (for ${formatDuration(input.now - p.since)}; hook-sync fails this after ${formatDuration(p.grace)})`,
      };
    else pending.push({ ...d, failsAt });
  }
  return failed ? { failed, pending } : { pending };
}
