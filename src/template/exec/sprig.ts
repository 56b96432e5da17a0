/**
 * Sprig v3.3.0's text functions as stagecraft implements them: every function of
 * `TxtFuncMap()` except those that read the environment or the network or make key material
 * ({@link EXCLUDED_SPRIG_FUNCTIONS}). The clock and randomness are injected.
 *
 * @module
 */
import { EXCLUDED_SPRIG_FUNCTIONS } from "../functions.js";
import { type FunctionMap, goFunction } from "./function-map.js";
import { abbrev, abbrevboth, initials, wrapCustom } from "./sprig-text.js";
import { swapCase, toCamelCase, toLowerCaseWords, uncapitalize } from "./sprig-case.js";
import { SPRIG_COLLECTION_FUNCTIONS } from "./sprig-collections.js";
import { SPRIG_DATA_FUNCTIONS } from "./sprig-data.js";
import { type SprigClock, sprigDateFunctions } from "./sprig-date.js";
import { SPRIG_DECIMAL_FUNCTIONS } from "./sprig-decimal.js";
import { adler32, base32Decode, base32Encode, hexDigest } from "./sprig-digest.js";
import { SPRIG_JSON_FUNCTIONS } from "./sprig-json.js";
import { SPRIG_MORE_FUNCTIONS, SPRIG_MUST_FUNCTIONS } from "./sprig-more.js";
import { SPRIG_PATH_FUNCTIONS } from "./sprig-path.js";
import { type SprigRandom, sprigRandomFunctions } from "./sprig-random.js";
import { SPRIG_REGEX_FUNCTIONS } from "./sprig-regex.js";
import { SPRIG_SEMVER_FUNCTIONS } from "./sprig-semver.js";
import { SPRIG_STRING_FUNCTIONS } from "./sprig-strings.js";
import { SPRIG_URL_FUNCTIONS } from "./sprig-url.js";

export type { SprigClock } from "./sprig-date.js";
export type { SprigRandom } from "./sprig-random.js";

/**
 * What sprig's impure functions read, injected: without `now`, the functions that need the
 * current time (`now`, `ago`, `durationRound` of a time, and `date`-like functions given a
 * value that is neither a time nor an integer) fail at execution; without `random`, the random
 * functions (`randAlphaNum randAlpha randAscii randNumeric randInt shuffle uuidv4 randBytes`)
 * fail at execution. Each failure names the missing option.
 *
 * @example
 * ```ts
 * const options: SprigFunctionsOptions = { now: () => new Date(), random: Math.random };
 * ```
 * @category Template
 */
export interface SprigFunctionsOptions {
  /** The clock: a `Date`, or nanoseconds since the Unix epoch as a `bigint`. */
  readonly now?: SprigClock;
  /** Uniform random numbers in [0, 1). */
  readonly random?: SprigRandom;
}

const TEXT_FUNCTIONS: FunctionMap = {
  abbrev: goFunction(["int", "string"], abbrev),
  abbrevboth: goFunction(["int", "int", "string"], abbrevboth),
  initials: goFunction(["string"], initials),
  wrap: goFunction(["int", "string"], (l: bigint, s: string) => wrapCustom(s, Number(l), "", false)),
  wrapWith: goFunction(["int", "string", "string"], (l: bigint, sep: string, s: string) => wrapCustom(s, Number(l), sep, true)),
  untitle: goFunction(["string"], uncapitalize),
  swapcase: goFunction(["string"], swapCase),
  snakecase: goFunction(["string"], (s: string) => toLowerCaseWords(s, "_")),
  kebabcase: goFunction(["string"], (s: string) => toLowerCaseWords(s, "-")),
  camelcase: goFunction(["string"], toCamelCase),
  sha1sum: goFunction(["string"], (s: string) => hexDigest("sha1", s)),
  sha256sum: goFunction(["string"], (s: string) => hexDigest("sha256", s)),
  sha512sum: goFunction(["string"], (s: string) => hexDigest("sha512", s)),
  adler32sum: goFunction(["string"], adler32),
  b32enc: goFunction(["string"], base32Encode),
  b32dec: goFunction(["string"], base32Decode),
};

const PURE: FunctionMap = {
  ...SPRIG_COLLECTION_FUNCTIONS,
  ...SPRIG_STRING_FUNCTIONS,
  ...SPRIG_MORE_FUNCTIONS,
  ...SPRIG_MUST_FUNCTIONS,
  ...SPRIG_DATA_FUNCTIONS,
  ...SPRIG_JSON_FUNCTIONS,
  ...SPRIG_DECIMAL_FUNCTIONS,
  ...SPRIG_PATH_FUNCTIONS,
  ...SPRIG_REGEX_FUNCTIONS,
  ...SPRIG_SEMVER_FUNCTIONS,
  ...SPRIG_URL_FUNCTIONS,
  ...TEXT_FUNCTIONS,
};

/**
 * The sprig functions stagecraft implements: all of sprig v3.3.0's `TxtFuncMap()` except
 * {@link EXCLUDED_SPRIG_FUNCTIONS}.
 *
 * @example
 * ```ts
 * IMPLEMENTED_SPRIG_FUNCTIONS.includes("regexReplaceAll"); // true
 * ```
 * @category Template
 */
export const IMPLEMENTED_SPRIG_FUNCTIONS: readonly string[] = Object.keys({ ...PURE, ...sprigDateFunctions(undefined), ...sprigRandomFunctions(undefined) })
  .filter((n) => !Object.hasOwn(EXCLUDED_SPRIG_FUNCTIONS, n))
  .sort();

/**
 * The implemented sprig functions as a function map (see {@link IMPLEMENTED_SPRIG_FUNCTIONS}),
 * with the clock and random source of the options.
 *
 * @param options - the clock and random source for the impure functions
 * @returns a fresh function map
 * @example
 * ```ts
 * const functions = { ...sprigFunctions({ now: () => new Date(0), random: Math.random }), ...kwokFunctions(opts), ...placeholderFunctions() };
 * ```
 * @category Template
 */
export function sprigFunctions(options: SprigFunctionsOptions = {}): FunctionMap {
  return { ...PURE, ...sprigDateFunctions(options.now), ...sprigRandomFunctions(options.random) };
}
