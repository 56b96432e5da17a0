/**
 * Sprig's `semver` and `semverCompare`, after `github.com/Masterminds/semver/v3`: versions
 * (`v1.2`, `1.2.3-beta.1+build`), their order, and constraints (`>= 1.2, < 2 || ^3.x`, `~1.2`,
 * `1.2 - 1.4`, wildcards), using the library's own regular expressions.
 *
 * @module
 */
import { type FunctionMap, goFunction } from "./function-map.js";
import { goJsonString } from "./go-json.js";
import { findAll } from "./sprig-regex.js";
import { compileGoRegexp } from "./sprig-regex-syntax.js";
import { GoObject } from "./values.js";

const SEMVER = String.raw`v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
const CV = String.raw`v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
const OPS = String.raw`=||!=|>|<|>=|=>|<=|=<|~|~>|\^`;
const VERSION_RE = `^${SEMVER}$`;
const CONSTRAINT_RE = String.raw`^\s*(${OPS})\s*(${CV})\s*$`;
const RANGE_RE = String.raw`\s*(${CV})\s+-\s+(${CV})\s*`;
const FIND_RE = String.raw`(${OPS})\s*(${CV})`;
const VALID_RE = String.raw`^(\s*(${OPS})\s*(${CV})\s*)((?:\s+|,\s*)(${OPS})\s*(${CV})\s*)*$`;
const MAX_UINT64 = (1n << 64n) - 1n;

function submatches(source: string, s: string, n = -1): (string | undefined)[][] {
  return findAll(compileGoRegexp(source), s, n).map((m) => {
    const out: (string | undefined)[] = [];
    for (let i = 0; i < m.length; i += 2) out.push((m[i] as number) < 0 ? "" : s.slice(m[i], m[i + 1]));
    return out;
  });
}

const only = (s: string, re: RegExp): boolean => re.test(s);

function parseUint(s: string): bigint {
  const n = BigInt(s);
  if (n > MAX_UINT64) throw new Error(`Error parsing version segment: strconv.ParseUint: parsing ${goJsonString(s)}: value out of range`);
  return n;
}

function validate(list: string, what: "pre" | "meta"): void {
  for (const p of list.split(".")) {
    if (what === "pre" && only(p, /^[0-9]*$/)) {
      if (p.length > 1 && p.startsWith("0")) throw new Error("Version segment starts with 0");
    } else if (!only(p, /^[0-9A-Za-z-]*$/)) throw new Error(what === "pre" ? "Invalid Prerelease string" : "Invalid Metadata string");
  }
}

/**
 * A parsed `*semver.Version`: prints as `1.2.3-pre+meta`, exposes `Major Minor Patch
 * Prerelease Metadata Original` to templates.
 * @example
 * ```ts
 * SemverVersion.parse("v1.2").goString(); // "1.2.0"
 * ```
 * @category Template
 */
export class SemverVersion extends GoObject {
  /** `*semver.Version`. */
  readonly goType = "*semver.Version";
  /** A pointer. */
  readonly goKind = "ptr";

  private constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly pre: string,
    readonly metadata: string,
    readonly original: string,
  ) {
    super();
  }

  /**
   * `semver.NewVersion`.
   * @param v - the version text
   * @returns the version
   * @throws Error `Invalid Semantic Version` and the library's other messages
   * @example
   * ```ts
   * SemverVersion.parse("1.2.3-beta").pre; // "beta"
   * ```
   */
  static parse(v: string): SemverVersion {
    const m = submatches(VERSION_RE, v, 1)[0];
    if (m === undefined) throw new Error("Invalid Semantic Version");
    const seg = (x: string | undefined): bigint => (x === undefined || x === "" ? 0n : parseUint(x.replace(/^\./, "")));
    const sv = new SemverVersion(seg(m[1]), seg(m[2]), seg(m[3]), m[5] ?? "", m[8] ?? "", v);
    if (sv.pre !== "") validate(sv.pre, "pre");
    if (sv.metadata !== "") validate(sv.metadata, "meta");
    return sv;
  }

  /**
   * `String()`.
   * @returns `major.minor.patch[-pre][+metadata]`
   */
  goString(): string {
    return `${this.major}.${this.minor}.${this.patch}${this.pre === "" ? "" : `-${this.pre}`}${this.metadata === "" ? "" : `+${this.metadata}`}`;
  }

  /**
   * `MarshalJSON()`.
   * @returns the JSON string of the version
   */
  goJson(): string {
    return goJsonString(this.goString());
  }

  /**
   * The niladic methods a template can call.
   * @param name - the method name
   * @returns the result, or undefined
   */
  goMethod(name: string): unknown {
    switch (name) {
      case "Major": return this.major;
      case "Minor": return this.minor;
      case "Patch": return this.patch;
      case "Prerelease": return this.pre;
      case "Metadata": return this.metadata;
      case "Original": return this.original;
      case "String": return this.goString();
      default: return undefined;
    }
  }

  /**
   * `Compare`: -1, 0 or 1 (metadata ignored).
   * @param o - the other version
   * @returns the order
   */
  compare(o: SemverVersion): number {
    for (const [a, b] of [[this.major, o.major], [this.minor, o.minor], [this.patch, o.patch]] as const) {
      if (a !== b) return a < b ? -1 : 1;
    }
    if (this.pre === "" && o.pre === "") return 0;
    if (this.pre === "") return 1;
    if (o.pre === "") return -1;
    return comparePrerelease(this.pre, o.pre);
  }
}

