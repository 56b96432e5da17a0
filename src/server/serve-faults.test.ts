import { afterEach, describe, expect, it } from "vitest";
import { FaultInjector } from "./faults.js";
import { call, openWatch } from "./test-helpers.js";
import { type KubernetesApiServer, serveKubernetesApi } from "./serve.js";

let server: KubernetesApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("fault injection", () => {
  it("is off by default", async () => {
    server = await serveKubernetesApi({});
    for (let i = 0; i < 20; i++) expect((await call(`${server.url}/api/v1/pods`)).status).toBe(200);
    expect(server.faultCounts()).toEqual({ conflict: 0, tooManyRequests: 0, internalError: 0, expiredWatch: 0, dropWatch: 0 });
  });

  it("draws the same faults for the same seed", () => {
    const run = (seed: number) => {
      const f = new FaultInjector({ seed, conflict: 0.2, tooManyRequests: 0.2, internalError: 0.2 });
      return Array.from({ length: 50 }, (_, i) => f.forRequest(i % 2 === 0)?.reason ?? "-").join(",");
    };
    expect(run(3)).toBe(run(3));
    expect(run(3)).not.toBe(run(4));
  });

  it("answers 429 with Retry-After, 500 and 409 (writes only), and counts them", async () => {
    server = await serveKubernetesApi({ faults: { seed: 1, tooManyRequests: 0.2, internalError: 0.2, conflict: 0.3, retryAfterSeconds: 2 } });
    const seen = new Map<number, number>();
    const created = await call(`${server.url}/api/v1/namespaces/default/configmaps`, { method: "POST", body: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a" } } });
    seen.set(created.status, 1);
    for (let i = 0; i < 100; i++) {
      const write = i % 2 === 0;
      const answer = write
        ? await call(`${server.url}/api/v1/namespaces/default/configmaps/a`, { method: "PATCH", contentType: "application/merge-patch+json", body: { data: { i: String(i) } } })
        : await call(`${server.url}/api/v1/namespaces/default/configmaps`);
      seen.set(answer.status, (seen.get(answer.status) ?? 0) + 1);
      if (answer.status === 429) {
        expect(answer.headers.get("retry-after")).toBe("2");
        expect(answer.body).toMatchObject({ kind: "Status", reason: "TooManyRequests", details: { retryAfterSeconds: 2 } });
      }
      if (answer.status === 409) expect(write).toBe(true);
      if (answer.status === 500) expect(answer.body).toMatchObject({ kind: "Status", reason: "InternalError" });
    }
    const counts = server.faultCounts();
    expect(counts.tooManyRequests).toBeGreaterThan(0);
    expect(counts.internalError).toBeGreaterThan(0);
    expect(counts.conflict).toBeGreaterThan(0);
    expect((seen.get(409) ?? 0) + (seen.get(429) ?? 0) + (seen.get(500) ?? 0)).toBe(counts.conflict + counts.tooManyRequests + counts.internalError);
    expect(() => void new FaultInjector({ seed: 0, conflict: 2 })).toThrow(/between 0 and 1/);
  });

  it("expires watches from a resource version with a 410 ERROR event", async () => {
    server = await serveKubernetesApi({ faults: { seed: 5, expiredWatch: 1 } });
    const fresh = await openWatch(`${server.url}/api/v1/pods?watch=true`);
    const w = await openWatch(`${server.url}/api/v1/pods?watch=true&resourceVersion=1`);
    expect(await w.next()).toMatchObject({ type: "ERROR", object: { code: 410, reason: "Expired" } });
    expect(server.faultCounts().expiredWatch).toBe(1);
    fresh.close();
  });

  it("drops watch connections after an event", async () => {
    server = await serveKubernetesApi({ faults: { seed: 5, dropWatch: 1 } });
    await call(`${server.url}/api/v1/namespaces/default/configmaps`, { method: "POST", body: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a" } } });
    await call(`${server.url}/api/v1/namespaces/default/configmaps`, { method: "POST", body: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "b" } } });
    const w = await openWatch(`${server.url}/api/v1/configmaps?watch=true`);
    expect(await w.next()).toMatchObject({ type: "ADDED" });
    expect(await w.next()).toBeUndefined();
    expect(server.faultCounts().dropWatch).toBe(1);
  });
});
