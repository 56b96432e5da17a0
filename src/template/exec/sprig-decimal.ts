/**
 * Sprig's float arithmetic `addf add1f subf mulf divf`: each operand goes through
 * `cast.ToFloat64` and shopspring/decimal's `NewFromFloat` (the shortest decimal that reads
 * back as the same float64), the operation is exact in decimal (division rounds half away
 * from zero at 16 decimal places) and the result is the nearest float64.
 *
 * @module
 */
import { type FunctionMap, goFunction } from "./function-map.js";
import { toFloat64 } from "./sprig-convert.js";

/** A decimal `coef × 10^exp`. */
interface Decimal {
  readonly coef: bigint;
  readonly exp: number;
}

const DIVISION_PRECISION = 16;

/**
 * shopspring/decimal's `NewFromFloat`.
 * @param f - a float64
 * @returns the shortest decimal that reads back as f
 * @throws Error `Cannot create a Decimal from NaN` (and ±Inf)
 * @example
 * ```ts
 * decimalFromFloat(0.1); // { coef: 1n, exp: -1 }
 * ```
 * @category Template
 */
export function decimalFromFloat(f: number): Decimal {
  if (Number.isNaN(f)) throw new Error("Cannot create a Decimal from NaN");
  if (!Number.isFinite(f)) throw new Error(`Cannot create a Decimal from ${f > 0 ? "+Inf" : "-Inf"}`);
  const [mant = "0", e = "0"] = f.toExponential().split("e");
  const digits = mant.replace(".", "").replace("-", "");
  const fracLen = mant.includes(".") ? (mant.split(".")[1] as string).length : 0;
  const coef = BigInt(digits) * (f < 0 || Object.is(f, -0) ? -1n : 1n);
  return { coef, exp: Number(e) - fracLen };
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const exp = Math.min(a.exp, b.exp);
  return [a.coef * pow10(a.exp - exp), b.coef * pow10(b.exp - exp), exp];
}

function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, exp] = align(a, b);
  return { coef: x + y, exp };
}

function sub(a: Decimal, b: Decimal): Decimal {
  const [x, y, exp] = align(a, b);
  return { coef: x - y, exp };
}

function mul(a: Decimal, b: Decimal): Decimal {
  return { coef: a.coef * b.coef, exp: a.exp + b.exp };
}

function div(a: Decimal, b: Decimal): Decimal {
  if (b.coef === 0n) throw new Error("decimal division by 0");
  // q = a / b scaled by 10^16, truncated; then rounded half away from zero.
  const shift = a.exp - b.exp + DIVISION_PRECISION;
  let num = a.coef;
  let den = b.coef;
  if (shift >= 0) num *= pow10(shift);
  else den *= pow10(-shift);
  let q = num / den;
  const r = num - q * den;
  const abs = (x: bigint): bigint => (x < 0n ? -x : x);
  if (2n * abs(r) >= abs(den)) q += (a.coef < 0n) !== (b.coef < 0n) ? -1n : 1n;
  return { coef: q, exp: -DIVISION_PRECISION };
}

/**
 * The nearest float64 of a decimal (`Decimal.Float64`).
 * @param d - the decimal
 * @returns the float64
 * @example
 * ```ts
 * decimalToFloat({ coef: 3n, exp: -1 }); // 0.3
 * ```
 * @category Template
 */
export function decimalToFloat(d: Decimal): number {
  return Number(`${d.coef}e${d.exp}`);
}

function op(first: unknown, rest: readonly unknown[], f: (a: Decimal, b: Decimal) => Decimal): number {
  let acc = decimalFromFloat(toFloat64(first));
  for (const x of rest) acc = f(acc, decimalFromFloat(toFloat64(x)));
  return decimalToFloat(acc);
}

/**
 * The float arithmetic functions by name.
 * @example
 * ```ts
 * Object.hasOwn(SPRIG_DECIMAL_FUNCTIONS, "addf"); // true
 * ```
 * @category Template
 */
export const SPRIG_DECIMAL_FUNCTIONS: FunctionMap = {
  add1f: goFunction(["any"], (i: unknown) => op(i, [1n], add)),
  addf: goFunction([], (...i: unknown[]) => op(0, i, add), "any"),
  subf: goFunction(["any"], (a: unknown, ...v: unknown[]) => op(a, v, sub), "any"),
  mulf: goFunction(["any"], (a: unknown, ...v: unknown[]) => op(a, v, mul), "any"),
  divf: goFunction(["any"], (a: unknown, ...v: unknown[]) => op(a, v, div), "any"),
};
