import { describe, expect, it } from "vitest";
import { isStoreError } from "../../store/errors.js";
import type { KubeObject, WatchEvent } from "../../store/types.js";
import { createMemoryStore } from "./memory-store.js";

const POD = { apiVersion: "v1", kind: "Pod" } as const;
const CM = { apiVersion: "v1", kind: "ConfigMap" } as const;
const at = (iso: string) => ({ now: () => new Date(iso) });

function pod(name: string, extra: Record<string, unknown> = {}): KubeObject {
  return { ...POD, metadata: { name }, spec: { nodeName: "node-1", containers: [{ name: "c", image: "i" }] }, ...extra };
}

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isStoreError(error) ? `${error.reason} ${error.statusCode}` : String(error);
  }
  return "resolved";
}

describe("createMemoryStore", () => {
  it("is deterministic: counter uids, clock timestamps, generateName suffixes", async () => {
    const run = async () => {
      const store = createMemoryStore({ clock: at("2024-05-06T07:08:09.999Z") });
      const a = await store.create({ ...CM, metadata: { generateName: "x-" } });
      const b = await store.create({ ...CM, metadata: { generateName: "x-" } });
      return [a.metadata.uid, a.metadata.name, b.metadata.uid, b.metadata.name, a.metadata.creationTimestamp];
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first[0]).toBe("00000000-0000-4000-8000-000000000001");
    expect(first[4]).toBe("2024-05-06T07:08:09Z");
  });

  it("a failed create does not use up a uid", async () => {
    const store = createMemoryStore();
    await store.create({ ...CM, metadata: { name: "a" } });
    await reason(store.create({ ...CM, metadata: { name: "a" } }));
    expect((await store.create({ ...CM, metadata: { name: "b" } })).metadata.uid).toBe("00000000-0000-4000-8000-000000000002");
  });

  it("uses injected uid and name generators", async () => {
    const store = createMemoryStore({ uid: () => "fixed", nameSuffix: () => "abcde" });
    const created = await store.create({ ...CM, metadata: { generateName: "p-" } });
    expect(created.metadata).toMatchObject({ uid: "fixed", name: "p-abcde" });
    expect(await reason(store.create({ ...CM, metadata: { generateName: "p-" } }))).toBe("AlreadyExists 409");
  });

  it("returns deeply frozen objects and never keeps arguments", async () => {
    const store = createMemoryStore();
    const input = pod("a", { metadata: { name: "a", labels: { x: "1" } } });
    const created = await store.create(input);
    expect(Object.isFrozen(created) && Object.isFrozen(created.metadata) && Object.isFrozen(created.metadata.labels)).toBe(true);
    expect(() => {
      (created.metadata.labels as Record<string, string>)["x"] = "2";
    }).toThrow(TypeError);
    expect(Object.isFrozen(input)).toBe(false);
    expect(await store.get({ ...POD, name: "a" })).toBe(created);
  });

  it("defaults the namespace of namespaced kinds to default and drops it for cluster-scoped ones", async () => {
    const store = createMemoryStore({ scopes: { "Widget.example.com": "Cluster" } });
    expect((await store.create(pod("a"))).metadata.namespace).toBe("default");
    expect((await store.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "ns", namespace: "x" } })).metadata.namespace).toBeUndefined();
    expect((await store.create({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w", namespace: "x" } })).metadata.namespace).toBeUndefined();
    expect((await store.create({ apiVersion: "kwok.x-k8s.io/v1alpha1", kind: "Stage", metadata: { name: "s" } })).metadata.namespace).toBeUndefined();
    expect((await store.create({ apiVersion: "other.io/v1", kind: "Stage", metadata: { name: "s" } })).metadata.namespace).toBe("default");
  });

  it("rejects a create that carries a resourceVersion, as the API server's storage does", async () => {
    const store = createMemoryStore();
    expect(await reason(store.create({ ...CM, metadata: { name: "a", resourceVersion: "5" } }))).toBe("InternalError 500");
  });

  it("rejects names with a slash and objects without kind", async () => {
    const store = createMemoryStore();
    expect(await reason(store.create({ ...CM, metadata: { name: "a/b" } }))).toBe("Invalid 422");
    expect(await reason(store.create({ apiVersion: "v1", metadata: { name: "a" } } as unknown as KubeObject))).toBe("BadRequest 400");
  });

  it("keeps __proto__ and constructor keys as data", async () => {
    const store = createMemoryStore();
    const data = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": "c"}') as Record<string, string>;
    const created = await store.create({ ...CM, metadata: { name: "a" }, data });
    const patched = await store.patch({ ...CM, name: "a" }, { patchType: "merge", data: JSON.parse('{"data": {"__proto__": {"more": "x"}}}') });
    expect(Object.hasOwn(created["data"] as object, "__proto__")).toBe(true);
    expect((patched["data"] as Record<string, unknown>)["constructor"]).toBe("c");
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(store.snapshot()).toContain("__proto__");
  });

  it("delivers events synchronously, before the write's promise settles", async () => {
    const store = createMemoryStore();
    const seen: string[] = [];
    store.watch(POD, {}, (e) => seen.push(e.type));
    const pending = store.create(pod("a"));
    expect(seen).toEqual(["ADDED"]);
    await pending;
  });

  it("delivers writes made by listeners after the current event, in resource-version order", async () => {
    const store = createMemoryStore();
    const first: string[] = [];
    const second: string[] = [];
    store.watch(POD, {}, (e) => {
      first.push(`${e.type} ${e.object.metadata.resourceVersion}`);
      if (e.type === "ADDED") void store.patch({ ...POD, name: "a" }, { patchType: "merge", data: { metadata: { labels: { seen: "yes" } } } });
    });
    store.watch(POD, {}, (e) => second.push(`${e.type} ${e.object.metadata.resourceVersion}`));
    await store.create(pod("a"));
    expect(first).toEqual(["ADDED 1", "MODIFIED 2"]);
    expect(second).toEqual(["ADDED 1", "MODIFIED 2"]);
  });

  it("a watch started by a listener sees no change twice", async () => {
    const store = createMemoryStore();
    const inner: string[] = [];
    store.watch(POD, {}, () => {
      store.watch(POD, {}, (e) => inner.push(`${e.type} ${e.object.metadata.name}`));
    });
    await store.create(pod("a"));
    await store.create(pod("b"));
    expect(inner.filter((x) => x === "ADDED a")).toHaveLength(2);
    expect(inner.filter((x) => x === "ADDED b")).toHaveLength(2);
  });

  it("reports a throwing listener to onListenerError and keeps delivering", async () => {
    const errors: unknown[] = [];
    const store = createMemoryStore({ onListenerError: (error) => errors.push(error) });
    const seen: string[] = [];
    store.watch(POD, {}, () => {
      throw new Error("boom");
    });
    store.watch(POD, {}, (e) => seen.push(e.type));
    await store.create(pod("a"));
    expect(errors).toHaveLength(1);
    expect(seen).toEqual(["ADDED"]);
  });

  it("bookmarks: one after the initial replay, one per write burst for watchers that saw nothing", async () => {
    const store = createMemoryStore();
    await store.create(pod("a"));
    const events: WatchEvent[] = [];
    store.watch(POD, { allowBookmarks: true, labelSelector: "app=none" }, (e) => events.push(e));
    expect(events).toHaveLength(1);
    expect(events[0]?.object.metadata).toEqual({ resourceVersion: "1", annotations: { "k8s.io/initial-events-end": "true" } });
    const burst = [store.create(pod("b")), store.create(pod("c"))];
    await Promise.all(burst);
    await store.create(pod("d"));
    await Promise.resolve();
    expect(events.map((e) => `${e.type} ${e.object.metadata.resourceVersion}`)).toEqual(["BOOKMARK 1", "BOOKMARK 3", "BOOKMARK 4"]);
  });

  it("watch from a compacted resource version reports Expired through onError", async () => {
    const store = createMemoryStore({ history: 2 });
    for (const name of ["a", "b", "c", "d"]) await store.create(pod(name));
    const errors: Error[] = [];
    store.watch(POD, { resourceVersion: "1" }, () => undefined, (e) => errors.push(e));
    expect(errors.map((e) => e.message)).toEqual(["too old resource version: 1 (2)"]);
    const replayed: string[] = [];
    store.watch(POD, { resourceVersion: "2" }, (e) => replayed.push(e.object.metadata.name ?? ""));
    expect(replayed).toEqual(["c", "d"]);
  });

  it("an invalid selector in watch goes to onError, or throws without one", () => {
    const store = createMemoryStore();
    const errors: Error[] = [];
    store.watch(POD, { labelSelector: "a in" }, () => undefined, (e) => errors.push(e));
    expect(errors).toHaveLength(1);
    expect(() => store.watch(POD, { labelSelector: "a in" }, () => undefined)).toThrow(/unable to parse/);
  });

  it("sets deletionTimestamp from the clock plus the grace period", async () => {
    const store = createMemoryStore({ clock: at("2024-01-01T00:00:00Z") });
    await store.create(pod("a", { spec: { nodeName: "n", terminationGracePeriodSeconds: 45 } }));
    const deleting = await store.delete({ ...POD, name: "a" });
    expect(deleting.metadata).toMatchObject({ deletionTimestamp: "2024-01-01T00:00:45Z", deletionGracePeriodSeconds: 45, generation: 2 });
  });

  it("deletes finished Pods at once", async () => {
    const store = createMemoryStore();
    await store.create(pod("a"));
    await store.patch({ ...POD, name: "a" }, { patchType: "merge", subresource: "status", data: { status: { phase: "Succeeded" } } });
    await store.delete({ ...POD, name: "a" });
    expect(await reason(store.get({ ...POD, name: "a" }))).toBe("NotFound 404");
  });

  it("an unknown subresource is NotFound and an unknown patch type UnsupportedMediaType", async () => {
    const store = createMemoryStore();
    await store.create(pod("a"));
    expect(await reason(store.patch({ ...POD, name: "a" }, { patchType: "merge", data: {}, subresource: "scale" }))).toBe("NotFound 404");
    expect(await reason(store.patch({ ...POD, name: "a" }, { patchType: "yaml" as "merge", data: {} }))).toBe("UnsupportedMediaType 415");
  });

  it("a patch may not rename the object", async () => {
    const store = createMemoryStore();
    await store.create(pod("a"));
    expect(await reason(store.patch({ ...POD, name: "a" }, { patchType: "merge", data: { metadata: { name: "b" } } }))).toBe("BadRequest 400");
  });

  it("apply creates a missing object where the reference points", async () => {
    const store = createMemoryStore();
    const created = await store.patch({ ...POD, name: "a" }, { patchType: "apply", data: { ...POD, metadata: { name: "a", namespace: "elsewhere" } } });
    expect(created.metadata.namespace).toBe("default");
    expect((await store.get({ ...POD, name: "a" })).metadata.uid).toBe(created.metadata.uid);
  });

  it("apply on the status subresource of a missing object is NotFound", async () => {
    const store = createMemoryStore();
    expect(await reason(store.patch({ ...POD, name: "a" }, { patchType: "apply", subresource: "status", data: { status: {} } }))).toBe("NotFound 404");
  });

  it("looks a pinned metadata.name up and still applies the other terms", async () => {
    const store = createMemoryStore();
    const NODE = { apiVersion: "v1", kind: "Node" } as const;
    await store.create({ ...NODE, metadata: { name: "n1", labels: { zone: "a" } } });
    await store.create({ ...NODE, metadata: { name: "n2", labels: { zone: "b" } } });
    const names = async (options: { labelSelector?: string; fieldSelector?: string }) => (await store.list(NODE, options)).items.map((o) => o.metadata.name);
    expect(await names({ fieldSelector: "metadata.name=n2" })).toEqual(["n2"]);
    expect(await names({ fieldSelector: "metadata.name=n2", labelSelector: "zone=a" })).toEqual([]);
    expect(await names({ fieldSelector: "metadata.name=n3" })).toEqual([]);
    await store.create(pod("p1"));
    expect((await store.list(POD, { namespace: "default", fieldSelector: "metadata.name=p1" })).items).toHaveLength(1);
    expect((await store.list(POD, { namespace: "other", fieldSelector: "metadata.name=p1" })).items).toHaveLength(0);
  });

  it("lists 20,000 objects and patches each quickly", async () => {
    const store = createMemoryStore();
    const started = performance.now();
    for (let i = 0; i < 20_000; i++) await store.create(pod(`p-${i}`));
    for (let i = 0; i < 20_000; i++) await store.patch({ ...POD, name: `p-${i}` }, { patchType: "strategic", subresource: "status", data: { status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }] } } });
    const list = await store.list(POD, { fieldSelector: "status.phase=Running" });
    expect(list.items).toHaveLength(20_000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
