/**
 * Internal readers of loosely typed Kubernetes JSON (objects as they come from a store):
 * nothing here throws on a wrong shape, a missing or mistyped field reads as absent.
 *
 * @module
 */

/** A JSON object, read-only. */
export type JsonRecord = Readonly<Record<string, unknown>>;

/**
 * @param value - anything
 * @returns the value when it is a plain JSON object
 */
export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonRecord) : undefined;
}

/**
 * @param value - anything
 * @returns the value when it is an array, else an empty list
 */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * @param value - anything
 * @returns the value when it is a string
 */
export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/**
 * Reads a nested field: `field(obj, "spec", "nodeName")`.
 *
 * @param value - the root
 * @param keys - the keys, outermost first
 * @returns the value, or undefined when any step is missing
 */
export function field(value: unknown, ...keys: string[]): unknown {
  let at: unknown = value;
  for (const key of keys) {
    const rec = asRecord(at);
    if (rec === undefined || !Object.hasOwn(rec, key)) return undefined;
    at = rec[key];
  }
  return at;
}

/** A condition as read from `status.conditions` (Pod or Node). */
export interface ConditionLike {
  /** The condition type. */
  readonly type: string;
  /** `True`, `False`, `Unknown` (or anything else a writer put there). */
  readonly status: string;
  /** The reason, when set. */
  readonly reason?: string;
  /** The message, when set. */
  readonly message?: string;
  /** The last transition time, when set. */
  readonly lastTransitionTime?: string;
}

/**
 * The conditions of an object's status, in order; entries without a string `type` are skipped.
 *
 * @param object - a Pod or Node
 * @returns the conditions
 */
export function conditionsOf(object: unknown): readonly ConditionLike[] {
  const out: ConditionLike[] = [];
  for (const item of asArray(field(object, "status", "conditions"))) {
    const rec = asRecord(item);
    const type = asString(rec?.type);
    if (rec === undefined || type === undefined) continue;
    const reason = asString(rec.reason);
    const message = asString(rec.message);
    const lastTransitionTime = asString(rec.lastTransitionTime);
    out.push({
      type,
      status: asString(rec.status) ?? "",
      ...(reason === undefined ? {} : { reason }),
      ...(message === undefined ? {} : { message }),
      ...(lastTransitionTime === undefined ? {} : { lastTransitionTime }),
    });
  }
  return out;
}

/**
 * The first condition of a type, as Kubernetes' `GetPodConditionFromList` finds it.
 *
 * @param conditions - the list
 * @param type - the type
 * @returns the condition, or undefined
 */
export function findCondition(conditions: readonly ConditionLike[], type: string): ConditionLike | undefined {
  return conditions.find((c) => c.type === type);
}

/**
 * @param object - an object
 * @returns its labels (empty when absent)
 */
export function labelsOf(object: unknown): Readonly<Record<string, string>> {
  const rec = asRecord(field(object, "metadata", "labels"));
  const out: Record<string, string> = {};
  if (rec !== undefined) for (const [k, v] of Object.entries(rec)) if (typeof v === "string") out[k] = v;
  return out;
}
