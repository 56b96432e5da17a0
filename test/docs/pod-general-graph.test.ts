import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/run.js";

const root = join(import.meta.dirname, "../..");
const svgFile = join(root, "docs/pod-general.svg");
const REGENERATE =
  "npx stagecraft graph ../shared/conformance/kwok/pod/general -f docs/pod-general.seed.yaml --format svg -o docs/pod-general.svg (or STAGECRAFT_UPDATE_DOCS=1 npx vitest run test/docs)";

describe("docs/pod-general.svg", () => {
  it("is what `stagecraft graph` draws for KWOK's pod/general today", async () => {
    let out = "";
    let err = "";
    const code = await main(["graph", join(root, "../shared/conformance/kwok/pod/general"), "-f", join(root, "docs/pod-general.seed.yaml"), "--format", "svg"], {
      out: (t) => void (out += t),
      err: (t) => void (err += t),
      readStdin: async () => "",
    });
    expect(err).toBe("");
    expect(code).toBe(0);
    const fresh = out.endsWith("\n") ? out : `${out}\n`;
    if (process.env["STAGECRAFT_UPDATE_DOCS"] === "1") writeFileSync(svgFile, fresh);
    const committed = readFileSync(svgFile, "utf8");
    expect(fresh === committed, `docs/pod-general.svg is out of date; regenerate it with: ${REGENERATE}`).toBe(true);
  });
});
