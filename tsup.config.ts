import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";
import { entriesFromExports } from "./scripts/entries.js";

const pkg = JSON.parse(readFileSync("./package.json", "utf8"));

// The library entries come from package.json "exports" so the two lists never drift.
export default defineConfig([
  {
    entry: entriesFromExports(pkg.exports),
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    splitting: true,
    treeshake: true,
  },
  {
    entry: { "cli/main": "src/cli/main.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    define: { __STAGECRAFT_VERSION__: JSON.stringify(pkg.version) },
  },
]);
