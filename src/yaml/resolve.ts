/**
 * go-yaml v2's resolution of plain scalars (`resolve.go`): what a plain YAML 1.1 scalar means
 * when go-yaml v2 decodes it into `interface{}`.
 *
 * @module
 */

/**
 * What go-yaml v2 resolves a plain scalar to. Integers keep their exact value as a `bigint`
 * when they do not fit a JS number exactly.
 *
 * @category Template
 */
export type GoYamlScalar =
  | { readonly tag: "str"; readonly value: string }
  | { readonly tag: "timestamp"; readonly value: string }
  | { readonly tag: "null"; readonly value: null }
  | { readonly tag: "bool"; readonly value: boolean }
  | { readonly tag: "int"; readonly value: number | bigint }
  | { readonly tag: "float"; readonly value: number };

const TRUE = { tag: "bool", value: true } as const;
const FALSE = { tag: "bool", value: false } as const;
const NULL = { tag: "null", value: null } as const;
const NAN = { tag: "float", value: Number.NaN } as const;
const INF = { tag: "float", value: Number.POSITIVE_INFINITY } as const;
const NEG_INF = { tag: "float", value: Number.NEGATIVE_INFINITY } as const;

const RESOLVE_MAP: ReadonlyMap<string, GoYamlScalar> = new Map<string, GoYamlScalar>([
  ...["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"].map((s) => [s, TRUE] as const),
  ...["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"].map((s) => [s, FALSE] as const),
  ...["", "~", "null", "Null", "NULL"].map((s) => [s, NULL] as const),
  ...[".nan", ".NaN", ".NAN"].map((s) => [s, NAN] as const),
  ...[".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"].map((s) => [s, INF] as const),
  ...["-.inf", "-.Inf", "-.INF"].map((s) => [s, NEG_INF] as const),
]);

const YAML_STYLE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const DIGITS = /^[0-9]+$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's `strconv.ParseUint(s, 0, 64)` digits part after the sign, as a bigint, or undefined. */
function parseGoUnsigned(s: string): bigint | undefined {
  let base = 10;
  let digits = s;
  if (s.length > 1 && s[0] === "0") {
    const p = s[1];
    if (p === "x" || p === "X") [base, digits] = [16, s.slice(2)];
    else if (p === "o" || p === "O") [base, digits] = [8, s.slice(2)];
    else if (p === "b" || p === "B") [base, digits] = [2, s.slice(2)];
    else [base, digits] = [8, s.slice(1)];
  }
  if (digits === "") return undefined;
  const valid = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : DIGITS;
  if (!valid.test(digits)) return undefined;
  if (base === 10 && digits.length < 16) return BigInt(Number(digits));
  const prefix = base === 16 ? "0x" : base === 8 ? "0o" : base === 2 ? "0b" : "";
  return BigInt(prefix + digits);
}

/** Go `ParseInt(s, 0, 64)`, then `ParseUint(s, 0, 64)`: the integer, or undefined. */
function parseGoInteger(s: string): bigint | undefined {
  const sign = s[0] === "-" || s[0] === "+" ? s[0] : "";
  const magnitude = parseGoUnsigned(sign === "" ? s : s.slice(1));
  if (magnitude === undefined) return undefined;
  const value = sign === "-" ? -magnitude : magnitude;
  if (value >= INT64_MIN && value <= INT64_MAX) return value;
  // ParseUint does not accept a sign at all
  if (sign === "" && value <= UINT64_MAX) return value;
  return undefined;
}

/** An integer as a JS number when exact, otherwise as a bigint. */
function intValue(n: bigint): number | bigint {
  return n >= -9007199254740991n && n <= 9007199254740991n ? Number(n) : n;
}

/**
 * Resolves a plain scalar exactly as go-yaml v2.4 does when decoding into `interface{}`.
 *
 * @param text - the scalar's text (plain style, no tag)
 * @returns the resolved tag and value; timestamps keep their text
 * @example
 * ```ts
 * resolveGoYamlScalar("0755"); // { tag: "int", value: 493 }
 * resolveGoYamlScalar("on"); // { tag: "bool", value: true }
 * ```
 * @category Template
 */
export function resolveGoYamlScalar(text: string): GoYamlScalar {
  const c = text.charCodeAt(0);
  // resolveTable: + - 0-9 y Y n N t T f F o O ~ . (and "" → 'N')
  const digit = c >= 0x30 && c <= 0x39;
  const sign = c === 0x2b || c === 0x2d;
  if (text !== "" && !digit && !sign && c !== 0x2e && !"yYnNtTfFoO~".includes(text[0] as string)) {
    return { tag: "str", value: text };
  }
  const known = RESOLVE_MAP.get(text);
  if (known !== undefined) return known;
  if (c === 0x2e) {
    const f = parseGoFloat(text);
    return f === undefined ? { tag: "str", value: text } : { tag: "float", value: f };
  }
  if (!digit && !sign) return { tag: "str", value: text };
  if (isGoYamlTimestamp(text)) return { tag: "timestamp", value: text };
  const plain = text.includes("_") ? text.replaceAll("_", "") : text;
  const int = parseGoInteger(plain);
  if (int !== undefined) return { tag: "int", value: intValue(int) };
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = Number(plain);
    // ParseFloat reports out-of-range values as an error: the scalar stays a string
    if (Number.isFinite(f)) return { tag: "float", value: f };
  }
  return { tag: "str", value: text };
}

/** Go's `strconv.ParseFloat(s, 64)` for the '.'-hint case (no underscores, no hex, no inf). */
function parseGoFloat(s: string): number | undefined {
  if (!/^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/.test(s)) return undefined;
  const f = Number(s);
  return Number.isFinite(f) ? f : undefined;
}

/**
 * Tells whether a string looks like a base-60 float (`1:20`, `190:20:30.15`), which go-yaml v2
 * quotes when emitting although it decodes it as a string.
 *
 * @param s - the text
 * @returns true for base-60 looking text
 * @example
 * ```ts
 * isGoYamlBase60Float("1:20"); // true
 * ```
 * @category Template
 */
export function isGoYamlBase60Float(s: string): boolean {
  if (s === "") return false;
  const c = s[0] as string;
  if (!(c === "+" || c === "-" || (c >= "0" && c <= "9")) || !s.includes(":")) return false;
  return BASE60_FLOAT.test(s);
}

const TIMESTAMP = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?(?:Z|[-+][0-9]{2}:[0-9]{2}))|(?: ([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?))?$/;

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * go-yaml v2's `parseTimestamp`: `2006-1-2`, `2006-1-2T15:4:5.999999999Z07:00` (also `t`),
 * `2006-1-2 15:4:5.999999999`, parsed with Go's `time.Parse` rules (ranges checked).
 */
function isGoYamlTimestamp(s: string): boolean {
  if (s.length < 8 || s[4] !== "-") return false;
  const m = TIMESTAMP.exec(s);
  if (m === null) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return false;
  const hour = m[4] ?? m[7];
  if (hour === undefined) return true;
  return Number(hour) < 24 && Number(m[5] ?? m[8]) < 60 && Number(m[6] ?? m[9]) < 60;
}
