import { describe, expect, it } from "vitest";
import { parseKwokTemplate } from "../template/parser.js";
import { executeTemplate } from "../template/exec/execute.js";
import { toTemplateData } from "../template/exec/values.js";
import { createControllerFunctions } from "./controller-functions.js";

const node = {
  metadata: { name: "n1" },
  spec: { podCIDR: "10.244.1.0/24" },
  status: { addresses: [{ type: "Hostname", address: "n1" }, { type: "ExternalIP", address: "1.2.3.4" }, { type: "InternalIP", address: "192.168.0.5" }, { type: "InternalIP", address: "fd00::5" }] },
};
const nodes = new Map([["n1", node]]);
const render = (text: string, object: unknown, fns = createControllerFunctions({ nodes: (n) => nodes.get(n) })) =>
  executeTemplate(parseKwokTemplate(text), toTemplateData(object), { functions: fns.forObject(object) });

describe("controller functions (spec §5.3)", () => {
  it("NodeIPWith takes InternalIP first, falls back to the node IP", () => {
    expect(render("{{ NodeIPWith .spec.nodeName }}", { spec: { nodeName: "n1" } })).toBe("192.168.0.5");
    expect(render("{{ NodeIPWith .spec.nodeName }}", { spec: { nodeName: "other" } })).toBe("10.0.0.1");
  });
  it("NodeIPsWith adds the first IP of the other family", () => {
    expect(render("{{ NodeIPsWith .spec.nodeName }}", { spec: { nodeName: "n1" } })).toBe("[192.168.0.5 fd00::5]");
  });
  it("PodIPWith allocates from the node's CIDR, or the node IP for host-network pods and unknown nodes", () => {
    const fns = createControllerFunctions({ nodes: (n) => nodes.get(n) });
    const t = "{{ PodIPWith .spec.nodeName (or .spec.hostNetwork false) \"\" \"\" \"\" }}";
    expect(render(t, { spec: { nodeName: "n1" } }, fns)).toBe("10.244.1.1");
    expect(render(t, { spec: { nodeName: "n1" } }, fns)).toBe("10.244.1.2");
    expect(render(t, { spec: { nodeName: "n1", hostNetwork: true } }, fns)).toBe("192.168.0.5");
    expect(render(t, { spec: { nodeName: "nope" } }, fns)).toBe("10.0.0.1");
  });
  it("releases and reuses pod IPs", () => {
    const fns = createControllerFunctions({ nodes: (n) => nodes.get(n) });
    const t = "{{ PodIPWith .spec.nodeName false \"\" \"\" \"\" }}";
    fns.usePodIPs({ spec: { nodeName: "n1" }, status: { podIP: "10.244.1.1" } });
    expect(render(t, { spec: { nodeName: "n1" } }, fns)).toBe("10.244.1.2");
    fns.releasePodIPs({ spec: { nodeName: "n1" }, status: { podIP: "10.244.1.1" } });
    expect(render(t, { spec: { nodeName: "n1" } }, fns)).toBe("10.244.1.1");
  });
  it("NodeName is the rendered object's name; NodePort is an int (0 skips `with`)", () => {
    expect(render("{{ NodeName }}:{{ with NodePort }}port{{ else }}none{{ end }}", { kind: "Node", metadata: { name: "n9" } })).toBe("n9:none");
    expect(() => render("{{ NodeName }}", { kind: "Pod", metadata: { name: "p" } })).toThrow(/function "NodeName" not defined/);
    expect(render("{{ NodePort }}", {}, createControllerFunctions({ nodePort: 10250 }))).toBe("10250");
  });
  it("a missing nodeName fails the way Go does", () => {
    expect(() => render("{{ NodeIPWith .spec.nodeName }}", { spec: {} })).toThrow(/invalid value; expected string/);
  });
});
