/**
 * The data of {@link lint}: findings, options and what each rule sees.
 *
 * @module
 */
import type { Lifecycle } from "../plan/compile-lifecycle.js";
import type { Stage } from "../stage/model.js";
import type { Exploration } from "./explore.js";

/**
 * How bad a {@link LintFinding} is: `error` findings make `stagecraft lint` exit 1.
 *
 * @category Analysis
 */
export type LintSeverity = "error" | "warning" | "info";

/**
 * The stable ids of the lint rules.
 *
 * @category Analysis
 */
export type LintRuleId =
  | "never-matches"
  | "zero-weight-overlap"
  | "phase-regression"
  | "zero-delay-cycle"
  | "unreachable-stage"
  | "terminal-without-delete"
  | "missing-node-stages"
  | "template-missing-field";

/**
 * One problem {@link lint} found.
 *
 * @category Analysis
 * @example
 * ```ts
 * const f: LintFinding = { rule: "phase-regression", severity: "error", stages: ["pod-create"], path: ["pod-create", "pod-ready", "pod-create"], message: "…", suggestion: "…" };
 * ```
 */
export interface LintFinding {
  /** The stable rule id. */
  readonly rule: LintRuleId;
  /** `error`, `warning` or `info`. */
  readonly severity: LintSeverity;
  /** The stages concerned (names). */
  readonly stages: readonly string[];
  /** The stage names from the seed to the problem (from `shortestPath`), when it is in an exploration. */
  readonly path?: readonly string[];
  /** What is wrong. */
  readonly message: string;
  /** How to fix it. */
  readonly suggestion: string;
}

/**
 * Options of {@link lint}.
 *
 * @category Analysis
 * @example
 * ```ts
 * lint(stages, { seeds: [myPod], maxStates: 200 });
 * ```
 */
export interface LintOptions {
  /** Objects to explore from. Default {@link defaultLintSeeds}: a pending pod, a Job's pod with an init container and a bare node. */
  readonly seeds?: readonly unknown[];
  /** Also explore a copy of each seed but Nodes with `metadata.deletionTimestamp` set (default true), so delete stages are reached. */
  readonly deletingSeeds?: boolean;
  /** Explore limit per seed (default 50). */
  readonly maxDepth?: number;
  /** Explore limit per seed (default 1000). */
  readonly maxStates?: number;
}

/**
 * An exploration from one seed, as the rules see it.
 *
 * @category Analysis
 */
export interface SeedExploration {
  /** `kind/name` of the seed, for messages. */
  readonly seed: string;
  /** What `explore` returned (default projection). */
  readonly exploration: Exploration;
  /** The same exploration with whole objects as states: its cycles are real loops, not artefacts of the projection. */
  readonly exact: Exploration;
}

/**
 * What every rule receives.
 *
 * @category Analysis
 */
export interface LintContext {
  /** The stages as given. */
  readonly stages: readonly Stage[];
  /** The compiled lifecycle. */
  readonly lifecycle: Lifecycle;
  /** One exploration per seed. */
  readonly explorations: readonly SeedExploration[];
}
