/**
 * Renders every KWOK stage template of the conformance suite (read at test time) against the
 * testdata inputs of its directory, with KWOK's functions and the harness placeholders, and
 * checks the placeholders and key texts the golden outputs expect.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse, parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { KWOK_TEMPLATE_FUNCTIONS, parseKwokTemplate } from "../index.js";
import { executeTemplate, kwokFunctions, placeholderFunctions, sprigFunctions, toTemplateData } from "./index.js";

const CONFORMANCE = join(import.meta.dirname, "../../../../shared/conformance/kwok");

interface StageTemplates {
  readonly stage: string;
  readonly dir: string;
  readonly templates: readonly string[];
}

function collect(dir: string, out: StageTemplates[]): StageTemplates[] {
  for (const entry of readdirSync(dir).sort()) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) {
      if (entry !== "testdata") collect(p, out);
    } else if (entry.endsWith(".yaml") && entry !== "kustomization.yaml") {
      for (const doc of parseAllDocuments(readFileSync(p, "utf8"))) {
        const js = doc.toJS() as { kind?: string; metadata?: { name?: string } } | null;
        if (js?.kind !== "Stage") continue;
        const templates: string[] = [];
        const visit = (n: unknown): void => {
          if (Array.isArray(n)) n.forEach(visit);
          else if (n !== null && typeof n === "object") {
            for (const [k, v] of Object.entries(n)) {
              if ((k === "statusTemplate" || k === "template") && typeof v === "string") templates.push(v);
              else visit(v);
            }
          }
        };
        visit(js);
        out.push({ stage: js.metadata?.name ?? "_", dir, templates });
      }
    }
  }
  return out;
}

const STAGES = collect(CONFORMANCE, []);
const FUNCTIONS = {
  ...sprigFunctions(),
  ...kwokFunctions({ now: () => "2006-01-02T15:04:05Z", startTime: "2006-01-02T15:04:05Z", yaml: (v) => `${JSON.stringify(v)}\n` }),
  ...placeholderFunctions(),
};

function inputs(dir: string): { name: string; data: unknown; golden: string }[] {
  const td = join(dir, "testdata");
  if (!existsSync(td)) return [];
  return readdirSync(td)
    .filter((f) => f.endsWith(".input.yaml"))
    .sort()
    .map((f) => ({ name: f, data: parse(readFileSync(join(td, f), "utf8")) as unknown, golden: readFileSync(join(td, f.replace(".input.", ".output.")), "utf8") }));
}

/** Renders, then decodes the double-quoted scalars (JSON string literals from `Quote`) as YAML would. */
function render(text: string, data: unknown): string {
  return renderRaw(text, data).replace(/"(?:[^"\\\n]|\\.)*"/g, (q) => {
    try {
      return JSON.parse(q) as string;
    } catch {
      return q;
    }
  });
}

function renderRaw(text: string, data: unknown): string {
  return executeTemplate(parseKwokTemplate(text, { functions: KWOK_TEMPLATE_FUNCTIONS }), toTemplateData(data), { functions: FUNCTIONS });
}

describe("KWOK stage templates", () => {
  it("finds the conformance stages", () => {
    expect(STAGES.length).toBeGreaterThan(10);
  });

  for (const s of STAGES) {
    it(`${s.stage}: renders against every input of its directory and yields the golden placeholders`, () => {
      for (const input of inputs(s.dir)) {
        const goldenStage = input.golden.split(/\n(?=- )|\nstages:\n/).find((part) => part.includes(`name: ${s.stage}\n`));
        if (goldenStage === undefined) continue;
        const texts = s.templates.map((t) => render(t, input.data));
        const placeholders = new Set(goldenStage.match(/<(?:\d of )?[A-Za-z]+(?:\([^<>]*\))?>/g) ?? []);
        for (const p of placeholders) expect(texts.join("\n"), `${input.name}: ${p}`).toContain(p);
      }
    });
  }

  it("pod-create renders PodIPWith with Go %#v arguments, initContainerStatuses only with init containers", () => {
    const s = STAGES.find((x) => x.stage === "pod-create");
    const render1 = (file: string): string => {
      const input = s && inputs(s.dir).find((i) => i.name === file);
      expect(input).toBeDefined();
      return (s?.templates ?? []).map((t) => renderRaw(t, input?.data)).join("\n");
    };
    const plain = render1("pod-create.input.yaml");
    expect(plain).toContain('"\\u003cPodIPWith(\\"node\\", false, \\"\\", \\"pod-create\\", \\"\\")\\u003e"');
    expect(plain).not.toContain("initContainerStatuses");
    expect(render1("pod-create-with-init.input.yaml")).toMatch(/initContainerStatuses:\n\s*\n\s*- image: "init-image"/);
  });
});
