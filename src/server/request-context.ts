/**
 * One resource request, resolved: which resource, namespace, object and subresource it is
 * about, and its query.
 *
 * @module
 */
import type { ObjectRef, ResourceType } from "../store/types.js";
import type { RequestQuery } from "./query.js";
import type { ResourcePath } from "./request-path.js";
import { apiVersionOf, type ServedResource } from "./resources.js";
import { badRequest, pathNotFound } from "./status.js";
import type { ServerContext } from "./context.js";
import { StatusReason, StoreError } from "../store/errors.js";

/** A resolved resource request. */
export interface ResourceRequest {
  /** The served resource. */
  readonly resource: ServedResource;
  /** Its type for the store. */
  readonly type: ResourceType;
  /** The namespace of the path (absent for cluster-scoped resources and all-namespace lists). */
  readonly namespace?: string;
  /** The object name, for object paths. */
  readonly name?: string;
  /** `status` for the status subresource. */
  readonly subresource?: string;
  /** Whether the legacy `/watch/` prefix was used. */
  readonly watchPath: boolean;
  /** The query. */
  readonly query: RequestQuery;
}

/**
 * Resolves a resource path against the served resources.
 *
 * @param context - the server
 * @param path - the parsed path
 * @param query - the parsed query
 * @returns the request
 * @throws StoreError `NotFound` for resources, namespaces on cluster-scoped resources or
 *   subresources that are not served
 */
export function resolveResource(context: ServerContext, path: ResourcePath, query: RequestQuery): ResourceRequest {
  const resource = context.registry.find(path.group, path.version, path.plural);
  if (resource === undefined) throw pathNotFound();
  if (path.namespace !== undefined && !resource.namespaced) throw pathNotFound();
  if (path.subresource !== undefined && !resource.subresources.includes(path.subresource)) throw pathNotFound();
  if (path.namespace !== undefined && path.namespace === "") throw badRequest("the namespace in the path is empty");
  return {
    resource,
    type: { apiVersion: apiVersionOf(resource), kind: resource.kind },
    watchPath: path.watch,
    query,
    ...(path.namespace === undefined ? {} : { namespace: path.namespace }),
    ...(path.name === undefined ? {} : { name: path.name }),
    ...(path.subresource === undefined ? {} : { subresource: path.subresource }),
  };
}

/**
 * The store reference of an object request.
 *
 * @param request - the request
 * @returns the reference
 */
export function objectRef(request: ResourceRequest): ObjectRef {
  if (request.name === undefined) throw pathNotFound();
  if (request.resource.namespaced && request.namespace === undefined) throw pathNotFound();
  return { ...request.type, name: request.name, ...(request.namespace === undefined ? {} : { namespace: request.namespace }) };
}

/** A 400 for `dryRun`, which the front does not support (or an unknown value). */
export function rejectDryRun(request: ResourceRequest): void {
  const values = request.query.dryRun;
  if (values.length === 0) return;
  if (values.some((v) => v !== "All")) throw badRequest(`dryRun: Unsupported value: ${JSON.stringify(values.find((v) => v !== "All"))}: supported values: "All"`);
  throw new StoreError(StatusReason.BadRequest, "dryRun=All is not supported by the stagecraft server: the request was not applied; send it without dryRun");
}
