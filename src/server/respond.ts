/**
 * Writing responses: JSON bodies and `Status` failures.
 *
 * @module
 */
import type { ServerResponse } from "node:http";
import type { KubeStatus } from "../store/errors.js";
import { statusOf } from "./status.js";

/**
 * Sends a JSON body.
 *
 * @param response - the response
 * @param code - the HTTP status code
 * @param body - the value
 */
export function sendJson(response: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(code, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text), "Cache-Control": "no-cache, private" });
  response.end(text);
}

/**
 * Sends the `Status` of a failure (with `Retry-After` for 429/503 that carry one). Does
 * nothing when the headers are already out (a broken watch stream is simply closed).
 *
 * @param response - the response
 * @param error - what was thrown
 */
export function sendFailure(response: ServerResponse, error: unknown): void {
  const status: KubeStatus = statusOf(error);
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const retryAfter = status.details?.retryAfterSeconds;
  if (retryAfter !== undefined) response.setHeader("Retry-After", String(retryAfter));
  sendJson(response, status.code, status);
}
