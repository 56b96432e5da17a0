/**
 * A keyed work queue for the simulator's built-in controllers: the latest object per key,
 * reconciled once from a zero-delay timer on the clock (so a {@link VirtualClock} awaits the
 * work and `idle` tells when nothing is left).
 *
 * @module
 */
import type { Clock, TimerHandle } from "./clock.js";

interface Entry<T> {
  value: T;
  timer?: TimerHandle;
}

/** Coalesces work per key and runs it from the clock. */
export class ReconcileQueue<T> {
  private readonly pending = new Map<string, Entry<T>>();
  private running = 0;
  private stopped = false;

  /**
   * @param clock - where the work is scheduled
   * @param work - reconciles one key with its latest value
   */
  constructor(
    private readonly clock: Clock,
    private readonly work: (key: string, value: T) => Promise<void>,
  ) {}

  /** Whether nothing is queued or running. */
  get idle(): boolean {
    return this.pending.size === 0 && this.running === 0;
  }

  /**
   * Queues a key (or replaces its queued value).
   * @param key - the key
   * @param value - the latest value
   */
  add(key: string, value: T): void {
    if (this.stopped) return;
    const entry = this.pending.get(key);
    if (entry !== undefined) {
      entry.value = value;
      return;
    }
    const fresh: Entry<T> = { value };
    this.pending.set(key, fresh);
    fresh.timer = this.clock.setTimeout(() => this.run(key), 0);
  }

  /**
   * Drops a queued key.
   * @param key - the key
   */
  remove(key: string): void {
    const entry = this.pending.get(key);
    if (entry?.timer !== undefined) this.clock.clearTimeout(entry.timer);
    this.pending.delete(key);
  }

  /** Drops everything and accepts no more work. */
  stop(): void {
    this.stopped = true;
    for (const key of [...this.pending.keys()]) this.remove(key);
  }

  private async run(key: string): Promise<void> {
    const entry = this.pending.get(key);
    if (entry === undefined || this.stopped) return;
    this.pending.delete(key);
    this.running++;
    try {
      await this.work(key, entry.value);
    } finally {
      this.running--;
    }
  }
}
