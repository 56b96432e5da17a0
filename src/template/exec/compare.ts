/**
 * Go's template comparison builtins `eq ne lt le gt ge`, with their basic-kind rules.
 *
 * @module
 */
import { compareStrings, formatValue } from "./go-fmt-value.js";
import { JsonNumber, MISSING } from "./values.js";

type Kind = "bool" | "int" | "float" | "string" | "invalid";

function basicKind(v: unknown): Kind {
  switch (typeof v) {
    case "boolean": return "bool";
    case "bigint": return "int";
    case "number": return "float";
    case "string": return "string";
    default: return v instanceof JsonNumber ? "string" : "invalid";
  }
}

function scalar(v: unknown): unknown {
  return v instanceof JsonNumber ? v.text : v;
}

const isValid = (v: unknown): boolean => v !== MISSING && v !== null && v !== undefined;

/**
 * Go's `eq arg1 arg2...`: true when arg1 equals any of the others.
 * @param arg1 - the first operand
 * @param rest - the operands to compare it with
 * @returns whether arg1 equals one of the others
 * @example
 * ```ts
 * goEq(new JsonNumber("3"), "3"); // true
 * ```
 * @category Template
 */
export function goEq(arg1: unknown, ...rest: unknown[]): boolean {
  if (rest.length === 0) throw new Error("missing argument for comparison");
  const k1 = basicKind(arg1);
  for (const arg of rest) {
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if (isValid(arg1) && isValid(arg)) throw new Error("incompatible types for comparison");
    } else if (k1 === "invalid") {
      truth = nonBasicEqual(arg1, arg);
    } else {
      truth = scalar(arg1) === scalar(arg);
    }
    if (truth) return true;
  }
  return false;
}

function nonBasicEqual(a: unknown, b: unknown): boolean {
  const aNil = !isValid(a);
  const bNil = !isValid(b);
  if (aNil || bNil) {
    if (a === MISSING || b === MISSING) {
      if (a === MISSING && b === MISSING) return true;
    }
    return aNil === bNil;
  }
  const type = Array.isArray(b) ? "[]interface {}" : "map[string]interface {}";
  throw new Error(`non-comparable type ${formatValue(b)}: ${type}`);
}

/**
 * Go's `lt a b`.
 * @param a - the left operand
 * @param b - the right operand
 * @returns whether a < b
 * @example
 * ```ts
 * goLt(1n, 2n); // true
 * ```
 * @category Template
 */
export function goLt(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 === "invalid" || k2 === "invalid" || k1 === "bool" || k2 === "bool") throw new Error("invalid type for comparison");
  if (k1 !== k2) throw new Error("incompatible types for comparison");
  const x = scalar(a) as string | number | bigint;
  const y = scalar(b) as string | number | bigint;
  if (typeof x === "string" && typeof y === "string") return compareStrings(x, y) < 0;
  return x < y;
}

/**
 * Go's `le a b`.
 * @param a - the left operand
 * @param b - the right operand
 * @returns whether a <= b
 * @example
 * ```ts
 * goLe("a", "a"); // true
 * ```
 * @category Template
 */
export function goLe(a: unknown, b: unknown): boolean {
  return goLt(a, b) || goEq(a, b);
}
