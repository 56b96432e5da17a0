/**
 * Cases for the evanphx/json-patch oracle: hand-written edge cases (RFC 6902 and RFC 7386
 * examples, the places where evanphx v4 departs from the RFCs, Kubernetes-shaped patches) and
 * seeded random documents with random operations.
 */

/** One oracle case: a document and a patch, as JSON text. */
export interface PatchCase {
  readonly mode: "json" | "merge";
  readonly doc: string;
  readonly patch: string;
}

const j = (doc: unknown, patch: unknown): PatchCase => ({ mode: "json", doc: JSON.stringify(doc), patch: JSON.stringify(patch) });
const m = (doc: unknown, patch: unknown): PatchCase => ({ mode: "merge", doc: JSON.stringify(doc), patch: JSON.stringify(patch) });
const raw = (mode: "json" | "merge", doc: string, patch: string): PatchCase => ({ mode, doc, patch });

const pod = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "p", namespace: "default", finalizers: ["a", "b", "c"], labels: { app: "web" } },
  spec: { nodeName: "n", containers: [{ name: "c", image: "i" }] },
  status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "True" }] },
};

/** Hand-written JSON patch cases. */
export const JSON_PATCH_CASES: readonly PatchCase[] = [
  // RFC 6902 appendix A
  j({ foo: "bar" }, [{ op: "add", path: "/baz", value: "qux" }]),
  j({ foo: ["bar", "baz"] }, [{ op: "add", path: "/foo/1", value: "qux" }]),
  j({ baz: "qux", foo: "bar" }, [{ op: "remove", path: "/baz" }]),
  j({ foo: ["bar", "qux", "baz"] }, [{ op: "remove", path: "/foo/1" }]),
  j({ baz: "qux", foo: "bar" }, [{ op: "replace", path: "/baz", value: "boo" }]),
  j({ foo: { bar: "baz", waldo: "fred" }, qux: { corge: "grault" } }, [{ op: "move", from: "/foo/waldo", path: "/qux/thud" }]),
  j({ foo: ["all", "grass", "cows", "eat"] }, [{ op: "move", from: "/foo/1", path: "/foo/3" }]),
  j({ baz: "qux", foo: ["a", 2, "c"] }, [{ op: "test", path: "/baz", value: "qux" }, { op: "test", path: "/foo/1", value: 2 }]),
  j({ baz: "qux" }, [{ op: "test", path: "/baz", value: "bar" }]),
  j({ foo: "bar" }, [{ op: "add", path: "/child", value: { grandchild: {} } }]),
  j({ foo: "bar" }, [{ op: "add", path: "/baz", value: "qux", xyz: 123 }]),
  j({ foo: "bar" }, [{ op: "add", path: "/baz/bat", value: "qux" }]),
  j({ "/": 9, "~1": 10 }, [{ op: "test", path: "/~01", value: 10 }]),
  j({ "/": 9, "~1": 10 }, [{ op: "test", path: "/~01", value: "10" }]),
  j({ foo: ["bar"] }, [{ op: "add", path: "/foo/-", value: ["abc", "def"] }]),
  // root and pointer syntax
  j({ a: 1 }, [{ op: "add", path: "", value: { b: 2 } }]),
  j({ a: 1 }, [{ op: "replace", path: "", value: { b: 2 } }]),
  j({ a: 1 }, [{ op: "remove", path: "" }]),
  j({ a: 1 }, [{ op: "test", path: "", value: { a: 1 } }]),
  j({ a: 1 }, [{ op: "add", path: "/", value: 2 }]),
  j({ a: 1 }, [{ op: "add", path: "a", value: 2 }]),
  j({ a: 1 }, [{ op: "add", path: "x/b", value: 2 }]),
  j({ a: { b: 1 } }, [{ op: "add", path: "/a//", value: 2 }]),
  j({ "a/b": { "c~d": 1 } }, [{ op: "replace", path: "/a~1b/c~0d", value: 2 }]),
  j({ a: 1 }, [{ op: "add", path: "/~2", value: 2 }]),
  // array indexes
  j({ a: [1, 2, 3] }, [{ op: "add", path: "/a/3", value: 4 }]),
  j({ a: [1, 2, 3] }, [{ op: "add", path: "/a/4", value: 4 }]),
  j({ a: [1, 2, 3] }, [{ op: "add", path: "/a/-1", value: 4 }]),
  j({ a: [1, 2, 3] }, [{ op: "add", path: "/a/-4", value: 4 }]),
  j({ a: [1, 2, 3] }, [{ op: "add", path: "/a/-5", value: 4 }]),
  j({ a: [1, 2, 3] }, [{ op: "add", path: "/a/01", value: 4 }]),
  j({ a: [1, 2, 3] }, [{ op: "add", path: "/a/+1", value: 4 }]),
  j({ a: [1, 2, 3] }, [{ op: "add", path: "/a/1.0", value: 4 }]),
  j({ a: [1, 2, 3] }, [{ op: "add", path: "/a/x", value: 4 }]),
  j({ a: [1, 2, 3] }, [{ op: "remove", path: "/a/-1" }]),
  j({ a: [1, 2, 3] }, [{ op: "remove", path: "/a/-3" }]),
  j({ a: [1, 2, 3] }, [{ op: "remove", path: "/a/-4" }]),
  j({ a: [1, 2, 3] }, [{ op: "remove", path: "/a/3" }]),
  j({ a: [1, 2, 3] }, [{ op: "remove", path: "/a/-" }]),
  j({ a: [] }, [{ op: "remove", path: "/a/0" }]),
  j({ a: [1, 2, 3] }, [{ op: "replace", path: "/a/3", value: 0 }]),
  j({ a: [1, 2, 3] }, [{ op: "replace", path: "/a/-1", value: 0 }]),
  j({ a: [1, 2, 3] }, [{ op: "replace", path: "/a/-", value: 0 }]),
  j({ a: [[1], [2]] }, [{ op: "add", path: "/a/1/0", value: 0 }]),
  j({ a: [{ b: 1 }] }, [{ op: "add", path: "/a/1/b", value: 0 }]),
  j({ a: [{ b: 1 }] }, [{ op: "add", path: "/a/-1/b", value: 0 }]),
  j({ a: [{ b: 1 }] }, [{ op: "add", path: "/a/-/b", value: 0 }]),
  j([1, 2], [{ op: "add", path: "/0", value: 0 }]),
  j([1, 2], [{ op: "remove", path: "/1" }, { op: "add", path: "/-", value: { a: 1 } }]),
  // evanphx v4 departures from RFC 6902
  j({ a: 1 }, [{ op: "replace", path: "/b", value: 2 }]),
  j({ a: {} }, [{ op: "replace", path: "/a/b/c", value: 2 }]),
  j({ a: 1 }, [{ op: "remove", path: "/b" }]),
  j({ a: 1 }, [{ op: "copy", from: "/b", path: "/c" }]),
  j({ a: 1 }, [{ op: "move", from: "/b", path: "/c" }]),
  j({ a: 1 }, [{ op: "add", path: "/b" }]),
  j({ a: [1] }, [{ op: "add", path: "/a/0" }]),
  j({ a: 1 }, [{ op: "replace", path: "/a" }]),
  j({ a: 1 }, [{ op: "test", path: "/b", value: null }]),
  j({ a: null }, [{ op: "test", path: "/a", value: null }]),
  j({ a: null }, [{ op: "test", path: "/a", value: 1 }]),
  j({ a: 1 }, [{ op: "test", path: "/a", value: null }]),
  j({ a: 1 }, [{ op: "test", path: "/a" }]),
  j({ a: 1 }, [{ op: "test", path: "/b" }]),
  j({ a: { b: null } }, [{ op: "add", path: "/a/b/c", value: 1 }]),
  j({ a: "str" }, [{ op: "add", path: "/a/b", value: 1 }]),
  j({ a: 1 }, [{ op: "add", path: "/a/b", value: 1 }]),
  // test equality
  j({ a: { b: [1, { c: "d" }], e: null } }, [{ op: "test", path: "/a", value: { e: null, b: [1, { c: "d" }] } }]),
  j({ a: { b: 1 } }, [{ op: "test", path: "/a", value: { b: 1, c: null } }]),
  j({ a: { b: 1, c: null } }, [{ op: "test", path: "/a", value: { b: 1 } }]),
  j({ a: [1, 2] }, [{ op: "test", path: "/a", value: [2, 1] }]),
  j({ a: [1, 2] }, [{ op: "test", path: "/a", value: [1, 2, 3] }]),
  j({ a: [1, null] }, [{ op: "test", path: "/a", value: [1, null] }]),
  j({ a: [1, null] }, [{ op: "test", path: "/a", value: [2, null] }]),
  j({ a: "1" }, [{ op: "test", path: "/a", value: 1 }]),
  j({ a: true }, [{ op: "test", path: "/a", value: "true" }]),
  j({ a: {} }, [{ op: "test", path: "/a", value: [] }]),
  j({ a: [] }, [{ op: "test", path: "/a", value: {} }]),
  j({ a: [] }, [{ op: "test", path: "/a", value: [] }]),
  j({ a: [1] }, [{ op: "test", path: "/a/0", value: 1 }, { op: "test", path: "/a/1", value: 1 }]),
  // move and copy
  j({ a: { b: 1 } }, [{ op: "move", from: "/a", path: "/a/c" }]),
  j({ a: { b: 1 } }, [{ op: "move", from: "/a", path: "/a" }]),
  j({ a: { b: 1 } }, [{ op: "copy", from: "/a", path: "/a/c" }]),
  j({ a: { b: 1 } }, [{ op: "copy", from: "/a", path: "/c" }, { op: "add", path: "/c/d", value: 2 }, { op: "add", path: "/a/e", value: 3 }]),
  j({ a: [1, 2, 3] }, [{ op: "copy", from: "/a/0", path: "/a/-" }, { op: "move", from: "/a/0", path: "/b" }]),
  j({ a: 1 }, [{ op: "move", path: "/b" }]),
  j({ a: 1 }, [{ op: "copy", path: "/b" }]),
  // malformed operations and patches
  j({ a: 1 }, [{ op: "frob", path: "/a" }]),
  j({ a: 1 }, [{ path: "/a" }]),
  j({ a: 1 }, [{ op: 1, path: "/a" }]),
  j({ a: 1 }, [{ op: "add", value: 1 }]),
  j({ a: 1 }, [{ op: "add", path: 1, value: 1 }]),
  j({ a: 1 }, [{ op: "add", path: null, value: 1 }]),
  j({ a: 1 }, [{ op: "move", from: 1, path: "/b" }]),
  j({ a: 1 }, []),
  j({ a: 1 }, {}),
  j({ a: 1 }, [1]),
  j({ a: 1 }, [null]),
  j({ a: 1 }, "x"),
  j({ a: 1 }, [{ op: "add", path: "/b", value: 1 }, { op: "remove", path: "/nope" }]),
  // Kubernetes-shaped patches (finalizers as KWOK computes them, status, labels)
  j(pod, [{ op: "remove", path: "/metadata/finalizers/2" }, { op: "remove", path: "/metadata/finalizers/0" }]),
  j(pod, [{ op: "remove", path: "/metadata/finalizers" }, { op: "add", path: "/metadata/finalizers", value: ["x"] }]),
  j(pod, [{ op: "add", path: "/metadata/finalizers/-", value: "d" }]),
  j({ ...pod, metadata: { name: "p" } }, [{ op: "add", path: "/metadata/finalizers/-", value: "d" }]),
  j({ ...pod, metadata: { name: "p" } }, [{ op: "add", path: "/metadata/finalizers", value: ["d"] }]),
  j({ ...pod, metadata: { name: "p" } }, [{ op: "add", path: "/metadata/labels/app", value: "x" }]),
  j(pod, [{ op: "add", path: "/metadata/labels/app.kubernetes.io~1name", value: "x" }]),
  j(pod, [{ op: "replace", path: "/status/phase", value: "Running" }, { op: "add", path: "/status/conditions/-", value: { type: "Ready", status: "True" } }]),
  j(pod, [{ op: "replace", path: "/status/conditions/0/status", value: "False" }]),
  j(pod, [{ op: "add", path: "/status/podIP", value: "10.0.0.1" }, { op: "test", path: "/spec/nodeName", value: "n" }]),
  j(pod, [{ op: "remove", path: "/status" }, { op: "add", path: "/status", value: { phase: "Succeeded" } }]),
  j(pod, [{ op: "add", path: "/metadata/deletionTimestamp", value: "2006-01-02T15:04:05Z" }]),
  // __proto__ and friends are data
  j({ a: 1 }, [{ op: "add", path: "/__proto__", value: { polluted: true } }]),
  j({ a: 1 }, [{ op: "add", path: "/__proto__/polluted", value: true }]),
  j({ a: 1 }, [{ op: "add", path: "/constructor/prototype/polluted", value: true }]),
  raw("json", '{"__proto__":{"x":1}}', '[{"op":"add","path":"/__proto__/y","value":2},{"op":"remove","path":"/__proto__/x"}]'),
  raw("json", '{"constructor":{"prototype":{}}}', '[{"op":"add","path":"/constructor/prototype/polluted","value":true}]'),
  raw("json", '{"__proto__":[1]}', '[{"op":"copy","from":"/__proto__","path":"/b"},{"op":"move","from":"/__proto__/0","path":"/c"}]'),
];

