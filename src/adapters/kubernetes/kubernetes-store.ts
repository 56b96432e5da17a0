/**
 * `createKubernetesStore`: the `ResourceStore` port over a real API server.
 *
 * @module
 */
import { seededRandom } from "../../runtime/rng.js";
import { StatusReason, StoreError } from "../../store/errors.js";
import { PATCH_CONTENT_TYPES } from "../../store/patch-content-types.js";
import type { DeleteOptions, KubeObject, ListOptions, ObjectList, ObjectRef, PatchOptions, ResourceStore, ResourceType, UpdateOptions, Watch, WatchEvent, WatchOptions } from "../../store/types.js";
import { ClusterAuth } from "./auth.js";
import { loadClientNode, resolveKubeConfig } from "./client-node.js";
import { Discovery, type ResourceInfo } from "./discovery.js";
import { isCoreEvent, toEventsV1 } from "./events-api.js";
import type { KubernetesClock, KubernetesStoreOptions } from "./options.js";
import { patchHasPrecondition } from "./patch-body.js";
import { resourcePath } from "./paths.js";
import { Redactor } from "./redact.js";
import { Transport } from "./transport.js";
import { ResilientWatch } from "./watch.js";

/**
 * How the API server serves a kind (from discovery).
 *
 * @category Kubernetes
 * @example
 * ```ts
 * const pods: KubernetesResource = { group: "", version: "v1", plural: "pods", namespaced: true, subresources: ["status"] };
 * ```
 */
export interface KubernetesResource {
  /** The API group (`""` for the core group). */
  readonly group: string;
  /** The version. */
  readonly version: string;
  /** The plural resource name used in paths (`pods`). */
  readonly plural: string;
  /** Whether objects live in namespaces. */
  readonly namespaced: boolean;
  /** The subresources (`status`, `scale`, …). */
  readonly subresources: readonly string[];
}

/**
 * Options of {@link KubernetesStore.close}.
 *
 * @category Kubernetes
 * @example
 * ```ts
 * await store.close({ timeoutMs: 2000 });
 * ```
 */
export interface CloseOptions {
  /** How long to wait for requests in flight before aborting them. Default 5000 ms. */
  readonly timeoutMs?: number;
}

/**
 * A `ResourceStore` backed by a Kubernetes API server, with discovery and a graceful close.
 *
 * @category Kubernetes
 */
export interface KubernetesStore extends ResourceStore {
  /** The API server's URL (`https://host:port`). */
  readonly server: string;
  /** The namespace of namespaced objects given without one. */
  readonly defaultNamespace: string;
  /**
   * How the server serves a kind (cached discovery).
   *
   * @throws StoreError `NotFound` naming the missing group version or kind
   */
  resource(type: ResourceType): Promise<KubernetesResource>;
  /**
   * Stops every watch, refuses new requests, waits for requests in flight (up to the timeout),
   * then aborts the rest and closes the connections. Resolves to whether everything finished in time.
   */
  close(options?: CloseOptions): Promise<boolean>;
}

const systemClock: KubernetesClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Connects a `ResourceStore` to a Kubernetes API server. Authentication is client-node's (token,
 * client certificate, exec plugin, basic auth, in-cluster); requests are raw JSON, so objects
 * keep every field and timestamps stay strings. Every kind is reached through discovery.
 * Reads, idempotent writes and writes the server did not process are retried (respecting
 * `Retry-After`); watches reconnect and recover from `410 Expired` on their own. Credentials
 * never appear in errors or logs.
 *
 * @param options - kubeconfig, limits, retries, clock, log
 * @returns the store
 * @throws StoreError `BadRequest` when client-node is missing or the kubeconfig is unusable
 * @category Kubernetes
 * @example
 * ```ts
 * import { createKubernetesStore } from "stagecraft/kubernetes";
 *
 * const store = await createKubernetesStore({ kubeconfigPath: process.env.KUBECONFIG });
 * const pods = await store.list({ apiVersion: "v1", kind: "Pod" }, { namespace: "default" });
 * await store.close();
 * ```
 */
export async function createKubernetesStore(options: KubernetesStoreOptions = {}): Promise<KubernetesStore> {
  const mod = await loadClientNode(options.clientNode);
  const redactor = new Redactor();
  let kc;
  try {
    kc = resolveKubeConfig(mod, options);
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError(StatusReason.BadRequest, redactor.redact(`cannot load the kubeconfig: ${error instanceof Error ? error.message : String(error)}`));
  }
  const clock = options.clock ?? systemClock;
  const auth = new ClusterAuth(mod, kc, redactor, () => clock.now());
  const retry = options.retry ?? {};
  const transport = new Transport({
    auth,
    redactor,
    clock,
    random: options.random ?? seededRandom(1),
    qps: options.qps ?? 100,
    burst: options.burst ?? 200,
    maxConcurrent: options.maxConcurrent ?? 32,
    maxAttempts: retry.maxAttempts ?? 10,
    initialMs: retry.initialMs ?? 100,
    maxMs: retry.maxMs ?? 10_000,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    log: options.log,
  });
  const contextNamespace = kc.getContextObject(kc.getCurrentContext())?.namespace;
  const namespace = options.defaultNamespace ?? (contextNamespace === undefined || contextNamespace === "" ? "default" : contextNamespace);
  return new KubernetesStoreImpl(transport, new Discovery(transport, () => clock.now()), redactor, options, namespace, clock);
}

