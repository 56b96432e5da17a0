/**
 * `Status` failure bodies: built from store errors, for unknown paths, bad requests and
 * anything unexpected (which becomes a 500 `InternalError` with a message, never a stack trace).
 *
 * @module
 */
import { isStoreError, type KubeStatus, StatusReason, StoreError } from "../store/errors.js";
import type { ServedResource } from "./resources.js";

/**
 * The `Status` of any thrown value: a {@link StoreError}'s own, or an `InternalError`.
 *
 * @param error - what was thrown
 * @returns the status
 */
export function statusOf(error: unknown): KubeStatus {
  if (isStoreError(error)) return error.status;
  const message = error instanceof Error ? error.message : String(error);
  return new StoreError(StatusReason.InternalError, `Internal error occurred: ${message}`).status;
}

/** 404 for a path the server does not serve (the API server's wording). */
export function pathNotFound(): StoreError {
  return new StoreError(StatusReason.NotFound, "the server could not find the requested resource", {});
}

/** 400 `BadRequest`. */
export function badRequest(message: string): StoreError {
  return new StoreError(StatusReason.BadRequest, message);
}

/** 405 for a verb a path does not support. */
export function methodNotAllowed(method: string, what: string): StoreError {
  return new StoreError(StatusReason.MethodNotAllowed, `the server does not allow this method on the requested resource (${method} ${what})`, {});
}

/** 415 for a body media type the server does not accept (the API server's wording). */
export function unsupportedMediaType(contentType: string, accepted: readonly string[]): StoreError {
  return new StoreError(StatusReason.UnsupportedMediaType, `the body of the request was in an unknown format - accepted media types include: ${accepted.join(", ")} (got ${JSON.stringify(contentType)})`);
}

/** `the server rejected our request due to an error in our request` style 400 for a body that does not decode. */
export function badBody(resource: ServedResource | undefined, detail: string): StoreError {
  const what = resource === undefined ? "object" : resource.kind;
  return new StoreError(StatusReason.BadRequest, `the body of the request could not be decoded as a ${what}: ${detail}`);
}