/** Hand-written merge patch cases. */
export const MERGE_PATCH_CASES: readonly PatchCase[] = [
  // RFC 7386 appendix A
  m({ a: "b" }, { a: "c" }),
  m({ a: "b" }, { b: "c" }),
  m({ a: "b" }, { a: null }),
  m({ a: "b", b: "c" }, { a: null }),
  m({ a: ["b"] }, { a: "c" }),
  m({ a: "c" }, { a: ["b"] }),
  m({ a: { b: "c" } }, { a: { b: "d", c: null } }),
  m({ a: [{ b: "c" }] }, { a: [1] }),
  m(["a", "b"], ["c", "d"]),
  m({ a: "b" }, ["c"]),
  m({ a: "foo" }, null),
  m({ a: "foo" }, "bar"),
  m({ e: null }, { a: 1 }),
  m([1, 2], { a: "b", c: null }),
  m({}, { a: { bb: { ccc: null } } }),
  // evanphx null pruning
  m({}, { a: [1, null, { b: null, c: 1 }] }),
  m({ a: null }, { a: { b: null, c: [null] } }),
  m({ a: 1 }, { a: { b: null } }),
  m({ a: [1] }, { a: [null, 2] }),
  m({ a: { x: 1 } }, { a: [null, 2] }),
  m({ a: { x: 1 } }, { a: { y: [null] } }),
  m({ a: { x: 1 } }, { a: { x: [null] } }),
  m({ a: "s" }, { a: { x: { y: null } } }),
  m({ a: 1 }, [null, { b: null }]),
  m([1], { a: null, b: { c: null } }),
  m(1, { a: 1 }),
  m("s", [1]),
  m(null, { a: 1 }),
  m({ a: 1 }, 1),
  m({ a: 1 }, true),
  m({ a: 1 }, {}),
  m({}, {}),
  // Kubernetes-shaped patches
  m(pod, { status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }] } }),
  m(pod, { status: null }),
  m(pod, { metadata: { labels: { app: null, tier: "x" }, finalizers: null } }),
  m(pod, { metadata: { deletionTimestamp: "2006-01-02T15:04:05Z" }, spec: { nodeName: "m" } }),
  m(pod, { status: { podIP: "10.0.0.1", hostIP: null, containerStatuses: [{ name: "c", state: { running: { startedAt: "x" } } }] } }),
  // __proto__ and friends are data
  raw("merge", '{"a":1}', '{"__proto__":{"polluted":true}}'),
  raw("merge", '{"__proto__":{"x":1}}', '{"__proto__":{"y":2,"x":null}}'),
  raw("merge", '{"constructor":{"prototype":{"a":1}}}', '{"constructor":{"prototype":{"polluted":true}}}'),
];

