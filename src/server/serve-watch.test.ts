import { afterEach, describe, expect, it } from "vitest";
import { createMemoryStore } from "../adapters/memory/memory-store.js";
import type { ResourceStore } from "../store/types.js";
import { call, openWatch } from "./test-helpers.js";
import { type KubernetesApiServer, serveKubernetesApi } from "./serve.js";

let server: KubernetesApiServer;
afterEach(async () => {
  await server.close();
});

const cm = (name: string) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data: { a: "1" } });

/** A memory store that counts its running watches. */
function countingStore(): { store: ResourceStore; running: () => number } {
  const inner = createMemoryStore();
  let running = 0;
  const store: ResourceStore = Object.assign(Object.create(inner) as ResourceStore, {
    watch: (...args: Parameters<ResourceStore["watch"]>) => {
      const w = inner.watch(...args);
      running++;
      let stopped = false;
      return {
        stop: () => {
          if (!stopped) running--;
          stopped = true;
          w.stop();
        },
      };
    },
  });
  return { store, running: () => running };
}

describe("serveKubernetesApi: watch", () => {
  it("streams ADDED for existing objects, then live events, one JSON object per line", async () => {
    server = await serveKubernetesApi({});
    const base = `${server.url}/api/v1/namespaces/default/configmaps`;
    await call(base, { method: "POST", body: cm("a") });
    const watch = await openWatch(`${base}?watch=true`);
    expect(await watch.next()).toMatchObject({ type: "ADDED", object: { metadata: { name: "a" } } });
    await call(`${base}/a`, { method: "PATCH", contentType: "application/merge-patch+json", body: { data: { a: "2" } } });
    expect(await watch.next()).toMatchObject({ type: "MODIFIED", object: { data: { a: "2" } } });
    await call(`${base}/a`, { method: "DELETE" });
    expect(await watch.next()).toMatchObject({ type: "DELETED", object: { metadata: { name: "a" } } });
    watch.close();
  });

  it("watches from a resource version, with bookmarks, through the legacy /watch/ path", async () => {
    server = await serveKubernetesApi({});
    const base = `${server.url}/api/v1/namespaces/default/configmaps`;
    await call(base, { method: "POST", body: cm("a") });
    await call(base, { method: "POST", body: cm("b") });
    const watch = await openWatch(`${server.url}/api/v1/watch/namespaces/default/configmaps?resourceVersion=1&allowWatchBookmarks=true`);
    expect(await watch.next()).toMatchObject({ type: "ADDED", object: { metadata: { name: "b", resourceVersion: "2" } } });
    expect(await watch.next()).toMatchObject({ type: "BOOKMARK", object: { kind: "ConfigMap", metadata: { resourceVersion: "2" } } });
    await call(base, { method: "POST", body: cm("c") });
    expect(await watch.next()).toMatchObject({ type: "ADDED", object: { metadata: { name: "c" } } });
    watch.close();
  });

  it("delivers 410 Expired as an ERROR event with a Status, then ends the stream", async () => {
    server = await serveKubernetesApi({ store: createMemoryStore({ history: 2 }) });
    const base = `${server.url}/api/v1/namespaces/default/configmaps`;
    for (const n of ["a", "b", "c", "d"]) await call(base, { method: "POST", body: cm(n) });
    const watch = await openWatch(`${base}?watch=1&resourceVersion=1`);
    const event = await watch.next();
    expect(event).toMatchObject({ type: "ERROR", object: { kind: "Status", status: "Failure", code: 410, reason: "Expired" } });
    expect(await watch.next()).toBeUndefined();
  });

  it("ends at timeoutSeconds", async () => {
    server = await serveKubernetesApi({});
    const started = Date.now();
    const watch = await openWatch(`${server.url}/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1`);
    expect(await watch.next(3000)).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("stops the store watch when the client disconnects, and close() ends open streams", async () => {
    const { store, running } = countingStore();
    server = await serveKubernetesApi({ store });
    const before = running();
    const a = await openWatch(`${server.url}/api/v1/pods?watch=true`);
    const b = await openWatch(`${server.url}/api/v1/nodes?watch=true`);
    expect(running()).toBe(before + 2);
    a.close();
    for (let i = 0; i < 50 && running() !== before + 1; i++) await new Promise((r) => setTimeout(r, 10));
    expect(running()).toBe(before + 1);
    const closing = Date.now();
    await server.close();
    expect(Date.now() - closing).toBeLessThan(1000);
    expect(await b.next()).toBeUndefined();
    expect(running()).toBe(0);
  });

  it("sends Table events (columns once) to kubectl get -w", async () => {
    server = await serveKubernetesApi({});
    const base = `${server.url}/api/v1/namespaces/default/configmaps`;
    await call(base, { method: "POST", body: cm("a") });
    await call(base, { method: "POST", body: cm("b") });
    const watch = await openWatch(`${base}?watch=true`, { Accept: "application/json;as=Table;v=v1;g=meta.k8s.io,application/json" });
    const first = (await watch.next()) as { object: Record<string, unknown> };
    expect(first.object).toMatchObject({ kind: "Table", rows: [{ cells: ["a", expect.any(String) as string] }] });
    expect(first.object["columnDefinitions"]).toHaveLength(2);
    const second = (await watch.next()) as { object: Record<string, unknown> };
    expect(second.object["columnDefinitions"]).toBeNull();
    watch.close();
  });

  it("answers a watch that cannot start (bad selector or resource version) with an HTTP 400 Status", async () => {
    server = await serveKubernetesApi({});
    for (const query of [`labelSelector=${encodeURIComponent("a in (")}`, "resourceVersion=abc"]) {
      const answer = await call(`${server.url}/api/v1/pods?watch=true&${query}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ kind: "Status", code: 400, reason: "BadRequest" });
    }
  });
});

describe("serveKubernetesApi: slow watchers", () => {
  it("closes a watch whose client does not read once the buffer limit is passed", async () => {
    const { store, running } = countingStore();
    server = await serveKubernetesApi({ store });
    const base = `${server.url}/api/v1/namespaces/default/configmaps`;
    const { request } = await import("node:http");
    // a client that never reads the response body
    const req = request(`${base}?watch=true`);
    const response = await new Promise<import("node:http").IncomingMessage>((resolve) => {
      req.on("response", resolve);
      req.end();
    });
    response.pause();
    const watching = running();
    const big = "x".repeat(512 * 1024);
    for (let i = 0; i < 80 && running() === watching; i++) {
      await store.create({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: `c${i}`, namespace: "default" }, data: { big } });
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(running()).toBe(watching - 1);
    response.destroy();
  });
});
