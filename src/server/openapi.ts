/**
 * A minimal OpenAPI v2 document (no paths, no definitions) in JSON and in the protobuf
 * encoding kubectl asks for, so that `kubectl apply` validates (there is no schema to check
 * against, which kubectl treats as "nothing to validate") instead of failing with "failed to
 * download openapi". `/openapi/v3` answers 404, after which kubectl falls back to v2.
 *
 * @module
 */

/**
 * The protobuf media type of OpenAPI v2 (gnostic `openapi_v2.Document`) as the API server
 * answers it: clients ask with `…spec.v2@v1.0+protobuf`, but Go's `mime` parser rejects the `@`
 * in a response `Content-Type`, so the answer uses the `.v1.0` spelling.
 */
export const OPENAPI_V2_PROTOBUF = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

const TITLE = "stagecraft";
const VERSION = "v1.32.0-stagecraft";

/** The JSON document. */
export function openApiV2Json(): Record<string, unknown> {
  return { swagger: "2.0", info: { title: TITLE, version: VERSION }, paths: {}, definitions: {} };
}

/** A length-delimited protobuf field (wire type 2); lengths here are below 128. */
function field(number: number, payload: Buffer): Buffer {
  if (payload.length > 127) throw new RangeError("payload too long for a one-byte length");
  return Buffer.concat([Buffer.from([(number << 3) | 2, payload.length]), payload]);
}

/**
 * The protobuf document: `swagger` (1), `info` (2: `title` 1, `version` 2), empty `paths` (8).
 *
 * @returns the encoded document
 */
export function openApiV2Protobuf(): Buffer {
  const info = Buffer.concat([field(1, Buffer.from(TITLE)), field(2, Buffer.from(VERSION))]);
  return Buffer.concat([field(1, Buffer.from("2.0")), field(2, info), field(8, Buffer.alloc(0))]);
}