/** mulberry32: a tiny seeded generator, enough to vary cases reproducibly. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ["a", "b", "c", "d/e", "f~g", "__proto__", "constructor"];

function randomValue(r: () => number, depth: number, nulls: boolean): unknown {
  const x = r();
  if (depth > 0 && x < 0.3) {
    const out: Record<string, unknown> = {};
    const n = Math.floor(r() * 4);
    for (let i = 0; i < n; i++) Object.defineProperty(out, KEYS[Math.floor(r() * KEYS.length)] as string, { value: randomValue(r, depth - 1, nulls), enumerable: true, writable: true, configurable: true });
    return out;
  }
  if (depth > 0 && x < 0.5) return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth - 1, nulls));
  if (x < 0.6) return nulls ? null : 0;
  if (x < 0.75) return Math.floor(r() * 10);
  if (x < 0.9) return ["x", "y", ""][Math.floor(r() * 3)];
  return r() < 0.5;
}

function escape(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Every pointer to a value of a document (including the root `""`). */
function pointers(value: unknown, prefix = ""): string[] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pointers(v, `${prefix}/${i}`)));
  else if (value !== null && typeof value === "object") for (const k of Object.keys(value)) out.push(...pointers((value as Record<string, unknown>)[k], `${prefix}/${escape(k)}`));
  return out;
}

