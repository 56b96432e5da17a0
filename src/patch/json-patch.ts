import { ErrorCode, StagecraftError } from "../errors.js";
import { containerAdd, containerGet, containerRemove, containerSet, CowDocument } from "./cow-document.js";
import type { Container } from "./cow-document.js";
import { invalidPatch, patchConflict, rethrowStackOverflow } from "./errors.js";
import { evanphxEqual } from "./evanphx-equal.js";
import { getOwn, isJsonObject } from "./json.js";
import type { JsonObject, JsonValue } from "./json.js";
import { opKind } from "./json-patch-ops.js";
import type { JsonPatchOperation } from "./json-patch-ops.js";
import { splitPointer } from "./json-pointer.js";

/**
 * Applies a JSON patch (RFC 6902) with the semantics of evanphx/json-patch v4, which the
 * Kubernetes API server and KWOK's dry-run use. Where evanphx differs from the RFC, this follows
 * evanphx:
 *
 * - the root pointer `""` designates nothing (every op on it fails) and the text before the
 *   first `/` is ignored;
 * - `add` needs the parent to exist; array indexes may be negative (counted from the end) and
 *   Go's `Atoi` syntax (`+1`, `01`) is accepted;
 * - `replace` of a missing object member adds it; `copy` from a missing object member copies
 *   `null`; a missing `value` means `null`;
 * - `test` of a missing member succeeds when the value is `null`.
 *
 * Errors carry the op index and path in the message. The inputs are never mutated; the result
 * shares untouched subtrees with `object` (copy-on-write).
 *
 * @param object - the document to patch (an object or an array)
 * @param operations - the patch: an array of operation objects
 * @returns the patched document
 * @throws {@link StagecraftError} `E_PATCH_INVALID` (not an array of operations, unknown op,
 *   missing `path`/`from`), `E_PATCH_CONFLICT` (missing path or parent, bad index),
 *   `E_PATCH_TEST_FAILED` (a `test` found a different value)
 * @example
 * ```ts
 * applyJsonPatch({ metadata: { finalizers: ["a", "b"] } }, [{ op: "remove", path: "/metadata/finalizers/0" }]);
 * // → { metadata: { finalizers: ["b"] } }
 * ```
 * @category Patch
 */
export function applyJsonPatch(object: JsonValue, operations: readonly JsonPatchOperation[] | JsonValue): JsonValue {
  if (!Array.isArray(operations)) throw invalidPatch("json patch: the patch is not an array of operations");
  if (typeof object !== "object" || object === null) throw patchConflict(`json patch: the document is ${object === null ? "null" : `a ${typeof object}`}, not an object or array`);
  const doc = new CowDocument(object);
  try {
    (operations as readonly JsonValue[]).forEach((op, index) => applyOne(doc, op, index));
  } catch (error) {
    rethrowStackOverflow(error, "json patch");
  }
  return doc.root;
}

function applyOne(doc: CowDocument, op: JsonValue, index: number): void {
  const kind = opKind(op);
  const fields = isJsonObject(op) ? op : {};
  switch (kind) {
    case "add": {
      const { container, key, where } = target(doc, fields, "path", index, kind, true);
      containerAdd(container, key, valueOf(fields), where);
      return;
    }
    case "remove": {
      const { container, key, where } = target(doc, fields, "path", index, kind, true);
      containerRemove(container, key, where);
      return;
    }
    case "replace": {
      const { container, key, where } = target(doc, fields, "path", index, kind, true);
      containerGet(container, key, where);
      containerSet(container, key, valueOf(fields), where);
      return;
    }
    case "move": {
      const from = target(doc, fields, "from", index, kind, true);
      const value = containerGet(from.container, from.key, from.where);
      containerRemove(from.container, from.key, from.where);
      const to = target(doc, fields, "path", index, kind, true);
      containerAdd(to.container, to.key, value, to.where);
      return;
    }
    case "copy": {
      const from = target(doc, fields, "from", index, kind, false);
      const value = containerGet(from.container, from.key, from.where);
      const to = target(doc, fields, "path", index, kind, true);
      containerAdd(to.container, to.key, value, to.where);
      doc.disown(); // the value now appears twice: later writes must copy it again
      return;
    }
    case "test": {
      const { container, key, where } = target(doc, fields, "path", index, kind, false);
      const actual = containerGet(container, key, where);
      const hasValue = Object.hasOwn(fields, "value");
      const expected = hasValue ? (fields["value"] as JsonValue) : undefined;
      const same = actual === null ? expected === null : expected !== undefined && expected !== null && evanphxEqual(actual, expected, where);
      if (!same) throw new StagecraftError(ErrorCode.PatchTestFailed, `${where}: test failed, the value is ${JSON.stringify(actual)}`);
      return;
    }
    default:
      throw invalidPatch(`json patch op ${index}: unknown op ${JSON.stringify(isJsonObject(op) ? getOwn(op, "op") ?? null : op)}`);
  }
}

interface Target {
  readonly container: Container;
  readonly key: string;
  readonly where: string;
}

function target(doc: CowDocument, op: JsonObject, field: "path" | "from", index: number, kind: string, write: boolean): Target {
  const pointer = getOwn(op, field);
  if (typeof pointer !== "string") throw invalidPatch(`json patch op ${index} (${kind}): "${field}" is ${pointer === undefined || pointer === null ? "missing" : "not a string"}`);
  const where = `json patch op ${index} (${kind} ${field === "from" ? "from " : ""}${JSON.stringify(pointer)})`;
  const split = splitPointer(pointer);
  const container = split && doc.find(split.parents, write);
  if (split === undefined || container === undefined) throw patchConflict(`${where}: the document has no such path`);
  return { container, key: split.key, where };
}

/** evanphx reads a missing `value` as null. */
function valueOf(op: JsonObject): JsonValue {
  return getOwn(op, "value") ?? null;
}
