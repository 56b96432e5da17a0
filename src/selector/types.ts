/**
 * Result types of selector evaluation, designed so a caller can tell *why* a selector did or
 * did not match.
 *
 * @module
 */
import type { FieldPath, StagecraftError } from "../errors.js";
import type { EvalContext } from "../expression/types.js";

/**
 * The kinds of selector terms, in KWOK's evaluation order.
 *
 * @category Selector
 */
export type TermKind = "label" | "annotation" | "jq" | "cel" | "jsonata";

/**
 * What happened to one term.
 * `skipped` means KWOK would not evaluate it because an earlier term decided the match.
 *
 * @category Selector
 */
export type TermStatus = "pass" | "fail" | "error" | "skipped";

/**
 * One selector term and its outcome for an object.
 *
 * @category Selector
 */
export interface TermOutcome {
  /** The term's kind. */
  readonly kind: TermKind;
  /** Where the term is in the Stage, e.g. `["spec","selector","matchExpressions",2]`. */
  readonly path: FieldPath;
  /** The term in words: `.status.phase In ["Pending"]`, `label app = "web"`, `cel: self.x > 1`. */
  readonly description: string;
  /** pass, fail, error, or skipped (not reached in KWOK's order). */
  readonly status: TermStatus;
  /** What the term looked at: the label value, or the query outputs that counted. */
  readonly values?: readonly unknown[];
  /** Extra explanation, e.g. why a jq query produced no values. */
  readonly detail?: string;
  /** The error, for status `error`. */
  readonly error?: StagecraftError;
}

/**
 * The outcome of matching one object. On `matched: false`, `term` is the term that decided it;
 * `error` is set when that term failed to evaluate (KWOK aborts the whole match then).
 *
 * @category Selector
 */
export type SelectorMatch =
  | {
      /** The object matched. */
      readonly matched: true;
    }
  | {
      /** The object did not match. */
      readonly matched: false;
      /** The term that decided the match. */
      readonly term: TermOutcome;
      /** Set when that term failed to evaluate. */
      readonly error?: StagecraftError;
    };

/**
 * A full explanation: every term with its outcome.
 *
 * @category Selector
 */
export interface SelectorExplanation {
  /** Whether the selector matched. */
  readonly matched: boolean;
  /** The error that aborted matching, if any. */
  readonly error?: StagecraftError;
  /** Every term in evaluation order, including those KWOK would not reach (`skipped`, but evaluated here). */
  readonly terms: readonly TermOutcome[];
}

/**
 * A selector compiled for repeated use.
 *
 * @category Selector
 */
export interface CompiledSelector {
  /** True when a term needs async evaluation (JSONata); then only the async methods work. */
  readonly async: boolean;
  /** Number of terms. */
  readonly size: number;
  /**
   * Matches an object in KWOK's order, stopping at the first failing term.
   * @throws StagecraftError `E_ASYNC_REQUIRED` when {@link CompiledSelector.async} is true
   */
  match(object: unknown, context?: EvalContext): SelectorMatch;
  /** Async form of {@link CompiledSelector.match}; works for every selector. */
  matchAsync(object: unknown, context?: EvalContext): Promise<SelectorMatch>;
  /**
   * Evaluates every term and reports each outcome.
   * @throws StagecraftError `E_ASYNC_REQUIRED` when {@link CompiledSelector.async} is true
   */
  explain(object: unknown, context?: EvalContext): SelectorExplanation;
  /** Async form of {@link CompiledSelector.explain}. */
  explainAsync(object: unknown, context?: EvalContext): Promise<SelectorExplanation>;
}
