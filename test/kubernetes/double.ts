/**
 * Test support: a scriptable node:http API server double, a kubeconfig for it, and a clock whose
 * sleeps return at once (recording what was asked).
 *
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createKubernetesStore, type KubernetesStore } from "../../src/adapters/kubernetes/kubernetes-store.js";
import type { KubernetesClock, KubernetesStoreOptions } from "../../src/adapters/kubernetes/options.js";

/** A request the double received. */
export interface Received {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}

/** Answers one request: a status and JSON body, or full control over the response. */
export type Handler = (request: Received, response: ServerResponse) => { status: number; body?: unknown; headers?: Record<string, string> } | "handled" | undefined;

/** A running double. */
export interface Double {
  readonly url: string;
  readonly received: Received[];
  /** Requests other than discovery. */
  calls(): Received[];
  close(): Promise<void>;
}

const CORE = {
  kind: "APIResourceList",
  groupVersion: "v1",
  resources: [
    { name: "pods", kind: "Pod", namespaced: true },
    { name: "pods/status", kind: "Pod", namespaced: true },
    { name: "nodes", kind: "Node", namespaced: false },
    { name: "configmaps", kind: "ConfigMap", namespaced: true },
    { name: "events", kind: "Event", namespaced: true },
  ],
};

const EVENTS = { kind: "APIResourceList", groupVersion: "events.k8s.io/v1", resources: [{ name: "events", kind: "Event", namespaced: true }] };

/**
 * Starts a double that serves discovery for pods, nodes, configmaps and events itself and asks
 * `handler` for everything else (404 Status when it returns undefined).
 *
 * @param handler - the script
 * @returns the double
 */
export async function startDouble(handler: Handler): Promise<Double> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      const request: Received = { method: req.method ?? "", path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(request);
      if (url.pathname === "/api/v1") return send(res, 200, CORE);
      if (url.pathname === "/apis/events.k8s.io/v1") return send(res, 200, EVENTS);
      if (url.pathname === "/api") return send(res, 200, { kind: "APIVersions", versions: ["v1"] });
      if (url.pathname === "/apis") return send(res, 200, { kind: "APIGroupList", groups: [{ name: "events.k8s.io", versions: [{ version: "v1" }] }] });
      const answer = handler(request, res);
      if (answer === "handled") return;
      if (answer === undefined) return send(res, 404, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", reason: "NotFound", code: 404, message: `${url.pathname} not found` });
      send(res, answer.status, answer.body, answer.headers);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    calls: () => received.filter((r) => !/^\/apis?(\/v1|\/events\.k8s\.io\/v1)?$/.test(r.path)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === "string" ? body : JSON.stringify(body ?? {});
  res.writeHead(status, { "Content-Type": typeof body === "string" ? "text/html" : "application/json", ...headers });
  res.end(text);
}

/** A Status body. */
export function status(code: number, reason: string, message: string, details?: unknown): unknown {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", reason, code, message, ...(details === undefined ? {} : { details }) };
}

/**
 * A kubeconfig (YAML) for a server, with a token.
 *
 * @param server - the URL
 * @param token - the bearer token
 * @returns the YAML
 */
export function kubeconfigFor(server: string, token = "sc-test-token-7f3a9b2c1d"): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    "- name: double",
    "  cluster:",
    `    server: ${JSON.stringify(server)}`,
    "contexts:",
    "- name: double",
    "  context: {cluster: double, user: double, namespace: team-a}",
    "current-context: double",
    "users:",
    "- name: double",
    `  user: {token: ${JSON.stringify(token)}}`,
    "",
  ].join("\n");
}

/** A clock whose sleeps advance its time and return at once. */
export function instantClock(start = 1_700_000_000_000): KubernetesClock & { readonly sleeps: number[] } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/**
 * A store connected to a double through a kubeconfig with a token.
 *
 * @param url - the double's URL
 * @param options - more store options
 * @param token - the token in the kubeconfig
 * @returns the store
 */
export async function storeFor(url: string, options: KubernetesStoreOptions = {}, token?: string): Promise<KubernetesStore> {
  const { KubeConfig } = await import("@kubernetes/client-node");
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(kubeconfigFor(url, token));
  return createKubernetesStore({ kubeConfig, ...options });
}
