/**
 * A watch that survives the network: it reconnects dropped connections from the last resource
 * version it saw (with backoff), renews connections the server times out, drops repeated
 * events, and — when it started from its own list — answers `410 Expired` by listing again and
 * emitting what changed meanwhile (`ADDED`, `MODIFIED`, `DELETED` against what it delivered),
 * so a consumer like the Simulator sees a consistent stream without ever re-listing itself.
 *
 * A watch started from a caller's `resourceVersion` cannot know what the caller holds, so on
 * `Expired` it calls `onError` (the port's contract: list again) and stops.
 *
 * @module
 */
import { StatusReason, StoreError } from "../../store/errors.js";
import { resyncEvents } from "../../store/resync.js";
import type { KubeObject, ObjectList, ResourceType, Watch, WatchEvent, WatchOptions } from "../../store/types.js";
import { LineSplitter } from "./json-lines.js";
import type { AttemptOutcome } from "./retry-policy.js";
import { retryDelayMs, shouldRetry } from "./retry-policy.js";
import { errorOfBody, KubernetesConnectionError } from "./status-error.js";
import type { Redactor } from "./redact.js";
import type { Transport } from "./transport.js";

/** What a watch needs. */
export interface WatchDeps {
  /** The connection. */
  readonly transport: Transport;
  /** Redaction, for errors in the stream. */
  readonly redactor: Redactor;
  /** The collection path (with namespace). */
  readonly path: string;
  /** The watched type (for bookmarks and list items). */
  readonly type: ResourceType;
  /** Lists the watched objects (every page). */
  readonly list: () => Promise<ObjectList>;
  /** Server-side timeout of one connection, in seconds. */
  readonly timeoutSeconds: number;
  /** Reconnection backoff. */
  readonly backoff: { readonly initialMs: number; readonly maxMs: number };
  /** Jitter. */
  readonly random: () => number;
  /** Milliseconds now. */
  readonly now: () => number;
  /** Called when the watch ends for good (stopped or failed). */
  readonly onEnd: (watch: ResilientWatch) => void;
}

type Connection = { readonly kind: "ended"; readonly events: number; readonly ms: number } | { readonly kind: "expired" } | { readonly kind: "failed"; readonly outcome: AttemptOutcome };

function outcomeOf(error: unknown): AttemptOutcome | undefined {
  if (error instanceof KubernetesConnectionError) return { error, connectionCode: error.code };
  if (error instanceof StoreError) return { error, httpStatus: error.statusCode };
  return undefined;
}

function keyOf(o: KubeObject): string {
  return `${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`;
}

/** A running, self-healing watch. */
export class ResilientWatch implements Watch {
  private readonly known = new Map<string, KubeObject>();
  private readonly abort = new AbortController();
  private stopped = false;
  private resourceVersion = "";
  private tracking = false;

  /**
   * @param deps - connection, list, timing
   * @param options - the caller's watch options
   * @param onEvent - the caller's listener
   * @param onError - the caller's error listener
   */
  constructor(
    private readonly deps: WatchDeps,
    private readonly options: WatchOptions,
    private readonly onEvent: (event: WatchEvent) => void,
    private readonly onError: ((error: Error) => void) | undefined,
  ) {}

  /** Starts the loop (not awaited by `watch()`). */
  start(): void {
    this.run().catch((error: unknown) => this.fail(error instanceof Error ? error : new Error(this.deps.redactor.redact(String(error)))));
  }

  /** Stops delivering events and closes the connection. Idempotent. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.abort.abort();
    this.deps.onEnd(this);
  }

  private fail(error: Error): void {
    if (this.stopped) return;
    this.stop();
    this.onError?.(error);
  }

  /**
   * Lists, retrying retryable failures (429, 5xx, lost connections) with backoff for as long as
   * the watch runs, as an informer does; other failures end the watch.
   */
  private async listPatiently(): Promise<ObjectList | undefined> {
    for (let failures = 0; ; failures++) {
      try {
        return await this.deps.list();
      } catch (error) {
        if (this.stopped) return undefined;
        const outcome = outcomeOf(error);
        if (outcome === undefined || !shouldRetry(outcome, { idempotent: true, unconditional: false })) throw error;
        const wait = retryDelayMs(outcome, failures, this.deps.backoff, this.deps.random);
        this.deps.transport.log("warn", `watch ${this.deps.path}: list failed (${outcome.error.message}); again in ${Math.round(wait)} ms`);
        if (!(await this.deps.transport.sleep(wait))) return undefined;
      }
    }
  }

