/**
 * JSON value types and own-property helpers shared by the patch functions. Every read goes
 * through {@link getOwn} and every write through {@link setOwn}, so keys such as `__proto__`,
 * `constructor` and `prototype` are plain data keys: they never read from or write to a
 * prototype.
 *
 * @module
 */

/**
 * A JSON value as `JSON.parse` returns it.
 *
 * @example
 * ```ts
 * const pod: JsonValue = { metadata: { name: "p" }, spec: { containers: [] } };
 * ```
 * @category Patch
 */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;

/**
 * A JSON object (a plain mapping of keys to JSON values).
 *
 * @example
 * ```ts
 * const labels: JsonObject = { app: "web" };
 * ```
 * @category Patch
 */
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/** A JSON object under construction (only ever one created by this module). */
export type MutableJsonObject = { [key: string]: JsonValue };

/** Tells whether a value is a JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads an own property; inherited properties (`__proto__`, `constructor`) read as absent. */
export function getOwn(object: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Writes an own data property, also for the key `__proto__`. */
export function setOwn(object: MutableJsonObject, key: string, value: JsonValue): void {
  if (key === "__proto__") Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  else object[key] = value;
}

/** A shallow copy of an object; own `__proto__` keys stay own data keys (spread uses CreateDataProperty). */
export function copyObject(object: JsonObject): MutableJsonObject {
  return { ...object };
}

/** JSON-style type name of a value, for messages. */
export function jsonTypeOf(value: JsonValue | undefined): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}
