/**
 * Understanding stage sets: why stages match or not.
 *
 * @module
 */
export { explain, explainAsync } from "./explain.js";
export type { ExplainFinding, Explanation, StageExplanation } from "./explain.js";
