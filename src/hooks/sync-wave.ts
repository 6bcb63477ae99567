/**
 * The wave of an object: `argocd.argoproj.io/sync-wave`, else `helm.sh/hook-weight`, else 0. Argo CD
 * quietly treats a value it cannot parse as 0, which reorders a deployment without a word; we refuse it.
 */
import { ARGO_SYNC_WAVE, HELM_HOOK_WEIGHT, type AnnotationProblem } from './annotations.js';

const INTEGER = /^[+-]?\d+$/;

export interface WaveResult {
  wave: number;
  problems: AnnotationProblem[];
}

function parseInteger(value: string): number | undefined {
  if (!INTEGER.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

export function parseWave(annotations: Readonly<Record<string, string>>): WaveResult {
  for (const key of [ARGO_SYNC_WAVE, HELM_HOOK_WEIGHT]) {
    const raw = annotations[key];
    if (raw === undefined) continue;
    const wave = parseInteger(raw);
    if (wave !== undefined) return { wave: wave === 0 ? 0 : wave, problems: [] };
    return {
      wave: 0,
      problems: [
        {
          annotation: key,
          severity: 'error',
          code: key === ARGO_SYNC_WAVE ? 'invalid-sync-wave' : 'invalid-hook-weight',
          message: `${key} must be an integer, found "${raw}"`,
          hint: 'write a whole number such as "1" or "-2" (negative waves run first)',
        },
      ],
    };
  }
  return { wave: 0, problems: [] };
}
