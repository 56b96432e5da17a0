/**
 * The simulator's timeline: what happened, when, to which object.
 *
 * @module
 */

/**
 * What a history entry records.
 *
 * @category Runtime
 */
export type HistoryKind =
  /** A stage matched and its job was scheduled after the delay. */
  | "scheduled"
  /** A pending job was replaced or cancelled (object changed, deleted, or stopped matching with the `cancel` policy). */
  | "cancelled"
  /** A job ran: the stage's operations were performed. */
  | "applied"
  /** One operation was performed. */
  | "operation"
  /** A job will be retried after a retryable error. */
  | "retry"
  /** Something failed; the job was dropped (as KWOK drops it). */
  | "error";

/**
 * The object an entry is about.
 *
 * @category Runtime
 */
export interface HistoryObject {
  /** Its `apiVersion`. */
  readonly apiVersion: string;
  /** Its kind. */
  readonly kind: string;
  /** Its namespace, when namespaced. */
  readonly namespace?: string;
  /** Its name. */
  readonly name: string;
}

/**
 * One timeline entry. Entries are plain data in time order.
 *
 * @category Runtime
 * @example
 * ```ts
 * const e: HistoryEntry = { seq: 1, time: "2006-01-02T15:04:06Z", elapsedMs: 1000, kind: "applied", object: { apiVersion: "v1", kind: "Pod", namespace: "default", name: "web-0" }, stage: "pod-ready" };
 * ```
 */
export interface HistoryEntry {
  /** Position in the timeline, from 1. */
  readonly seq: number;
  /** The clock's time, RFC 3339. */
  readonly time: string;
  /** Milliseconds since the simulator started. */
  readonly elapsedMs: number;
  /** What happened. */
  readonly kind: HistoryKind;
  /** The object. */
  readonly object: HistoryObject;
  /** The stage concerned. */
  readonly stage?: string;
  /** For `scheduled`/`retry`: the delay in milliseconds. */
  readonly delayMs?: number;
  /** For `operation`: what was done (`event Normal Created`, `patch merge status`, `delete`, `apply Pod/x`). */
  readonly operation?: string;
  /** For `operation` with `historyData`: the patch or apply body. */
  readonly data?: unknown;
  /** For `error`/`retry`/`cancelled`: why. */
  readonly message?: string;
}

/**
 * Formats a history as a readable timeline, one line per entry:
 * `+1.234s  Pod default/web-0  applied pod-ready`.
 *
 * @param entries - the entries
 * @param options - `kinds` to include (default all but `operation`)
 * @returns the text, ending with a newline when not empty
 * @example
 * ```ts
 * console.log(formatHistory(simulator.history));
 * ```
 * @category Runtime
 */
export function formatHistory(entries: readonly HistoryEntry[], options: { readonly kinds?: readonly HistoryKind[] } = {}): string {
  const kinds = new Set<HistoryKind>(options.kinds ?? ["scheduled", "cancelled", "applied", "retry", "error"]);
  const lines: string[] = [];
  for (const e of entries) {
    if (!kinds.has(e.kind)) continue;
    const who = `${e.object.kind} ${e.object.namespace === undefined ? "" : `${e.object.namespace}/`}${e.object.name}`;
    const detail =
      e.kind === "scheduled"
        ? `${e.stage ?? ""} in ${formatMs(e.delayMs ?? 0)}`
        : e.kind === "operation"
          ? `${e.stage ?? ""}: ${e.operation ?? ""}`
          : `${e.stage ?? ""}${e.message === undefined ? "" : `: ${e.message}`}`;
    lines.push(`${`+${formatMs(e.elapsedMs)}`.padStart(10)}  ${who.padEnd(32)} ${e.kind.padEnd(9)} ${detail}`);
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/**
 * Formats milliseconds compactly: `0s`, `1.5s`, `2m3.000s`, `1h0m0.000s`.
 * @param ms - milliseconds
 * @returns the text
 */
export function formatMs(ms: number): string {
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(3))}s`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = ((ms % 60_000) / 1000).toFixed(3);
  return h > 0 ? `${h}h${m}m${s}s` : `${m}m${s}s`;
}
