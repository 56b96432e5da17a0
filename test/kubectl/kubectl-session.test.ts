/**
 * A real client against the front: every kubectl found (Debian's kubernetes-client 1.20 through
 * STAGECRAFT_KUBECTL, and the one on PATH) runs get, get -w, apply, patch (merge, json,
 * strategic), delete and get -o yaml against a served memory store driven by the simulator on
 * the real clock with the fast preset.
 */
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileLifecycle, loadPreset } from "../../src/index.js";
import { createMemoryStore } from "../../src/memory.js";
import { Simulator, systemClock } from "../../src/runtime.js";
import { type KubernetesApiServer, serveKubernetesApi } from "../../src/server.js";
import { findKubectls, type Kubectl } from "./find-kubectl.js";

const { kubectls, problems } = findKubectls();
if (problems.length > 0) throw new Error(`STAGECRAFT_KUBECTL names kubectl binaries that do not work:\n${problems.join("\n")}`);
if (kubectls.length === 0) {
  if (process.env["CI"] === "true" || process.env["CI"] === "1") throw new Error("no kubectl found in CI: .ci/run should set STAGECRAFT_KUBECTL to Debian's kubernetes-client");
  console.warn("kubectl session test skipped: no kubectl found (set STAGECRAFT_KUBECTL or put kubectl on PATH)");
}

const POD = (name: string, image = "nginx:1.25") => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: web
spec:
  nodeName: node-0
  containers:
  - name: app
    image: ${image}
