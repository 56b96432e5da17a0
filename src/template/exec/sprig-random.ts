/**
 * Sprig's random functions (`randAlphaNum randAlpha randAscii randNumeric randInt shuffle
 * uuidv4 randBytes`) drawing from an injected random source instead of the operating
 * system's entropy; without one they fail.
 *
 * @module
 */
import { type FunctionMap, goFunction } from "./function-map.js";
import { checkValueLength } from "./state.js";

/**
 * A random source: uniform numbers in [0, 1), as `Math.random` or a seeded generator.
 * @example
 * ```ts
 * const random: SprigRandom = Math.random;
 * ```
 * @category Template
 */
export type SprigRandom = () => number;

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join("");

/**
 * The random functions, drawing from the given source.
 * @param random - the random source, if any
 * @returns the function map
 * @example
 * ```ts
 * const fns = sprigRandomFunctions(Math.random);
 * ```
 * @category Template
 */
export function sprigRandomFunctions(random: SprigRandom | undefined): FunctionMap {
  const intn = (fn: string, n: number): number => {
    if (random === undefined) throw new Error(`sprig's ${fn} needs randomness, and no random source was given: pass sprigFunctions({ random: () => ... })`);
    return Math.min(n - 1, Math.floor(random() * n));
  };
  const pick = (fn: string, chars: string) => (count: bigint): string => {
    if (count <= 0n) return "";
    checkValueLength(fn, count);
    let out = "";
    for (let i = 0n; i < count; i++) out += chars[intn(fn, chars.length)];
    return out;
  };
  const bytes = (fn: string, n: number): Uint8Array => Uint8Array.from({ length: n }, () => intn(fn, 256));
  return {
    randAlphaNum: goFunction(["int"], pick("randAlphaNum", LETTERS + DIGITS)),
    randAlpha: goFunction(["int"], pick("randAlpha", LETTERS)),
    randNumeric: goFunction(["int"], pick("randNumeric", DIGITS)),
    randAscii: goFunction(["int"], pick("randAscii", ASCII)),
    randInt: goFunction(["int", "int"], (min: bigint, max: bigint) => {
      if (max - min <= 0n) throw new Error("invalid argument to Intn");
      return min + BigInt(intn("randInt", Number(max - min)));
    }),
    shuffle: goFunction(["string"], (s: string) => {
      const rs = Array.from(s);
      for (let i = rs.length - 1; i > 0; i--) {
        const j = intn("shuffle", i + 1);
        [rs[i], rs[j]] = [rs[j] as string, rs[i] as string];
      }
      return rs.join("");
    }),
    uuidv4: goFunction([], () => {
      const b = bytes("uuidv4", 16);
      b[6] = ((b[6] as number) & 0x0f) | 0x40;
      b[8] = ((b[8] as number) & 0x3f) | 0x80;
      const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    }),
    randBytes: goFunction(["int"], (count: bigint) => {
      if (count < 0n) throw new Error(`runtime error: makeslice: len out of range`);
      checkValueLength("randBytes", (count * 4n) / 3n);
      const b = bytes("randBytes", Number(count));
      return btoa(String.fromCharCode(...b));
    }),
  };
}
