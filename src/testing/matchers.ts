/**
 * vitest matchers over stagecraft: `toMatchStage`, `toReach`, `toHaveNoLintErrors`, and
 * `runGoldens` (one vitest `it` per golden case). Imports vitest: only for the
 * `stagecraft/testing/matchers` entry.
 *
 * @module
 */
import { it } from "vitest";
import { shortestPath } from "../analysis/explore-path.js";
import { type ExploreOptions, explore } from "../analysis/explore.js";
import { lint } from "../analysis/lint.js";
import type { LintOptions } from "../analysis/lint-types.js";
import { type Lifecycle, compileLifecycle } from "../plan/compile-lifecycle.js";
import { listPossible } from "../plan/plan.js";
import { loadPreset } from "../presets/index.js";
import type { Stage } from "../stage/model.js";
import { type RunStageTestsOptions, discoverStageTests, runStageTest } from "./run-stage-tests.js";

/**
 * What a stagecraft matcher returns (vitest's `ExpectationResult`).
 *
 * @category Testing
 */
export interface StagecraftMatcherResult {
  /** Whether the assertion holds. */
  readonly pass: boolean;
  /** The failure message. */
  readonly message: () => string;
}

/**
 * The matchers added by `expect.extend(stagecraftMatchers)`, as they appear on `expect(x)`.
 *
 * @category Testing
 * @example
 * ```ts
 * expect(pod).toMatchStage("pod-ready", lifecycle);
 * ```
 */
export interface StagecraftMatchers<R = unknown> {
  /**
   * The received object matches the named stage: it is among the stages KWOK could choose for it.
   * @param stage - the stage name
   * @param lifecycle - the compiled lifecycle (default: the `general` preset)
   */
  toMatchStage(stage: string, lifecycle?: Lifecycle): R;
  /**
   * The received lifecycle takes `seed` to a state whose object satisfies `predicate`.
   * @param seed - the object to explore from
   * @param predicate - the condition on an explored object
   * @param options - exploration limits
   */
  toReach(seed: unknown, predicate: (object: unknown) => boolean, options?: ExploreOptions): R;
  /**
   * The received stages have no error-severity lint finding.
   * @param options - the lint options (seeds, limits)
   */
  toHaveNoLintErrors(options?: LintOptions): R;
}

/**
 * The type of {@link stagecraftMatchers}: the matchers as `expect.extend` calls them, with the
 * received value first.
 *
 * @category Testing
 * @example
 * ```ts
 * stagecraftMatchers.toMatchStage(pod, "pod-ready").pass; // true when pod-ready is possible
 * ```
 */
export type StagecraftMatcherFunctions = {
  /**
   * See {@link StagecraftMatchers.toMatchStage}.
   * @param received - the object
   * @param stage - the stage name
   * @param lifecycle - the lifecycle (default: the `general` preset)
   * @returns the result
   */
  toMatchStage(received: unknown, stage: string, lifecycle?: Lifecycle): StagecraftMatcherResult;
  /**
   * See {@link StagecraftMatchers.toReach}.
   * @param received - the lifecycle
   * @param seed - the object to explore from
   * @param predicate - the condition on an explored object
   * @param options - exploration limits
   * @returns the result
   */
  toReach(received: unknown, seed: unknown, predicate: (object: unknown) => boolean, options?: ExploreOptions): StagecraftMatcherResult;
  /**
   * See {@link StagecraftMatchers.toHaveNoLintErrors}.
   * @param received - the stages
   * @param options - the lint options
   * @returns the result
   */
  toHaveNoLintErrors(received: unknown, options?: LintOptions): StagecraftMatcherResult;
};

let general: Lifecycle | undefined;

function defaultLifecycle(): Lifecycle {
  general ??= compileLifecycle(loadPreset("general"), { defaultPatchType: "controller" });
  return general;
}

function nameOf(object: unknown): string {
  const o = object as { kind?: unknown; metadata?: { name?: unknown } } | null;
  return `${String(o?.kind ?? "object")} ${String(o?.metadata?.name ?? "")}`.trim();
}

