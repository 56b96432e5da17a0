/**
 * Watch streams: chunked `application/json`, one `{"type","object"}` per line; a 410 `Expired`
 * (and any error after the stream started) arrives as an `ERROR` event carrying a `Status`, a
 * watch that cannot start (bad selector or resource version) is an HTTP error; the stream ends at `timeoutSeconds`, on `close()`, or when fault injection drops it;
 * the store watch stops when the client goes away.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { StatusReason, StoreError } from "../store/errors.js";
import type { Watch, WatchEvent } from "../store/types.js";
import type { ServerContext } from "./context.js";
import type { ResourceRequest } from "./request-context.js";
import { sendFailure } from "./respond.js";
import { statusOf } from "./status.js";
import { tableVersion, toTable } from "./table.js";

/** Bytes a watch may have waiting for a slow client before the connection is closed (16 MiB). */
export const WATCH_BUFFER_LIMIT = 16 * 1024 * 1024;

function expired(resourceVersion: string): StoreError {
  return new StoreError(StatusReason.Expired, `too old resource version: ${resourceVersion} (injected fault)`);
}

/**
 * Streams a watch.
 *
 * @param context - the server
 * @param request - the resolved request (a collection, or one object through the legacy
 *   `/watch/…/{name}` path, which watches with a `metadata.name` field selector)
 * @param http - the HTTP request and response
 */
export function handleWatch(context: ServerContext, request: ResourceRequest, http: { req: IncomingMessage; res: ServerResponse }): void {
  const { res } = http;
  const q = request.query;
  const table = tableVersion(http.req.headers.accept);
  const open = (): void => {
    if (res.headersSent) return;
    res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-cache, private", "Transfer-Encoding": "chunked" });
    res.flushHeaders();
  };
  let ended = false;
  let watch: Watch | undefined;
  let timer: NodeJS.Timeout | undefined;
  let columnsSent = false;
  const finish = (how: "end" | "destroy" | "drop"): void => {
    if (ended) return;
    ended = true;
    watch?.stop();
    if (timer !== undefined) clearTimeout(timer);
    context.watches.delete(endStream);
    if (how === "end") res.end();
    else if (how === "destroy") res.destroy();
    // an injected drop: the events written so far are flushed, then the connection closes
    // without the stream's final chunk, as when a proxy or the API server goes away
    else if (res.socket === null) res.destroy();
    else res.socket.end();
  };
  const endStream = (): void => finish("end");
  context.watches.add(endStream);
  res.on("close", () => finish("destroy"));
  const write = (line: unknown): void => {
    if (ended) return;
    open();
    res.write(`${JSON.stringify(line)}\n`);
    // a client that does not read is cut off, as the API server closes unresponsive watchers
    if (res.writableLength > WATCH_BUFFER_LIMIT) finish("destroy");
  };
  // as the API server: a request it cannot start (bad selector or resource version) is an
  // HTTP error; an expired resource version, or anything after the start, an ERROR event
  const fail = (error: unknown): void => {
    const status = statusOf(error);
    if (!res.headersSent && status.code !== 410) {
      context.watches.delete(endStream);
      ended = true;
      watch?.stop();
      if (timer !== undefined) clearTimeout(timer);
      sendFailure(res, error);
      return;
    }
    write({ type: "ERROR", object: status });
    finish("end");
  };
  const onEvent = (event: WatchEvent): void => {
    if (ended) return;
    if (table !== undefined && event.type !== "BOOKMARK") {
      const object = toTable([event.object], {
        apiVersion: table,
        group: request.resource.group,
        kind: request.resource.kind,
        nowMs: context.now(),
        omitColumns: columnsSent,
        metadata: { resourceVersion: event.object.metadata.resourceVersion ?? "" },
        ...(q.includeObject === undefined ? {} : { includeObject: q.includeObject }),
      });
      columnsSent = true;
      write({ type: event.type, object });
    } else {
      write(event);
    }
    if (context.faults.dropWatch()) finish("drop");
  };
  const rv = q.resourceVersion;
  if (rv !== undefined && rv !== "0" && context.faults.expireWatch()) return fail(expired(rv));
  if (q.timeoutSeconds !== undefined) timer = setTimeout(() => finish("end"), q.timeoutSeconds * 1000);
  const fields = [q.fieldSelector, request.name === undefined ? undefined : `metadata.name=${request.name}`].filter((f) => f !== undefined).join(",");
  try {
    watch = context.store.watch(
      request.type,
      {
        ...(request.namespace === undefined ? {} : { namespace: request.namespace }),
        ...(q.labelSelector === undefined ? {} : { labelSelector: q.labelSelector }),
        ...(fields === "" ? {} : { fieldSelector: fields }),
        ...(rv === undefined ? {} : { resourceVersion: rv }),
        allowBookmarks: q.allowWatchBookmarks,
      },
      onEvent,
      fail,
    );
  } catch (error) {
    fail(error);
    return;
  }
  if (ended) watch.stop();
  else open();
}
