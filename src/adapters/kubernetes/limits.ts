/**
 * Client-side limits: a QPS/burst token bucket (client-go's default limiter) and a limit on
 * requests in flight.
 *
 * @module
 */
import type { KubernetesClock } from "./options.js";

/** A token bucket: `burst` tokens, refilled at `qps` per second; `take()` waits for one. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private tail: Promise<void> = Promise.resolve();

  /**
   * @param qps - refill rate per second (`Infinity`: no limit)
   * @param burst - bucket size
   * @param clock - time source
   */
  constructor(
    private readonly qps: number,
    private readonly burst: number,
    private readonly clock: KubernetesClock,
  ) {
    this.tokens = burst;
    this.last = clock.now();
  }

  /** Resolves when a token is available (callers are served in order). */
  take(): Promise<void> {
    if (!Number.isFinite(this.qps)) return Promise.resolve();
    const turn = this.tail.then(() => this.wait());
    this.tail = turn;
    return turn;
  }

  private async wait(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.qps);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.clock.sleep(Math.max(1, Math.ceil(((1 - this.tokens) / this.qps) * 1000)));
    }
  }
}

/** At most `limit` holders at once; the others wait in order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  /** @param limit - the number of holders */
  constructor(private readonly limit: number) {}

  /** Number of holders now. */
  get inUse(): number {
    return this.active;
  }

  /** Resolves when a slot is held; call the returned function to release it (once). */
  async acquire(): Promise<() => void> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next === undefined) this.active--;
      else next();
    };
  }
}
