/**
 * KWOK's weighted choice among matching stages (`Lifecycle.Match` and `ListAllPossible`,
 * spec §3.5–3.6), over weights already evaluated.
 *
 * @module
 */

/** A weight as the weight getter reports it: a number, or `undefined` for "unknown" (KWOK's ok=false). */
export type CandidateWeight = number | undefined;

/**
 * KWOK's `Match` pick: one candidate → it (weight not consulted); otherwise weighted random
 * choice, with uniform fallbacks when every weight is unknown or the total is zero.
 *
 * @param weights - one entry per candidate (at least one), in lifecycle order
 * @param rng - uniform random number in [0, 1)
 * @returns the index of the chosen candidate
 * @throws RangeError when the known weights sum to a negative total (Go's `rand.Int63n` panics)
 */
export function chooseIndex(weights: readonly CandidateWeight[], rng: () => number): number {
  const n = weights.length;
  if (n <= 1) return 0;
  let total = 0;
  let errors = 0;
  for (const w of weights) {
    if (w === undefined) errors++;
    else total += w;
  }
  if (errors === n) return uniform(n, rng);
  if (total === 0) {
    if (errors === 0) return uniform(n, rng);
    const ok = weights.flatMap((w, i) => (w === undefined ? [] : [i]));
    return ok[uniform(ok.length, rng)] as number;
  }
  if (total < 0) throw new RangeError(`the weights of the matching stages sum to ${total}; KWOK's rand.Int63n would panic`);
  let r = uniform(total, rng);
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (w === undefined || w <= 0) continue;
    r -= w;
    if (r < 0) return i;
  }
  return n - 1;
}

/**
 * KWOK's `ListAllPossible`: which candidates `Match` could return.
 *
 * @param weights - one entry per candidate, in lifecycle order
 * @returns the indexes, in order
 */
export function possibleIndexes(weights: readonly CandidateWeight[]): number[] {
  const n = weights.length;
  const all = weights.map((_, i) => i);
  if (n <= 1) return all;
  let total = 0;
  let errors = 0;
  for (const w of weights) {
    if (w === undefined) errors++;
    else total += w;
  }
  if (errors === n) return all;
  if (total === 0) return errors === 0 ? all : all.filter((i) => weights[i] !== undefined);
  return all.filter((i) => (weights[i] ?? 0) > 0);
}

function uniform(n: number, rng: () => number): number {
  const r = Math.floor(rng() * n);
  return r >= n ? n - 1 : r < 0 ? 0 : r;
}
