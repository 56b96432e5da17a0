/**
 * Runtime plumbing shared by compiled closures: the continuation types, the variable
 * environment and the per-evaluation work budget.
 *
 * @module
 */
import { JqLimitError, JqRuntimeError } from "./errors.js";
import type { Value } from "./values.js";

/** Receives one output value. */
export type Emit = (v: Value) => void;

/** A variable environment: a linked list of frames, innermost first. */
export interface Env {
  readonly value: Value;
  readonly next: Env | null;
}

/** A compiled query: calls `emit` once per output, throws {@link JqRuntimeError} on error. */
export type Fn = (input: Value, env: Env | null, emit: Emit) => void;

/** A compiled query known to produce exactly one output (or an error). */
export type Single = (input: Value, env: Env | null) => Value;

/** The two forms a compiled node can take; `single` is present when it is known single-valued. */
export interface Compiled {
  readonly run: Fn;
  readonly single: Single | null;
  /** For `select(c)` with a single-valued `c`: `c`, so that `select(c) | f` fuses into one closure. */
  readonly select?: Single;
}

/** Wraps a single-valued function into a {@link Compiled}. */
export function fromSingle(single: Single): Compiled {
  return { run: (i, e, emit) => emit(single(i, e)), single };
}

/** Wraps a stream function into a {@link Compiled}. */
export function fromRun(run: Fn): Compiled {
  return { run, single: null };
}

/** The work budget of the evaluation in progress (evaluations are synchronous, never nested). */
export const budget = { steps: 0, maxSteps: 0 };

/**
 * Charges `n` units of work and throws {@link JqLimitError} when the budget is spent.
 *
 * @param n - units of work
 */
export function tick(n: number): void {
  budget.steps += n;
  if (budget.steps > budget.maxSteps) throw new JqLimitError(`jq: evaluation exceeded the step budget of ${budget.maxSteps}`);
}

/** Carries an error raised downstream of a `try` body through that `try` unchanged. */
export class Escape {
  constructor(
    readonly token: object,
    readonly error: unknown,
  ) {}
}

/** Thrown by `limit`/`first` to stop a generator early; caught by its owner only. */
export class Stop {
  constructor(readonly token: object) {}
}

/**
 * Runs `body`, handing runtime errors raised by the body itself (not by `emit`) to `onError`.
 *
 * @param body - the guarded stream
 * @param emit - downstream continuation, whose errors pass through
 * @param onError - receives the error value of a failing body
 */
export function guard(body: (emit: Emit) => void, emit: Emit, onError: (value: Value) => void): void {
  const token = {};
  try {
    body((v) => {
      try {
        emit(v);
      } catch (e) {
        throw new Escape(token, e);
      }
    });
  } catch (e) {
    if (e instanceof Escape && e.token === token) throw e.error;
    if (e instanceof JqRuntimeError) onError(e.value);
    else throw e;
  }
}

/** Looks a variable up `depth` frames out. */
export function lookup(env: Env | null, depth: number): Value {
  let e = env;
  for (let i = 0; i < depth && e !== null; i++) e = e.next;
  return e === null ? null : e.value;
}
