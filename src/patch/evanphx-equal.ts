import { StagecraftError, ErrorCode } from "../errors.js";
import { isJsonObject } from "./json.js";
import type { JsonValue } from "./json.js";

/**
 * The equality of a JSON patch `test` as evanphx/json-patch v4 computes it: objects compare
 * member by member (a `null` member only equals a `null` member), arrays element by element,
 * scalars by value. evanphx crashes (a nil dereference) when it reaches a `null` array element;
 * that is reported as a failed test here.
 */
export function evanphxEqual(actual: JsonValue, expected: JsonValue, where: string): boolean {
  if (Array.isArray(actual)) {
    if (!Array.isArray(expected) || actual.length !== expected.length) return false;
    for (let i = 0; i < actual.length; i++) {
      const a = actual[i] as JsonValue;
      const b = expected[i] as JsonValue;
      if (a === null || b === null) throw new StagecraftError(ErrorCode.PatchTestFailed, `${where}: cannot compare arrays holding null (evanphx/json-patch fails on them)`);
      if (!evanphxEqual(a, b, where)) return false;
    }
    return true;
  }
  if (isJsonObject(actual)) {
    if (!isJsonObject(expected)) return false;
    const keys = Object.keys(actual);
    if (keys.length !== Object.keys(expected).length) return false;
    for (const key of keys) {
      if (!Object.hasOwn(expected, key)) return false;
      const a = actual[key] as JsonValue;
      const b = expected[key] as JsonValue;
      if ((a === null) !== (b === null)) return false;
      if (a !== null && !evanphxEqual(a, b, where)) return false;
    }
    return true;
  }
  return actual === expected;
}
