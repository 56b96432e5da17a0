/**
 * Options of {@link createKubernetesStore}.
 *
 * @module
 */

/**
 * The parts of `@kubernetes/client-node`'s `KubeConfig` the adapter uses (so this package's
 * types do not depend on client-node's).
 *
 * @category Kubernetes
 * @example
 * ```ts
 * import { KubeConfig } from "@kubernetes/client-node";
 * const kc: KubeConfigLike = new KubeConfig();
 * ```
 */
export interface KubeConfigLike {
  /** The current context's name. */
  getCurrentContext(): string;
  /** A context by name. */
  getContextObject(name: string): KubeConfigContext | null;
  /** The current context's cluster. */
  getCurrentCluster(): KubeConfigCluster | null;
  /** The current context's user. */
  getCurrentUser(): KubeConfigUser | null;
  /** Fills node https request options (headers, TLS material) for the current context. */
  applyToHTTPSOptions(options: object): Promise<void>;
  /** The clusters. */
  getClusters(): readonly object[];
  /** The users. */
  getUsers(): readonly object[];
  /** The contexts. */
  getContexts(): readonly object[];
}

/**
 * A kubeconfig context, as {@link KubeConfigLike} returns it.
 *
 * @category Kubernetes
 */
export interface KubeConfigContext {
  /** The context's name. */
  readonly name: string;
  /** Its cluster's name. */
  readonly cluster: string;
  /** Its user's name. */
  readonly user: string;
  /** Its default namespace. */
  readonly namespace?: string;
}

/**
 * A kubeconfig cluster, as {@link KubeConfigLike} returns it.
 *
 * @category Kubernetes
 */
export interface KubeConfigCluster {
  /** The cluster's name. */
  readonly name: string;
  /** The API server URL. */
  readonly server: string;
  /** Whether TLS verification is off. */
  readonly skipTLSVerify?: boolean;
  /** A proxy URL. */
  readonly proxyUrl?: string;
}

/**
 * A kubeconfig user, as {@link KubeConfigLike} returns it (the adapter only reads it to know which
 * values to redact).
 *
 * @category Kubernetes
 */
export interface KubeConfigUser {
  /** The user's name. */
  readonly name: string;
  /** A bearer token. */
  readonly token?: string;
  /** A basic-auth password. */
  readonly password?: string;
  /** A client key, base64. */
  readonly keyData?: string;
  /** A client key file. */
  readonly keyFile?: string;
}

/**
 * Time as the adapter sees it: the rate limiter, retry backoff and watch reconnection use it,
 * so tests can run them without waiting.
 *
 * @category Kubernetes
 * @example
 * ```ts
 * const clock: KubernetesClock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };
 * ```
 */
export interface KubernetesClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

/**
 * One debug log entry of the adapter. Its `message` has gone through credential redaction.
 *
 * @category Kubernetes
 * @example
 * ```ts
 * const entry: KubernetesLogEntry = { level: "debug", message: "GET /api/v1/pods 200 (3 ms)" };
 * ```
 */
export interface KubernetesLogEntry {
  /** `debug` for requests, `warn` for retries, reconnections and re-lists. */
  readonly level: "debug" | "warn";
  /** What happened. */
  readonly message: string;
}

/**
 * Which API the adapter writes Events to. The Simulator creates core/v1 Events; with
 * `events.k8s.io/v1` the adapter converts them (`involvedObject` → `regarding`, `message` →
 * `note`, `source.component` → `reportingController`, …) before creating them.
 *
 * @category Kubernetes
 * @example
 * ```ts
 * const api: EventsApi = "events.k8s.io/v1";
 * ```
 */
export type EventsApi = "v1" | "events.k8s.io/v1";

/**
 * Retries of failed requests.
 *
 * @category Kubernetes
 * @example
 * ```ts
 * const retry: KubernetesRetryOptions = { maxAttempts: 8, initialMs: 50, maxMs: 2000 };
 * ```
 */
export interface KubernetesRetryOptions {
  /** Retries per request (not counting the first attempt). Default 10. */
  readonly maxAttempts?: number;
  /** First backoff when the server gave no `Retry-After`. Default 100 ms. */
  readonly initialMs?: number;
  /** Largest backoff, and the cap on a server's `Retry-After`. Default 10 000 ms. */
  readonly maxMs?: number;
  /**
   * Also retry JSON patches and `generateName` creates after a 500, 504 or a lost connection.
   * They are not idempotent (a JSON patch that appends would append twice), so this is only
   * safe against a server known to fail before writing — like stagecraft's own front with fault
   * injection. Default `false`.
   */
  readonly nonIdempotent?: boolean;
}

/**
 * Options of {@link createKubernetesStore}. Give a `kubeConfig`, or a `kubeconfigPath` (and
 * `context`), or nothing for client-node's default loading (`KUBECONFIG`, `~/.kube/config`,
 * in-cluster service account).
 *
 * @category Kubernetes
 * @example
 * ```ts
 * const options: KubernetesStoreOptions = { kubeconfigPath: "./kubeconfig", context: "kind-dev", qps: 50, burst: 100 };
 * ```
 */
export interface KubernetesStoreOptions {
  /** A loaded `KubeConfig` of `@kubernetes/client-node` (its current context, or `context`, is used; it is not changed). */
  readonly kubeConfig?: KubeConfigLike;
  /** A kubeconfig file to load (ignored with `kubeConfig`). */
  readonly kubeconfigPath?: string;
  /** The context to use (default: the kubeconfig's current context). */
  readonly context?: string;
  /** Requests per second (token bucket refill). Default 100; `Infinity` disables the limit. */
  readonly qps?: number;
  /** Token bucket size. Default 200. */
  readonly burst?: number;
  /** Requests in flight at once (watches not counted). Default 32. */
  readonly maxConcurrent?: number;
  /** Retries after 429, 5xx, conflicts of unconditional writes and connection failures. */
  readonly retry?: KubernetesRetryOptions;
  /** Page size of lists (`limit`). Default 500. */
  readonly pageSize?: number;
  /** Per-request timeout in ms (watches excepted). Default 30 000. */
  readonly requestTimeoutMs?: number;
  /** Server-side timeout of one watch connection, in seconds, before it is renewed. Default 300. */
  readonly watchTimeoutSeconds?: number;
  /** `fieldManager` of create, update and patch requests (apply needs one). Default `stagecraft`. */
  readonly fieldManager?: string;
  /** Which Events API `create` of a core/v1 Event writes to. Default `v1`. */
  readonly eventsApi?: EventsApi;
  /** The namespace of namespaced objects that have none. Default: the context's, else `default`. */
  readonly defaultNamespace?: string;
  /** Time source for rate limiting, backoff and reconnection. Default: the system clock. */
  readonly clock?: KubernetesClock;
  /** Uniform random numbers in [0, 1) for backoff jitter. Default: a seeded generator. */
  readonly random?: () => number;
  /** Debug log (messages are redacted). Default: none. */
  readonly log?: (entry: KubernetesLogEntry) => void;
  /**
   * Imports `@kubernetes/client-node` (default: a dynamic `import()`); inject the module
   * namespace (or a function returning it) to control where it comes from.
   */
  readonly clientNode?: unknown;
}
