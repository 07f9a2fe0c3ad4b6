/**
 * The server's time, carried forward by the monotonic clock (performance.now()) from the last reply: moving the
 * device's clock changes nothing. A phone that slept may have paused the monotonic clock; the ping sent when the page
 * is shown again brings it back in line.
 */
export class ServerClock {
  private serverAt = 0;
  private perfAt = 0;

  constructor(private readonly perf: () => number = () => performance.now()) {}

  /** A reply's serverNow, with the monotonic time its request left: the server's time is taken at the middle of the trip. */
  sync(serverNow: string, sentAt: number): void {
    const received = this.perf();
    this.serverAt = Date.parse(serverNow) + (received - sentAt) / 2;
    this.perfAt = received;
  }

  /** The monotonic time to pass to sync() for a request leaving now. */
  mark(): number {
    return this.perf();
  }

  now(): number {
    return this.serverAt + (this.perf() - this.perfAt);
  }
}
