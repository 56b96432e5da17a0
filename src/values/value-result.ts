/**
 * The three outcomes of reading a stage value (weight, delay) from an object.
 *
 * @module
 */
import type { StagecraftError } from "../errors.js";

/**
 * A value, "unknown" (KWOK's `ok=false`: no value could be determined), or an error.
 *
 * @category Values
 */
export type ValueResult<T> =
  | {
      /** A value was determined. */
      readonly status: "value";
      /** The value. */
      readonly value: T;
    }
  | {
      /** No value could be determined. */
      readonly status: "unknown";
    }
  | {
      /** Reading the value failed. */
      readonly status: "error";
      /** Why reading the value failed. */
      readonly error: StagecraftError;
    };

/** @internal */
export const UNKNOWN: ValueResult<never> = Object.freeze({ status: "unknown" });

/** @internal */
export function valueOf<T>(value: T): ValueResult<T> {
  return { status: "value", value };
}
