/**
 * The simulator's optional built-in controllers (`readiness`, `scheduler`), built from its
 * options and recording what they do in its history.
 *
 * @module
 */
import type { KubeObject } from "../store/types.js";
import type { Clock } from "./clock.js";
import type { ControllerAction } from "./controller-action.js";
import type { HistoryEntry, HistoryKind } from "./history.js";
import { PodScheduler } from "./pod-scheduler.js";
import { ReadinessController } from "./readiness-controller.js";
import type { SimulatorOptions } from "./simulator-options.js";

/** What the simulator needs of a built-in controller. */
export interface BuiltInController {
  /** Starts watching. */
  start(): Promise<void>;
  /** Stops. */
  stop(): void;
  /** Whether no work is queued or running. */
  readonly idle: boolean;
}

/** Records a history entry (the simulator's `record`). */
export type RecordFn = (kind: HistoryKind, object: KubeObject, extra: Partial<HistoryEntry>) => void;

/**
 * Builds the controllers the options ask for, in start order: readiness controller, then scheduler.
 *
 * @param options - the simulator's options
 * @param clock - the simulator's clock
 * @param record - records an entry: kind `operation` (stage `readiness-controller` or
 *   `scheduler`) for an action, `error` for a failure
 * @returns the controllers
 */
export function builtInControllers(options: SimulatorOptions, clock: Clock, record: RecordFn): BuiltInController[] {
  const onAction = (a: ControllerAction): void => {
    const object: KubeObject = { apiVersion: a.object.apiVersion, kind: a.object.kind, metadata: { name: a.object.name, ...(a.object.namespace === undefined ? {} : { namespace: a.object.namespace }) } };
    const stage = a.controller === "readiness" ? "readiness-controller" : "scheduler";
    if (a.error !== undefined) record("error", object, { stage, message: `${a.operation}: ${a.error}` });
    else record("operation", object, { stage, operation: a.operation, ...(options.historyData === true && a.data !== undefined ? { data: a.data } : {}) });
  };
  const out: BuiltInController[] = [];
  const readiness = options.readiness;
  if (readiness !== undefined && ((readiness.rules?.length ?? 0) > 0 || readiness.podGates === true || readiness.watchRules === true)) {
    out.push(new ReadinessController({ store: options.store, clock, onAction, ...readiness }));
  }
  const scheduler = options.scheduler;
  if (scheduler !== undefined && scheduler !== false) {
    out.push(new PodScheduler({ store: options.store, clock, onAction, ...(scheduler === true ? {} : scheduler) }));
  }
  return out;
}
