/**
 * HTTP to the API server with node:http/https: raw JSON bodies, client-node authentication,
 * QPS/burst and concurrency limits, retries, error mapping, redacted logs, and a graceful close.
 *
 * @module
 */
import http from "node:http";
import https from "node:https";
import { StatusReason, StoreError } from "../../store/errors.js";
import type { ClusterAuth } from "./auth.js";
import { Semaphore, TokenBucket } from "./limits.js";
import type { KubernetesClock, KubernetesLogEntry } from "./options.js";
import type { Redactor } from "./redact.js";
import { type AttemptOutcome, NOT_SENT, parseRetryAfter, type RetryClass, retryDelayMs, shouldRetry } from "./retry-policy.js";
import { errorOfResponse, KubernetesConnectionError } from "./status-error.js";

/** One request. */
export interface RequestSpec {
  /** The HTTP method. */
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The path, already encoded (`/api/v1/namespaces/default/pods`). */
  readonly path: string;
  /** Query parameters (undefined values are left out). */
  readonly query?: Readonly<Record<string, string | undefined>>;
  /** A JSON body. */
  readonly body?: unknown;
  /** The body's content type. Default `application/json`. */
  readonly contentType?: string;
  /** Extra headers (`Impersonate-User`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** How safe it is to repeat. */
  readonly retry: RetryClass;
  /** Set to true when the request was repeated after a failure that may have taken effect (500, 504, a lost connection). */
  readonly ambiguity?: { repeatedAfterAmbiguousFailure: boolean };
}

/** Settings of a {@link Transport}. */
export interface TransportSettings {
  /** Authentication. */
  readonly auth: ClusterAuth;
  /** Redaction. */
  readonly redactor: Redactor;
  /** Time. */
  readonly clock: KubernetesClock;
  /** Jitter. */
  readonly random: () => number;
  /** Requests per second. */
  readonly qps: number;
  /** Bucket size. */
  readonly burst: number;
  /** Requests in flight. */
  readonly maxConcurrent: number;
  /** Retries per request. */
  readonly maxAttempts: number;
  /** First backoff. */
  readonly initialMs: number;
  /** Largest backoff. */
  readonly maxMs: number;
  /** Per-request timeout. */
  readonly requestTimeoutMs: number;
  /** Debug log. */
  readonly log?: ((entry: KubernetesLogEntry) => void) | undefined;
}

interface Response {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
}

/** The connection to one API server. */
export class Transport {
  private readonly s: TransportSettings;
  private readonly bucket: TokenBucket;
  private readonly slots: Semaphore;
  private readonly agent: http.Agent;
  private readonly inFlight = new Set<http.ClientRequest>();
  private readonly idleWaiters: (() => void)[] = [];
  private closedReason: string | undefined;
  private readonly closed: Promise<void>;
  private markClosed: () => void = () => undefined;

  /** @param settings - auth, limits, retries, clock */
  constructor(settings: TransportSettings) {
    this.s = settings;
    this.bucket = new TokenBucket(settings.qps, settings.burst, settings.clock);
    this.slots = new Semaphore(settings.maxConcurrent);
    this.agent = settings.auth.server.protocol === "http:" ? new http.Agent({ keepAlive: true }) : new https.Agent({ keepAlive: true });
    this.closed = new Promise((resolve) => {
      this.markClosed = resolve;
    });
  }

  /** The server's URL, for messages. */
  get server(): string {
    return this.s.auth.server.origin;
  }

  /** Whether `close()` was called. */
  get isClosed(): boolean {
    return this.closedReason !== undefined;
  }

  /** Logs a redacted message. */
  log(level: KubernetesLogEntry["level"], message: string): void {
    this.s.log?.({ level, message: this.s.redactor.redact(message) });
  }

  /** Redacts a text. */
  redact(text: string): string {
    return this.s.redactor.redact(text);
  }

  /**
   * Sleeps on the injected clock; resolves early (with `false`) when the transport closes.
   *
   * @param ms - how long
   * @returns `true` when the time passed, `false` when closed first
   */
  async sleep(ms: number): Promise<boolean> {
    if (this.isClosed) return false;
    return Promise.race([this.s.clock.sleep(ms).then(() => !this.isClosed), this.closed.then(() => false)]);
  }

