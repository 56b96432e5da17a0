/**
 * Contract cases: watch (initial state, from a resource version, selectors, bookmarks, order).
 *
 * @module
 */
import { expect, it } from "vitest";
import { isStoreError } from "../../store/errors.js";
import { CONFIG_MAP, POD, configMap, pod, record, refOf, settle } from "./fixtures.js";
import type { Context } from "./fixtures.js";

/** Registers the watch cases. */
export function watchCases(ctx: Context): void {
  it("a watch without resourceVersion starts with ADDED for existing objects, then live events", async () => {
    const store = await ctx.store();
    const tag = ctx.name("w");
    const a = await store.create(configMap(ctx, ctx.name("a"), { labels: { suite: tag } }));
    const watch = record(ctx, store, CONFIG_MAP, { namespace: ctx.ns, labelSelector: `suite=${tag}` });
    await watch.until((e) => e.length >= 1);
    await store.patch(refOf(a), { patchType: "merge", data: { data: { key: "2" } } });
    await store.delete(refOf(a));
    await watch.until((e) => e.some((x) => x.type === "DELETED"));
    watch.stop();
    expect(watch.summary()).toEqual([`ADDED ${a.metadata.name}`, `MODIFIED ${a.metadata.name}`, `DELETED ${a.metadata.name}`]);
  });

  it("a watch from a list's resourceVersion sees only later changes", async () => {
    const store = await ctx.store();
    const tag = ctx.name("w");
    await store.create(configMap(ctx, ctx.name("a"), { labels: { suite: tag } }));
    const list = await store.list(CONFIG_MAP, { namespace: ctx.ns, labelSelector: `suite=${tag}` });
    const watch = record(ctx, store, CONFIG_MAP, { namespace: ctx.ns, labelSelector: `suite=${tag}`, resourceVersion: list.resourceVersion });
    const b = await store.create(configMap(ctx, ctx.name("b"), { labels: { suite: tag } }));
    await watch.until((e) => e.some((x) => x.type === "ADDED"));
    await settle();
    watch.stop();
    expect(watch.summary()).toEqual([`ADDED ${b.metadata.name}`]);
  });

  it("a watch from an older resourceVersion replays the changes after it, in order", async () => {
    const store = await ctx.store();
    const tag = ctx.name("w");
    const a = await store.create(configMap(ctx, ctx.name("a"), { labels: { suite: tag } }));
    const b = await store.create(configMap(ctx, ctx.name("b"), { labels: { suite: tag } }));
    await store.patch(refOf(a), { patchType: "merge", data: { data: { key: "2" } } });
    await store.delete(refOf(b));
    const watch = record(ctx, store, CONFIG_MAP, { namespace: ctx.ns, labelSelector: `suite=${tag}`, resourceVersion: a.metadata.resourceVersion ?? "" });
    await watch.until((e) => e.filter((x) => x.type !== "BOOKMARK").length >= 3);
    watch.stop();
    expect(watch.summary()).toEqual([`ADDED ${b.metadata.name}`, `MODIFIED ${a.metadata.name}`, `DELETED ${b.metadata.name}`]);
  });

  it("events arrive in increasing resource-version order", async () => {
    const store = await ctx.store();
    const tag = ctx.name("w");
    const watch = record(ctx, store, CONFIG_MAP, { namespace: ctx.ns, labelSelector: `suite=${tag}` });
    const objects = await Promise.all([1, 2, 3, 4, 5].map((i) => store.create(configMap(ctx, ctx.name(`o${i}`), { labels: { suite: tag } }))));
    for (const object of objects) await store.patch(refOf(object), { patchType: "merge", data: { data: { key: "x" } } });
    await watch.until((e) => e.filter((x) => x.type === "MODIFIED").length === 5);
    watch.stop();
    const versions = watch.events.filter((e) => e.type !== "BOOKMARK").map((e) => Number(e.object.metadata.resourceVersion));
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it("the DELETED event carries the last state with a newer resource version", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm"), { data: { last: "state" } }));
    const watch = record(ctx, store, CONFIG_MAP, { namespace: ctx.ns, fieldSelector: `metadata.name=${created.metadata.name}`, resourceVersion: created.metadata.resourceVersion ?? "" });
    await store.delete(refOf(created));
    await watch.until((e) => e.some((x) => x.type === "DELETED"));
    watch.stop();
    const deleted = watch.events.find((e) => e.type === "DELETED");
    expect(deleted?.object["data"]).toEqual({ last: "state" });
    expect(Number(deleted?.object.metadata.resourceVersion)).toBeGreaterThan(Number(created.metadata.resourceVersion));
  });

  it("a label-selector watch sees DELETED when an object stops matching and ADDED when it matches again", async () => {
    const store = await ctx.store();
    const tag = ctx.name("w");
    const created = await store.create(configMap(ctx, ctx.name("cm"), { labels: { suite: tag, state: "on" } }));
    const watch = record(ctx, store, CONFIG_MAP, { namespace: ctx.ns, labelSelector: `suite=${tag},state=on`, resourceVersion: created.metadata.resourceVersion ?? "" });
    await store.patch(refOf(created), { patchType: "merge", data: { metadata: { labels: { state: "off" } } } });
    await store.patch(refOf(created), { patchType: "merge", data: { data: { ignored: "while off" } } });
    await store.patch(refOf(created), { patchType: "merge", data: { metadata: { labels: { state: "on" } } } });
    await watch.until((e) => e.filter((x) => x.type !== "BOOKMARK").length >= 2);
    await settle();
    watch.stop();
    expect(watch.summary()).toEqual([`DELETED ${created.metadata.name}`, `ADDED ${created.metadata.name}`]);
  });

  it("a field-selector watch filters events", async () => {
    const store = await ctx.store();
    const node = ctx.name("node");
    const watch = record(ctx, store, POD, { namespace: ctx.ns, fieldSelector: `spec.nodeName=${node}` });
    await store.create(pod(ctx, ctx.name("elsewhere"), { nodeName: `${node}-other` }));
    const here = await store.create(pod(ctx, ctx.name("here"), { nodeName: node }));
    await watch.until((e) => e.some((x) => x.type === "ADDED"));
    await settle();
    watch.stop();
    expect(watch.summary()).toEqual([`ADDED ${here.metadata.name}`]);
  });

  it("a watch of one type does not see other types", async () => {
    const store = await ctx.store();
    const tag = ctx.name("w");
    const watch = record(ctx, store, POD, { namespace: ctx.ns, labelSelector: `suite=${tag}` });
    await store.create(configMap(ctx, ctx.name("cm"), { labels: { suite: tag } }));
    const p = await store.create(pod(ctx, ctx.name("p"), { labels: { suite: tag } }));
    await watch.until((e) => e.some((x) => x.type === "ADDED"));
    await settle();
    watch.stop();
    expect(watch.summary()).toEqual([`ADDED ${p.metadata.name}`]);
  });

  it("stop() ends the delivery", async () => {
    const store = await ctx.store();
    const tag = ctx.name("w");
    const watch = record(ctx, store, CONFIG_MAP, { namespace: ctx.ns, labelSelector: `suite=${tag}` });
    const a = await store.create(configMap(ctx, ctx.name("a"), { labels: { suite: tag } }));
    await watch.until((e) => e.some((x) => x.type === "ADDED"));
    watch.stop();
    watch.stop();
    await store.patch(refOf(a), { patchType: "merge", data: { data: { key: "2" } } });
    await settle();
    expect(watch.summary()).toEqual([`ADDED ${a.metadata.name}`]);
  });

  it("allowBookmarks delivers BOOKMARK events carrying a resource version", async () => {
    const store = await ctx.store();
    const tag = ctx.name("w");
    const watch = record(ctx, store, CONFIG_MAP, { namespace: ctx.ns, labelSelector: `suite=${tag}`, allowBookmarks: true });
    await store.create(configMap(ctx, ctx.name("a"), { labels: { suite: tag } }));
    await watch.until((e) => e.some((x) => x.type === "BOOKMARK"));
    watch.stop();
    const bookmark = watch.events.find((e) => e.type === "BOOKMARK");
    expect(bookmark?.object.kind).toBe("ConfigMap");
    expect(bookmark?.object.metadata.resourceVersion).toMatch(/^\d+$/);
  });

  it("a listener that throws does not break the store or other watchers", async () => {
    const store = await ctx.store();
    const tag = ctx.name("w");
    const thrower = store.watch(CONFIG_MAP, { namespace: ctx.ns, labelSelector: `suite=${tag}` }, () => {
      throw new Error("listener failure (expected by the test)");
    });
    const watch = record(ctx, store, CONFIG_MAP, { namespace: ctx.ns, labelSelector: `suite=${tag}` });
    const a = await store.create(configMap(ctx, ctx.name("a"), { labels: { suite: tag } }));
    const b = await store.create(configMap(ctx, ctx.name("b"), { labels: { suite: tag } }));
    await watch.until((e) => e.filter((x) => x.type === "ADDED").length === 2);
    thrower.stop();
    watch.stop();
    expect(watch.summary()).toEqual([`ADDED ${a.metadata.name}`, `ADDED ${b.metadata.name}`]);
  });

  if (ctx.options.historyLimit !== undefined) {
    const limit = ctx.options.historyLimit;
    it("a watch from a compacted resourceVersion fails with Expired (410)", async () => {
      const store = await ctx.store();
      const first = await store.create(configMap(ctx, ctx.name("cm")));
      for (let i = 0; i <= limit; i++) await store.patch(refOf(first), { patchType: "merge", data: { data: { key: String(i) } } });
      const watch = record(ctx, store, CONFIG_MAP, { resourceVersion: first.metadata.resourceVersion ?? "" });
      await watch.until(() => watch.errors.length > 0);
      watch.stop();
      const error = watch.errors[0];
      expect(isStoreError(error) && error.reason === "Expired" && error.statusCode === 410).toBe(true);
    });
  }
}
