// Runs every examples/*.ts file against the built library (dist/) and fails on the first error.
// Examples import "stagecraft" like a user would; the name resolves to this repo through the
// package's own "exports" (self-reference), so `npm run build` must have run. Node 20 cannot run
// TypeScript, so each example is transpiled with esbuild (tsup's own compiler) into examples/.run/.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

const dir = new URL("../examples/", import.meta.url).pathname;
const out = join(dir, ".run");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const files = readdirSync(dir).filter((f) => f.endsWith(".ts")).sort();
let failed = 0;
for (const file of files) {
  if (file.endsWith(".test.ts")) {
    // a test file, as users write them: run it with vitest (no project config: examples/ is its root)
    const vitest = join(dir, "../node_modules/vitest/vitest.mjs");
    const r = spawnSync(process.execPath, [vitest, "run", "--root", dir, "--config", join(dir, "vitest.config.mjs"), file], { cwd: dir, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", env: { ...process.env, CI: "true" } });
    const ok = r.status === 0;
    if (!ok) failed++;
    process.stdout.write(`${ok ? "ok  " : "FAIL"} examples/${file} (vitest)\n`);
    if (!ok || process.env.VERBOSE) process.stdout.write(`${r.stdout}${r.stderr}\n`);
    continue;
  }
  const { code } = transformSync(readFileSync(join(dir, file), "utf8"), { loader: "ts", format: "esm", target: "node20" });
  const js = join(out, file.replace(/\.ts$/, ".mjs"));
  writeFileSync(js, code);
  const r = spawnSync(process.execPath, [js], { cwd: dir, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  const ok = r.status === 0;
  if (!ok) failed++;
  process.stdout.write(`${ok ? "ok  " : "FAIL"} examples/${file}\n`);
  if (!ok || process.env.VERBOSE) process.stdout.write(`${r.stdout}${r.stderr}\n`);
}
process.stdout.write(`${files.length - failed} passed, ${failed} failed\n`);
process.exit(failed === 0 && files.length > 0 ? 0 : 1);
