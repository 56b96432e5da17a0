import { isJsonObject } from "./json.js";
import type { JsonValue } from "./json.js";

/**
 * One RFC 6902 operation as written in a patch. Fields are read leniently, like evanphx does:
 * extra members are ignored, a missing `value` of `add`/`replace` means `null`.
 *
 * @example
 * ```ts
 * const op: JsonPatchOperation = { op: "add", path: "/metadata/labels/app", value: "web" };
 * ```
 * @category Patch
 */
export interface JsonPatchOperation {
  /** `add`, `remove`, `replace`, `move`, `copy` or `test`. */
  readonly op: string;
  /** JSON pointer of the target. */
  readonly path: string;
  /** The value for `add`, `replace` and `test`. */
  readonly value?: JsonValue;
  /** JSON pointer of the source for `move` and `copy`. */
  readonly from?: string;
}

/** The operations KWOK's JSON patches can hold. */
export const JSON_PATCH_OPS: readonly string[] = ["add", "remove", "replace", "move", "copy", "test"];

/** Reads the kind of an operation as evanphx does (`unknown` when absent or not a string). */
export function opKind(op: JsonValue): string {
  if (!isJsonObject(op) || !Object.hasOwn(op, "op")) return "unknown";
  const kind = op["op"];
  return typeof kind === "string" ? kind : "unknown";
}
