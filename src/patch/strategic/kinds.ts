import { isJsonObject } from "../json.js";
import type { JsonValue } from "../json.js";
import { invalidPatch } from "../errors.js";

/** The Go dynamic type of a decoded JSON value, as `reflect.TypeOf` distinguishes them. */
export type ValueKind = "object" | "array" | "string" | "number" | "boolean" | "null";

/** The kind of a value. */
export function kindOf(value: JsonValue): ValueKind {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (isJsonObject(value)) return "object";
  return typeof value as "string" | "number" | "boolean";
}

/**
 * The common element kind of lists (apimachinery `sliceElementType`): every element must have
 * the same kind, lists of lists and null elements are rejected.
 */
export function elementKind(lists: readonly (readonly JsonValue[])[], where: string): ValueKind {
  let kind: ValueKind | undefined;
  for (const list of lists) {
    for (const item of list) {
      const k = kindOf(item);
      if (k === "null") throw invalidPatch(`${where}: lists with null elements cannot be merged`);
      if (k === "array") throw invalidPatch(`${where}: lists of lists cannot be merged`);
      if (kind === undefined) kind = k;
      else if (kind !== k) throw invalidPatch(`${where}: list element types are not identical`);
    }
  }
  if (kind === undefined) throw invalidPatch(`${where}: no elements in any of the given lists`);
  return kind;
}

/** A Go `==` on two decoded values: scalars by value; objects and arrays never match. */
export function sameScalar(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return (a ?? null) === (b ?? null) && (typeof a !== "object" || a === null);
}