function toMatchStage(received: unknown, stage: string, lifecycle?: Lifecycle): StagecraftMatcherResult {
  const possible = listPossible(received, lifecycle ?? defaultLifecycle());
  if (!possible.ok) return { pass: false, message: () => `matching ${nameOf(received)} failed: ${possible.error.message}` };
  const names = possible.value.map((p) => p.stage.name);
  const pass = names.includes(stage);
  const list = names.length === 0 ? "none" : names.join(", ");
  return { pass, message: () => `expected ${nameOf(received)} ${pass ? "not " : ""}to match stage ${stage}; possible stages: ${list}` };
}

function toReach(received: unknown, seed: unknown, predicate: (object: unknown) => boolean, options: ExploreOptions = {}): StagecraftMatcherResult {
  const x = explore(seed, received as Lifecycle, options);
  const path = shortestPath(x, (s) => s.deleted !== true && s.error !== true && predicate(s.example));
  const pass = path !== undefined;
  const how = pass ? `it does, through ${path.length === 0 ? "(the seed itself)" : path.map((e) => e.stage).join(" → ")}` : `${x.states.length} state(s) explored${x.truncated ? " (truncated)" : ""}, none satisfies it`;
  return { pass, message: () => `expected the lifecycle ${pass ? "not " : ""}to take ${nameOf(seed)} to a state satisfying the predicate: ${how}` };
}

function toHaveNoLintErrors(received: unknown, options: LintOptions = {}): StagecraftMatcherResult {
  const errors = lint(received as readonly Stage[], options).filter((f) => f.severity === "error");
  const pass = errors.length === 0;
  const lines = errors.map((f) => `  ${f.rule} [${f.stages.join(", ")}]: ${f.message}${f.path === undefined ? "" : ` (path: ${f.path.join(" → ")})`}`);
  return { pass, message: () => (pass ? "expected lint errors, found none" : `expected no lint errors, found ${errors.length}:\n${lines.join("\n")}`) };
}

/**
 * The matchers for `expect.extend`. Importing `stagecraft/testing/matchers` also declares them
 * on vitest's `Assertion` type.
 *
 * @category Testing
 * @example
 * ```ts
 * import { expect } from "vitest";
 * import { stagecraftMatchers } from "stagecraft/testing/matchers";
 * expect.extend(stagecraftMatchers);
 * expect(pod).toMatchStage("pod-ready", lifecycle);
 * expect(lifecycle).toReach(pendingPod, (o) => (o as Pod).status?.phase === "Running");
 * expect(stages).toHaveNoLintErrors();
 * ```
 */
export const stagecraftMatchers: StagecraftMatcherFunctions = { toMatchStage, toReach, toHaveNoLintErrors };

/**
 * Registers one vitest `it` per golden case under `dir` (see `discoverStageTests`): each runs
 * the case with `runStageTest` and fails with the message and diff unless it passes. Call it
 * inside a test file, at top level or in a `describe`.
 *
 * @param dir - the folder with `testdata/<case>.input.yaml` / `.output.yaml`
 * @param options - as for `runStageTests` (e.g. `update: true` to rewrite the goldens)
 * @returns the number of cases registered
 * @example
 * ```ts
 * import { describe } from "vitest";
 * import { runGoldens } from "stagecraft/testing/matchers";
 * describe("our stages", () => runGoldens("stages/"));
 * ```
 * @category Testing
 */
export function runGoldens(dir: string, options: RunStageTestsOptions = {}): number {
  const cases = discoverStageTests(dir);
  for (const c of cases) {
    it(c.name, async () => {
      const r = await runStageTest(c, options);
      if (r.status !== "pass" && r.status !== "updated") throw new Error(`${c.name}: ${r.status}${r.message === undefined ? "" : `: ${r.message}`}${r.diff === undefined ? "" : `\n${r.diff}`}`);
    });
  }
  return cases.length;
}
