/**
 * The pure subset of sprig v3.3.0 stagecraft implements.
 *
 * @module
 */
import type { FunctionMap } from "./function-map.js";
import { SPRIG_COLLECTION_FUNCTIONS } from "./sprig-collections.js";
import { SPRIG_STRING_FUNCTIONS } from "./sprig-strings.js";

/**
 * The sprig functions stagecraft implements. None reads the clock, randomness or the
 * environment; sprig's date, random, crypto, regex, semver and path functions are not
 * implemented yet (calling one fails with `function "x" not defined` at execution).
 *
 * @example
 * ```ts
 * IMPLEMENTED_SPRIG_FUNCTIONS.includes("default"); // true
 * ```
 * @category Template
 */
export const IMPLEMENTED_SPRIG_FUNCTIONS: readonly string[] = [...Object.keys(SPRIG_COLLECTION_FUNCTIONS), ...Object.keys(SPRIG_STRING_FUNCTIONS)].sort();

/**
 * The implemented sprig functions as a function map (see {@link IMPLEMENTED_SPRIG_FUNCTIONS}).
 *
 * @returns a fresh function map
 * @example
 * ```ts
 * const functions = { ...sprigFunctions(), ...kwokFunctions(opts), ...placeholderFunctions() };
 * ```
 * @category Template
 */
export function sprigFunctions(): FunctionMap {
  return { ...SPRIG_COLLECTION_FUNCTIONS, ...SPRIG_STRING_FUNCTIONS };
}
