/**
 * Events written to `events.k8s.io/v1` instead of core/v1: the Simulator (like KWOK's
 * recorder) creates core/v1 Events; this converts one to the newer API's shape.
 *
 * @module
 */
import type { KubeObject } from "../../store/types.js";

/**
 * Whether an object is a core/v1 Event.
 *
 * @param object - any object
 * @returns whether it is one
 */
export function isCoreEvent(object: KubeObject): boolean {
  return object.apiVersion === "v1" && object.kind === "Event";
}

function microTime(timestamp: unknown): string {
  const ms = typeof timestamp === "string" ? Date.parse(timestamp) : Number.NaN;
  const date = Number.isNaN(ms) ? new Date() : new Date(ms);
  return `${date.toISOString().slice(0, 23)}000Z`;
}

/**
 * Converts a core/v1 Event to an `events.k8s.io/v1` Event (a new object; the input is not
 * changed): `involvedObject` → `regarding`, `message` → `note`, `source.component` →
 * `reportingController`, `source.host` → `reportingInstance`, `firstTimestamp` → `eventTime`
 * (MicroTime), `reason` also as `action`; `count` and the series are left out.
 *
 * @param event - a core/v1 Event
 * @returns the events.k8s.io/v1 Event
 */
export function toEventsV1(event: KubeObject): KubeObject {
  const source = (event["source"] ?? {}) as { component?: string; host?: string };
  const controller = source.component ?? (event["reportingComponent"] as string | undefined) ?? "stagecraft";
  return {
    apiVersion: "events.k8s.io/v1",
    kind: "Event",
    metadata: event.metadata,
    eventTime: microTime(event["firstTimestamp"] ?? event["eventTime"]),
    reportingController: controller,
    reportingInstance: source.host ?? controller,
    action: event["reason"],
    reason: event["reason"],
    regarding: event["involvedObject"],
    note: event["message"],
    type: event["type"],
  };
}
