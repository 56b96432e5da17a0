/**
 * Typed store errors with the API server's reasons and status codes, shared by every adapter.
 *
 * @module
 */

/**
 * The API server's `Status.reason` values a store reports.
 *
 * @category Store
 * @example
 * ```ts
 * StatusReason.NotFound; // "NotFound"
 * ```
 */
export const StatusReason = {
  /** 400 */
  BadRequest: "BadRequest",
  /** 401 */
  Unauthorized: "Unauthorized",
  /** 403 */
  Forbidden: "Forbidden",
  /** 404 */
  NotFound: "NotFound",
  /** 405 */
  MethodNotAllowed: "MethodNotAllowed",
  /** 409, create of an existing name */
  AlreadyExists: "AlreadyExists",
  /** 409, resource-version or uid precondition failed */
  Conflict: "Conflict",
  /** 410, watch from a compacted resource version */
  Expired: "Expired",
  /** 410 */
  Gone: "Gone",
  /** 415 */
  UnsupportedMediaType: "UnsupportedMediaType",
  /** 422 */
  Invalid: "Invalid",
  /** 429 */
  TooManyRequests: "TooManyRequests",
  /** 500 */
  InternalError: "InternalError",
  /** 503 */
  ServiceUnavailable: "ServiceUnavailable",
  /** 504 */
  Timeout: "Timeout",
  /** 504, server-side timeout */
  ServerTimeout: "ServerTimeout",
} as const;

/**
 * One of {@link StatusReason}'s values.
 *
 * @category Store
 */
export type StatusReason = (typeof StatusReason)[keyof typeof StatusReason];

const CODES: Readonly<Record<StatusReason, number>> = {
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  AlreadyExists: 409,
  Conflict: 409,
  Expired: 410,
  Gone: 410,
  UnsupportedMediaType: 415,
  Invalid: 422,
  TooManyRequests: 429,
  InternalError: 500,
  ServiceUnavailable: 503,
  Timeout: 504,
  ServerTimeout: 504,
};

/**
 * A Kubernetes `Status` object (`kind: Status`), as the API server returns on failure.
 *
 * @category Store
 */
export interface KubeStatus {
  /** Always `v1`. */
  readonly apiVersion: "v1";
  /** Always `Status`. */
  readonly kind: "Status";
  /** Always `{}` here. */
  readonly metadata: Readonly<Record<string, never>>;
  /** Always `Failure` here. */
  readonly status: "Failure";
  /** The message, e.g. `pods "web-0" not found`. */
  readonly message: string;
  /** The reason. */
  readonly reason: StatusReason;
  /** What the error is about. */
  readonly details?: {
    /** The object's name. */
    readonly name?: string;
    /** The API group. */
    readonly group?: string;
    /** The resource (`pods`) or kind. */
    readonly kind?: string;
    /** Field-level causes (for `Invalid`). */
    readonly causes?: readonly {
      /** e.g. `FieldValueInvalid`. */
      readonly reason?: string;
      /** What is wrong. */
      readonly message?: string;
      /** The field path, e.g. `metadata.name`. */
      readonly field?: string;
    }[];
    /** When to retry (429, 503). */
    readonly retryAfterSeconds?: number;
  };
  /** The HTTP status code. */
  readonly code: number;
}

const BRAND = Symbol.for("stagecraft/store-error");

/**
 * A failed store call, with the API server's reason, HTTP code and `Status` object.
 *
 * @category Store
 * @example
 * ```ts
 * try {
 *   await store.get({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "x" });
 * } catch (error) {
 *   if (isStoreError(error) && error.reason === StatusReason.NotFound) console.log("gone");
 * }
 * ```
 * @category Store
 */
export class StoreError extends Error {
  /** The API server's reason. */
  readonly reason: StatusReason;
  /** The HTTP status code. */
  readonly statusCode: number;
  /** The `Status` object. */
  readonly status: KubeStatus;

  /**
   * @param reason - the reason
   * @param message - the message, in the API server's wording
   * @param details - the `Status.details`
   */
  constructor(reason: StatusReason, message: string, details?: KubeStatus["details"]) {
    super(message);
    this.name = "StoreError";
    this.reason = reason;
    this.statusCode = CODES[reason];
    this.status = {
      apiVersion: "v1",
      kind: "Status",
      metadata: {},
      status: "Failure",
      message,
      reason,
      ...(details === undefined ? {} : { details }),
      code: CODES[reason],
    };
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * Builds the error from an API server `Status` object.
   *
   * @param status - the status
   * @returns the error
   * @example
   * ```ts
   * StoreError.fromStatus({ apiVersion: "v1", kind: "Status", metadata: {}, status: "Failure", message: "x", reason: "NotFound", code: 404 });
   * ```
   */
  static fromStatus(status: KubeStatus): StoreError {
    return new StoreError(status.reason, status.message, status.details);
  }
}

/**
 * Tells whether a value is a {@link StoreError}, also across copies of the library.
 *
 * @param value - anything caught
 * @returns whether it is a store error
 * @example
 * ```ts
 * isStoreError(new StoreError("NotFound", "x")); // true
 * ```
 * @category Store
 */
export function isStoreError(value: unknown): value is StoreError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/**
 * The API server's lower-case plural resource name guess for a kind (`Pod` → `pods`,
 * `Ingress` → `ingresses`, `Policy` → `policies`), used in messages such as `pods "x" not found`.
 *
 * @param kind - the kind
 * @returns the plural resource name
 * @example
 * ```ts
 * pluralOf("NetworkPolicy"); // "networkpolicies"
 * ```
 * @category Store
 */
export function pluralOf(kind: string): string {
  const k = kind.toLowerCase();
  if (k.endsWith("s") || k.endsWith("x") || k.endsWith("ch") || k.endsWith("sh")) return `${k}es`;
  if (k.endsWith("y") && !/[aeiou]y$/.test(k)) return `${k.slice(0, -1)}ies`;
  return `${k}s`;
}
