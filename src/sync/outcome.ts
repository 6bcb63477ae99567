/** How a step of the operation ended, and how the engine waits for the cluster. */

export type StepOutcome =
  { ok: true } | { ok: false; why: 'failed' | 'timeout' | 'cancelled'; message: string };

export const OK: StepOutcome = { ok: true };

/** Waits, on watch events, until `predicate` holds; stops at `deadline` or on cancellation. */
export type WaitUntil = (predicate: () => boolean, deadline: number) => Promise<StepOutcome>;
