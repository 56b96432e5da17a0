/**
 * POST (create), PUT (update), PATCH (four content types) and DELETE (with DeleteOptions) of
 * objects and their status.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { PATCH_CONTENT_TYPES } from "../store/patch-content-types.js";
import type { DeleteOptions, KubeObject, StorePatchType } from "../store/types.js";
import { decodeBody, decodeObjectBody, readBody } from "./body.js";
import type { ServerContext } from "./context.js";
import { validateCrd } from "./crds.js";
import { checkMetadata } from "./metadata-check.js";
import { objectRef, rejectDryRun, type ResourceRequest } from "./request-context.js";
import { sendJson } from "./respond.js";
import { badRequest, unsupportedMediaType } from "./status.js";

type Http = { req: IncomingMessage; res: ServerResponse };

/** Patch types by media type (the port's table, read backwards). */
const PATCH_TYPES: ReadonlyMap<string, StorePatchType> = new Map(Object.entries(PATCH_CONTENT_TYPES).map(([type, media]) => [media, type as StorePatchType]));

/** The media type of a request body: `Content-Type` without parameters, lower case. */
function mediaType(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * Reads a create or update body: JSON (also when the type is absent) or YAML; anything else,
 * e.g. kubectl's protobuf, is a 415, after which client-go retries with JSON.
 */
async function objectBody(request: ResourceRequest, req: IncomingMessage): Promise<Record<string, unknown>> {
  const contentType = mediaType(req);
  const yaml = contentType === "application/yaml";
  if (contentType !== "" && contentType !== "application/json" && !yaml) throw unsupportedMediaType(contentType, ["application/json", "application/yaml"]);
  const value = decodeBody(await readBody(req), { yaml });
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw badRequest(`the request body must be an object (${request.resource.kind})`);
  return value as Record<string, unknown>;
}

/** Checks and completes the object of a create or update body. */
function bodyObject(request: ResourceRequest, body: Record<string, unknown>, what: string): KubeObject {
  const { apiVersion, kind } = request.type;
  if (body["apiVersion"] !== undefined && body["apiVersion"] !== apiVersion) throw badRequest(`the API version in the data (${String(body["apiVersion"])}) does not match the expected API version (${apiVersion})`);
  if (body["kind"] !== undefined && body["kind"] !== kind) throw badRequest(`the kind in the data (${String(body["kind"])}) does not match the expected kind (${kind}) for ${what}`);
  checkMetadata(body["metadata"]);
  const meta = (body["metadata"] ?? {}) as Record<string, unknown>;
  if (request.namespace !== undefined && meta["namespace"] !== undefined && meta["namespace"] !== "" && meta["namespace"] !== request.namespace) {
    throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
  }
  const namespace = request.resource.namespaced ? { namespace: request.namespace } : {};
  const object = { ...body, apiVersion, kind, metadata: { ...meta, ...namespace } } as KubeObject;
  if (request.resource.group === "apiextensions.k8s.io" && kind === "CustomResourceDefinition") validateCrd(object);
  return object;
}

/** POST to a collection. */
export async function handleCreate(context: ServerContext, request: ResourceRequest, http: Http): Promise<void> {
  if (request.resource.namespaced && request.namespace === undefined) throw badRequest(`a namespace is required to create ${request.resource.plural}: POST to .../namespaces/{namespace}/${request.resource.plural}`);
  const body = await objectBody(request, http.req);
  rejectDryRun(request);
  const created = await context.store.create(bodyObject(request, body, "create"));
  sendJson(http.res, 201, created);
}

/** PUT of an object or its status. */
export async function handleUpdate(context: ServerContext, request: ResourceRequest, http: Http): Promise<void> {
  const ref = objectRef(request);
  const body = await objectBody(request, http.req);
  const object = bodyObject(request, body, "update");
  if (object.metadata.name !== undefined && object.metadata.name !== ref.name) throw badRequest(`the name of the object (${object.metadata.name}) does not match the name on the URL (${ref.name})`);
  rejectDryRun(request);
  const updated = await context.store.update({ ...object, metadata: { ...object.metadata, name: ref.name } }, request.subresource === undefined ? {} : { subresource: request.subresource });
  sendJson(http.res, 200, updated);
}

/** PATCH of an object or its status. */
export async function handlePatch(context: ServerContext, request: ResourceRequest, http: Http): Promise<void> {
  const ref = objectRef(request);
  const contentType = mediaType(http.req);
  const patchType = PATCH_TYPES.get(contentType);
  if (patchType === undefined) throw unsupportedMediaType(contentType, [...PATCH_TYPES.keys()]);
  const data = decodeBody(await readBody(http.req), { yaml: patchType === "apply" });
  if (patchType === "json" && !Array.isArray(data)) throw badRequest("the JSON patch must be an array of operations");
  if (patchType !== "json" && (typeof data !== "object" || data === null || Array.isArray(data))) throw badRequest("the patch must be a JSON object");
  if (patchType !== "json") checkMetadata((data as Record<string, unknown>)["metadata"], { patch: patchType !== "apply" });
  const q = request.query;
  if (patchType === "apply") {
    if (q.fieldManager === undefined) throw badRequest('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
    bodyObject(request, data as Record<string, unknown>, "apply");
  } else if (q.force) {
    throw badRequest('PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch');
  }
  rejectDryRun(request);
  const impersonate = http.req.headers["impersonate-user"];
  const patched = await context.store.patch(ref, {
    patchType,
    data,
    ...(request.subresource === undefined ? {} : { subresource: request.subresource }),
    ...(q.fieldManager === undefined ? {} : { fieldManager: q.fieldManager }),
    ...(q.force ? { force: true } : {}),
    ...(typeof impersonate === "string" ? { impersonate } : {}),
  });
  sendJson(http.res, 200, patched);
}

function deleteOptionsOf(body: Record<string, unknown> | undefined, gracePeriodSeconds: number | undefined): DeleteOptions {
  const grace = body?.["gracePeriodSeconds"] ?? gracePeriodSeconds;
  if (grace !== undefined && (typeof grace !== "number" || !Number.isInteger(grace))) throw badRequest("DeleteOptions.gracePeriodSeconds must be an integer");
  const pre = body?.["preconditions"];
  if (pre !== undefined && pre !== null && (typeof pre !== "object" || Array.isArray(pre))) throw badRequest("DeleteOptions.preconditions must be an object");
  const p = (pre ?? {}) as Record<string, unknown>;
  const preconditions = {
    ...(typeof p["uid"] === "string" ? { uid: p["uid"] } : {}),
    ...(typeof p["resourceVersion"] === "string" ? { resourceVersion: p["resourceVersion"] } : {}),
  };
  return {
    ...(grace === undefined ? {} : { gracePeriodSeconds: grace < 0 ? 0 : grace }),
    ...(Object.keys(preconditions).length === 0 ? {} : { preconditions }),
  };
}

/** DELETE of an object. */
export async function handleDelete(context: ServerContext, request: ResourceRequest, http: Http): Promise<void> {
  const ref = objectRef(request);
  if (request.subresource !== undefined) throw badRequest(`cannot delete the ${request.subresource} subresource`);
  const text = await readBody(http.req);
  const contentType = mediaType(http.req);
  if (text.trim() !== "" && contentType !== "" && contentType !== "application/json") throw unsupportedMediaType(contentType, ["application/json"]);
  const body = text.trim() === "" ? undefined : decodeObjectBody(text, "DeleteOptions");
  const options = deleteOptionsOf(body, request.query.gracePeriodSeconds);
  const dryRun = body?.["dryRun"];
  if (Array.isArray(dryRun) && dryRun.length > 0) rejectDryRun({ ...request, query: { ...request.query, dryRun: dryRun.map(String) } });
  rejectDryRun(request);
  const last = await context.store.delete(ref, options);
  sendJson(http.res, 200, last);
}
