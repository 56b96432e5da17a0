import { describe, expect, it } from "vitest";
import { Redactor } from "./redact.js";

describe("Redactor", () => {
  it("removes known secrets and their base64 form", () => {
    const r = new Redactor();
    r.add("s3cr3t-value", undefined, null, "ab");
    expect(r.redact(`x s3cr3t-value y ${Buffer.from("s3cr3t-value").toString("base64")} ab`)).toBe("x [REDACTED] y [REDACTED] ab");
  });

  it("removes credential-shaped text it was not told about", () => {
    const r = new Redactor();
    expect(r.redact("Authorization: Bearer eyJhbGciOi.abc-def_1")).toBe("Authorization: [REDACTED]");
    expect(r.redact('{"token":"t-123","password": "p w", "other": 1}')).toBe('{"token":[REDACTED],"password": [REDACTED], "other": 1}');
    expect(r.redact("client-key-data: LS0tLS1CRUdJTg== next")).toBe("client-key-data: [REDACTED] next");
    expect(r.redact("a -----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY----- b")).toBe("a [REDACTED] b");
    expect(r.redact("pods \"web-0\" not found")).toBe('pods "web-0" not found');
  });
});
