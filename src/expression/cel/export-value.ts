/**
 * Turns a value produced by cel-js into stagecraft's value representation (see
 * `Evaluation` in `../types.ts`).
 *
 * @module
 */
import { Duration, UnsignedInt } from "@marcbachmann/cel-js/evaluator";
import { CelDuration } from "./cel-duration.js";
import { Quantity } from "./quantity.js";

/**
 * Maps a CEL result to a plain value: `int`/`uint` → `bigint`, `double` → `number`,
 * `timestamp` → a new `Date`, `duration` → {@link CelDuration}, `kubernetes.Quantity` →
 * {@link Quantity}, `bytes` → `Uint8Array`, lists → arrays, maps → plain objects (keys as
 * strings), `type` values → their name. Integral numbers read from the input object are CEL
 * `int` (the input is seen through the int view), so they come back as `bigint`.
 */
export function exportCelValue(value: unknown): unknown {
  switch (typeof value) {
    case "number":
    case "bigint":
    case "string":
    case "boolean":
      return value;
    case "object":
      return value === null ? null : exportObject(value);
    default:
      return value;
  }
}

function exportObject(value: object): unknown {
  if (Array.isArray(value)) return value.map(exportCelValue);
  if (value instanceof Quantity || value instanceof Uint8Array) return value;
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof UnsignedInt) return value.value;
  if (value instanceof Duration) return new CelDuration(value.seconds * 1_000_000_000n + BigInt(value.nanos));
  if (value instanceof Set) return [...value].map(exportCelValue);
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) setOwn(out, exportKey(k), exportCelValue(v));
    return out;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      setOwn(out, key, exportCelValue((value as Record<string, unknown>)[key]));
    }
    return out;
  }
  const name = (value as { readonly name?: unknown }).name;
  return value.constructor?.name === "Type" && typeof name === "string" ? name : String(value);
}

function exportKey(key: unknown): string {
  return key instanceof UnsignedInt ? String(key.value) : String(key);
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
