/**
 * Seeded random numbers for deterministic simulations (pure-rand's xoroshiro128+).
 *
 * @module
 */
import { xoroshiro128plus } from "pure-rand/generator/XoroShiro";

/**
 * A source of uniform random numbers in [0, 1), like `Math.random`.
 *
 * @category Runtime
 */
export type Rng = () => number;

/**
 * A deterministic random number source: the same seed gives the same sequence on every machine.
 * Each number uses 53 random bits (two 32-bit draws of xoroshiro128+).
 *
 * @param seed - any 32-bit integer
 * @returns the generator
 * @example
 * ```ts
 * const rng = seededRandom(42);
 * const a = rng();
 * seededRandom(42)() === a; // true
 * ```
 * @category Runtime
 */
export function seededRandom(seed: number): Rng {
  const gen = xoroshiro128plus(mix(seed | 0));
  // xoroshiro's first outputs for small seeds are poorly mixed: skip them
  for (let i = 0; i < 16; i++) gen.unsafeNext();
  return () => {
    const hi = gen.unsafeNext() >>> 5; // 27 bits
    const lo = gen.unsafeNext() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  };
}

/** A 32-bit integer hash (splitmix32's finaliser), so nearby seeds start far apart. */
function mix(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}
