/**
 * GET of an object and of a collection (list, with pagination, as a Table when asked).
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { KubeObject } from "../store/types.js";
import type { ServerContext } from "./context.js";
import { paginate } from "./pagination.js";
import { objectRef, type ResourceRequest } from "./request-context.js";
import { sendJson } from "./respond.js";
import { tableVersion, toTable } from "./table.js";

/**
 * Answers a GET of an object (or its status).
 *
 * @param context - the server
 * @param request - the resolved request
 * @param http - the HTTP request and response
 */
export async function handleGet(context: ServerContext, request: ResourceRequest, http: { req: IncomingMessage; res: ServerResponse }): Promise<void> {
  const object = await context.store.get(objectRef(request));
  const table = tableVersion(http.req.headers.accept);
  if (table === undefined) return sendJson(http.res, 200, object);
  sendJson(http.res, 200, tableOf(context, request, [object], table, { resourceVersion: object.metadata.resourceVersion ?? "" }));
}

function tableOf(context: ServerContext, request: ResourceRequest, items: readonly KubeObject[], apiVersion: string, metadata: Record<string, unknown>): Record<string, unknown> {
  return toTable(items, {
    apiVersion,
    group: request.resource.group,
    kind: request.resource.kind,
    nowMs: context.now(),
    metadata,
    ...(request.query.includeObject === undefined ? {} : { includeObject: request.query.includeObject }),
  });
}

/**
 * Answers a list.
 *
 * @param context - the server
 * @param request - the resolved request
 * @param http - the HTTP request and response
 */
export async function handleList(context: ServerContext, request: ResourceRequest, http: { req: IncomingMessage; res: ServerResponse }): Promise<void> {
  const q = request.query;
  const list = await context.store.list(request.type, {
    ...(request.namespace === undefined ? {} : { namespace: request.namespace }),
    ...(q.labelSelector === undefined ? {} : { labelSelector: q.labelSelector }),
    ...(q.fieldSelector === undefined ? {} : { fieldSelector: q.fieldSelector }),
  });
  const page = paginate(list.items, list.resourceVersion, {
    ...(q.limit === undefined ? {} : { limit: q.limit }),
    ...(q.continueToken === undefined ? {} : { continueToken: q.continueToken }),
  });
  const metadata = {
    resourceVersion: page.resourceVersion,
    ...(page.continueToken === undefined ? {} : { continue: page.continueToken, remainingItemCount: page.remainingItemCount }),
  };
  const table = tableVersion(http.req.headers.accept);
  if (table !== undefined) return sendJson(http.res, 200, tableOf(context, request, page.items, table, metadata));
  sendJson(http.res, 200, { apiVersion: request.type.apiVersion, kind: `${request.resource.kind}List`, metadata, items: page.items });
}

export { tableOf };