function randomPointer(r: () => number, doc: unknown): string {
  const all = pointers(doc);
  const some = r() < 0.05 ? all : all.slice(1);
  const base = some[Math.floor(r() * some.length)] ?? "";
  const target = valueAt(doc, base);
  const x = r();
  if (x < 0.6 || target === null || typeof target !== "object") return x < 0.95 ? base : `${base}/zz/${Math.floor(r() * 2)}`;
  if (Array.isArray(target)) return x < 0.8 ? `${base}/-` : `${base}/${Math.floor(r() * (target.length + 3)) - 1}`;
  return `${base}/${escape(KEYS[Math.floor(r() * KEYS.length)] as string)}`;
}

function randomOp(r: () => number, doc: unknown): Record<string, unknown> {
  const kinds = ["add", "add", "remove", "replace", "move", "copy", "test"];
  const op = kinds[Math.floor(r() * kinds.length)] as string;
  const out: Record<string, unknown> = { op, path: randomPointer(r, doc) };
  if (op === "move" || op === "copy") out["from"] = randomPointer(r, doc);
  if (op === "add" || op === "replace") out["value"] = randomValue(r, 2, true);
  if (op === "test") out["value"] = r() < 0.5 ? valueAt(doc, out["path"] as string) ?? null : randomValue(r, 1, true);
  return out;
}