  private async run(): Promise<void> {
    if (this.options.resourceVersion === undefined || this.options.resourceVersion === "") {
      const list = await this.listPatiently();
      if (list === undefined) return;
      if (this.stopped) return;
      this.tracking = true;
      for (const item of list.items) this.deliver({ type: "ADDED", object: item });
      this.resourceVersion = list.resourceVersion;
    } else {
      this.resourceVersion = this.options.resourceVersion;
    }
    let failures = 0;
    while (!this.stopped) {
      const connection = await this.connect();
      if (this.stopped) return;
      if (connection.kind === "expired") {
        if (!this.tracking) {
          this.fail(new StoreError(StatusReason.Expired, `too old resource version: ${this.resourceVersion} (watch of ${this.deps.path}; list again and watch from the list's resourceVersion)`));
          return;
        }
        this.deps.transport.log("warn", `watch ${this.deps.path}: resource version ${this.resourceVersion} expired; listing again`);
        await this.relist();
        failures = 0;
        continue;
      }
      if (connection.kind === "ended") {
        // a clean end after the server's timeout: renew at once; a quick empty end counts as a failure
        if (connection.events > 0 || connection.ms >= 1000) {
          failures = 0;
          continue;
        }
        failures++;
      } else {
        if (!shouldRetry(connection.outcome, { idempotent: true, unconditional: false })) {
          this.fail(connection.outcome.error);
          return;
        }
        failures++;
      }
      const wait = connection.kind === "failed" ? retryDelayMs(connection.outcome, failures - 1, this.deps.backoff, this.deps.random) : Math.min(this.deps.backoff.initialMs * 2 ** (failures - 1), this.deps.backoff.maxMs);
      this.deps.transport.log("warn", `watch ${this.deps.path}: connection ${connection.kind === "failed" ? `failed (${connection.outcome.error.message})` : "ended early"}; reconnecting from ${this.resourceVersion} in ${Math.round(wait)} ms`);
      await this.deps.transport.sleep(wait);
    }
  }

  private async relist(): Promise<void> {
    const list = await this.listPatiently();
    if (list === undefined || this.stopped) return;
    for (const event of resyncEvents(this.known.values(), list)) this.deliver(event);
    this.resourceVersion = list.resourceVersion;
  }

  private query(): Record<string, string | undefined> {
    return {
      watch: "1",
      resourceVersion: this.resourceVersion,
      allowWatchBookmarks: "true",
      timeoutSeconds: String(this.deps.timeoutSeconds),
      labelSelector: this.options.labelSelector,
      fieldSelector: this.options.fieldSelector,
    };
  }

  private async connect(): Promise<Connection> {
    const started = this.deps.now();
    const opened = await this.deps.transport.open({ method: "GET", path: this.deps.path, query: this.query() }, this.abort.signal, (this.deps.timeoutSeconds + 30) * 1000);
    if (!("response" in opened)) {
      if (opened.httpStatus === 410) return { kind: "expired" };
      return { kind: "failed", outcome: opened };
    }
    const response = opened.response;
    response.setEncoding("utf8");
    return new Promise<Connection>((resolve) => {
      let events = 0;
      let settled = false;
      const finish = (connection: Connection): void => {
        if (settled) return;
        settled = true;
        response.destroy();
        resolve(connection);
      };
      const splitter = new LineSplitter((line) => {
        if (settled) return;
        let parsed: { type?: unknown; object?: unknown };
        try {
          parsed = JSON.parse(line) as { type?: unknown; object?: unknown };
        } catch {
          finish({ kind: "failed", outcome: { error: new StoreError(StatusReason.InternalError, this.deps.redactor.redact(`watch ${this.deps.path}: a line that is not JSON: ${line.slice(0, 120)}`)), connectionCode: "EBADWATCH" } });
          return;
        }
        if (parsed.type === "ERROR") {
          const error = errorOfBody(500, parsed.object, line, `watch ${this.deps.path}`, this.deps.redactor);
          finish(error.statusCode === 410 ? { kind: "expired" } : { kind: "failed", outcome: { error, httpStatus: error.statusCode } });
          return;
        }
        events++;
        this.onWire(parsed);
      });
      response.on("data", (chunk: string) => splitter.push(chunk));
      response.on("end", () => {
        splitter.end();
        finish({ kind: "ended", events, ms: this.deps.now() - started });
      });
      response.on("error", () => finish({ kind: "ended", events, ms: 0 }));
      response.on("close", () => finish({ kind: "ended", events, ms: events > 0 ? this.deps.now() - started : 0 }));
    });
  }

  private onWire(parsed: { type?: unknown; object?: unknown }): void {
    const type = parsed.type;
    const object = parsed.object as KubeObject | undefined;
    if (typeof object !== "object" || object === null || typeof object.metadata !== "object") return;
    const rv = object.metadata.resourceVersion;
    if (typeof rv === "string" && rv !== "") this.resourceVersion = rv;
    if (type === "BOOKMARK") {
      if (this.options.allowBookmarks === true) {
        this.deliver({ type: "BOOKMARK", object: { apiVersion: this.deps.type.apiVersion, kind: this.deps.type.kind, metadata: { resourceVersion: rv ?? "" } } });
      }
      return;
    }
    if (type !== "ADDED" && type !== "MODIFIED" && type !== "DELETED") return;
    const withType = object.apiVersion === undefined || object.kind === undefined ? { ...object, apiVersion: this.deps.type.apiVersion, kind: this.deps.type.kind } : object;
    const key = keyOf(withType);
    if (type === "DELETED") {
      this.known.delete(key);
    } else {
      // a repeated event (same object version) after a reconnection is not delivered twice
      if (this.known.get(key)?.metadata.resourceVersion === rv) return;
      this.known.set(key, withType);
    }
    this.deliver({ type, object: withType });
  }

  private deliver(event: WatchEvent): void {
    if (this.stopped) return;
    if (event.type === "ADDED" || event.type === "MODIFIED") this.known.set(keyOf(event.object), event.object);
    else if (event.type === "DELETED") this.known.delete(keyOf(event.object));
    try {
      this.onEvent(event);
    } catch (error) {
      this.deps.transport.log("warn", `watch ${this.deps.path}: the listener threw: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
