/**
 * Fault injection, so clients are tested against the failures real API servers produce under load:
 * latency, 429 with Retry-After, 500 and 503 answers, connections reset before an answer, writes whose
 * answer is lost, watch streams cut short or answered 410 Gone on resume, log streams cut mid-log.
 * Every fault injected is counted, so tests can assert that what they survived really happened.
 */
import type { SeededRandom } from './random.js';

export interface FaultSettings {
  /** Added to every request. */
  latencyMs: number;
  /** Fraction (0–1) of requests answered with a fault instead: 429, 500, 503 or a reset, in equal parts. */
  errorRate: number;
  /** Fraction of requests answered 429 with Retry-After (besides errorRate's). */
  throttleRate: number;
  /** The Retry-After (seconds) of every 429. */
  retryAfterSeconds: number;
  /** Fraction of requests whose connection is destroyed before any answer (besides errorRate's). */
  resetRate: number;
  /** Fraction of writes (POST, PUT, PATCH, DELETE) done, then their connection destroyed: the answer is lost. */
  lostResponseRate: number;
  /** Watch streams are closed after this long (0: never). */
  watchCutMs: number;
  /** Watch events are delivered this much later than the write that made them (a lagging watch cache). */
  watchDelayMs: number;
  /** Fraction of watches resumed from a resourceVersion answered 410 Gone, as after a compaction. */
  watchGoneRate: number;
  /** Log streams that follow a running container are ended after this long (0: never), mid-log. */
  logCutMs: number;
}

export type Fault =
  'none' | '429' | '500' | '503' | 'reset' | 'lost-response' | 'gone' | 'watch-cut' | 'log-cut';

const MIXED: Fault[] = ['429', '500', '503', 'reset'];

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  errorRate: 0,
  throttleRate: 0,
  retryAfterSeconds: 1,
  resetRate: 0,
  lostResponseRate: 0,
  watchCutMs: 0,
  watchDelayMs: 0,
  watchGoneRate: 0,
  logCutMs: 0,
};

export class Faults {
  settings: FaultSettings = { ...NO_FAULTS };
  /** How many of each were injected: tests assert that faults happened. */
  readonly injected: Record<Fault, number> = {
    none: 0,
    '429': 0,
    '500': 0,
    '503': 0,
    reset: 0,
    'lost-response': 0,
    gone: 0,
    'watch-cut': 0,
    'log-cut': 0,
  };

  constructor(private readonly random: SeededRandom) {}

  set(settings: Partial<FaultSettings>): void {
    this.settings = { ...this.settings, ...settings };
  }

  private chance(rate: number): boolean {
    return rate > 0 && this.random.next() < rate;
  }

  /** The fault a request gets before it is served, if any. `write`: it changes something. */
  roll(write = false): Fault {
    const s = this.settings;
    let fault: Fault = 'none';
    if (this.chance(s.errorRate)) fault = MIXED[Math.floor(this.random.next() * MIXED.length)]!;
    else if (this.chance(s.throttleRate)) fault = '429';
    else if (this.chance(s.resetRate)) fault = 'reset';
    else if (write && this.chance(s.lostResponseRate)) fault = 'lost-response';
    if (fault !== 'none') this.injected[fault]++;
    return fault;
  }

  /** A watch resumed from a resourceVersion: answered 410 Gone? */
  rollGone(): boolean {
    if (!this.chance(this.settings.watchGoneRate)) return false;
    this.injected.gone++;
    return true;
  }

  /** Counts a stream cut that a timer carried out. */
  count(fault: 'watch-cut' | 'log-cut'): void {
    this.injected[fault]++;
  }
}
