/**
 * KWOK's CEL extension functions (`pkg/utils/cel`, registry `kwok.ext`) and the
 * `kubernetes.Quantity` operators, registered on a cel-js environment.
 *
 * | function | receiver form | result |
 * |---|---|---|
 * | `Now()` | – | timestamp: `context.now` (epoch when absent); never the wall clock |
 * | `Rand()` | – | double from `context.rng` (0 when absent) |
 * | `UnixSecond(t)` | `t.UnixSecond()` | double seconds since the epoch (cel-js timestamps are millisecond-precise) |
 * | `Quantity(s)` | `s.Quantity()` | `kubernetes.Quantity`; runtime error when `s` is not a quantity |
 * | `SinceSecond(m)` | `m.SinceSecond()` | double seconds from `m.metadata.creationTimestamp` to `context.now` |
 *
 * `SinceSecond` on a map is a stagecraft extension: KWOK only defines it for typed Pod/Node
 * objects, which the generic controller and the test harness never use.
 *
 * @module
 */
import { type Environment, EvaluationError } from "@marcbachmann/cel-js";
import type { UnsignedInt } from "@marcbachmann/cel-js/evaluator";
import { isStagecraftError } from "../../errors.js";
import { Quantity, parseQuantity } from "./quantity.js";

/** What the functions read during one evaluation; set by the program before each run. */
export interface EvalSlot {
  now: Date;
  rng: () => number;
}

const TS = "google.protobuf.Timestamp";
const Q = "kubernetes.Quantity";
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Registers `Now`, `Rand`, `UnixSecond`, `Quantity`, `SinceSecond` and the quantity
 * operators on `env`. The handlers read `slot` at call time.
 */
export function registerKwokFunctions(env: Environment, slot: EvalSlot): Environment {
  const unixSecond = (t: Date): number => t.getTime() / 1000;
  const quantity = (s: string): Quantity => {
    try {
      return parseQuantity(s);
    } catch (error) {
      throw new EvaluationError(isStagecraftError(error) ? error.rawMessage : String(error));
    }
  };
  const sinceSecond = (m: unknown): number => (slot.now.getTime() - creationTime(m)) / 1000;
  env
    .registerType(Q, { ctor: Quantity, fields: {} })
    .registerFunction(`Now(): ${TS}`, () => new Date(slot.now.getTime()))
    .registerFunction("Rand(): double", () => slot.rng())
    .registerFunction(`UnixSecond(${TS}): double`, unixSecond)
    .registerFunction(`${TS}.UnixSecond(): double`, unixSecond)
    .registerFunction(`Quantity(string): ${Q}`, quantity)
    .registerFunction(`string.Quantity(): ${Q}`, quantity)
    .registerFunction("SinceSecond(map): double", sinceSecond)
    .registerFunction("map.SinceSecond(): double", sinceSecond);
  return registerQuantityOperators(env);
}

function registerQuantityOperators(env: Environment): Environment {
  const milli = (n: bigint): Quantity => new Quantity(n * 1_000_000n);
  const byDouble = (q: Quantity, f: number): Quantity => milli(truncate(Number(q.milli) * f));
  const divide = (q: Quantity, n: bigint): Quantity => {
    if (n === 0n) throw new EvaluationError("division by zero");
    return milli(q.milli / n);
  };
  return env
    .registerOperator(`${Q} + ${Q}`, (a: Quantity, b: Quantity) => new Quantity(a.nanos + b.nanos, a.format))
    .registerOperator(`${Q} - ${Q}`, (a: Quantity, b: Quantity) => new Quantity(a.nanos - b.nanos, a.format))
    .registerOperator(`-${Q}`, (a: Quantity) => new Quantity(-a.nanos, a.format))
    .registerOperator(`${Q} * int`, (q: Quantity, n: bigint) => milli(q.milli * n))
    .registerOperator(`${Q} * uint`, (q: Quantity, n: UnsignedInt) => milli(q.milli * n.value))
    .registerOperator(`${Q} * double`, byDouble)
    .registerOperator(`${Q} / int`, divide)
    .registerOperator(`${Q} / uint`, (q: Quantity, n: UnsignedInt) => divide(q, n.value))
    .registerOperator(`${Q} / double`, (q: Quantity, f: number) => {
      if (f === 0) throw new EvaluationError("division by zero");
      return byDouble(q, 1 / f);
    })
    .registerOperator(`${Q} == ${Q}`, (a: Quantity, b: Quantity) => a.nanos === b.nanos)
    .registerOperator(`${Q} < ${Q}`, (a: Quantity, b: Quantity) => a.nanos < b.nanos)
    .registerOperator(`${Q} <= ${Q}`, (a: Quantity, b: Quantity) => a.nanos <= b.nanos)
    .registerOperator(`${Q} > ${Q}`, (a: Quantity, b: Quantity) => a.nanos > b.nanos)
    .registerOperator(`${Q} >= ${Q}`, (a: Quantity, b: Quantity) => a.nanos >= b.nanos);
}

function truncate(x: number): bigint {
  if (!Number.isFinite(x)) throw new EvaluationError("quantity arithmetic overflow");
  return BigInt(Math.trunc(x));
}

function creationTime(m: unknown): number {
  const metadata = (m as Record<string, unknown> | null)?.["metadata"];
  const text = typeof metadata === "object" && metadata !== null ? (metadata as Record<string, unknown>)["creationTimestamp"] : undefined;
  if (typeof text !== "string") throw new EvaluationError("SinceSecond: metadata.creationTimestamp is missing or not a string");
  const ms = RFC3339.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) throw new EvaluationError(`SinceSecond: metadata.creationTimestamp ${JSON.stringify(text)} is not RFC 3339`);
  return ms;
}