  /**
   * Sends a request (with limits and retries) and parses the JSON response.
   *
   * @param spec - the request
   * @returns the parsed body
   * @throws StoreError the mapped failure
   */
  async request(spec: RequestSpec): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(spec);
      if (!("error" in outcome)) return outcome.value;
      if (outcome.httpStatus === 401 && attempt === 0) {
        this.s.auth.invalidate();
        continue;
      }
      if (attempt >= this.s.maxAttempts || this.isClosed || !shouldRetry(outcome, spec.retry)) throw outcome.error;
      const wait = retryDelayMs(outcome, attempt, this.s, this.s.random);
      this.log("warn", `${spec.method} ${spec.path}: ${outcome.error.reason} (${outcome.error.message}); retry ${attempt + 1} in ${Math.round(wait)} ms`);
      if (!(await this.sleep(wait))) throw outcome.error;
      if (spec.ambiguity !== undefined && outcome.httpStatus !== 429 && outcome.httpStatus !== 409 && outcome.retryAfterSeconds === undefined && !(outcome.connectionCode !== undefined && NOT_SENT.has(outcome.connectionCode))) {
        spec.ambiguity.repeatedAfterAmbiguousFailure = true;
      }
    }
  }

  private async attempt(spec: RequestSpec): Promise<{ value: unknown } | AttemptOutcome> {
    this.assertOpen();
    await this.bucket.take();
    const release = await this.slots.acquire();
    const started = this.s.clock.now();
    try {
      this.assertOpen();
      const response = await this.send(spec, this.s.requestTimeoutMs);
      this.log("debug", `${spec.method} ${spec.path} ${response.status} (${this.s.clock.now() - started} ms)`);
      if (response.status >= 200 && response.status < 300) {
        try {
          return { value: response.text === "" ? {} : (JSON.parse(response.text) as unknown) };
        } catch {
          return { error: errorOfResponse(502, response.text, `${spec.method} ${spec.path}: a success response that is not JSON`, this.s.redactor), httpStatus: 502 };
        }
      }
      const retryAfter = parseRetryAfter(response.headers["retry-after"], this.s.clock.now());
      return {
        error: errorOfResponse(response.status, response.text, `${spec.method} ${spec.path}`, this.s.redactor),
        httpStatus: response.status,
        ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter }),
      };
    } catch (error) {
      if (error instanceof KubernetesConnectionError) return { error, connectionCode: error.code };
      throw error;
    } finally {
      release();
      this.notifyIdle();
    }
  }

  private assertOpen(): void {
    if (this.closedReason !== undefined) throw new StoreError(StatusReason.ServiceUnavailable, `the Kubernetes store is closed (${this.closedReason})`);
  }

  private url(spec: Pick<RequestSpec, "path" | "query">): URL {
    const base = this.s.auth.server;
    const url = new URL(`${base.pathname.replace(/\/$/, "")}${spec.path}`, base.origin);
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    return url;
  }

  /**
   * Opens a request and resolves with the response head (the body streams); for watches.
   * Goes through the QPS limit, not the concurrency limit, and is not retried.
   *
   * @param spec - the request
   * @param signal - aborts the request
   * @param idleMs - the connection is dropped after this long without any data (a silent network)
   * @returns the response, or a mapped error for a non-2xx response
   */
  async open(spec: Omit<RequestSpec, "retry">, signal: AbortSignal, idleMs: number): Promise<{ response: http.IncomingMessage } | AttemptOutcome> {
    this.assertOpen();
    await this.bucket.take();
    const auth = await this.s.auth.get();
    const url = this.url(spec);
    return new Promise((resolve, reject) => {
      const req = this.client().request(url, { method: spec.method, agent: auth.proxyAgent ?? this.agent, headers: { Accept: "application/json", ...auth.headers, ...spec.headers }, ...auth.tls, signal });
      req.setTimeout(idleMs, () => req.destroy(Object.assign(new Error(`no data for ${idleMs} ms`), { code: "ETIMEDOUT" })));
      req.on("response", (response) => {
        if ((response.statusCode ?? 0) >= 200 && (response.statusCode ?? 0) < 300) {
          resolve({ response });
          return;
        }
        readAll(response).then((text) => {
          const status = response.statusCode ?? 0;
          if (status === 401) this.s.auth.invalidate();
          const retryAfter = parseRetryAfter(response.headers["retry-after"], this.s.clock.now());
          resolve({ error: errorOfResponse(status, text, `${spec.method} ${spec.path}`, this.s.redactor), httpStatus: status, ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter }) });
        }, reject);
      });
      req.on("error", (error) => {
        const mapped = this.connectionError(spec, url, error);
        resolve({ error: mapped, connectionCode: mapped.code });
      });
      req.end();
    });
  }

  private client(): typeof http | typeof https {
    return this.s.auth.server.protocol === "http:" ? http : https;
  }

  private connectionError(spec: Pick<RequestSpec, "method" | "path">, url: URL, error: unknown): KubernetesConnectionError {
    const e = error as { code?: unknown; message?: unknown };
    const code = typeof e.code === "string" ? e.code : "ECONNECTION";
    const message = typeof e.message === "string" ? e.message : String(error);
    return new KubernetesConnectionError(code, this.s.redactor.redact(`${spec.method} ${spec.path}: cannot reach the API server at ${url.origin}: ${message}`));
  }

  private async send(spec: RequestSpec, timeoutMs: number): Promise<Response> {
    const auth = await this.s.auth.get();
    const url = this.url(spec);
    const body = spec.body === undefined ? undefined : Buffer.from(JSON.stringify(spec.body));
    const headers: Record<string, string> = { Accept: "application/json", ...auth.headers, ...spec.headers };
    if (body !== undefined) {
      headers["Content-Type"] = spec.contentType ?? "application/json";
      headers["Content-Length"] = String(body.length);
    }
    return new Promise<Response>((resolve, reject) => {
      const req = this.client().request(url, { method: spec.method, agent: auth.proxyAgent ?? this.agent, headers, timeout: timeoutMs, ...auth.tls });
      this.inFlight.add(req);
      const done = (): void => {
        this.inFlight.delete(req);
      };
      req.on("timeout", () => req.destroy(Object.assign(new Error(`no response within ${timeoutMs} ms`), { code: "ETIMEDOUT" })));
      req.on("response", (response) => {
        readAll(response).then(
          (text) => {
            done();
            resolve({ status: response.statusCode ?? 0, headers: response.headers, text });
          },
          (error: unknown) => {
            done();
            reject(this.connectionError(spec, url, error));
          },
        );
      });
      req.on("error", (error) => {
        done();
        reject(this.connectionError(spec, url, error));
      });
      req.end(body);
    });
  }

  private notifyIdle(): void {
    if (this.slots.inUse > 0) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /**
   * Refuses new requests, waits up to `timeoutMs` for those in flight, then aborts the rest and
   * frees the connections.
   *
   * @param timeoutMs - how long to wait
   * @returns whether every request finished in time
   */
  async close(timeoutMs: number): Promise<boolean> {
    if (this.closedReason === undefined) {
      this.closedReason = "close() was called";
      this.markClosed();
    }
    let finished = this.slots.inUse === 0;
    if (!finished) {
      const idle = new Promise<boolean>((resolve) => this.idleWaiters.push(() => resolve(true)));
      const timer = this.s.clock.sleep(timeoutMs).then(() => false);
      finished = await Promise.race([idle, timer]);
    }
    for (const req of this.inFlight) req.destroy(Object.assign(new Error("the Kubernetes store was closed"), { code: "ECONNABORTED" }));
    this.agent.destroy();
    return finished;
  }
}

function readAll(response: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on("data", (chunk: Buffer) => chunks.push(chunk));
    response.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    response.on("error", reject);
    response.on("aborted", () => reject(Object.assign(new Error("the response was cut off"), { code: "ECONNRESET" })));
  });
}
