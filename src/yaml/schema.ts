/**
 * A js-yaml schema that resolves scalars exactly as go-yaml v2 does (`resolve.go`,
 * `decode.go`): the YAML 1.1 booleans and nulls, Go `ParseInt` integers, YAML-style floats,
 * timestamps kept as text, plain `<<` as a merge key, and explicit `!!` tags checked the same
 * way. Unknown tags (`!foo`) keep the node as it is, like go-yaml.
 *
 * @module
 */
import yaml from "js-yaml";
import { formatGoFloat32 } from "./go-float.js";
import { type GoYamlScalar, resolveGoYamlScalar } from "./resolve.js";

const LONG = "tag:yaml.org,2002:";

/**
 * Mutable flags shared between {@link goYamlSchema}'s types and the loader.
 *
 * @example
 * ```ts
 * const state: SchemaState = { nonFinite: false, wrapped: false, wrapNull: true };
 * ```
 * @category Template
 */
export interface SchemaState {
  /** Set when a non-finite float (`.inf`, `.nan`) was constructed: the caller then checks its result. */
  nonFinite: boolean;
  /** Set when a {@link KeyedScalar} was constructed: the caller then unwraps the result. */
  wrapped: boolean;
  /** Whether nulls must be wrapped (only when the text may hold a null key; nulls are common values). */
  wrapNull: boolean;
}

const INT64_MAX = 2n ** 63n - 1n;

/**
 * The prefix of the placeholder keys that stand for `<<` merge keys until the loader applies them.
 *
 * @example
 * ```ts
 * key.startsWith(MERGE_MARKER);
 * ```
 * @category Template
 */
export const MERGE_MARKER = "\u0000go-yaml-merge:";

/**
 * A scalar whose text as a map key differs from JS's `String(value)` (null, floats, uint64):
 * js-yaml stringifies keys with `String()`, so this wrapper gives sigs.k8s.io/yaml's key text
 * (or its error). Values are unwrapped after loading.
 *
 * @example
 * ```ts
 * String(new KeyedScalar(1e6, "1e+06")); // "1e+06"
 * ```
 * @category Template
 */
export class KeyedScalar {
  /**
   * @param value - the scalar's value
   * @param key - its text as a map key, or the message of the error a key of this type raises
   * @param fails - true when such a key is an error
   */
  constructor(
    readonly value: unknown,
    private readonly key: string,
    private readonly fails = false,
  ) {}

  get [Symbol.toStringTag](): string {
    return "KeyedScalar";
  }

  /**
   * @returns the key text
   * @throws Error when a key of this type is unsupported by sigs.k8s.io/yaml
   */
  toString(): string {
    if (this.fails) throw new Error(this.key);
    return this.key;
  }
}

/** Wraps the values whose key form differs from `String(value)`. */
function keyed(value: unknown, tag: string, state: SchemaState): unknown {
  if (tag === "null") {
    if (!state.wrapNull) return null;
    state.wrapped = true;
    return new KeyedScalar(null, "unsupported map key of type: <nil>", true);
  }
  if (tag === "float" && typeof value === "number") {
    const key = formatGoFloat32(value);
    if (key === String(value)) return value;
    state.wrapped = true;
    return new KeyedScalar(value, key);
  }
  if (typeof value === "bigint" && value > INT64_MAX) {
    state.wrapped = true;
    return new KeyedScalar(value, "unsupported map key of type: uint64", true);
  }
  return value;
}

function scalarText(data: unknown): string {
  return data === null || data === undefined ? "" : String(data);
}

/** Explicit `!!int`, `!!float` ... : resolve the text, and accept only what go-yaml accepts. */
function explicitType(short: string, accept: (r: GoYamlScalar) => unknown, state: SchemaState): yaml.Type {
  let last: unknown;
  return new yaml.Type(LONG + short, {
    kind: "scalar",
    resolve: (data: unknown) => {
      const r = resolveGoYamlScalar(scalarText(data));
      last = accept(r);
      return last !== NO;
    },
    construct: () => {
      if (typeof last === "number" && !Number.isFinite(last)) state.nonFinite = true;
      return keyed(last, short, state);
    },
  });
}

const NO = Symbol("no");

function decodeBase64(data: unknown): string | typeof NO {
  const text = scalarText(data).replace(/[\r\n]/g, "");
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return NO;
  const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * Builds the js-yaml schema with go-yaml v2's scalar resolution. `state.nonFinite` is set
 * whenever `.inf`/`.nan` was produced.
 *
 * @param state - shared flag object
 * @returns the js-yaml schema
 * @example
 * ```ts
 * const schema = goYamlSchema({ nonFinite: false, wrapped: false, wrapNull: true });
 * yaml.load("a: 0755", { schema, json: true }); // { a: 493 }
 * ```
 * @category Template
 */
export function goYamlSchema(state: SchemaState): yaml.Schema {
  let resolved: GoYamlScalar | undefined;
  const implicitScalar = new yaml.Type(`${LONG}goyaml`, {
    kind: "scalar",
    resolve: (data: unknown) => {
      if (typeof data !== "string") return false;
      const r = resolveGoYamlScalar(data);
      if (r.tag === "str" || r.tag === "timestamp") return false;
      resolved = r;
      return true;
    },
    construct: () => {
      const r = resolved as GoYamlScalar;
      if (r.tag === "bool") return r.value;
      if (r.tag === "int" && typeof r.value === "number") return r.value;
      if (r.tag === "float" && !Number.isFinite(r.value)) state.nonFinite = true;
      return keyed(r.value, r.tag, state);
    },
  });
  // go-yaml applies merge keys in place, in document order (a merge overwrites earlier explicit
  // keys). js-yaml's own merge cannot do that, so each plain `<<` key becomes a unique marker
  // key that the loader resolves afterwards, in insertion order.
  let merges = 0;
  const merge = new yaml.Type(`${LONG}go-merge`, {
    kind: "scalar",
    resolve: (data: unknown) => data === "<<",
    construct: () => {
      state.wrapped = true;
      return new KeyedScalar("<<", `${MERGE_MARKER}${merges++}`);
    },
  });
  const types = [
    explicitType("null", (r) => (r.tag === "null" ? null : NO), state),
    explicitType("bool", (r) => (r.tag === "bool" ? r.value : NO), state),
    explicitType("int", (r) => (r.tag === "int" ? r.value : NO), state),
    explicitType("float", (r) => (r.tag === "float" ? r.value : r.tag === "int" ? Number(r.value) : NO), state),
    explicitType("timestamp", (r) => (r.tag === "timestamp" ? r.value : NO), state),
    new yaml.Type(`${LONG}binary`, { kind: "scalar", resolve: (d: unknown) => decodeBase64(d) !== NO, construct: (d: unknown) => decodeBase64(d) }),
    // go-yaml leaves nodes with tags it does not resolve as they are
    ...(["scalar", "sequence", "mapping"] as const).flatMap((kind) => [
      new yaml.Type("!", { kind, multi: true, construct: (d: unknown) => (kind === "scalar" ? scalarText(d) : d) }),
      new yaml.Type("tag:", { kind, multi: true, construct: (d: unknown) => (kind === "scalar" ? scalarText(d) : d) }),
    ]),
  ];
  return yaml.FAILSAFE_SCHEMA.extend({ implicit: [merge, implicitScalar], explicit: types });
}
