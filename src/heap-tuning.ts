/**
 * Keeps V8's young generation at its starting size. A sync of thousands of objects keeps many of them for
 * a while (the plan, the watch caches, requests in flight), and V8 answers objects that survive by
 * doubling the young generation up to 64 MB a half, 128 MB resident that mostly holds garbage. Held at
 * its start, peak RSS syncing 5,000 objects fell from about 300 MB to about 220 MB for some 5% more CPU
 * (docs/PERFORMANCE.md). The limit is a startup flag; the growth factor is read whenever the young
 * generation would grow, so it can be set here, before any large allocation (V8 has had it for years; one
 * without it would print one line on stderr and carry on).
 */
import { setFlagsFromString } from 'node:v8';

export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
