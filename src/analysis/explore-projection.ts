/**
 * The state of an object as {@link explore} sees it: a canonical projection (what matters for
 * the lifecycle, without names, timestamps or IPs) and its stable JSON key.
 *
 * @module
 */

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function byKey<T extends Json>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/** `[{type, status}]` of a `conditions` list, sorted by type. */
function conditions(value: unknown): { type: string; status: string }[] {
  return list(value)
    .filter(isRecord)
    .map((c) => ({ type: str(c["type"]) ?? "", status: str(c["status"]) ?? "" }))
    .sort(byKey((c) => c.type));
}

/** `[{name, state, reason?}]` of container statuses: the state key (waiting, running, terminated) and its reason. */
function containers(value: unknown): { name: string; state: string; reason?: string }[] {
  return list(value)
    .filter(isRecord)
    .map((c) => {
      const state = isRecord(c["state"]) ? c["state"] : {};
      const key = ["terminated", "running", "waiting"].find((k) => isRecord(state[k])) ?? "none";
      const reason = isRecord(state[key]) ? str((state[key] as Json)["reason"]) : undefined;
      return { name: str(c["name"]) ?? "", state: key, ...(reason === undefined ? {} : { reason }) };
    })
    .sort(byKey((c) => c.name));
}

function podProjection(object: Json): Json {
  const status = isRecord(object["status"]) ? object["status"] : {};
  const metadata = isRecord(object["metadata"]) ? object["metadata"] : {};
  const phase = str(status["phase"]);
  const init = containers(status["initContainerStatuses"]);
  return {
    ...(phase === undefined ? {} : { phase }),
    conditions: conditions(status["conditions"]),
    ...(init.length === 0 ? {} : { initContainers: init }),
    containers: containers(status["containerStatuses"]),
    deleting: metadata["deletionTimestamp"] !== undefined && metadata["deletionTimestamp"] !== null,
  };
}

function nodeProjection(object: Json): Json {
  const status = isRecord(object["status"]) ? object["status"] : {};
  const spec = isRecord(object["spec"]) ? object["spec"] : {};
  const taints = list(spec["taints"])
    .filter(isRecord)
    .map((t) => ({ key: str(t["key"]) ?? "", effect: str(t["effect"]) ?? "" }))
    .sort(byKey((t) => `${t.key}\u0000${t.effect}`));
  return { conditions: conditions(status["conditions"]), taints, unschedulable: spec["unschedulable"] === true };
}

/**
 * The default state projection of {@link explore}: for a Pod its phase, conditions (type and
 * status), the state of each (init) container (`waiting`, `running` or `terminated`, with the
 * reason) and whether it is being deleted; for a Node its conditions, taints (key and effect)
 * and `unschedulable`; for other kinds the `status`.
 *
 * @param object - a Kubernetes object
 * @returns the projection (plain JSON data)
 * @example
 * ```ts
 * defaultProjection({ apiVersion: "v1", kind: "Pod", status: { phase: "Running" } });
 * // { phase: "Running", conditions: [], containers: [], deleting: false }
 * ```
 * @category Analysis
 */
export function defaultProjection(object: unknown): unknown {
  if (!isRecord(object)) return object ?? null;
  if (object["apiVersion"] === "v1" && object["kind"] === "Pod") return podProjection(object);
  if (object["apiVersion"] === "v1" && object["kind"] === "Node") return nodeProjection(object);
  return object["status"] ?? null;
}

/**
 * JSON with object keys sorted at every level (bigints as their decimal digits, `undefined`
 * properties dropped): equal data gives equal text.
 *
 * @param value - plain data
 * @returns the canonical JSON text
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true] }); // '{"a":[true],"b":1}'
 * ```
 * @category Analysis
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
