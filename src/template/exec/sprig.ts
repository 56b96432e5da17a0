/**
 * The pure subset of sprig v3.3.0 stagecraft implements.
 *
 * @module
 */
import type { FunctionMap } from "./function-map.js";
import { SPRIG_COLLECTION_FUNCTIONS } from "./sprig-collections.js";
import { SPRIG_MORE_FUNCTIONS, SPRIG_MUST_FUNCTIONS } from "./sprig-more.js";
import { SPRIG_STRING_FUNCTIONS } from "./sprig-strings.js";

/**
 * The sprig functions stagecraft implements. None reads the clock, randomness or the
 * environment. Not implemented yet (calling one fails with `function "x" not defined` at
 * execution): the clock and random functions (`now date* ago duration* htmlDate* toDate
 * mustToDate unixEpoch dateModify* randAlpha* randAscii randNumeric randInt randBytes uuidv4
 * shuffle`), hashes and crypto (`sha1sum sha256sum sha512sum adler32sum derivePassword
 * buildCustomCert decryptAES`), regexes (`regex*`), `semver semverCompare`, paths (`base dir
 * clean ext isAbs os*`), `b32enc b32dec urlParse urlJoin`, decimal float math (`addf add1f subf
 * mulf divf`), case helpers (`snakecase camelcase kebabcase swapcase untitle initials abbrev
 * abbrevboth wrap wrapWith`), `hello`, `toPrettyJson toRawJson must*Json`, `values chunk
 * deepCopy mergeOverwrite typeIsLike`.
 *
 * @example
 * ```ts
 * IMPLEMENTED_SPRIG_FUNCTIONS.includes("default"); // true
 * ```
 * @category Template
 */
export const IMPLEMENTED_SPRIG_FUNCTIONS: readonly string[] = [
  ...Object.keys(SPRIG_COLLECTION_FUNCTIONS),
  ...Object.keys(SPRIG_STRING_FUNCTIONS),
  ...Object.keys(SPRIG_MORE_FUNCTIONS),
  ...Object.keys(SPRIG_MUST_FUNCTIONS),
].sort();

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
  return { ...SPRIG_COLLECTION_FUNCTIONS, ...SPRIG_STRING_FUNCTIONS, ...SPRIG_MORE_FUNCTIONS, ...SPRIG_MUST_FUNCTIONS };
}
