/**
 * The API server's responses as {@link StoreError}s: `Status` bodies keep their reason, message
 * and details; other bodies (a proxy's HTML page, truncated JSON) get the reason of their HTTP
 * code. Every message goes through credential redaction.
 *
 * @module
 */
import { type KubeStatus, StatusReason, StoreError } from "../../store/errors.js";
import type { Redactor } from "./redact.js";

const KNOWN = new Set<string>(Object.values(StatusReason));

/**
 * The reason the API server uses for an HTTP code (when its body has none).
 *
 * @param code - the HTTP status code
 * @returns the reason
 */
export function reasonOfCode(code: number): StatusReason {
  switch (code) {
    case 400:
      return StatusReason.BadRequest;
    case 401:
      return StatusReason.Unauthorized;
    case 403:
      return StatusReason.Forbidden;
    case 404:
      return StatusReason.NotFound;
    case 405:
      return StatusReason.MethodNotAllowed;
    case 409:
      return StatusReason.Conflict;
    case 410:
      return StatusReason.Gone;
    case 415:
      return StatusReason.UnsupportedMediaType;
    case 422:
      return StatusReason.Invalid;
    case 429:
      return StatusReason.TooManyRequests;
    case 503:
      return StatusReason.ServiceUnavailable;
    case 504:
      return StatusReason.Timeout;
    default:
      return code >= 500 ? StatusReason.InternalError : StatusReason.BadRequest;
  }
}

/** A parsed `Status` object, or undefined. */
export function asStatus(body: unknown): (Partial<KubeStatus> & { readonly kind: "Status" }) | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  return (body as { kind?: unknown }).kind === "Status" ? (body as Partial<KubeStatus> & { kind: "Status" }) : undefined;
}

/**
 * Builds the store error for a failed response.
 *
 * @param code - the HTTP status code
 * @param text - the response body as text
 * @param what - the request, for messages about non-Status bodies (`GET /api/v1/pods`)
 * @param redactor - credential redaction
 * @returns the error
 */
export function errorOfResponse(code: number, text: string, what: string, redactor: Redactor): StoreError {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return errorOfBody(code, body, text, what, redactor);
}

/**
 * Builds the store error for a failed response or a watch `ERROR` event.
 *
 * @param code - the HTTP status code (the Status's own `code` wins when it has one)
 * @param body - the parsed body, if it was JSON
 * @param text - the raw body
 * @param what - the request, for messages
 * @param redactor - credential redaction
 * @returns the error
 */
export function errorOfBody(code: number, body: unknown, text: string, what: string, redactor: Redactor): StoreError {
  const status = asStatus(body);
  if (status !== undefined) {
    const statusCode = typeof status.code === "number" && status.code >= 400 ? status.code : code;
    const reason = typeof status.reason === "string" && KNOWN.has(status.reason) ? status.reason : reasonOfCode(statusCode);
    const message = typeof status.message === "string" && status.message !== "" ? status.message : `${what}: HTTP ${statusCode}`;
    return new StoreError(reason, redactor.redact(message), status.details === undefined ? undefined : redactDetails(status.details, redactor));
  }
  const snippet = text.replace(/\s+/g, " ").trim().slice(0, 200);
  const description = snippet === "" ? "an empty body" : `a body that is not a Kubernetes Status: ${snippet}`;
  return new StoreError(reasonOfCode(code), redactor.redact(`${what}: HTTP ${code} with ${description}`));
}

function redactDetails(details: NonNullable<KubeStatus["details"]>, redactor: Redactor): KubeStatus["details"] {
  const text = redactor.redact(JSON.stringify(details));
  try {
    return JSON.parse(text) as KubeStatus["details"];
  } catch {
    return undefined;
  }
}

/**
 * A request that got no HTTP response (connection refused or reset, DNS, TLS, timeout): a
 * `ServiceUnavailable` store error that keeps the system error code (`ECONNREFUSED`, …), so the
 * Simulator retries it as KWOK does. The original error is not kept (its text may hold
 * credentials); its message is redacted.
 */
export class KubernetesConnectionError extends StoreError {
  /** The system error code, e.g. `ECONNREFUSED`, `ECONNRESET`, `ETIMEDOUT`, `DEPTH_ZERO_SELF_SIGNED_CERT`. */
  readonly code: string;

  /**
   * @param code - the system error code
   * @param message - the (redacted) message
   */
  constructor(code: string, message: string) {
    super(StatusReason.ServiceUnavailable, message);
    this.name = "KubernetesConnectionError";
    this.code = code;
  }
}
