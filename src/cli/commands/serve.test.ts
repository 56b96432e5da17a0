import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { KubernetesApiServer } from "../../server.js";
import { main } from "../run.js";
import { runServe } from "./serve.js";

function io() {
  const captured = { out: "", err: "" };
  return { captured, io: { out: (t: string) => void (captured.out += t), err: (t: string) => void (captured.err += t), readStdin: async () => "" } };
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("stagecraft serve", () => {
  it("serves a simulated cluster whose objects move through their stages, writes the kubeconfig and stops on the signal", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-serve-"));
    const controller = new AbortController();
    const { captured, io: cli } = io();
    let server: KubernetesApiServer | undefined;
    writeFileSync(join(dir, "objects.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: default}\ndata: {a: '1'}\n");
    try {
      const done = runServe(["--nodes", "1", "--pods", "1", "-f", join(dir, "objects.yaml"), "--kubeconfig", join(dir, "kubeconfig")], cli, {
        signal: controller.signal,
        onReady: (s) => (server = s),
      });
      const s = await until(async () => server);
      expect(captured.out).toContain(`serving a simulated cluster at ${s.url}`);
      expect(captured.out).toContain(`export KUBECONFIG=${join(dir, "kubeconfig")}\n`);
      expect(readFileSync(join(dir, "kubeconfig"), "utf8")).toContain(`server: "${s.url}"`);
      const phase = await until(async () => {
        const pod = (await (await fetch(`${s.url}/api/v1/namespaces/default/pods/pod-0`)).json()) as { status?: { phase?: string } };
        return pod.status?.phase === "Running" ? pod.status.phase : undefined;
      });
      expect(phase).toBe("Running");
      expect((await fetch(`${s.url}/api/v1/namespaces/default/configmaps/settings`)).status).toBe(200);
      controller.abort();
      expect(await done).toBe(0);
      await expect(fetch(`${s.url}/api`)).rejects.toThrow();
    } finally {
      controller.abort();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("warns that there is no authentication when bound beyond the loopback interface, and only then", async () => {
    const run = async (args: string[]) => {
      const controller = new AbortController();
      const { captured, io: cli } = io();
      expect(await runServe(args, cli, { signal: controller.signal, onReady: () => controller.abort() })).toBe(0);
      return captured.err;
    };
    expect(await run([])).not.toContain("no authentication");
    expect(await run(["--host", "0.0.0.0"])).toContain("warning: the API has no authentication: anyone who can reach 0.0.0.0:");
  });

  it("removes its temporary kubeconfig at exit", async () => {
    const controller = new AbortController();
    const { captured, io: cli } = io();
    const code = await runServe([], cli, { signal: controller.signal, onReady: () => controller.abort() });
    expect(code).toBe(0);
    const path = /export KUBECONFIG=(.*)\n/.exec(captured.out)?.[1] as string;
    expect(path).toContain("stagecraft-");
    expect(existsSync(path)).toBe(false);
  });

  it("reports usage errors and shows help through the dispatcher", async () => {
    const a = io();
    expect(await main(["serve", "--port", "x"], a.io)).toBe(2);
    expect(a.captured.err).toContain("--port must be a non-negative integer");
    const b = io();
    expect(await main(["serve", "--pods", "2"], b.io)).toBe(2);
    expect(b.captured.err).toContain("--pods needs at least one node");
    const c = io();
    expect(await main(["serve", "--help"], c.io)).toBe(0);
    expect(c.captured.out).toContain("Usage: stagecraft serve");
    const d = io();
    expect(await main(["--help"], d.io)).toBe(0);
    expect(d.captured.out).toContain("serve [options]");
  });

  it("fails cleanly when the port is taken", async () => {
    const controller = new AbortController();
    let port = 0;
    const first = runServe([], io().io, { signal: controller.signal, onReady: (s) => (port = s.port) });
    await until(async () => (port === 0 ? undefined : port));
    const second = io();
    expect(await runServe(["--port", String(port)], second.io, { signal: AbortSignal.abort() })).toBe(1);
    expect(second.captured.err).toMatch(new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}: .*EADDRINUSE`));
    controller.abort();
    expect(await first).toBe(0);
  });
});
