/**
 * Kubernetes resource quantities (`resource.Quantity` from k8s.io/apimachinery), exact to the
 * nano-unit, as used by KWOK's CEL `Quantity()` function.
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../../errors.js";

/**
 * How a quantity prefers to be printed, as in Kubernetes.
 *
 * @example
 * ```ts
 * parseQuantity("1Gi").format === QuantityFormat.BinarySI; // true
 * ```
 * @category Expression
 */
export const QuantityFormat = {
  /** Powers of ten with SI suffixes (`500m`, `2k`, `1G`). */
  DecimalSI: "DecimalSI",
  /** Powers of 1024 (`512Ki`, `1Gi`). */
  BinarySI: "BinarySI",
  /** Scientific notation (`1e3`). */
  DecimalExponent: "DecimalExponent",
} as const;

/**
 * One of the values of {@link QuantityFormat}.
 *
 * @example
 * ```ts
 * const f: QuantityFormat = "DecimalSI";
 * ```
 * @category Expression
 */
export type QuantityFormat = (typeof QuantityFormat)[keyof typeof QuantityFormat];

const NANO = 1_000_000_000n;
const MILLI_IN_NANO = 1_000_000n;
/** Kubernetes caps binary-SI quantities at the largest int64. */
const MAX_BINARY = 9_223_372_036_854_775_807n * NANO;
/** Decimal exponents beyond this are rejected (Kubernetes accepts them; they would need huge bigints). */
const MAX_EXPONENT = 1000;
const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const SUFFIX_CHARS = "eEinumkKMGTP";
const ERR_FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const ERR_SUFFIX = "unable to parse quantity's suffix";

/**
 * An immutable Kubernetes quantity. The value is held exactly as a count of nano-units
 * (Kubernetes rounds anything finer up to `1n`).
 *
 * @example
 * ```ts
 * const q = parseQuantity("1.5Gi");
 * q.nanos; // 1610612736000000000n
 * q.toString(); // "1536Mi"
 * ```
 * @category Expression
 */
export class Quantity {
  /** The value in nano-units (value × 10⁹). */
  readonly nanos: bigint;
  /** The preferred print format. */
  readonly format: QuantityFormat;

  /**
   * @param nanos - the value in nano-units
   * @param format - the preferred print format
   */
  constructor(nanos: bigint, format: QuantityFormat = QuantityFormat.DecimalSI) {
    this.nanos = nanos;
    this.format = format;
    Object.freeze(this);
  }

  /** The value in milli-units, rounded away from zero like Kubernetes `MilliValue()`. */
  get milli(): bigint {
    return ceilDiv(this.nanos, MILLI_IN_NANO);
  }

  /** The value as a JS number (approximate for large or very fine values). */
  toNumber(): number {
    return Number(this.nanos) / 1e9;
  }

  /** Canonical text in the quantity's format, e.g. `1Gi`, `1500m`, `2k`, `1e3`. */
  toString(): string {
    return formatQuantity(this);
  }
}

/**
 * Parses Kubernetes quantity syntax exactly like `resource.ParseQuantity`: an optional sign,
 * digits with an optional fraction, then a decimal SI suffix (`n u m k M G T P E`), a binary
 * suffix (`Ki Mi Gi Ti Pi Ei`) or a decimal exponent (`e3`, `E-2`). Values finer than `1n` are
 * rounded up (away from zero); binary-SI values are capped at 2⁶³−1 as in Kubernetes.
 * Deviation: exponents whose magnitude exceeds 1000 are rejected.
 *
 * @param text - the quantity text, e.g. `"500m"`, `"1Gi"`, `"1e3"`
 * @returns the parsed quantity
 * @throws StagecraftError with code `E_INVALID_VALUE` and the Kubernetes message
 * @example
 * ```ts
 * parseQuantity("250m").milli; // 250n
 * ```
 * @category Expression
 */
export function parseQuantity(text: string): Quantity {
  if (text.length === 0) throw invalid(text, ERR_FORMAT);
  const parts = splitQuantity(text);
  const unit = interpretSuffix(parts.suffix);
  if (unit === undefined) throw invalid(text, ERR_SUFFIX);
  const digits = BigInt(parts.num + parts.denom);
  let nanos: bigint;
  if (unit.base === 10) {
    const exponent = unit.exponent - parts.denom.length;
    if (digits !== 0n && exponent > MAX_EXPONENT) throw invalid(text, "quantity exponent too large");
    nanos = scaleUp(digits, exponent + 9);
  } else {
    nanos = ceilDiv(digits * (1n << BigInt(unit.exponent)) * NANO, 10n ** BigInt(parts.denom.length));
  }
  let format = unit.format;
  if (format === QuantityFormat.BinarySI) {
    if (nanos > MAX_BINARY) nanos = MAX_BINARY;
    if (nanos > 0n && nanos < NANO) format = QuantityFormat.DecimalSI;
  }
  return new Quantity(parts.positive ? nanos : -nanos, format);
}

