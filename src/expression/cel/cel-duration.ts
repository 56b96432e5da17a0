/**
 * The value a CEL `duration` evaluates to.
 *
 * @module
 */

/**
 * A CEL `google.protobuf.Duration` result, exact to the nanosecond. KWOK's `durationFrom.cel`
 * reads such a value as its length; `weightFrom.cel` as its nanoseconds.
 *
 * @example
 * ```ts
 * const r = compileCel('duration("1.5s")').evaluate({});
 * if (r.ok && r.values[0] instanceof CelDuration) r.values[0].nanoseconds; // 1500000000n
 * ```
 * @category Expression
 */
export class CelDuration {
  /** The signed length in nanoseconds. */
  readonly nanoseconds: bigint;

  /**
   * @param nanoseconds - the signed length in nanoseconds
   */
  constructor(nanoseconds: bigint) {
    this.nanoseconds = nanoseconds;
    Object.freeze(this);
  }

  /** CEL's text form: seconds with a fraction and an `s` suffix, e.g. `1.5s`. */
  toString(): string {
    const sign = this.nanoseconds < 0n ? "-" : "";
    const abs = this.nanoseconds < 0n ? -this.nanoseconds : this.nanoseconds;
    const seconds = abs / 1_000_000_000n;
    const fraction = (abs % 1_000_000_000n).toString().padStart(9, "0").replace(/0+$/, "");
    return `${sign}${seconds}${fraction === "" ? "" : `.${fraction}`}s`;
  }
}
