/**
 * Keeps V8's young generation small for a sync of thousands of objects. Such a sync keeps many of them for
 * a while (the plan, the watch caches, requests in flight), and V8 answers objects that survive by doubling
 * the young generation up to 64 MB a half, 128 MB resident that mostly holds garbage. Held at its start
 * size, peak RSS syncing 5,000 objects fell from about 300 MB to about 220 MB. A young generation held
 * small is collected more often, though: for a sync of 1,000 objects that was some 10% more CPU, on the
 * cores the API server needs too. So it is held from the start (the manifests are read into it) and let
 * grow again once the run turns out smaller than LARGE_PLAN_OBJECTS: what it writes (before its dry run), or
 * what it prunes or deletes (docs/PERFORMANCE.md). The growth factor is read whenever the young generation would grow, so it
 * can be set at run time (V8 has had it for years; a V8 without it would print one line on stderr and
 * carry on).
 */
import { setFlagsFromString } from 'node:v8';

/** From this many objects in a plan on, the young generation stays small for the whole run. */
export const LARGE_PLAN_OBJECTS = 2000;

/** V8's own growth factor (a young generation that survives is doubled). */
const V8_DEFAULT_GROWTH = 2;

export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * A run smaller than LARGE_PLAN_OBJECTS lets the young generation grow again (fewer collections); a larger
 * one holds it. Called as soon as the plan is known (its dry run is half the run's requests), then again
 * under the lock, when what the run prunes or deletes is known too.
 */
export function tuneHeapForPlan(objects: number): void {
  setFlagsFromString(`--semi-space-growth-factor=${objects < LARGE_PLAN_OBJECTS ? V8_DEFAULT_GROWTH : 1}`);
}
