/**
 * `serveKubernetesApi`: the HTTP server, its options and its handle.
 *
 * @module
 */
import { createServer, type Server } from "node:http";
import type { Socket } from "node:net";
import { createMemoryStore } from "../adapters/memory/memory-store.js";
import type { ResourceStore } from "../store/types.js";
import type { ServerContext } from "./context.js";
import { CrdController } from "./crds.js";
import { type FaultCounts, type FaultInjectionOptions, FaultInjector } from "./faults.js";
import { type KubeconfigOptions, kubeconfigYaml } from "./kubeconfig.js";
import { ResourceRegistry } from "./registry.js";
import { route } from "./router.js";

/**
 * Options of {@link serveKubernetesApi}.
 *
 * @category Server
 */
export interface ServeOptions {
  /**
   * The store to serve. Default: a new memory store that takes the scope of custom kinds from
   * their CustomResourceDefinitions. (A memory store of your own needs its `scopes` option for
   * cluster-scoped custom kinds.)
   */
  readonly store?: ResourceStore;
  /** The address to bind. Default `127.0.0.1`. */
  readonly host?: string;
  /** The port. Default 0: an ephemeral port (read it from `port`). */
  readonly port?: number;
  /** Seeded fault injection. Default: none. */
  readonly faults?: FaultInjectionOptions;
  /**
   * How long after its creation a CustomResourceDefinition becomes `Established` (and its kinds
   * served), in ms. Default 0: at once.
   */
  readonly crdEstablishDelayMs?: number;
  /** The current time (ms since the epoch), for table ages and CRD conditions. Default `Date.now`. */
  readonly now?: () => number;
  /** Reports background failures (a CRD status write). Default `console.error`. */
  readonly onError?: (error: unknown) => void;
}

/**
 * A running server.
 *
 * @category Server
 */
export interface KubernetesApiServer {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** The bound port. */
  readonly port: number;
  /** The store served. */
  readonly store: ResourceStore;
  /**
   * A kubeconfig (YAML text) pointing at {@link KubernetesApiServer.url}, without
   * authentication; write it to a file and set `KUBECONFIG` to use kubectl.
   */
  kubeconfig(options?: KubeconfigOptions): string;
  /** How many faults were injected so far. */
  faultCounts(): FaultCounts;
  /**
   * Stops: ends every watch stream, stops accepting connections, closes idle ones and, after
   * in-flight requests finish (at most 2 s), the rest. Idempotent.
   */
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address !== null ? address.port : port);
    });
  });
}

function urlHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}

/**
 * Serves a {@link ResourceStore} with the Kubernetes REST protocol, so kubectl, client
 * libraries and controllers can use it as an API server: discovery, get/list/watch/create/
 * update/patch/delete of the built-in kinds and of CustomResourceDefinitions' kinds, the status
 * subresource, selectors, pagination, Tables for `kubectl get`, and `Status` errors. See
 * `docs/serve.md` for what is and is not supported.
 *
 * @param options - store, address, faults, CRD delay
 * @returns the running server
 * @category Server
 * @example
 * ```ts
 * const server = await serveKubernetesApi({});
 * writeFileSync("kubeconfig", server.kubeconfig());
 * // KUBECONFIG=kubeconfig kubectl get pods
 * await server.close();
 * ```
 */
export async function serveKubernetesApi(options: ServeOptions = {}): Promise<KubernetesApiServer> {
  const registry = new ResourceRegistry();
  const store = options.store ?? createMemoryStore({ scopes: (type) => registry.scopeOf(type) });
  const now = options.now ?? Date.now;
  const onError = options.onError ?? ((error: unknown) => console.error("stagecraft server:", error));
  const context: ServerContext = { store, registry, faults: new FaultInjector(options.faults), now, watches: new Set(), serverAddress: "" };
  const crds = new CrdController({ store, registry, establishDelayMs: options.crdEstablishDelayMs ?? 0, now, onError });
  crds.start();
  // sockets with the number of requests in flight on each
  const sockets = new Map<Socket, number>();
  let shuttingDown = false;
  const server = createServer((req, res) => {
    const socket = req.socket;
    sockets.set(socket, (sockets.get(socket) ?? 0) + 1);
    res.once("close", () => {
      if (sockets.has(socket)) sockets.set(socket, Math.max(0, (sockets.get(socket) ?? 1) - 1));
      if (shuttingDown && sockets.get(socket) === 0) socket.destroy();
    });
    void route(context, { req, res });
  });
  server.on("connection", (socket) => {
    sockets.set(socket, 0);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
  });
  const host = options.host ?? "127.0.0.1";
  let port: number;
  try {
    port = await listen(server, options.port ?? 0, host);
  } catch (error) {
    crds.stop();
    throw error;
  }
  context.serverAddress = `${urlHost(host)}:${port}`;
  const url = `http://${context.serverAddress}`;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      shuttingDown = true;
      crds.stop();
      for (const end of [...context.watches]) end();
      const force = setTimeout(() => {
        for (const s of sockets.keys()) s.destroy();
      }, 2000);
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      // idle keep-alive connections (also ones that never carried a request) close now, busy
      // ones when their response is done
      for (const [socket, busy] of sockets) if (busy === 0) socket.destroy();
    });
    return closing;
  };
  return {
    url,
    port,
    store,
    kubeconfig: (kubeconfigOptions) => kubeconfigYaml(url, kubeconfigOptions),
    faultCounts: () => context.faults.snapshot(),
    close,
  };
}
