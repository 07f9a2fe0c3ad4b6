/** Latency figures of a phase: count, rate, percentiles, errors. */
export class Phase {
  readonly latencies: number[] = [];
  errors = 0;
  private started = 0;
  private ended = 0;
  readonly errorSamples: string[] = [];

  constructor(readonly name: string) {}

  start() {
    this.started = performance.now();
  }
  stop() {
    this.ended = performance.now();
  }

  ok(ms: number) {
    this.latencies.push(ms);
  }

  fail(why: string) {
    this.errors++;
    if (this.errorSamples.length < 5) this.errorSamples.push(why);
  }

  get seconds() {
    return (this.ended - this.started) / 1000;
  }
  get rate() {
    return this.latencies.length / this.seconds;
  }

  percentile(p: number): number {
    if (this.latencies.length === 0) return 0;
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  }

  line(unit = 'req'): string {
    const f = (n: number) => n.toFixed(1);
    return (
      `${this.name.padEnd(22)} ${String(this.latencies.length).padStart(7)} ${unit} in ${f(this.seconds)} s = ${f(this.rate).padStart(7)}/s`
      + `  p50 ${f(this.percentile(50))} ms  p95 ${f(this.percentile(95))} ms  p99 ${f(this.percentile(99))} ms  errors ${this.errors}`
      + (this.errorSamples.length ? `  (${this.errorSamples.join('; ')})` : '')
    );
  }
}
