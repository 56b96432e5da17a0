import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KubeConfig } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { kubeconfigFor } from "../../../test/kubernetes/double.js";
import { loadClientNode, resolveKubeConfig } from "./client-node.js";

const twoContexts = `${kubeconfigFor("http://127.0.0.1:1")}
`.replace("contexts:\n- name: double\n  context: {cluster: double, user: double, namespace: team-a}", "contexts:\n- name: double\n  context: {cluster: double, user: double, namespace: team-a}\n- name: other\n  context: {cluster: double, user: double, namespace: team-b}");

describe("resolveKubeConfig", () => {
  it("switches context on a copy, leaving the caller's KubeConfig alone", async () => {
    const mod = await loadClientNode(undefined);
    const kc = new KubeConfig();
    kc.loadFromString(twoContexts);
    const resolved = resolveKubeConfig(mod, { kubeConfig: kc, context: "other" });
    expect(resolved.getCurrentContext()).toBe("other");
    expect(resolved.getContextObject("other")?.namespace).toBe("team-b");
    expect(kc.getCurrentContext()).toBe("double");
  });

  it("names the known contexts when the one asked for is missing", async () => {
    const mod = await loadClientNode(() => import("@kubernetes/client-node"));
    const kc = new KubeConfig();
    kc.loadFromString(twoContexts);
    expect(() => resolveKubeConfig(mod, { kubeConfig: kc, context: "prod" })).toThrow('the kubeconfig has no context "prod" (contexts: double, other)');
  });

  it("loads KUBECONFIG by default (client-node's default loading), with the context's namespace", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "stagecraft-kc-")), "config");
    writeFileSync(file, twoContexts);
    const saved = process.env["KUBECONFIG"];
    process.env["KUBECONFIG"] = file;
    try {
      const mod = await loadClientNode(undefined);
      const resolved = resolveKubeConfig(mod, {});
      expect(resolved.getCurrentCluster()?.server).toBe("http://127.0.0.1:1");
      expect(resolveKubeConfig(mod, { context: "other" }).getContextObject("other")?.namespace).toBe("team-b");
    } finally {
      if (saved === undefined) delete process.env["KUBECONFIG"];
      else process.env["KUBECONFIG"] = saved;
    }
  });
});