function withType(object: unknown, type: ResourceType): KubeObject {
  const o = object as KubeObject;
  return o.apiVersion === undefined || o.kind === undefined ? { ...o, apiVersion: type.apiVersion, kind: type.kind } : o;
}

/** Whether `stored` has every field of `sent` (other than metadata and status) and its labels. */
function holdsWhatWasSent(sent: KubeObject, stored: KubeObject): boolean {
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  for (const [key, value] of Object.entries(sent)) {
    if (key === "metadata" || key === "status" || key === "apiVersion" || key === "kind") continue;
    if (!same(value, stored[key])) return false;
  }
  return same(sent.metadata.labels ?? {}, stored.metadata.labels ?? {});
}

function asObject(body: unknown, what: string): KubeObject {
  if (typeof body !== "object" || body === null || typeof (body as { metadata?: unknown }).metadata !== "object") {
    throw new StoreError(StatusReason.InternalError, `${what}: the server answered with something that is not an object`);
  }
  return body as KubeObject;
}

class KubernetesStoreImpl implements KubernetesStore {
  private readonly watches = new Set<{ stop(): void }>();

  constructor(
    private readonly transport: Transport,
    private readonly discovery: Discovery,
    private readonly redactor: Redactor,
    private readonly options: KubernetesStoreOptions,
    readonly defaultNamespace: string,
    private readonly clock: KubernetesClock,
  ) {}

  get server(): string {
    return this.transport.server;
  }

  resource(type: ResourceType): Promise<KubernetesResource> {
    return this.discovery.resolve(type);
  }

  private ns(info: ResourceInfo, namespace: string | undefined): string | undefined {
    if (!info.namespaced) return undefined;
    return namespace === undefined || namespace === "" ? this.defaultNamespace : namespace;
  }

  private fieldManager(): string {
    return this.options.fieldManager ?? "stagecraft";
  }

  async get(ref: ObjectRef): Promise<KubeObject> {
    const info = await this.discovery.resolve(ref);
    const path = resourcePath(info, { namespace: this.ns(info, ref.namespace), name: ref.name });
    return withType(asObject(await this.transport.request({ method: "GET", path, retry: { idempotent: true, unconditional: true } }), `GET ${path}`), ref);
  }

  async list(type: ResourceType, options: ListOptions = {}): Promise<ObjectList> {
    const info = await this.discovery.resolve(type);
    return this.listAll(info, type, options);
  }

  private async listAll(info: ResourceInfo, type: ResourceType, options: ListOptions): Promise<ObjectList> {
    const path = resourcePath(info, { namespace: info.namespaced ? options.namespace : undefined });
    const items: KubeObject[] = [];
    let token: string | undefined;
    let resourceVersion = "";
    for (;;) {
      const query = { labelSelector: options.labelSelector, fieldSelector: options.fieldSelector, limit: String(this.options.pageSize ?? 500), continue: token };
      let page: { items?: unknown[]; metadata?: { resourceVersion?: string; continue?: string } };
      try {
        page = (await this.transport.request({ method: "GET", path, query, retry: { idempotent: true, unconditional: true } })) as typeof page;
      } catch (error) {
        if (token !== undefined && error instanceof StoreError && error.statusCode === 410) {
          // the continue token expired (the server compacted its version): list again from the start
          this.transport.log("warn", `list ${path}: continue token expired; listing again`);
          items.length = 0;
          token = undefined;
          continue;
        }
        throw error;
      }
      for (const item of page.items ?? []) items.push(withType(item, type));
      if (token === undefined) resourceVersion = page.metadata?.resourceVersion ?? "";
      token = page.metadata?.continue;
      if (token === undefined || token === "") break;
    }
    return { items, resourceVersion };
  }

