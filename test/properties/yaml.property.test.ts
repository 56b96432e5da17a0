/**
 * YAML properties: the loaders never throw anything but typed errors on YAML-shaped noise, and
 * `marshalGoYaml` → `yamlToJson` round-trips JSON data.
 */
import { describe, expect, it } from "vitest";
import { ErrorCode, isStagecraftError, loadStages, marshalGoYaml, parseYamlDocuments, yamlToJson } from "../../src/index.js";
import { deepFreeze, fc, RUNS, typedOnly } from "./fc.js";

/** Pieces YAML is made of, including the ones go-yaml and js-yaml read differently. */
const TOKENS = [
  "a", "b", "key", ":", ": ", " ", "  ", "- ", "-", "\n", "\r\n", "[", "]", "{", "}", ", ", "&x ", "*x", "&y ", "*y", "'", '"', "\\", "# c",
  "|", ">", "? ", "!", "!!str ", "!!binary ", "\t", "0x1F", "0o17", "0755", "1_000", "1e3", ".inf", ".nan", "~", "null", "yes", "on", "<<: ",
  "%YAML 1.1\n", "---\n", "...\n", "\u0085", "\u2028", "\ufeff", "\u0000", "\ud800", "é", "2006-01-02T15:04:05Z", "1:20", "-1", "+.5", "'it''s'",
  '"\\u00e9\\/"', "__proto__", "constructor",
];
const yamlish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((t) => t.join(""));
const noise = fc.oneof(yamlish, fc.string({ maxLength: 60 }), fc.string({ unit: "binary", maxLength: 30 }));

/** JSON data as Kubernetes objects hold it: string keys, finite numbers, no `undefined`. */
const json = fc.jsonValue({ maxDepth: 4, depthSize: "small" });

function normalize(v: unknown): unknown {
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "number" && Object.is(v, -0)) return 0;
  if (Array.isArray(v)) return v.map(normalize);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: normalize(x), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}

describe("YAML properties", () => {
  it("yamlToJson throws only StagecraftError, and never leaves a prototype touched", () => {
    fc.assert(
      fc.property(noise, (text) => {
        typedOnly(() => yamlToJson(text));
        expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
      }),
    );
  });

  it("parseYamlDocuments and loadStages never throw: every problem is an issue", () => {
    fc.assert(
      fc.property(noise, (text) => {
        const parsed = parseYamlDocuments(text);
        for (const issue of parsed.issues) expect(Object.values(ErrorCode)).toContain(issue.code);
        const loaded = loadStages({ text });
        expect(loaded.ok).toBe(!loaded.issues.some((i) => i.severity === "error"));
      }),
    );
  });

  it("marshalGoYaml → yamlToJson round-trips JSON data (or rejects it with a typed error)", () => {
    let roundTrips = 0;
    fc.assert(
      fc.property(json, (value) => {
        const text = typedOnly(() => marshalGoYaml(deepFreeze(value)));
        if (text === undefined) return;
        expect(normalize(yamlToJson(text))).toEqual(normalize(value));
        roundTrips++;
      }),
    );
    expect(roundTrips).toBeGreaterThan(RUNS / 2); // not vacuous: most values marshal
  });

  it("marshalGoYaml is stable: marshal(parse(marshal(v))) = marshal(v)", () => {
    fc.assert(
      fc.property(json, (value) => {
        const once = typedOnly(() => marshalGoYaml(value));
        if (once === undefined) return;
        expect(marshalGoYaml(yamlToJson(once))).toBe(once);
      }),
    );
  });

  it("a loaded document is the same data whichever reader reads it (plain block mappings of scalars)", () => {
    const scalar = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.boolean(), fc.constant(null), fc.stringMatching(/^[a-z][a-z0-9 ]{0,8}[a-z0-9]$/));
    const doc = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/), scalar, { maxKeys: 6 });
    fc.assert(
      fc.property(doc, (value) => {
        const text = marshalGoYaml(value);
        const parsed = parseYamlDocuments(text);
        expect(parsed.issues).toEqual([]);
        expect(normalize(parsed.documents[0]?.value ?? {})).toEqual(normalize(yamlToJson(text)));
      }),
    );
  });

  it("typed errors carry a code and a message", () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        try {
          yamlToJson(text);
        } catch (e) {
          expect(isStagecraftError(e) && e.code.length > 0 && e.message.length > 0).toBe(true);
        }
      }),
    );
  });
});
