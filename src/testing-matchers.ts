/**
 * vitest matchers for stage sets — `expect(pod).toMatchStage("pod-ready")`,
 * `expect(lifecycle).toReach(seed, predicate)`, `expect(stages).toHaveNoLintErrors()` — and
 * `runGoldens(dir)`, one vitest test per golden case. Imports `vitest` (an optional peer
 * dependency), so it has its own entry point; importing it declares the matchers on vitest's
 * `Assertion` type.
 *
 * @module stagecraft/testing/matchers
 */
import type { StagecraftMatchers } from "./testing/matchers.js";

export { runGoldens, stagecraftMatchers } from "./testing/matchers.js";
export type { StagecraftMatcherFunctions, StagecraftMatcherResult, StagecraftMatchers } from "./testing/matchers.js";

declare module "vitest" {
  // biome-ignore lint: the declaration merges with vitest's own
  interface Assertion<T = any> extends StagecraftMatchers<T> {}
  // biome-ignore lint: the declaration merges with vitest's own
  interface AsymmetricMatchersContaining extends StagecraftMatchers {}
}
