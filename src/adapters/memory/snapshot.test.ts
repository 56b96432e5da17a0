import { describe, expect, it } from "vitest";
import { isStoreError } from "../../store/errors.js";
import { createMemoryStore } from "./memory-store.js";

const clock = { now: () => new Date("2024-01-01T00:00:00Z") };

describe("snapshot and restore", () => {
  it("writes sorted YAML documents after a header with the resource version", async () => {
    const store = createMemoryStore({ clock });
    await store.create({ apiVersion: "v1", kind: "Pod", metadata: { name: "b", namespace: "x" } });
    await store.create({ apiVersion: "v1", kind: "Pod", metadata: { name: "a", namespace: "y" } });
    await store.create({ apiVersion: "v1", kind: "Node", metadata: { name: "n" }, status: { allocatable: { cpu: "1" } } });
    await store.create({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" } });
    const text = store.snapshot();
    expect(text.split("\n")[0]).toBe("# stagecraft memory store, resourceVersion: 4");
    const order = [...text.matchAll(/^kind: (\w+)$|^  name: "?(\w+)"?$/gm)].map((m) => m[1] ?? m[2]);
    expect(order).toEqual(["Deployment", "d", "Node", "n", "Pod", "b", "Pod", "a"]);
    expect(text).toContain('  resourceVersion: "3"\n');
  });

  it("restores into a new store: same objects, same snapshot, resource version moves on", async () => {
    const store = createMemoryStore({ clock });
    await store.create({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", labels: { a: "yes" } }, data: { n: "0755", b: "true" } });
    await store.patch({ apiVersion: "v1", kind: "ConfigMap", name: "c" }, { patchType: "merge", data: { data: { x: "1" } } });
    const text = store.snapshot();
    const copy = createMemoryStore({ clock });
    copy.restore(text);
    expect(copy.snapshot().split("\n").slice(1)).toEqual(text.split("\n").slice(1));
    expect(await copy.get({ apiVersion: "v1", kind: "ConfigMap", name: "c" })).toEqual(await store.get({ apiVersion: "v1", kind: "ConfigMap", name: "c" }));
    expect(Number(copy.resourceVersion)).toBeGreaterThan(2);
    const next = await copy.create({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "d" } });
    expect(Number(next.metadata.resourceVersion)).toBeGreaterThan(Number(copy.resourceVersion) - 1);
  });

  it("replaces the contents and ends running watches with Expired", async () => {
    const store = createMemoryStore({ clock });
    await store.create({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "old" } });
    const errors: Error[] = [];
    store.watch({ apiVersion: "v1", kind: "ConfigMap" }, {}, () => undefined, (e) => errors.push(e));
    store.restore("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: new\n---\n");
    expect(errors.map((e) => (isStoreError(e) ? e.reason : ""))).toEqual(["Expired"]);
    const list = await store.list({ apiVersion: "v1", kind: "ConfigMap" });
    expect(list.items.map((o) => o.metadata.name)).toEqual(["new"]);
    expect(list.items[0]?.metadata.uid).toBeTruthy();
    const late: Error[] = [];
    store.watch({ apiVersion: "v1", kind: "ConfigMap" }, { resourceVersion: "1" }, () => undefined, (e) => late.push(e));
    expect(late).toHaveLength(1);
  });

  it("ends watches only once the restored state is in place, so a watcher can list again at once", async () => {
    const store = createMemoryStore();
    await store.create({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "old" } });
    const seen: string[][] = [];
    store.watch({ apiVersion: "v1", kind: "ConfigMap" }, {}, () => undefined, () => {
      void store.list({ apiVersion: "v1", kind: "ConfigMap" }).then((list) => seen.push(list.items.map((o) => o.metadata.name ?? "")));
    });
    store.restore("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: new\n");
    await Promise.resolve();
    expect(seen).toEqual([["new"]]);
  });

  it("accepts List documents and the objects option", async () => {
    const store = createMemoryStore({ objects: [{ apiVersion: "v1", kind: "Node", metadata: { name: "n1" } }] });
    expect((await store.list({ apiVersion: "v1", kind: "Node" })).items).toHaveLength(1);
    store.restore("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Node\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Node\n  metadata: {name: b}\n");
    expect((await store.list({ apiVersion: "v1", kind: "Node" })).items.map((o) => o.metadata.name)).toEqual(["a", "b"]);
  });

  it("round-trips __proto__ keys as data without touching prototypes", async () => {
    const store = createMemoryStore();
    store.restore('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: p\ndata:\n  __proto__: {polluted: "yes"}\n  constructor: c\n');
    const object = await store.get({ apiVersion: "v1", kind: "ConfigMap", name: "p" });
    expect(Object.hasOwn(object["data"] as object, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    const copy = createMemoryStore();
    copy.restore(store.snapshot());
    expect(await copy.get({ apiVersion: "v1", kind: "ConfigMap", name: "p" })).toEqual(object);
  });

  it("rejects YAML that does not hold objects", () => {
    const store = createMemoryStore();
    expect(() => store.restore("- 1\n- 2\n")).toThrow(/not an object/);
    expect(() => store.restore("a: [\n")).toThrow(/invalid snapshot YAML/);
  });
});
