/**
 * The function names a KWOK template may call. Go checks them while parsing
 * (`function "x" not defined`), so the parser needs the names, not the implementations.
 *
 * @module
 */

/** The functions `text/template` always provides, whatever the FuncMap. */
export const GO_TEMPLATE_BUILTINS: readonly string[] = [
  "and", "or", "not", "len", "index", "slice", "print", "printf", "println",
  "eq", "ne", "lt", "le", "gt", "ge", "html", "js", "urlquery", "call",
];

const KWOK_DEFAULTS = ["Quote", "Now", "StartTime", "YAML", "Version", "NodeConditions"];

const KWOK_CONTROLLER = ["NodeIP", "NodeName", "NodePort", "PodIP", "NodeIPWith", "PodIPWith", "NodeIPsWith", "PodIPsWith"];

// Sprig v3.3.0 TxtFuncMap (spec §5.2, plus `push` and `mustPush`, the aliases of `append` and
// `mustAppend` that the spec's list omits), without the names in EXCLUDED_SPRIG_FUNCTIONS.
// `osBase osClean osDir osExt osIsAbs` are kept: they only manipulate strings with the
// platform's path separator, which is `/` on the Linux hosts KWOK runs on, so they behave as
// `base clean dir ext isAbs`. The random and clock functions (`now`, `date`, `randAlpha`,
// `uuidv4`, `randBytes`, …) are kept; `sprigFunctions({ now, random })` injects the clock and
// randomness.
const SPRIG = `hello ago date date_in_zone date_modify dateInZone dateModify duration durationRound
htmlDate htmlDateInZone must_date_modify mustDateModify mustToDate now toDate unixEpoch abbrev abbrevboth
trunc trim upper lower title untitle substr repeat trimall trimAll trimSuffix trimPrefix nospace initials
randAlphaNum randAlpha randAscii randNumeric swapcase shuffle snakecase camelcase kebabcase wrap wrapWith
contains hasPrefix hasSuffix quote squote cat indent nindent replace plural sha1sum sha256sum sha512sum
adler32sum toString atoi int64 int float64 seq toDecimal split splitList splitn toStrings until untilStep
add1 add sub div mod mul randInt add1f addf subf divf mulf biggest max min maxf minf ceil floor round join
sortAlpha default empty coalesce all any compact mustCompact fromJson toJson toPrettyJson toRawJson
mustFromJson mustToJson mustToPrettyJson mustToRawJson ternary deepCopy mustDeepCopy typeOf typeIs
typeIsLike kindOf kindIs deepEqual base dir clean ext isAbs osBase osClean osDir osExt osIsAbs b64enc
b64dec b32enc b32dec tuple list dict get set unset hasKey pluck keys pick omit merge mergeOverwrite
mustMerge mustMergeOverwrite values append mustAppend prepend mustPrepend first mustFirst rest mustRest
last mustLast initial mustInitial reverse mustReverse uniq mustUniq without mustWithout has mustHas slice
mustSlice concat dig chunk mustChunk randBytes uuidv4 semver push mustPush
semverCompare fail regexMatch mustRegexMatch regexFindAll mustRegexFindAll regexFind mustRegexFind
regexReplaceAll mustRegexReplaceAll regexReplaceAllLiteral mustRegexReplaceAllLiteral regexSplit
mustRegexSplit regexQuoteMeta urlParse urlJoin`;

/**
 * Every function name a KWOK Stage template can use: Go's builtins, sprig v3.3.0's text
 * functions except {@link EXCLUDED_SPRIG_FUNCTIONS}, KWOK's defaults (`Quote Now StartTime
 * YAML Version NodeConditions`) and the node and pod controllers' functions (`NodeIP NodeName
 * NodePort PodIP NodeIPWith PodIPWith NodeIPsWith PodIPsWith`).
 *
 * @example
 * ```ts
 * KWOK_TEMPLATE_FUNCTIONS.has("Quote"); // true
 * KWOK_TEMPLATE_FUNCTIONS.has("env"); // false
 * ```
 * @category Template
 */
export const KWOK_TEMPLATE_FUNCTIONS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  ...GO_TEMPLATE_BUILTINS,
  ...KWOK_DEFAULTS,
  ...KWOK_CONTROLLER,
  ...SPRIG.split(/\s+/),
]);

const ENTROPY = "from the operating system's entropy";

/**
 * The sprig functions stagecraft leaves out, with the reason for each: they read the process
 * environment or the network, or make or handle key material (most of it drawn from the
 * operating system's entropy).
 * Calling one is a parse error that gives the reason.
 *
 * @example
 * ```ts
 * EXCLUDED_SPRIG_FUNCTIONS.env; // "it reads the process environment"
 * ```
 * @category Template
 */
export const EXCLUDED_SPRIG_FUNCTIONS: Readonly<Record<string, string>> = {
  env: "it reads the process environment",
  expandenv: "it substitutes variables from the process environment",
  getHostByName: "it resolves a host name over the network",
  genPrivateKey: `it generates a private key ${ENTROPY}`,
  genCA: `it generates a certificate authority ${ENTROPY}`,
  genCAWithKey: `it signs a certificate authority with a serial number ${ENTROPY}`,
  genSelfSignedCert: `it generates a certificate and key ${ENTROPY}`,
  genSelfSignedCertWithKey: `it signs a certificate with a serial number ${ENTROPY}`,
  genSignedCert: `it generates a certificate and key ${ENTROPY}`,
  genSignedCertWithKey: `it signs a certificate with a serial number ${ENTROPY}`,
  bcrypt: `it salts a password hash ${ENTROPY}`,
  htpasswd: `it salts a password hash ${ENTROPY}`,
  encryptAES: `it draws the encryption IV ${ENTROPY}`,
  decryptAES: "it decrypts with a key written into the template (key material), the counterpart of encryptAES",
  derivePassword: "it derives passwords from a master password (key material)",
  buildCustomCert: "it builds a certificate from a PEM certificate and private key (key material)",
};
