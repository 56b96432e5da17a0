import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { type Double, instantClock, type Received, startDouble, status, storeFor } from "../../../test/kubernetes/double.js";
import { isStoreError } from "../../store/errors.js";
import type { WatchEvent } from "../../store/types.js";

const CM = { apiVersion: "v1", kind: "ConfigMap" };
let double: Double | undefined;
afterEach(async () => {
  await double?.close();
  double = undefined;
});

function cm(name: string, rv: string): Record<string, unknown> {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "team-a", resourceVersion: rv } };
}

function stream(res: ServerResponse, events: readonly unknown[], end: "end" | "destroy" | "open"): "handled" {
  res.writeHead(200, { "Content-Type": "application/json" });
  for (const e of events) res.write(`${JSON.stringify(e)}\n`);
  if (end === "end") res.end();
  if (end === "destroy") setTimeout(() => res.destroy(), 30);
  return "handled";
}

async function until(check: () => boolean): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > 5000) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function summary(events: readonly WatchEvent[]): string[] {
  return events.map((e) => `${e.type} ${e.object.metadata.name ?? ""}@${e.object.metadata.resourceVersion ?? ""}`);
}

describe("the adapter's watch", () => {
  it("lists first, then reconnects dropped connections from the last resource version, dropping repeated events", async () => {
    const watches: Received[] = [];
    double = await startDouble((r, res) => {
      if (r.query.get("watch") !== "1") return { status: 200, body: { metadata: { resourceVersion: "10" }, items: [cm("a", "5")] } };
      watches.push(r);
      if (watches.length === 1) return stream(res, [{ type: "MODIFIED", object: cm("a", "11") }], "destroy");
      if (watches.length === 2) return stream(res, [{ type: "MODIFIED", object: cm("a", "11") }, { type: "BOOKMARK", object: { kind: "ConfigMap", apiVersion: "v1", metadata: { resourceVersion: "15" } } }], "end");
      return stream(res, [{ type: "ADDED", object: cm("b", "16") }], "open");
    });
    const store = await storeFor(double.url, { clock: instantClock() });
    const events: WatchEvent[] = [];
    const watch = store.watch(CM, { namespace: "team-a", labelSelector: "app=x" }, (e) => events.push(e));
    await until(() => events.length >= 3);
    watch.stop();
    expect(summary(events)).toEqual(["ADDED a@5", "MODIFIED a@11", "ADDED b@16"]);
    expect(watches.map((w) => w.query.get("resourceVersion"))).toEqual(["10", "11", "15"]);
    expect(watches[0]?.query.get("allowWatchBookmarks")).toBe("true");
    expect(watches[0]?.query.get("labelSelector")).toBe("app=x");
    await store.close();
  });

  it("on 410 Expired lists again and emits what changed: DELETED, MODIFIED, ADDED", async () => {
    let lists = 0;
    let watchCount = 0;
    double = await startDouble((r, res) => {
      if (r.query.get("watch") !== "1") {
        lists++;
        return lists === 1
          ? { status: 200, body: { metadata: { resourceVersion: "10" }, items: [cm("gone", "3"), cm("same", "4"), cm("changed", "5")] } }
          : { status: 200, body: { metadata: { resourceVersion: "30" }, items: [cm("same", "4"), cm("changed", "21"), cm("new", "25")] } };
      }
      watchCount++;
      if (watchCount === 1) return stream(res, [{ type: "ERROR", object: status(410, "Expired", "too old resource version: 10 (5)") }], "end");
      return stream(res, [], "open");
    });
    const store = await storeFor(double.url, { clock: instantClock() });
    const events: WatchEvent[] = [];
    const errors: Error[] = [];
    const watch = store.watch(CM, {}, (e) => events.push(e), (e) => errors.push(e));
    await until(() => events.length >= 6);
    await until(() => watchCount >= 2);
    watch.stop();
    expect(summary(events)).toEqual(["ADDED gone@3", "ADDED same@4", "ADDED changed@5", "DELETED gone@3", "MODIFIED changed@21", "ADDED new@25"]);
    expect(errors).toEqual([]);
    expect(double.received.filter((r) => r.query.get("watch") === "1").map((r) => r.query.get("resourceVersion"))).toEqual(["10", "30"]);
    await store.close();
  });

  it("a watch from the caller's resourceVersion reports Expired to onError (410 response)", async () => {
    double = await startDouble((r) => (r.query.get("watch") === "1" ? { status: 410, body: status(410, "Expired", "too old resource version: 2 (40)") } : undefined));
    const store = await storeFor(double.url, { clock: instantClock() });
    const errors: Error[] = [];
    store.watch(CM, { resourceVersion: "2" }, () => undefined, (e) => errors.push(e));
    await until(() => errors.length > 0);
    const error = errors[0];
    expect(isStoreError(error) && error.reason === "Expired" && error.statusCode === 410).toBe(true);
    await store.close();
  });

  it("backs off (growing) while the server answers 500, then resumes", async () => {
    let n = 0;
    const clock = instantClock();
    double = await startDouble((r, res) => {
      if (r.query.get("watch") !== "1") return undefined;
      n++;
      if (n <= 3) return { status: 500, body: status(500, "InternalError", "down") };
      return stream(res, [{ type: "ADDED", object: cm("x", "9") }], "open");
    });
    const store = await storeFor(double.url, { clock, retry: { initialMs: 100, maxMs: 10_000 } });
    const events: WatchEvent[] = [];
    const watch = store.watch(CM, { resourceVersion: "7" }, (e) => events.push(e));
    await until(() => events.length === 1);
    watch.stop();
    expect(clock.sleeps).toHaveLength(3);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(100);
    expect(clock.sleeps[2]).toBeGreaterThanOrEqual(400);
    await store.close();
  });

  it("keeps listing through a long outage (beyond the request retries), as an informer does", async () => {
    let lists = 0;
    double = await startDouble((r, res) => {
      if (r.query.get("watch") === "1") return stream(res, [], "open");
      return ++lists <= 4 ? { status: 503, body: status(503, "ServiceUnavailable", "apiserver is starting") } : { status: 200, body: { metadata: { resourceVersion: "3" }, items: [cm("a", "2")] } };
    });
    const clock = instantClock();
    const store = await storeFor(double.url, { clock, retry: { maxAttempts: 0 } });
    const events: WatchEvent[] = [];
    const errors: Error[] = [];
    const watch = store.watch(CM, {}, (e) => events.push(e), (e) => errors.push(e));
    await until(() => events.length === 1);
    watch.stop();
    expect(summary(events)).toEqual(["ADDED a@2"]);
    expect(errors).toEqual([]);
    expect(clock.sleeps).toHaveLength(4);
    await store.close();
  });

  it("a malformed selector ends the watch with BadRequest", async () => {
    double = await startDouble((r) => (r.query.get("watch") === "1" ? { status: 400, body: status(400, "BadRequest", "unable to parse requirement") } : undefined));
    const store = await storeFor(double.url, { clock: instantClock() });
    const errors: Error[] = [];
    store.watch(CM, { resourceVersion: "1", labelSelector: "a in (" }, () => undefined, (e) => errors.push(e));
    await until(() => errors.length > 0);
    expect(isStoreError(errors[0]) && errors[0].reason).toBe("BadRequest");
    await store.close();
  });
});