  watch(type: ResourceType, options: WatchOptions, onEvent: (event: WatchEvent) => void, onError?: (error: Error) => void): Watch {
    let inner: ResilientWatch | undefined;
    let stopped = false;
    const handle = {
      stop: () => {
        if (stopped) return;
        stopped = true;
        this.watches.delete(handle);
        inner?.stop();
      },
    };
    this.watches.add(handle);
    this.discovery.resolve(type).then(
      (info) => {
        if (stopped) return;
        inner = new ResilientWatch(
          {
            transport: this.transport,
            redactor: this.redactor,
            path: resourcePath(info, { namespace: info.namespaced ? options.namespace : undefined }),
            type,
            list: () => this.listAll(info, type, options),
            timeoutSeconds: this.options.watchTimeoutSeconds ?? 300,
            backoff: { initialMs: this.options.retry?.initialMs ?? 100, maxMs: this.options.retry?.maxMs ?? 10_000 },
            random: this.options.random ?? seededRandom(2),
            now: () => this.clock.now(),
            onEnd: () => handle.stop(),
          },
          options,
          onEvent,
          onError,
        );
        inner.start();
      },
      (error: unknown) => {
        if (stopped) return;
        handle.stop();
        onError?.(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return handle;
  }

  async create(object: KubeObject): Promise<KubeObject> {
    const body = this.options.eventsApi === "events.k8s.io/v1" && isCoreEvent(object) ? toEventsV1(object) : object;
    const info = await this.discovery.resolve(body);
    const namespace = this.ns(info, body.metadata.namespace);
    const sent: KubeObject = namespace !== undefined && body.metadata.namespace !== namespace ? { ...body, metadata: { ...body.metadata, namespace } } : body;
    const path = resourcePath(info, { namespace });
    // a create with a name cannot happen twice: repeat it, and recognise our own object below
    const named = typeof sent.metadata.name === "string" && sent.metadata.name !== "";
    const ambiguity = { repeatedAfterAmbiguousFailure: false };
    try {
      const created = await this.transport.request({ method: "POST", path, query: { fieldManager: this.fieldManager() }, body: sent, retry: this.retryClass(named, true), ambiguity });
      return withType(asObject(created, `POST ${path}`), body);
    } catch (error) {
      if (!(named && ambiguity.repeatedAfterAmbiguousFailure && error instanceof StoreError && error.reason === StatusReason.AlreadyExists)) throw error;
      // the first attempt took effect after all (its answer was lost): the object is ours if it holds what we sent
      const stored = await this.get({ apiVersion: body.apiVersion, kind: body.kind, name: sent.metadata.name ?? "", ...(namespace === undefined ? {} : { namespace }) });
      if (!holdsWhatWasSent(sent, stored)) throw error;
      this.transport.log("warn", `POST ${path}: ${sent.metadata.name ?? ""} was created by an attempt whose answer was lost`);
      return stored;
    }
  }

  private retryClass(idempotent: boolean, unconditional: boolean): { idempotent: boolean; unconditional: boolean; evenIfNotIdempotent: boolean } {
    return { idempotent, unconditional, evenIfNotIdempotent: this.options.retry?.nonIdempotent === true };
  }

  async update(object: KubeObject, options: UpdateOptions = {}): Promise<KubeObject> {
    const info = await this.discovery.resolve(object);
    const path = resourcePath(info, { namespace: this.ns(info, object.metadata.namespace), name: object.metadata.name ?? "", subresource: options.subresource });
    const unconditional = object.metadata.resourceVersion === undefined || object.metadata.resourceVersion === "";
    const updated = await this.transport.request({ method: "PUT", path, query: { fieldManager: this.fieldManager() }, body: object, retry: { idempotent: true, unconditional } });
    return withType(asObject(updated, `PUT ${path}`), object);
  }

  async patch(ref: ObjectRef, options: PatchOptions): Promise<KubeObject> {
    const info = await this.discovery.resolve(ref);
    const path = resourcePath(info, { namespace: this.ns(info, ref.namespace), name: ref.name, subresource: options.subresource });
    const apply = options.patchType === "apply";
    const patched = await this.transport.request({
      method: "PATCH",
      path,
      query: { fieldManager: options.fieldManager ?? this.fieldManager(), force: apply && options.force === true ? "true" : undefined },
      body: options.data,
      contentType: PATCH_CONTENT_TYPES[options.patchType],
      ...(options.impersonate === undefined ? {} : { headers: { "Impersonate-User": options.impersonate } }),
      retry: this.retryClass(options.patchType !== "json", !patchHasPrecondition(options.patchType, options.data)),
    });
    return withType(asObject(patched, `PATCH ${path}`), ref);
  }

  async delete(ref: ObjectRef, options: DeleteOptions = {}): Promise<KubeObject> {
    const info = await this.discovery.resolve(ref);
    const namespace = this.ns(info, ref.namespace);
    const path = resourcePath(info, { namespace, name: ref.name });
    const body = {
      apiVersion: "v1",
      kind: "DeleteOptions",
      ...(options.gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds: options.gracePeriodSeconds }),
      ...(options.preconditions === undefined ? {} : { preconditions: options.preconditions }),
    };
    const unconditional = options.preconditions === undefined || (options.preconditions.uid === undefined && options.preconditions.resourceVersion === undefined);
    const response = (await this.transport.request({ method: "DELETE", path, body, retry: { idempotent: true, unconditional } })) as KubeObject & { status?: unknown; details?: { uid?: string } };
    if (response.kind === "Status") {
      // kinds without ReturnDeletedObject answer with a Success Status: what is known of the object
      const uid = response.details?.uid;
      return { apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, ...(namespace === undefined ? {} : { namespace }), ...(uid === undefined ? {} : { uid }) } };
    }
    return withType(asObject(response, `DELETE ${path}`), ref);
  }

  async close(options: CloseOptions = {}): Promise<boolean> {
    for (const watch of [...this.watches]) watch.stop();
    return this.transport.close(options.timeoutMs ?? 5000);
  }
}