function comparePrerelease(v: string, o: string): number {
  const s = v.split(".");
  const t = o.split(".");
  for (let i = 0; i < Math.max(s.length, t.length); i++) {
    const d = comparePrePart(s[i] ?? "", t[i] ?? "");
    if (d !== 0) return d;
  }
  return 0;
}

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === "") return -1;
  if (o === "") return 1;
  const sn = /^[0-9]+$/.test(s) && BigInt(s) <= MAX_UINT64;
  const on = /^[0-9]+$/.test(o) && BigInt(o) <= MAX_UINT64;
  if (!sn && !on) return s > o ? 1 : -1;
  if (!on) return -1;
  if (!sn) return 1;
  return BigInt(s) > BigInt(o) ? 1 : -1;
}

interface Constraint {
  readonly con: SemverVersion;
  readonly op: string;
  readonly dirty: boolean;
  readonly minorDirty: boolean;
  readonly patchDirty: boolean;
}

const isX = (x: string): boolean => x === "x" || x === "*" || x === "X";

function parseConstraint(c: string): Constraint {
  if (c.length === 0) return { con: SemverVersion.parse("0.0.0"), op: "", dirty: true, minorDirty: false, patchDirty: false };
  const m = submatches(CONSTRAINT_RE, c, 1)[0];
  if (m === undefined) throw new Error(`improper constraint: ${c}`);
  const [, op = "", orig = "", m3 = "", m4 = "", m5 = "", m6 = ""] = m;
  let ver = orig;
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isX(m3) || m3 === "") {
    ver = `0.0.0${m6}`;
    dirty = true;
  } else if (isX(m4.replace(/^\./, "")) || m4 === "") {
    minorDirty = dirty = true;
    ver = `${m3}.0.0${m6}`;
  } else if (isX(m5.replace(/^\./, "")) || m5 === "") {
    patchDirty = dirty = true;
    ver = `${m3}${m4}.0${m6}`;
  }
  let con: SemverVersion;
  try {
    con = SemverVersion.parse(ver);
  } catch {
    throw new Error("constraint Parser Error");
  }
  return { con, op, dirty, minorDirty, patchDirty };
}

function tilde(v: SemverVersion, c: Constraint): boolean {
  if (v.compare(c.con) < 0) return false;
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== c.con.major) return false;
  return !(v.minor !== c.con.minor && !c.minorDirty);
}

function check(v: SemverVersion, c: Constraint): boolean {
  const preBlocked = v.pre !== "" && c.con.pre === "";
  switch (c.op) {
    case "":
    case "=":
      if (preBlocked) return false;
      return c.dirty ? tilde(v, c) : v.compare(c.con) === 0;
    case "!=":
      if (c.dirty) {
        if (preBlocked) return false;
        if (c.con.major !== v.major) return true;
        if (c.con.minor !== v.minor && !c.minorDirty) return true;
        if (c.minorDirty) return false;
        if (c.con.patch !== v.patch && !c.patchDirty) return true;
        if (c.patchDirty) return (v.pre !== "" || c.con.pre !== "") && comparePrerelease(v.pre, c.con.pre) !== 0;
      }
      return v.compare(c.con) !== 0;
    case ">":
      if (preBlocked) return false;
      if (!c.dirty) return v.compare(c.con) === 1;
      if (v.major !== c.con.major) return v.major > c.con.major;
      if (c.minorDirty) return false;
      if (c.patchDirty) return v.minor > c.con.minor;
      return v.compare(c.con) === 1;
    case "<": return !preBlocked && v.compare(c.con) < 0;
    case ">=":
    case "=>": return !preBlocked && v.compare(c.con) >= 0;
    case "<=":
    case "=<":
      if (preBlocked) return false;
      if (!c.dirty) return v.compare(c.con) <= 0;
      if (v.major > c.con.major) return false;
      return !(v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty);
    case "~":
    case "~>": return !preBlocked && tilde(v, c);
    case "^":
      if (preBlocked || v.compare(c.con) < 0) return false;
      if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major;
      if (v.major > 0n) return false;
      if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor;
      if (v.minor > 0n) return false;
      return c.con.patch === v.patch;
    default: return false;
  }
}

function rewriteRange(i: string): string {
  let o = i;
  for (const m of submatches(RANGE_RE, i)) o = o.replace(m[0] as string, `>= ${m[1]}, <= ${m[11]}`);
  return o;
}

/**
 * `semver.NewConstraint(constraint).Check(NewVersion(version))`, as sprig's `semverCompare`.
 * @param constraint - the constraint text
 * @param version - the version text
 * @returns whether the version satisfies the constraint
 * @throws Error the library's parse errors
 * @example
 * ```ts
 * semverCompare(">=1.2.0 <2", "1.5.0"); // true
 * ```
 * @category Template
 */
export function semverCompare(constraint: string, version: string): boolean {
  const ors = rewriteRange(constraint).split("||").map((part) => {
    if (submatches(VALID_RE, part, 1).length === 0) throw new Error(`improper constraint: ${part}`);
    const found = submatches(FIND_RE, part).map((m) => m[0] as string);
    return (found.length === 0 ? [part] : found).map(parseConstraint);
  });
  const v = SemverVersion.parse(version);
  return ors.some((and) => and.every((c) => check(v, c)));
}

/**
 * `semver` and `semverCompare`.
 * @example
 * ```ts
 * Object.hasOwn(SPRIG_SEMVER_FUNCTIONS, "semverCompare"); // true
 * ```
 * @category Template
 */
export const SPRIG_SEMVER_FUNCTIONS: FunctionMap = {
  semver: goFunction(["string"], (v: string) => SemverVersion.parse(v)),
  semverCompare: goFunction(["string", "string"], semverCompare),
};
