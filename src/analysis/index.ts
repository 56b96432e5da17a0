/**
 * Understanding stage sets: why stages match or not, and which states they reach.
 *
 * @module
 */
export { explain, explainAsync } from "./explain.js";
export type { ExplainFinding, Explanation, StageExplanation } from "./explain.js";
export { explore, exploreAsync } from "./explore.js";
export type { DelayRange, Exploration, ExploreOptions, ExploredEdge, ExploredState } from "./explore.js";
export { defaultProjection } from "./explore-projection.js";
