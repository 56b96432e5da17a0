import { createServer, type IncomingMessage } from "node:http";
import { type AddressInfo, connect, type Socket } from "node:net";
import { KubeConfig } from "@kubernetes/client-node";
import { afterEach, describe, expect, it } from "vitest";
import { type Double, instantClock, kubeconfigFor, startDouble, status, storeFor } from "../../../test/kubernetes/double.js";
import { createKubernetesStore } from "./kubernetes-store.js";
import { isStoreError } from "../../store/errors.js";
import type { KubeObject } from "../../store/types.js";

const POD = { apiVersion: "v1", kind: "Pod" };
let double: Double | undefined;
afterEach(async () => {
  await double?.close();
  double = undefined;
});

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

function pod(name: string, rv = "1"): Record<string, unknown> {
  return { metadata: { name, namespace: "team-a", resourceVersion: rv, creationTimestamp: "2024-01-01T00:00:00Z" }, spec: { nodeName: "n1" }, extra: { kept: true } };
}

describe("createKubernetesStore against a scripted server", () => {
  it("finds plural and scope by discovery, uses the context's namespace, keeps every field and string timestamps", async () => {
    double = await startDouble((r) => (r.path === "/api/v1/namespaces/team-a/pods/p1" ? { status: 200, body: { apiVersion: "v1", kind: "Pod", ...pod("p1") } } : r.path === "/api/v1/nodes/n1" ? { status: 200, body: { metadata: { name: "n1" } } } : undefined));
    const store = await storeFor(double.url);
    const got = await store.get({ ...POD, name: "p1" });
    expect(got["extra"]).toEqual({ kept: true });
    expect(got.metadata.creationTimestamp).toBe("2024-01-01T00:00:00Z");
    const node = await store.get({ apiVersion: "v1", kind: "Node", name: "n1", namespace: "ignored" });
    expect(node.kind).toBe("Node");
    expect(double.received.filter((r) => r.path === "/api/v1")).toHaveLength(1); // discovery is cached
    expect(double.calls().map((r) => r.headers.authorization)).toEqual(["Bearer sc-test-token-7f3a9b2c1d", "Bearer sc-test-token-7f3a9b2c1d"]);
    await store.close();
  });

  it("names what the server lacks for an unknown kind or group version", async () => {
    double = await startDouble(() => undefined);
    const store = await storeFor(double.url);
    const kind = await caught(store.get({ apiVersion: "v1", kind: "Widget", name: "x" }));
    expect(isStoreError(kind) && kind.reason).toBe("NotFound");
    expect((kind as Error).message).toBe("the server does not serve kind Widget in v1 (it serves ConfigMap, Event, Node, Pod)");
    const group = await caught(store.list({ apiVersion: "kwok.x-k8s.io/v1alpha1", kind: "Stage" }));
    expect((group as Error).message).toBe("cannot use kind Stage of kwok.x-k8s.io/v1alpha1: the server does not serve API group kwok.x-k8s.io; is its CustomResourceDefinition installed and Established?");
    await store.close();
  });

  it("merges list pages into one list with the first page's resourceVersion, filling apiVersion and kind", async () => {
    double = await startDouble((r) => {
      if (r.path !== "/api/v1/pods") return undefined;
      const token = r.query.get("continue");
      if (token === null) return { status: 200, body: { metadata: { resourceVersion: "40", continue: "page2" }, items: [pod("a"), pod("b")] } };
      return { status: 200, body: { metadata: { resourceVersion: "41" }, items: [pod("c")] } };
    });
    const store = await storeFor(double.url, { pageSize: 2 });
    const list = await store.list(POD, { labelSelector: "app=web" });
    expect(list.resourceVersion).toBe("40");
    expect(list.items.map((i) => `${i.kind} ${i.metadata.name}`)).toEqual(["Pod a", "Pod b", "Pod c"]);
    expect(double.calls().map((r) => r.query.toString())).toEqual(["labelSelector=app%3Dweb&limit=2", "labelSelector=app%3Dweb&limit=2&continue=page2"]);
    await store.close();
  });

  it("waits the server's Retry-After on 429 and retries (on the injected clock)", async () => {
    let n = 0;
    double = await startDouble((r) => (r.path.endsWith("/p1") ? (++n <= 2 ? { status: 429, body: status(429, "TooManyRequests", "slow down"), headers: { "Retry-After": "3" } } : { status: 200, body: pod("p1") }) : undefined));
    const clock = instantClock();
    const store = await storeFor(double.url, { clock });
    await store.get({ ...POD, name: "p1" });
    expect(clock.sleeps).toEqual([3000, 3000]);
    await store.close();
  });

  it("retries a 500 of a read and of a merge patch, but not of a JSON patch (not idempotent)", async () => {
    const fails = new Map<string, number>();
    double = await startDouble((r) => {
      const key = `${r.method} ${r.headers["content-type"] ?? ""}`;
      fails.set(key, (fails.get(key) ?? 0) + 1);
      return fails.get(key) === 1 ? { status: 500, body: status(500, "InternalError", "etcd hiccup") } : { status: 200, body: pod("p1") };
    });
    const store = await storeFor(double.url, { clock: instantClock() });
    await store.get({ ...POD, name: "p1" });
    await store.patch({ ...POD, name: "p1" }, { patchType: "merge", data: { metadata: { labels: { a: "b" } } } });
    const json = await caught(store.patch({ ...POD, name: "p1" }, { patchType: "json", data: [{ op: "add", path: "/metadata/finalizers/-", value: "x" }] }));
    expect(isStoreError(json) && json.reason).toBe("InternalError");
    expect((json as Error).message).toBe("etcd hiccup");
    await store.close();
  });

  it("retries a Conflict of an unconditional patch, never of an update carrying a resourceVersion", async () => {
    let n = 0;
    double = await startDouble((r) => (r.method === "PATCH" && ++n === 1) || r.method === "PUT" ? { status: 409, body: status(409, "Conflict", "the object has been modified") } : { status: 200, body: pod("p1") });
    const store = await storeFor(double.url, { clock: instantClock() });
    await store.patch({ ...POD, name: "p1" }, { patchType: "strategic", data: { status: { phase: "Running" } }, subresource: "status" });
    const update = await caught(store.update({ ...POD, metadata: { name: "p1", resourceVersion: "1" } }));
    expect(isStoreError(update) && update.reason).toBe("Conflict");
    expect(double.calls().map((r) => `${r.method} ${r.path}`)).toEqual(["PATCH /api/v1/namespaces/team-a/pods/p1/status", "PATCH /api/v1/namespaces/team-a/pods/p1/status", "PUT /api/v1/namespaces/team-a/pods/p1"]);
    await store.close();
  });

  it("sends each patch type with its content type, apply with fieldManager and force, and Impersonate-User", async () => {
    double = await startDouble(() => ({ status: 200, body: pod("p1") }));
    const store = await storeFor(double.url);
    const ref = { ...POD, name: "p1", namespace: "ns" };
    await store.patch(ref, { patchType: "json", data: [] });
    await store.patch(ref, { patchType: "merge", data: {} });
    await store.patch(ref, { patchType: "strategic", data: {}, impersonate: "system:node:n1" });
    await store.patch(ref, { patchType: "apply", data: { apiVersion: "v1", kind: "Pod" }, fieldManager: "kwok", force: true });
    const calls = double.calls();
    expect(calls.map((r) => r.headers["content-type"])).toEqual(["application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml"]);
    expect(calls[2]?.headers["impersonate-user"]).toBe("system:node:n1");
    expect(calls[3]?.query.toString()).toBe("fieldManager=kwok&force=true");
    expect(calls[0]?.query.toString()).toBe("fieldManager=stagecraft");
    await store.close();
  });

  it("deletes with grace period and preconditions, and returns what it knows when the server answers with a Success Status", async () => {
    double = await startDouble(() => ({ status: 200, body: { kind: "Status", apiVersion: "v1", status: "Success", details: { name: "c1", kind: "configmaps", uid: "u-1" } } }));
    const store = await storeFor(double.url);
    const deleted = await store.delete({ apiVersion: "v1", kind: "ConfigMap", name: "c1" }, { gracePeriodSeconds: 0, preconditions: { uid: "u-1" } });
    expect(deleted).toEqual({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c1", namespace: "team-a", uid: "u-1" } });
    expect(JSON.parse(double.calls()[0]?.body ?? "")).toEqual({ apiVersion: "v1", kind: "DeleteOptions", gracePeriodSeconds: 0, preconditions: { uid: "u-1" } });
    await store.close();
  });

  it("writes Events to events.k8s.io/v1 when asked, without changing the caller's object", async () => {
    double = await startDouble((r) => ({ status: 201, body: JSON.parse(r.body) as unknown }));
    const store = await storeFor(double.url, { eventsApi: "events.k8s.io/v1" });
    const event: KubeObject = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: "p1.1", namespace: "team-a" },
      involvedObject: { kind: "Pod", name: "p1", namespace: "team-a" },
      reason: "Created",
      message: "Created container",
      type: "Normal",
      source: { component: "kwok_controller" },
      firstTimestamp: "2024-01-01T00:00:01Z",
    };
    const copy = structuredClone(event);
    const created = await store.create(event);
    expect(event).toEqual(copy);
    expect(double.calls()[0]?.path).toBe("/apis/events.k8s.io/v1/namespaces/team-a/events");
    expect(created).toMatchObject({ apiVersion: "events.k8s.io/v1", regarding: { name: "p1" }, note: "Created container", reportingController: "kwok_controller", eventTime: "2024-01-01T00:00:01.000000Z" });
    await store.close();
  });

  it("a named create whose answer was lost returns the object the first attempt created", async () => {
    let posts = 0;
    let stored: unknown;
    double = await startDouble((r) => {
      if (r.method === "POST") {
        posts++;
        if (posts === 1) {
          stored = { ...(JSON.parse(r.body) as object), metadata: { name: "e1", namespace: "team-a", uid: "u-9" } };
          return { status: 504, body: status(504, "Timeout", "the request timed out") };
        }
        return { status: 409, body: status(409, "AlreadyExists", 'events "e1" already exists') };
      }
      return { status: 200, body: stored };
    });
    const store = await storeFor(double.url, { clock: instantClock() });
    const created = await store.create({ apiVersion: "v1", kind: "Event", metadata: { name: "e1" }, reason: "R", message: "m" });
    expect(created.metadata.uid).toBe("u-9");
    await store.close();
  });

  it("close() waits for requests in flight, then refuses new ones", async () => {
    let answer: (() => void) | undefined;
    double = await startDouble((_r, res) => {
      answer = () => res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(pod("slow")));
      return "handled";
    });
    const store = await storeFor(double.url);
    const slow = store.get({ ...POD, name: "slow" });
    while (answer === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
    const closing = store.close({ timeoutMs: 5000 });
    answer();
    expect((await slow).metadata.name).toBe("slow");
    expect(await closing).toBe(true);
    const refused = await caught(store.get({ ...POD, name: "after" }));
    expect((refused as Error).message).toBe("the Kubernetes store is closed (close() was called)");
  });

  it("goes through the kubeconfig's proxy-url", async () => {
    double = await startDouble((r) => (r.path.endsWith("/p1") ? { status: 200, body: pod("p1") } : undefined));
    const proxied: string[] = [];
    // a forward proxy as client-node's agent uses it: CONNECT tunnels
    const proxy = createServer((_req, res) => res.writeHead(405).end());
    proxy.on("connect", (req: IncomingMessage, client: Socket, head: Buffer) => {
      proxied.push(req.url ?? "");
      const [host, port] = (req.url ?? "").split(":");
      const upstream = connect(Number(port), host ?? "", () => {
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on("error", () => client.destroy());
      client.on("error", () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    try {
      const kubeConfig = new KubeConfig();
      const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      kubeConfig.loadFromString(kubeconfigFor(double.url).replace(`    server: ${JSON.stringify(double.url)}`, `    server: ${JSON.stringify(double.url)}\n    proxy-url: ${JSON.stringify(proxyUrl)}`));
      const store = await createKubernetesStore({ kubeConfig });
      expect((await store.get({ ...POD, name: "p1" })).metadata.name).toBe("p1");
      expect(proxied).toContain(double.url.replace("http://", ""));
      await store.close();
    } finally {
      proxy.closeAllConnections();
      proxy.close();
    }
  });

  it("close() gives up on a request that does not finish in time, and aborts it", async () => {
    double = await startDouble(() => "handled"); // never answers
    const store = await storeFor(double.url, { retry: { maxAttempts: 0 } });
    const hanging = caught(store.get({ ...POD, name: "hang" }));
    while (double.calls().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await store.close({ timeoutMs: 50 })).toBe(false);
    const error = await hanging;
    expect((error as { code?: string }).code).toBe("ECONNABORTED");
  });
});
