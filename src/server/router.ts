/**
 * Routes a request: discovery, OpenAPI (not served: 404), health checks, and resource verbs;
 * every failure answers with a `Status`.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ServerContext } from "./context.js";
import { apiGroup, apiGroupList, apiResourceList, apiVersions, versionInfo } from "./discovery.js";
import { OPENAPI_V2_PROTOBUF, openApiV2Json, openApiV2Protobuf } from "./openapi.js";
import { handleGet, handleList } from "./handle-read.js";
import { handleWatch } from "./handle-watch.js";
import { handleCreate, handleDelete, handlePatch, handleUpdate } from "./handle-write.js";
import { parseQuery } from "./query.js";
import { resolveResource } from "./request-context.js";
import { parseRequestPath, type ResourcePath } from "./request-path.js";
import { sendFailure, sendJson } from "./respond.js";
import { methodNotAllowed, pathNotFound } from "./status.js";

type Http = { req: IncomingMessage; res: ServerResponse };

function discovery(context: ServerContext, pathname: string, http: Http): boolean {
  const path = parseRequestPath(pathname);
  let body: unknown;
  switch (path.kind) {
    case "version":
      body = versionInfo();
      break;
    case "api":
      body = apiVersions(context.serverAddress);
      break;
    case "apis":
      body = apiGroupList(context.registry);
      break;
    case "group":
      body = apiGroup(context.registry, path.group);
      break;
    case "group-version":
      body = apiResourceList(context.registry, path.group, path.version);
      break;
    case "openapi-v2": {
      const proto = (http.req.headers.accept ?? "").includes("protobuf");
      const payload = proto ? openApiV2Protobuf() : Buffer.from(JSON.stringify(openApiV2Json()));
      http.res.writeHead(200, { "Content-Type": proto ? OPENAPI_V2_PROTOBUF : "application/json", "Content-Length": payload.length }).end(payload);
      return true;
    }
    case "health":
      http.res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
      return true;
    default:
      return false;
  }
  if (http.req.method !== "GET" && http.req.method !== "HEAD") throw methodNotAllowed(http.req.method ?? "", pathname);
  if (body === undefined) throw pathNotFound();
  sendJson(http.res, 200, body);
  return true;
}

async function resource(context: ServerContext, path: ResourcePath, url: URL, http: Http): Promise<void> {
  const request = resolveResource(context, path, parseQuery(url.searchParams));
  const method = http.req.method ?? "GET";
  const write = method === "PUT" || method === "PATCH" || method === "DELETE";
  if (method !== "GET" && method !== "POST" && !write) throw methodNotAllowed(method, url.pathname);
  const fault = context.faults.forRequest(write);
  if (fault !== undefined) throw fault;
  if (request.name === undefined) {
    if (method === "GET") return request.watchPath || request.query.watch ? handleWatch(context, request, http) : handleList(context, request, http);
    if (method === "POST") return handleCreate(context, request, http);
    throw methodNotAllowed(method, url.pathname);
  }
  switch (method) {
    case "GET":
      return request.watchPath || request.query.watch ? handleWatch(context, request, http) : handleGet(context, request, http);
    case "PUT":
      return handleUpdate(context, request, http);
    case "PATCH":
      return handlePatch(context, request, http);
    case "DELETE":
      return handleDelete(context, request, http);
    default:
      throw methodNotAllowed(method, url.pathname);
  }
}

/**
 * Answers one request.
 *
 * @param context - the server
 * @param http - the HTTP request and response
 */
export async function route(context: ServerContext, http: Http): Promise<void> {
  try {
    const url = new URL(http.req.url ?? "/", "http://localhost");
    if (discovery(context, url.pathname, http)) return;
    const path = parseRequestPath(url.pathname);
    if (path.kind !== "resource") throw pathNotFound();
    await resource(context, path, url, http);
  } catch (error) {
    sendFailure(http.res, error);
  }
}
