/**
 * What the simulator's built-in controllers (readiness controller, scheduler) report.
 *
 * @module
 */
import type { KubeObject } from "../store/types.js";
import type { HistoryObject } from "./history.js";

/**
 * One thing a built-in controller did (or failed to do).
 *
 * @category Runtime
 * @example
 * ```ts
 * new ReadinessController({ store, rules, onAction: (a) => console.log(a.controller, a.object.name, a.operation) });
 * ```
 */
export interface ControllerAction {
  /** `readiness` or `scheduler`. */
  readonly controller: "readiness" | "scheduler";
  /** The object acted on. */
  readonly object: HistoryObject;
  /** What was done, e.g. `remove taint readiness.k8s.io/cni:NoSchedule`, `bind to node-0`. */
  readonly operation: string;
  /** The patch body, when one was sent. */
  readonly data?: unknown;
  /** Why the action failed, when it did. */
  readonly error?: string;
}

/**
 * @param o - an object
 * @returns how history entries name it
 */
export function describeObject(o: KubeObject): HistoryObject {
  return {
    apiVersion: o.apiVersion,
    kind: o.kind,
    ...(o.metadata.namespace === undefined || o.metadata.namespace === "" ? {} : { namespace: o.metadata.namespace }),
    name: o.metadata.name ?? "",
  };
}

/**
 * @param error - anything thrown
 * @returns its message
 */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