function valueAt(doc: unknown, pointer: string): unknown {
  let current = doc;
  for (const token of pointer.split("/").slice(1)) {
    const key = token.replace(/~1/g, "/").replace(/~0/g, "~");
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Seeded random JSON patch cases: random documents, 1–4 operations mostly aimed at existing paths. */
export function generatedJsonPatchCases(count: number, seed: number): PatchCase[] {
  const r = rng(seed);
  return Array.from({ length: count }, () => {
    const doc = r() < 0.85 ? { ...(randomValue(r, 3, true) as object), a: randomValue(r, 2, true) } : [randomValue(r, 2, true), randomValue(r, 2, true)];
    const ops = Array.from({ length: 1 + Math.floor(r() * 4) }, () => randomOp(r, doc));
    return { mode: "json", doc: JSON.stringify(doc), patch: JSON.stringify(ops) };
  });
}

/** Seeded random merge patch cases: random documents and random patches with nulls at any depth. */
export function generatedMergePatchCases(count: number, seed: number): PatchCase[] {
  const r = rng(seed);
  return Array.from({ length: count }, () => {
    const doc = { a: randomValue(r, 3, true), b: randomValue(r, 2, true), ...(randomValue(r, 2, true) as object) };
    const patch = r() < 0.9 ? { a: randomValue(r, 3, true), ...(randomValue(r, 2, true) as object) } : randomValue(r, 2, true);
    return { mode: "merge", doc: JSON.stringify(doc), patch: JSON.stringify(patch) };
  });
}
