/**
 * Sprig's digests and base32 (`sha1sum sha256sum sha512sum adler32sum b32enc b32dec`), pure
 * JavaScript (`@noble/hashes`), no `node:crypto`.
 *
 * @module
 */
import { sha1 } from "@noble/hashes/legacy";
import { sha256, sha512 } from "@noble/hashes/sha2";

const enc = new TextEncoder();
const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");

/**
 * A hex digest of the UTF-8 bytes of a string.
 * @param algorithm - `sha1`, `sha256` or `sha512`
 * @param s - the text
 * @returns the lower-case hex digest
 * @example
 * ```ts
 * hexDigest("sha256", ""); // "e3b0c442..."
 * ```
 * @category Template
 */
export function hexDigest(algorithm: "sha1" | "sha256" | "sha512", s: string): string {
  const f = algorithm === "sha1" ? sha1 : algorithm === "sha256" ? sha256 : sha512;
  return hex(f(enc.encode(s)));
}

/**
 * Go's `adler32.Checksum` of the UTF-8 bytes, in decimal (sprig's `adler32sum`).
 * @param s - the text
 * @returns the checksum as decimal text
 * @example
 * ```ts
 * adler32("Wikipedia"); // "300286872"
 * ```
 * @category Template
 */
export function adler32(s: string): string {
  let a = 1;
  let b = 0;
  for (const x of enc.encode(s)) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return String(b * 65536 + a);
}

const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/**
 * Go's `base32.StdEncoding.EncodeToString` of the UTF-8 bytes.
 * @param s - the text
 * @returns padded base32
 * @example
 * ```ts
 * base32Encode("hi"); // "NBUQ===="
 * ```
 * @category Template
 */
export function base32Encode(s: string): string {
  const b = enc.encode(s);
  let out = "";
  for (let i = 0; i < b.length; i += 5) {
    const chunk = b.slice(i, i + 5);
    let bits = 0n;
    for (let j = 0; j < 5; j++) bits = (bits << 8n) | BigInt(chunk[j] ?? 0);
    const chars = Math.ceil((chunk.length * 8) / 5);
    for (let j = 0; j < 8; j++) out += j < chars ? B32[Number((bits >> BigInt(35 - 5 * j)) & 31n)] : "=";
  }
  return out;
}

/**
 * Go's `base32.StdEncoding.DecodeString`, decoded as text; on bad input sprig returns the
 * error text (`illegal base32 data at input byte N`).
 * @param s - padded base32
 * @returns the decoded text or the error text
 * @example
 * ```ts
 * base32Decode("NBUQ===="); // "hi"
 * ```
 * @category Template
 */
export function base32Decode(s: string): string {
  const out: number[] = [];
  const clean = s.replace(/[\r\n]/g, "");
  const bad = (i: number): string => `illegal base32 data at input byte ${i}`;
  for (let i = 0; i < clean.length; i += 8) {
    const block = clean.slice(i, i + 8);
    if (block.length < 8) {
      for (let j = 0; j < block.length; j++) {
        if (block[j] === "=") return bad(clean.length);
        if (!B32.includes(block[j] as string)) return bad(i + j);
      }
      return bad(clean.length - 1);
    }
    let pad = block.indexOf("=");
    if (pad === -1) pad = 8;
    else {
      if (![2, 4, 5, 7].includes(pad) || !/^=+$/.test(block.slice(pad))) return bad(i + pad);
      if (i + 8 < clean.length) return bad(i + 8);
    }
    let bits = 0n;
    for (let j = 0; j < 8; j++) {
      const v = j < pad ? B32.indexOf(block[j] as string) : 0;
      if (v < 0) return bad(i + j);
      bits = (bits << 5n) | BigInt(v);
    }
    const n = pad === 8 ? 5 : { 2: 1, 4: 2, 5: 3, 7: 4 }[pad] ?? 0;
    for (let j = 0; j < n; j++) out.push(Number((bits >> BigInt(32 - 8 * j)) & 255n));
  }
  return new TextDecoder().decode(Uint8Array.from(out));
}
