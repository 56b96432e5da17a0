/**
 * Go's `strconv.FormatFloat(f, 'g', -1, 64)`, the float format go-yaml v2 emits.
 *
 * @module
 */

/**
 * Formats a float like Go's `strconv.FormatFloat(f, 'g', -1, 64)`, with go-yaml's names for
 * the non-finite values (`.inf`, `-.inf`, `.nan`).
 *
 * @param f - the number
 * @returns the text (`1.5`, `1e+21`, `1.234567e+06`, `1e-05`)
 * @example
 * ```ts
 * formatGoFloat(1234567.5); // "1.2345675e+06"
 * ```
 * @category Template
 */
export function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return ".nan";
  if (!Number.isFinite(f)) return f > 0 ? ".inf" : "-.inf";
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  const [mantissa = "", expText = "0"] = Math.abs(f).toExponential().split("e");
  return formatG(f < 0, mantissa.replace(".", ""), Number(expText));
}

/**
 * Formats a float like Go's `strconv.FormatFloat(f, 'g', -1, 32)` (float32 precision), the
 * way sigs.k8s.io/yaml turns float map keys into strings (`1e+06`, `0.12345679`, `.inf`).
 *
 * @param f - the number
 * @returns the text
 * @example
 * ```ts
 * formatGoFloat32(0.123456789); // "0.12345679"
 * ```
 * @category Template
 */
export function formatGoFloat32(f: number): string {
  const g = Math.fround(f);
  if (Number.isNaN(g) || !Number.isFinite(g) || g === 0) return formatGoFloat(g);
  let digits = "";
  let exp = 0;
  for (let p = 1; p <= 9; p++) {
    const [mantissa = "", expText = "0"] = Math.abs(g).toExponential(p - 1).split("e");
    if (Math.fround(Number(`${mantissa}e${expText}`)) === Math.abs(g)) {
      digits = mantissa.replace(".", "");
      exp = Number(expText);
      break;
    }
  }
  return formatG(g < 0, digits, exp);
}

function formatG(neg: boolean, digits: string, exp: number): string {
  const sign = neg ? "-" : "";
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : "";
    const e = Math.abs(exp);
    return `${sign}${digits[0]}${frac}e${exp < 0 ? "-" : "+"}${e < 10 ? "0" : ""}${e}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const fracPart = digits.slice(exp + 1);
  return `${sign}${intPart}${fracPart === "" ? "" : `.${fracPart}`}`;
}
