/**
 * Understanding stage sets: why stages match or not, which states they reach, and diagrams of them.
 *
 * @module
 */
export { explain, explainAsync } from "./explain.js";
export type { ExplainFinding, Explanation, StageExplanation } from "./explain.js";
export { explore, exploreAsync } from "./explore.js";
export type { DelayRange, Exploration, ExploreOptions, ExploredEdge, ExploredState } from "./explore.js";
export { defaultProjection } from "./explore-projection.js";
export { toDot, toMermaid } from "./graph.js";
export type { GraphOptions } from "./graph.js";
export { delayText, edgeLines, stateLines } from "./graph-labels.js";
export { shortestPath } from "./explore-path.js";
export { defaultLintSeeds, lint, lintAsync } from "./lint.js";
export type { LintFinding, LintOptions, LintRuleId, LintSeverity } from "./lint-types.js";
