/**
 * Shared fast-check settings for the property tests: one fixed seed (runs are reproducible in
 * CI; a failure prints the seed and path to replay) and bounded runs (the whole set stays well
 * under 30 s). `PROPERTY_RUNS=n` scales every property for a local soak.
 */
import fc from "fast-check";
import { isStagecraftError } from "../../src/index.js";

/** The seed of every property. */
export const SEED = 20261123;

/** Runs per property (default 500). */
export const RUNS = Number(process.env["PROPERTY_RUNS"] ?? 500);

fc.configureGlobal({ seed: SEED, numRuns: RUNS, endOnFailure: true });

export { deepFreeze } from "../support/deep-freeze.js";

/**
 * Runs `f`; a `StagecraftError` counts as a clean outcome, anything else thrown (TypeError,
 * RangeError, a mutation of frozen input) fails the property with a readable message.
 */
export function typedOnly<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (isStagecraftError(e)) return undefined;
    throw new Error(`threw a non-library error: ${(e as Error)?.constructor?.name}: ${String((e as Error)?.message ?? e)}`);
  }
}

/** Async {@link typedOnly}. */
export async function typedOnlyAsync<T>(f: () => Promise<T>): Promise<T | undefined> {
  try {
    return await f();
  } catch (e) {
    if (isStagecraftError(e)) return undefined;
    throw new Error(`threw a non-library error: ${(e as Error)?.constructor?.name}: ${String((e as Error)?.message ?? e)}`);
  }
}

export { fc };
