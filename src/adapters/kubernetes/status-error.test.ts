import { describe, expect, it } from "vitest";
import { errorOfResponse, reasonOfCode } from "./status-error.js";
import { Redactor } from "./redact.js";

describe("errorOfResponse", () => {
  const redactor = new Redactor();

  it("keeps a Status body's reason, message and details", () => {
    const body = JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", reason: "Invalid", code: 422, message: 'Pod "x" is invalid', details: { name: "x", causes: [{ field: "spec.containers" }] } });
    const error = errorOfResponse(422, body, "POST /api/v1/pods", redactor);
    expect([error.reason, error.statusCode, error.message, error.status.details?.causes?.[0]?.field]).toEqual(["Invalid", 422, 'Pod "x" is invalid', "spec.containers"]);
  });

  it("takes the reason from the code for a Status without a known reason, and for other bodies", () => {
    expect(errorOfResponse(403, JSON.stringify({ kind: "Status", code: 403, reason: "", message: "" }), "GET /api/v1/nodes", redactor).message).toBe("GET /api/v1/nodes: HTTP 403");
    expect(errorOfResponse(403, JSON.stringify({ kind: "Status", code: 403, reason: "Weird" }), "GET /x", redactor).reason).toBe("Forbidden");
    const html = errorOfResponse(502, "<html>\n<body>Bad Gateway</body></html>", "GET /api/v1/pods", redactor);
    expect([html.reason, html.statusCode, html.message]).toEqual(["InternalError", 500, "GET /api/v1/pods: HTTP 502 with a body that is not a Kubernetes Status: <html> <body>Bad Gateway</body></html>"]);
    expect(errorOfResponse(429, "", "GET /x", redactor).message).toBe("GET /x: HTTP 429 with an empty body");
  });

  it("maps codes to the API server's reasons", () => {
    expect([400, 401, 403, 404, 405, 409, 410, 415, 422, 429, 500, 503, 504, 418, 599].map(reasonOfCode)).toEqual([
      "BadRequest",
      "Unauthorized",
      "Forbidden",
      "NotFound",
      "MethodNotAllowed",
      "Conflict",
      "Gone",
      "UnsupportedMediaType",
      "Invalid",
      "TooManyRequests",
      "InternalError",
      "ServiceUnavailable",
      "Timeout",
      "BadRequest",
      "InternalError",
    ]);
  });
});
