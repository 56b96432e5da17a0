/**
 * Go's `time.Duration`: `ParseDuration`, `String` and `Round`, on nanoseconds as `bigint`.
 *
 * @module
 */

const UNITS: Readonly<Record<string, bigint>> = {
  ns: 1n, us: 1000n, "\u00b5s": 1000n, "\u03bcs": 1000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n,
};
const MAX = (1n << 63n) - 1n;
const MIN = -(1n << 63n);

/**
 * Go's `time` package quoting of values in error messages (non-ASCII as `\x` bytes).
 * @param s - the text
 * @returns the quoted text
 * @example
 * ```ts
 * timeQuote("1x"); // "\"1x\""
 * ```
 * @category Template
 */
export function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c >= 0x80 || c < 0x20) out += Array.from(new TextEncoder().encode(ch), (b) => `\\x${b.toString(16).padStart(2, "0")}`).join("");
    else out += ch === '"' || ch === "\\" ? `\\${ch}` : ch;
  }
  return `${out}"`;
}

/**
 * Go's `time.ParseDuration`.
 * @param orig - the duration text (`1h30m`, `-1.5s`, `300ms`)
 * @returns the duration in nanoseconds
 * @throws Error `time: invalid duration "x"` and Go's other messages
 * @example
 * ```ts
 * parseDuration("1m30s"); // 90000000000n
 * ```
 * @category Template
 */
export function parseDuration(orig: string): bigint {
  let s = orig;
  let neg = false;
  const invalid = (): never => {
    throw new Error(`time: invalid duration ${timeQuote(orig)}`);
  };
  if (s !== "" && (s[0] === "-" || s[0] === "+")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return 0n;
  if (s === "") invalid();
  let d = 0n;
  while (s !== "") {
    if (!/^[0-9.]/.test(s)) invalid();
    const intPart = /^[0-9]*/.exec(s)?.[0] ?? "";
    s = s.slice(intPart.length);
    let v = intPart === "" ? 0n : BigInt(intPart);
    if (v > 1n << 63n) invalid();
    let frac = "";
    let post = false;
    if (s.startsWith(".")) {
      s = s.slice(1);
      frac = /^[0-9]*/.exec(s)?.[0] ?? "";
      s = s.slice(frac.length);
      post = frac.length > 0;
    }
    if (intPart === "" && !post) invalid();
    const unitText = /^[^0-9.]*/.exec(s)?.[0] ?? "";
    if (unitText === "") throw new Error(`time: missing unit in duration ${timeQuote(orig)}`);
    s = s.slice(unitText.length);
    const unit = UNITS[unitText];
    if (unit === undefined) throw new Error(`time: unknown unit ${timeQuote(unitText)} in duration ${timeQuote(orig)}`);
    if (v > (1n << 63n) / unit) invalid();
    v *= unit;
    const f = frac.replace(/0+$/, "");
    if (f !== "") {
      // Go keeps at most the digits that fit an int64 and scales in float64.
      let digits = "";
      let scale = 1;
      for (const c of frac) {
        if (BigInt(digits + c) > (1n << 63n) / 10n) break;
        digits += c;
        scale *= 10;
      }
      v += BigInt(Math.trunc(Number(digits) * (Number(unit) / scale)));
      if (v > 1n << 63n) invalid();
    }
    d += v;
    if (d > 1n << 63n) invalid();
  }
  if (neg) return -d;
  if (d > MAX) invalid();
  return d;
}

function frac(u: bigint, prec: number): [string, bigint] {
  const p = 10n ** BigInt(prec);
  const digits = (u % p).toString().padStart(prec, "0").replace(/0+$/, "");
  return [digits === "" ? "" : `.${digits}`, u / p];
}

/**
 * Go's `Duration.String`: `1h2m3.5s`, `1.5ms`, `0s`.
 * @param d - nanoseconds
 * @returns the text
 * @example
 * ```ts
 * formatDuration(5_400_000_000_000n); // "1h30m0s"
 * ```
 * @category Template
 */
export function formatDuration(d: bigint): string {
  const neg = d < 0n;
  const u = neg ? -d : d;
  let out: string;
  if (u < 1_000_000_000n) {
    if (u === 0n) return "0s";
    const [unit, prec] = u < 1000n ? ["ns", 0] : u < 1_000_000n ? ["\u00b5s", 3] : ["ms", 6];
    const [f, whole] = frac(u, prec as number);
    out = `${whole}${f}${unit as string}`;
  } else {
    const [f, secs] = frac(u, 9);
    out = `${secs % 60n}${f}s`;
    const mins = secs / 60n;
    if (mins > 0n) {
      out = `${mins % 60n}m${out}`;
      const hours = mins / 60n;
      if (hours > 0n) out = `${hours}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}

/**
 * Go's `Duration.Round(m)`: half away from zero, saturating.
 * @param d - nanoseconds
 * @param m - the multiple
 * @returns the rounded duration
 * @example
 * ```ts
 * roundDuration(1_500_000_000n, 1_000_000_000n); // 2000000000n
 * ```
 * @category Template
 */
export function roundDuration(d: bigint, m: bigint): bigint {
  if (m <= 0n) return d;
  let r = d % m;
  if (d < 0n) {
    r = -r;
    if (r + r < m) return d + r;
    const d1 = d - m + r;
    return d1 < MIN ? MIN : d1;
  }
  if (r + r < m) return d - r;
  const d1 = d + m - r;
  return d1 > MAX ? MAX : d1;
}
