/**
 * jq with gojq semantics: compile once to closures, evaluate many times.
 *
 * @module
 */
export { compileJq, toJSONValue, JQ_SUPPORTED } from "./program.js";
export type { JqOptions, JqProgram } from "./program.js";