interface QuantityParts {
  readonly positive: boolean;
  readonly num: string;
  readonly denom: string;
  readonly suffix: string;
}

/** Port of apimachinery's `parseQuantityString`, including its leniency (`"."`, `"-"` are zero). */
function splitQuantity(str: string): QuantityParts {
  let pos = 0;
  let positive = true;
  if (str[0] === "-" || str[0] === "+") {
    positive = str[0] === "+";
    pos++;
  }
  while (pos < str.length && str[pos] === "0") pos++;
  if (pos >= str.length) return { positive, num: "0", denom: "", suffix: "" };
  let start = pos;
  while (pos < str.length && isDigit(str[pos])) pos++;
  const num = str.slice(start, pos) || "0";
  let denom = "";
  if (str[pos] === ".") {
    start = ++pos;
    while (pos < str.length && isDigit(str[pos])) pos++;
    denom = str.slice(start, pos);
  }
  const suffixStart = pos;
  while (pos < str.length && SUFFIX_CHARS.includes(str[pos] ?? "")) pos++;
  if (str[pos] === "-" || str[pos] === "+") pos++;
  while (pos < str.length && isDigit(str[pos])) pos++;
  if (pos < str.length) throw invalid(str, ERR_FORMAT);
  return { positive, num, denom, suffix: str.slice(suffixStart) };
}

function interpretSuffix(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | undefined {
  const dec = DECIMAL_SUFFIXES[suffix];
  if (dec !== undefined) return { base: 10, exponent: dec, format: QuantityFormat.DecimalSI };
  const bin = BINARY_SUFFIXES[suffix];
  if (bin !== undefined) return { base: 2, exponent: bin, format: QuantityFormat.BinarySI };
  if (suffix.length > 1 && (suffix[0] === "e" || suffix[0] === "E") && /^[+-]?\d+$/.test(suffix.slice(1))) {
    const exponent = Number(suffix.slice(1));
    if (Math.abs(exponent) > 2 ** 31 - 1) return undefined;
    return { base: 10, exponent, format: QuantityFormat.DecimalExponent };
  }
  return undefined;
}

/** `digits × 10^power`, rounded up when power is negative. */
function scaleUp(digits: bigint, power: number): bigint {
  if (power >= 0) return digits * 10n ** BigInt(power);
  if (digits === 0n) return 0n;
  if (-power > digits.toString().length + 1) return 1n;
  return ceilDiv(digits, 10n ** BigInt(-power));
}

/** Division rounding away from zero (inf.RoundUp). */
function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b === 0n ? q : a < 0n ? q - 1n : q + 1n;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

function invalid(text: string, message: string): StagecraftError {
  return new StagecraftError(ErrorCode.InvalidValue, `cannot parse quantity ${JSON.stringify(text)}: ${message}`, {
    expected: "a Kubernetes quantity such as 500m, 1Gi or 1e3",
    received: JSON.stringify(text),
  });
}

const DECIMAL_PRINT: readonly (readonly [number, string])[] = [
  [18, "E"], [15, "P"], [12, "T"], [9, "G"], [6, "M"], [3, "k"], [0, ""], [-3, "m"], [-6, "u"], [-9, "n"],
];
const BINARY_PRINT: readonly (readonly [bigint, string])[] = [
  [1n << 60n, "Ei"], [1n << 50n, "Pi"], [1n << 40n, "Ti"], [1n << 30n, "Gi"], [1n << 20n, "Mi"], [1n << 10n, "Ki"],
];

function formatQuantity(q: Quantity): string {
  const n = q.nanos;
  if (n === 0n) return "0";
  const abs = n < 0n ? -n : n;
  const sign = n < 0n ? "-" : "";
  if (q.format === QuantityFormat.BinarySI && abs % NANO === 0n && abs >= 1024n * NANO) {
    const units = abs / NANO;
    for (const [size, suffix] of BINARY_PRINT) {
      if (units % size === 0n) return `${sign}${units / size}${suffix}`;
    }
  }
  for (const [exp, suffix] of DECIMAL_PRINT) {
    const unit = 10n ** BigInt(exp + 9);
    if (abs % unit === 0n) {
      const mantissa = abs / unit;
      if (q.format === QuantityFormat.DecimalExponent) return exp === 0 ? `${sign}${mantissa}` : `${sign}${mantissa}e${exp}`;
      return `${sign}${mantissa}${suffix}`;
    }
  }
  return `${sign}${abs}n`;
}
