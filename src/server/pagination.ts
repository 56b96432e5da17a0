/**
 * `limit` and `continue`: pages of a list, with opaque continue tokens that carry the list's
 * resource version and the key of the last item returned.
 *
 * @module
 */
import type { KubeObject } from "../store/types.js";
import { badRequest } from "./status.js";

/** What a continue token holds. */
interface ContinueState {
  /** The resource version of the first page. */
  readonly rv: string;
  /** `namespace` NUL `name` of the last item returned (orders as namespace, then name). */
  readonly start: string;
}

function keyOf(object: KubeObject): string {
  return `${object.metadata.namespace ?? ""}\u0000${object.metadata.name ?? ""}`;
}

/**
 * Encodes a continue token.
 *
 * @param state - resource version and last key
 * @returns the opaque token
 */
export function encodeContinue(state: ContinueState): string {
  return Buffer.from(JSON.stringify({ v: "stagecraft/1", rv: state.rv, start: state.start })).toString("base64url");
}

/**
 * Decodes a continue token.
 *
 * @param token - the token
 * @returns its state
 * @throws StoreError `BadRequest` (as the API server) for a token it did not issue
 */
export function decodeContinue(token: string): ContinueState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const p = parsed as Record<string, unknown> | undefined;
  if (typeof p !== "object" || p === null || p["v"] !== "stagecraft/1" || typeof p["rv"] !== "string" || typeof p["start"] !== "string") {
    throw badRequest(`invalid continue token: ${JSON.stringify(token)} is not a continue token this server issued`);
  }
  return { rv: p["rv"], start: p["start"] };
}

/** One page. */
export interface Page {
  /** The items of the page. */
  readonly items: readonly KubeObject[];
  /** The resource version to report (the first page's). */
  readonly resourceVersion: string;
  /** The token for the next page, when there is one. */
  readonly continueToken?: string;
  /** How many items remain after this page, when there is a next page. */
  readonly remainingItemCount?: number;
}

/**
 * Cuts a page out of a full, ordered list.
 *
 * @param items - every item, ordered by namespace then name
 * @param resourceVersion - the list's resource version
 * @param options - `limit` and `continueToken`
 * @returns the page
 */
export function paginate(items: readonly KubeObject[], resourceVersion: string, options: { readonly limit?: number; readonly continueToken?: string }): Page {
  let rest = items;
  let rv = resourceVersion;
  if (options.continueToken !== undefined) {
    const state = decodeContinue(options.continueToken);
    rv = state.rv;
    rest = items.filter((o) => keyOf(o) > state.start);
  }
  if (options.limit === undefined || rest.length <= options.limit) return { items: rest, resourceVersion: rv };
  const page = rest.slice(0, options.limit);
  const last = page[page.length - 1] as KubeObject;
  return { items: page, resourceVersion: rv, continueToken: encodeContinue({ rv, start: keyOf(last) }), remainingItemCount: rest.length - page.length };
}
