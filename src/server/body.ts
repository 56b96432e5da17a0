/**
 * Reading request bodies: a size limit, JSON, and YAML for server-side apply.
 *
 * @module
 */
import type { IncomingMessage } from "node:http";
import { StatusReason, StoreError } from "../store/errors.js";
import { yamlToJson } from "../yaml/to-json.js";
import { badRequest } from "./status.js";

/** The API server's request body limit (3 MiB). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/**
 * Reads the whole body as UTF-8 text; a 413 `RequestEntityTooLarge`-style 400 beyond the limit.
 *
 * @param request - the request
 * @param limit - the size limit in bytes
 * @returns the text
 */
export async function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new StoreError(StatusReason.BadRequest, `the request body is larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function withoutBigInts(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(withoutBigInts);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = withoutBigInts(v);
    return out;
  }
  return value;
}

/**
 * Decodes a body as JSON, or as YAML when `yaml` is set (JSON is YAML too).
 *
 * @param text - the body
 * @param options - `yaml` to accept YAML
 * @returns the value
 * @throws StoreError `BadRequest` when it does not decode, or is empty
 */
export function decodeBody(text: string, options: { readonly yaml?: boolean } = {}): unknown {
  if (text.trim() === "") throw badRequest("the request body is empty");
  try {
    return JSON.parse(text) as unknown;
  } catch (jsonError) {
    if (options.yaml !== true) throw badRequest(`the request body is not valid JSON: ${(jsonError as Error).message}`);
  }
  try {
    return withoutBigInts(yamlToJson(text));
  } catch (yamlError) {
    throw badRequest(`the request body is neither JSON nor YAML: ${(yamlError as Error).message}`);
  }
}

/**
 * Decodes a body that must be a JSON object (an object to create or replace, DeleteOptions).
 *
 * @param text - the body
 * @param what - what it should be, for the message
 * @returns the object
 */
export function decodeObjectBody(text: string, what: string): Record<string, unknown> {
  const value = decodeBody(text);
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw badRequest(`the request body must be a JSON object (${what})`);
  return value as Record<string, unknown>;
}
