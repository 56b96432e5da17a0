/**
 * A binary min-heap of timers ordered by due time, then by creation order.
 *
 * @module
 */

/** A timer in the heap. */
export interface HeapTimer {
  /** Due time in ms. */
  readonly at: number;
  /** Creation order, for ties. */
  readonly seq: number;
  /** Set when cancelled (lazy deletion). */
  cancelled: boolean;
}

function before(a: HeapTimer, b: HeapTimer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/** A min-heap of timers. */
export class TimerHeap<T extends HeapTimer> {
  private readonly items: T[] = [];

  /** Number of entries, cancelled ones included. */
  get size(): number {
    return this.items.length;
  }

  /** Adds a timer. */
  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = a[parent] as T;
      if (!before(item, p)) break;
      a[i] = p;
      i = parent;
    }
    a[i] = item;
  }

  /** The earliest timer that is not cancelled, dropping cancelled ones on the way. */
  peek(): T | undefined {
    while (this.items.length > 0 && (this.items[0] as T).cancelled) this.pop();
    return this.items[0];
  }

  /** Removes and returns the earliest entry (cancelled or not). */
  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      let i = 0;
      const n = a.length;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        let mv = last;
        if (l < n && before(a[l] as T, mv)) {
          m = l;
          mv = a[l] as T;
        }
        if (r < n && before(a[r] as T, mv)) {
          m = r;
          mv = a[r] as T;
        }
        if (m === i) break;
        a[i] = mv;
        i = m;
      }
      a[i] = last;
    }
    return top;
  }
}
