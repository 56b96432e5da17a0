import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Double, instantClock, startDouble } from "../../../test/kubernetes/double.js";
import { createKubernetesStore, type KubernetesStore } from "./kubernetes-store.js";
import type { KubernetesLogEntry } from "./options.js";

// Credentials never appear in errors or logs: every failure below is provoked with a
// kubeconfig holding recognisable secrets, and each error's message, stack, JSON form (Status
// details) and cause chain, and every log line, are searched for them.
const TOKEN = "sc-secret-token-4d9e7c1b8a";
const PASSWORD = "sc-secret-password-93kq";
const EXEC_TOKEN = "sc-exec-token-5h2j8k";
const KEY_DATA = Buffer.from("-----BEGIN PRIVATE KEY-----\nsc-secret-key-material-77x\n-----END PRIVATE KEY-----\n").toString("base64");
const SECRETS = [TOKEN, PASSWORD, EXEC_TOKEN, "sc-secret-key-material-77x", KEY_DATA, Buffer.from(`admin:${PASSWORD}`).toString("base64")];

const dir = mkdtempSync(join(tmpdir(), "stagecraft-redact-"));
let double: Double | undefined;
let store: KubernetesStore | undefined;
afterEach(async () => {
  await store?.close({ timeoutMs: 100 });
  await double?.close();
  store = undefined;
  double = undefined;
});

function kubeconfig(server: string, user: string): string {
  const path = join(dir, `kubeconfig-${Math.random().toString(36).slice(2)}`);
  writeFileSync(
    path,
    [
      "apiVersion: v1",
      "kind: Config",
      `clusters: [{name: c, cluster: {server: ${JSON.stringify(server)}}}]`,
      "contexts: [{name: c, context: {cluster: c, user: u}}]",
      "current-context: c",
      `users: [{name: u, user: ${user}}]`,
      "",
    ].join("\n"),
  );
  return path;
}

function texts(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (current instanceof Error) out.push(current.message, current.stack ?? "", JSON.stringify(current), String(current));
    else out.push(String(current));
    current = (current as { cause?: unknown }).cause;
  }
  return out;
}

