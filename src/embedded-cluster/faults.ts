/**
 * Fault injection, so clients are tested against the failures real API servers produce under load:
 * latency, 429 with Retry-After, 500 and 503 answers, connection resets, and watch streams cut short.
 */
import type { SeededRandom } from './random.js';

export interface FaultSettings {
  /** Added to every request. */
  latencyMs: number;
  /** Fraction (0–1) of requests answered with a fault instead. */
  errorRate: number;
  /** Watch streams are closed after this long (0: never). */
  watchCutMs: number;
  /** Watch events are delivered this much later than the write that made them (a lagging watch cache). */
  watchDelayMs: number;
}

export type Fault = 'none' | '429' | '500' | '503' | 'reset';

const KINDS: Fault[] = ['429', '500', '503', 'reset'];

export class Faults {
  settings: FaultSettings = { latencyMs: 0, errorRate: 0, watchCutMs: 0, watchDelayMs: 0 };
  /** How many of each were injected: tests assert that faults happened. */
  readonly injected: Record<Fault, number> = { none: 0, '429': 0, '500': 0, '503': 0, reset: 0 };

  constructor(private readonly random: SeededRandom) {}

  set(settings: Partial<FaultSettings>): void {
    this.settings = { ...this.settings, ...settings };
  }

  roll(): Fault {
    if (this.settings.errorRate <= 0 || this.random.next() >= this.settings.errorRate) return 'none';
    const fault = KINDS[Math.floor(this.random.next() * KINDS.length)]!;
    this.injected[fault]++;
    return fault;
  }
}
