/** The phases of a sync operation, in the order they run. */
export const SYNC_PHASES = ['PreSync', 'Sync', 'PostSync', 'SyncFail'] as const;
/** The phases of a delete operation (PR preview teardown), in the order they run. */
export const DELETE_PHASES = ['PreDelete', 'PostDelete'] as const;

export type SyncPhase = (typeof SYNC_PHASES)[number];
export type DeletePhase = (typeof DELETE_PHASES)[number];
export type Phase = SyncPhase | DeletePhase;

export type Operation = 'sync' | 'delete';

const ORDER: readonly Phase[] = [...SYNC_PHASES, ...DELETE_PHASES];

export function phaseOrder(phase: Phase): number {
  return ORDER.indexOf(phase);
}

export function isSyncPhase(phase: Phase): phase is SyncPhase {
  return (SYNC_PHASES as readonly string[]).includes(phase);
}

export function phasesOf(operation: Operation): readonly Phase[] {
  return operation === 'sync' ? SYNC_PHASES : DELETE_PHASES;
}