function expectClean(all: readonly string[]): void {
  for (const text of all) for (const secret of SECRETS) expect(text.includes(secret), `a secret leaked into: ${text.slice(0, 300)}`).toBe(false);
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

const echo = (code: number) => (r: { headers: Record<string, unknown> }) => ({
  status: code,
  body: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", code, reason: code === 401 ? "Unauthorized" : "InternalError", message: `rejected Authorization ${String(r.headers["authorization"])}`, details: { causes: [{ message: `token was ${String(r.headers["authorization"]).replace("Bearer ", "")}` }] } },
});

describe("credential redaction", () => {
  const logs: KubernetesLogEntry[] = [];
  const log = (entry: KubernetesLogEntry): void => {
    logs.push(entry);
  };

  it("connection refused", async () => {
    const closed = await startDouble(() => undefined);
    const url = closed.url;
    await closed.close();
    store = await createKubernetesStore({ kubeconfigPath: kubeconfig(url, `{token: ${TOKEN}}`), clock: instantClock(), log, retry: { maxAttempts: 2 } });
    const error = await failure(store.get({ apiVersion: "v1", kind: "Pod", namespace: "x", name: "y" }));
    expect((error as { code?: string }).code).toBe("ECONNREFUSED");
    expectClean(texts(error));
  });

  it("401 and 500 answers that echo the token, in messages and Status details", async () => {
    double = await startDouble((r) => (r.path.endsWith("/a") ? echo(401)(r) : echo(500)(r)));
    store = await createKubernetesStore({ kubeconfigPath: kubeconfig(double.url, `{token: ${TOKEN}}`), clock: instantClock(), log, retry: { maxAttempts: 1 } });
    const unauthorized = await failure(store.get({ apiVersion: "v1", kind: "Pod", namespace: "x", name: "a" }));
    expect((unauthorized as { reason?: string }).reason).toBe("Unauthorized");
    expect((unauthorized as Error).message).toBe("rejected Authorization [REDACTED]");
    const internal = await failure(store.get({ apiVersion: "v1", kind: "Pod", namespace: "x", name: "b" }));
    expectClean([...texts(unauthorized), ...texts(internal)]);
  });

  it("basic auth: a malformed (non-JSON) answer quoting the header", async () => {
    double = await startDouble((r) => ({ status: 200, body: `<html>proxy saw ${String(r.headers["authorization"])}</html>` }));
    store = await createKubernetesStore({ kubeconfigPath: kubeconfig(double.url, `{username: admin, password: ${PASSWORD}}`), clock: instantClock(), log });
    const error = await failure(store.get({ apiVersion: "v1", kind: "Pod", namespace: "x", name: "a" }));
    expect((error as Error).message).toContain("not JSON");
    expect(double.received.at(-1)?.headers.authorization).toBe(`Basic ${Buffer.from(`admin:${PASSWORD}`).toString("base64")}`);
    expectClean(texts(error));
  });

  it("an exec plugin's token, echoed by the server; and a failing plugin's output", async () => {
    const plugin = join(dir, "plugin.sh");
    writeFileSync(plugin, `#!/bin/sh\necho '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"${EXEC_TOKEN}"}}'\n`);
    chmodSync(plugin, 0o755);
    double = await startDouble((r) => echo(401)(r));
    store = await createKubernetesStore({
      kubeconfigPath: kubeconfig(double.url, `{exec: {apiVersion: client.authentication.k8s.io/v1, command: ${plugin}, interactiveMode: Never}}`),
      clock: instantClock(),
      log,
    });
    const error = await failure(store.get({ apiVersion: "v1", kind: "Pod", namespace: "x", name: "a" }));
    expect(double.received.at(-1)?.headers.authorization).toBe(`Bearer ${EXEC_TOKEN}`);
    expectClean(texts(error));
    await store.close();

    const failing = join(dir, "failing.sh");
    writeFileSync(failing, `#!/bin/sh\necho "token: ${EXEC_TOKEN} password=${PASSWORD}" >&2\necho "Bearer ${EXEC_TOKEN}"\nexit 3\n`);
    chmodSync(failing, 0o755);
    store = await createKubernetesStore({ kubeconfigPath: kubeconfig(double.url, `{exec: {apiVersion: client.authentication.k8s.io/v1, command: ${failing}, interactiveMode: Never}}`), log });
    const execError = await failure(store.get({ apiVersion: "v1", kind: "Pod", namespace: "x", name: "a" }));
    expect((execError as { reason?: string }).reason).toBe("Unauthorized");
    expectClean(texts(execError));
  });

  it("bad TLS (a self-signed server certificate) with a client key in the kubeconfig", async (ctx) => {
    const gen = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", join(dir, "k.pem"), "-out", join(dir, "c.pem"), "-days", "1", "-subj", "/CN=127.0.0.1"], { stdio: "ignore" });
    if (gen.status !== 0) {
      console.warn("openssl is not available: the bad-TLS redaction case is skipped");
      ctx.skip();
    }
    const server = createHttpsServer({ key: readFileSync(join(dir, "k.pem")), cert: readFileSync(join(dir, "c.pem")) }, (_req, res) => res.end("{}"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      store = await createKubernetesStore({ kubeconfigPath: kubeconfig(url, `{token: ${TOKEN}, client-key-data: ${KEY_DATA}}`), clock: instantClock(), log, retry: { maxAttempts: 1 } });
      const error = await failure(store.get({ apiVersion: "v1", kind: "Pod", namespace: "x", name: "a" }));
      expect((error as { code?: string }).code).toMatch(/SELF_SIGNED|CERT|ERR_OSSL|EPROTO|ERR_SSL/);
      expectClean(texts(error));
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("no log line holds a secret", () => {
    expect(logs.length).toBeGreaterThan(5);
    expect(logs.some((l) => l.message.includes("[REDACTED]"))).toBe(true);
    expectClean(logs.map((l) => l.message));
  });
});
