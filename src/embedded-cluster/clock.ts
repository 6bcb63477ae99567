/**
 * Simulated durations. Every delay the controllers and the kubelet take (a container's `sleep 5`, image
 * pull back-off, a Job's pod re-creation delay) is expressed in simulated milliseconds and scaled by
 * `timeScale` into real time, so tests can run a "30 second" migration in a few hundred milliseconds.
 * Timestamps written into objects are wall-clock, as a real cluster's are.
 */
export class SimClock {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(public timeScale = 1) {}

  /** Real milliseconds for a simulated duration. */
  real(simulatedMs: number): number {
    return Math.max(0, simulatedMs * this.timeScale);
  }

  after(simulatedMs: number, fn: () => void): () => void {
    if (this.stopped) return () => {};
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) fn();
    }, this.real(simulatedMs));
    this.timers.add(timer);
    return () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    };
  }

  now(): Date {
    return new Date();
  }

  /**
   * RFC 3339 with milliseconds. Real clusters write whole seconds; here durations are scaled (20 times
   * faster in tests), so a second's rounding would become twenty simulated seconds of error in every
   * deadline and back-off the controllers compute from these timestamps.
   */
  timestamp(date?: Date): string {
    if (date) return date.toISOString();
    // Several writes a millisecond under load: the same millisecond is formatted once.
    const ms = Date.now();
    if (ms !== this.lastStamp.ms) this.lastStamp = { ms, text: new Date(ms).toISOString() };
    return this.lastStamp.text;
  }

  private lastStamp = { ms: NaN, text: '' };

  /** Simulated milliseconds elapsed since a wall-clock timestamp. */
  simulatedSince(timestamp: string): number {
    const real = Date.now() - Date.parse(timestamp);
    return this.timeScale > 0 ? real / this.timeScale : Number.POSITIVE_INFINITY;
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