`;

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms${last === undefined ? "" : ` (last error: ${String(last)})`}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(kubectls.length === 0).each(kubectls.map((k) => [k.version, k] as [string, Kubectl]))("kubectl %s against stagecraft's API front", (_version, kubectl) => {
  let server: KubernetesApiServer;
  let simulator: Simulator;
  let dir: string;

  function run(args: readonly string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = execFile(
        kubectl.path,
        [...args],
        { env: { ...process.env, KUBECONFIG: join(dir, "kubeconfig"), HOME: dir }, timeout: 30_000, encoding: "utf8" },
        (error, stdout, stderr) => resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout, stderr }),
      );
      if (input !== undefined) child.stdin?.end(input);
    });
  }

  async function ok(args: readonly string[], input?: string): Promise<string> {
    const r = await run(args, input);
    if (r.code !== 0) throw new Error(`kubectl ${args.join(" ")} exited ${r.code}: ${r.stderr}`);
    return r.stdout;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "stagecraft-kubectl-"));
    const store = createMemoryStore();
    server = await serveKubernetesApi({ store });
    writeFileSync(join(dir, "kubeconfig"), server.kubeconfig());
    simulator = new Simulator({ store, lifecycle: compileLifecycle(loadPreset("fast"), { defaultPatchType: "controller" }), clock: systemClock, history: "none" });
    await simulator.start();
    await store.create({ apiVersion: "v1", kind: "Node", metadata: { name: "node-0" } });
  });

  afterAll(async () => {
    simulator?.stop();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("get nodes prints the node table, and the simulated node becomes Ready", async () => {
    const out = await eventually(async () => {
      const text = await ok(["get", "nodes"]);
      return /node-0\s+Ready\s/.test(text) ? text : undefined;
    }, "node-0 Ready");
    expect(out).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\n/);
  });

  it("apply creates and then configures a pod; get pods prints the pod table", async () => {
    writeFileSync(join(dir, "web.yaml"), POD("web"));
    expect(await ok(["apply", "-f", join(dir, "web.yaml")])).toBe("pod/web created\n");
    const again = POD("web").replace("app: web", "app: web\n    tier: front");
    expect(await ok(["apply", "-f", "-"], again)).toBe("pod/web configured\n");
    expect(await ok(["get", "pod", "web", "-o", "jsonpath={.metadata.labels.tier}"])).toBe("front");
    expect(await ok(["get", "pods"])).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb\s+\d\/1\s+\w+\s+0\s+\w+\n/);
  });

  it("get -o yaml shows the simulated pod Running", async () => {
    const yaml = await eventually(async () => {
      const text = await ok(["get", "pod", "web", "-o", "yaml"]);
      return /\n  phase: Running\n/.test(text) ? text : undefined;
    }, "pod web Running");
    expect(yaml).toMatch(/^apiVersion: v1\nkind: Pod\n/);
    expect(yaml).toContain("  podIP: ");
    expect(yaml).toMatch(/- lastTransitionTime: .*\n(\s+\w+: .*\n)*?\s+type: Ready/);
  });

  it("patch with merge, json and strategic patches", async () => {
    expect(await ok(["patch", "pod", "web", "--type", "merge", "-p", '{"metadata":{"annotations":{"merge":"yes"}}}'])).toBe("pod/web patched\n");
    expect(await ok(["patch", "pod", "web", "--type", "json", "-p", '[{"op":"add","path":"/metadata/labels/json","value":"yes"}]'])).toBe("pod/web patched\n");
    expect(await ok(["patch", "pod", "web", "--type", "strategic", "-p", '{"spec":{"containers":[{"name":"app","image":"nginx:1.26"}]}}'])).toBe("pod/web patched\n");
    const got = JSON.parse(await ok(["get", "pod", "web", "-o", "json"])) as { metadata: { annotations: Record<string, string>; labels: Record<string, string> }; spec: { containers: { name: string; image: string }[] } };
    expect(got.metadata.annotations["merge"]).toBe("yes");
    expect(got.metadata.labels).toMatchObject({ app: "web", tier: "front", json: "yes" });
    expect(got.spec.containers).toEqual([{ name: "app", image: "nginx:1.26" }]);
    const bad = await run(["patch", "pod", "nope", "--type", "merge", "-p", "{}"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('pods "nope" not found');
  });

  it("get -w shows events as they arrive", async () => {
    const child = spawn(kubectl.path, ["get", "pods", "-w"], { env: { ...process.env, KUBECONFIG: join(dir, "kubeconfig"), HOME: dir } });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => void (out += chunk.toString()));
    try {
      await eventually(async () => (/\nweb\s/.test(out) ? true : undefined), "the initial list in get -w");
      await ok(["apply", "-f", "-"], POD("watched"));
      await eventually(async () => (/\nwatched\s+0\/1\s/.test(out) ? true : undefined), "the new pod in get -w");
      await eventually(async () => (/\nwatched\s+1\/1\s+Running\s/.test(out) ? true : undefined), "the new pod Running in get -w");
    } finally {
      child.kill();
    }
    expect(out).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n/);
  });

  it("apply of a CRD makes its kind usable (discovery is refreshed)", async () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd]}
  versions:
  - name: v1
    served: true
    storage: true
    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
`;
    const missing = await run(["get", "widgets"]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('the server doesn\'t have a resource type "widgets"');
    expect(await ok(["apply", "-f", "-"], crd)).toBe("customresourcedefinition.apiextensions.k8s.io/widgets.example.com created\n");
    expect(await ok(["get", "crd", "widgets.example.com", "-o", "jsonpath={.status.conditions[?(@.type==\"Established\")].status}"])).toBe("True");
    expect(await ok(["apply", "-f", "-"], "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w1}\nspec: {size: 3}\n")).toBe("widget.example.com/w1 created\n");
    expect(await ok(["get", "wd"])).toMatch(/^NAME\s+AGE\nw1\s+\w+\n$/);
  });

  it("delete waits for the simulated deletion; get then reports NotFound", async () => {
    expect(await ok(["delete", "pod", "web", "watched", "--timeout=20s"])).toBe('pod "web" deleted\npod "watched" deleted\n');
    const gone = await run(["get", "pod", "web"]);
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toContain('Error from server (NotFound): pods "web" not found');
  });
});
