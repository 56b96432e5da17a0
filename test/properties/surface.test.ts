/**
 * The reachable surface of templates and expressions: nothing written in a Stage can reach the
 * process, the environment, files or the network.
 *
 * - Templates: the parse-time function table equals the allowlist documented in
 *   docs/template-functions.md (adding a function fails this test until the docs, and so a
 *   review, list it); `env`, `expandenv`, `getHostByName` and the crypto functions are absent
 *   from the table and from every runtime function map.
 * - jq: `$ENV`, `env`, `input`, `inputs`, `debug`, `stderr`, `input_filename`, `halt`,
 *   `import`/`include`… do not compile (gojq would expose the real environment and stdin; KWOK
 *   runs gojq without inputs, so no Stage can depend on them).
 * - Sources: `src/template/**` and `src/expression/**` contain no `process.`, `globalThis`,
 *   `require(`, dynamic `import(`, `eval(`, `Function(` nor imports of Node builtins; the
 *   JSONata and cel-js packages they wrap read no environment and spawn nothing.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  compileCel,
  compileJq,
  compileJsonata,
  EXCLUDED_SPRIG_FUNCTIONS,
  IMPLEMENTED_SPRIG_FUNCTIONS,
  isStagecraftError,
  JQ_SUPPORTED,
  KWOK_TEMPLATE_FUNCTIONS,
  kwokFunctions,
  parseTemplate,
  placeholderFunctions,
  sprigFunctions,
} from "../../src/index.js";
import { GO_BUILTIN_FUNCTIONS } from "../../src/template/exec/builtins.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Backticked names in the rows of the "Where they come from" and "sprig functions implemented" tables. */
function documentedTemplateFunctions(): Set<string> {
  const doc = readFileSync(join(ROOT, "docs/template-functions.md"), "utf8");
  const section = (title: string): string => {
    const start = doc.indexOf(title);
    expect(start, title).toBeGreaterThanOrEqual(0);
    const end = doc.indexOf("\n## ", start + title.length);
    return doc.slice(start, end < 0 ? doc.length : end);
  };
  const names = new Set<string>();
  const rows = [section("## Where they come from"), section("## sprig functions implemented")]
    .flatMap((s) => s.split("\n"))
    .filter((line) => line.startsWith("| ") && !line.startsWith("| group") && !line.startsWith("| area") && !line.includes("the 195 names"));
  for (const row of rows) {
    const cells = row.split(" | ");
    // the names, not the remarks in parentheses after them (`kwokFunctions`, `addf 0.1 0.2`)
    const listed = (cells[1] ?? "").split(" (")[0] as string;
    for (const m of listed.matchAll(/`([^`]+)`/g)) for (const name of (m[1] as string).split(/\s+/)) if (/^[A-Za-z_][\w]*$/.test(name)) names.add(name);
  }
  return names;
}

const FORBIDDEN_TEMPLATE = [
  "env",
  "expandenv",
  "getHostByName",
  "genPrivateKey",
  "genCA",
  "genCAWithKey",
  "genSelfSignedCert",
  "genSelfSignedCertWithKey",
  "genSignedCert",
  "genSignedCertWithKey",
  "bcrypt",
  "htpasswd",
  "encryptAES",
  "decryptAES",
  "derivePassword",
  "buildCustomCert",
  "exec",
  "readFile",
  "include",
  "tpl",
  "required",
  "lookup",
];

describe("template function surface", () => {
  it("the parse-time table equals the documented allowlist", () => {
    const documented = documentedTemplateFunctions();
    expect([...KWOK_TEMPLATE_FUNCTIONS].filter((n) => !documented.has(n)), "known to the parser, not documented").toEqual([]);
    expect([...documented].filter((n) => !KWOK_TEMPLATE_FUNCTIONS.has(n)), "documented, not known to the parser").toEqual([]);
    expect(KWOK_TEMPLATE_FUNCTIONS.size).toBe(227);
  });

  it("leaves out every function that reads the environment, the network or OS entropy", () => {
    const runtime = new Set([
      ...Object.keys(sprigFunctions({ now: () => new Date(0), random: () => 0 })),
      ...Object.keys(kwokFunctions({ now: () => "", startTime: "" })),
      ...Object.keys(placeholderFunctions()),
      ...Object.keys(GO_BUILTIN_FUNCTIONS),
      ...IMPLEMENTED_SPRIG_FUNCTIONS,
    ]);
    for (const name of FORBIDDEN_TEMPLATE) {
      expect(KWOK_TEMPLATE_FUNCTIONS.has(name), name).toBe(false);
      expect(runtime.has(name), name).toBe(false);
    }
    for (const name of ["env", "expandenv", "getHostByName"]) expect(Object.hasOwn(EXCLUDED_SPRIG_FUNCTIONS, name), name).toBe(true);
    // nothing runs that the parser does not know
    for (const name of runtime) expect(KWOK_TEMPLATE_FUNCTIONS.has(name), name).toBe(true);
  });

  it("calling an excluded function fails at parse time with the reason", () => {
    for (const [call, reason] of [
      ['env "HOME"', "reads the process environment"],
      ['expandenv "$HOME"', "process environment"],
      ['getHostByName "example.com"', "network"],
    ] as const) {
      let error: unknown;
      try {
        parseTemplate(`{{ ${call} }}`);
      } catch (e) {
        error = e;
      }
      expect(isStagecraftError(error) && error.code).toBe("E_TEMPLATE_SYNTAX");
      expect((error as Error).message).toContain(reason);
    }
  });
});

describe("jq surface", () => {
  const forbidden = ["$ENV", "$ENV.HOME", "env", "env.HOME", "input", "inputs", "debug", 'debug("x")', "stderr", "input_filename", "input_line_number", "halt", "halt_error", "$__loc__", "$__prog_args", "get_search_list", 'import "a" as a; .', 'include "a"; .', "builtins", "now"];

  it("does not compile environment, input, debug or module access", () => {
    for (const q of forbidden) {
      let code: string | undefined;
      try {
        compileJq(q);
      } catch (e) {
        code = isStagecraftError(e) ? e.code : "foreign";
      }
      expect(code, q).toBe("E_JQ_UNSUPPORTED");
    }
  });

  it("no supported builtin touches the environment, inputs or output streams", () => {
    for (const name of JQ_SUPPORTED) expect(name, name).not.toMatch(/^(env|input|inputs|debug|stderr|input_filename|input_line_number|halt|halt_error|get_search_list|get_prog_origin|get_jq_origin|now|localtime|mktime|splits|test|match|capture|sub|gsub)\//);
  });
});

describe("CEL and JSONata surface", () => {
  it("CEL has no function that reads the environment or files", () => {
    for (const source of ['env("HOME")', 'getenv("HOME")', 'readFile("/etc/passwd")', 'exec("id")', 'process.env.HOME', 'system("id")']) {
      let code: string | undefined;
      try {
        compileCel(source);
      } catch (e) {
        code = isStagecraftError(e) ? e.code : "foreign";
      }
      expect(code, source).toBe("E_CEL_SYNTAX");
    }
  });

  it("JSONata's $eval only evaluates JSONata, and nothing reaches process or require", async () => {
    const evaluate = async (source: string): Promise<string> => {
      const r = await compileJsonata(source).evaluateAsync({ a: 1 });
      return r.ok ? JSON.stringify(r.values) : r.error.code;
    };
    expect(await evaluate('$eval("a + 1")')).toBe("[2]");
    expect(await evaluate('$eval("$string(1)")')).toBe('["1"]');
    for (const source of ["$process", "$require", "$env", "$globalThis", "$eval(\"process\")", "$.constructor", "$string.constructor"]) {
      expect(await evaluate(source), source).toBe("[]");
    }
    for (const source of ['$require("fs")', '$process.env', '$eval("$require(\\"fs\\")")', '$string.constructor("return process")()']) {
      expect(await evaluate(source), source).toMatch(/^(E_JSONATA_RUNTIME|\[\])$/);
    }
  });
});

describe("sources", () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") && !p.endsWith(".test.ts") && !p.endsWith(".test-d.ts") ? [p] : [];
    });
  const NODE_BUILTIN = /from\s+["'](node:[\w/]+|fs|os|net|http|https|http2|child_process|dns|dgram|tls|vm|worker_threads|cluster|process|module|path|url|inspector|perf_hooks|readline|v8)["']/;
  const FORBIDDEN = [/(?<![\w.])process\s*\./, /\bglobalThis\b/, /(?<![\w.])require\s*\(/, /(?<![\w.])import\s*\(/, /(?<![\w.])eval\s*\(/, /(?<![\w.])Function\s*\(/, /\bnew\s+Function\b/, NODE_BUILTIN];

  /**
   * Reviewed exceptions: file → the one pattern allowed there, and why.
   * - jq field paths are compiled with `new Function` (per-query inline caches, issue 9); the
   *   generated text interpolates only key *indices*, the keys themselves are passed as data
   *   (`keys[n]`), which the test below checks with keys that would break out of a string.
   */
  const REVIEWED: Readonly<Record<string, readonly string[]>> = {
    "src/expression/jq/field-path.ts": [String(/(?<![\w.])Function\s*\(/), String(/\bnew\s+Function\b/)],
  };

  it("src/template and src/expression reach no process, environment, file, network or code evaluation", () => {
    const scanned = [...files(join(ROOT, "src/template")), ...files(join(ROOT, "src/expression"))];
    expect(scanned.length).toBeGreaterThan(50);
    const hits: string[] = [];
    for (const file of scanned) {
      // comments may say "process environment"; only code counts
      const code = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
      const rel = file.slice(ROOT.length);
      for (const re of FORBIDDEN) if (re.test(code) && !(REVIEWED[rel] ?? []).includes(String(re))) hits.push(`${rel}: ${re}`);
    }
    expect(hits).toEqual([]);
  });

  it("jq's generated field-path code treats hostile keys as data", () => {
    const keys = ['"); throw new Error("x"); ("', "`${process.exit(1)}`", "*/ process.exit(1) /*", "\n}; process.exit(1); {", "__proto__", "constructor", "k0", "keys"];
    for (const key of keys) {
      const query = `.a[${JSON.stringify(key)}].b`;
      const input = JSON.parse(`{"a": {${JSON.stringify(key)}: {"b": 42}}}`) as unknown;
      expect(compileJq(query).evaluate(input), key).toEqual({ ok: true, values: [42] });
      expect(compileJq(query).evaluate({ a: {} }), key).toEqual({ ok: true, values: [null] });
    }
  });

  it("the scan catches what it looks for", () => {
    const code = 'const a = process.env.HOME; import("fs"); eval("1"); new Function("x"); import x from "node:fs"; globalThis.y;';
    expect(FORBIDDEN.filter((re) => re.test(code))).toHaveLength(FORBIDDEN.length - 1 /* require */);
  });

  it("the wrapped JSONata and cel-js packages read no environment and load no builtin modules", () => {
    const libs = [join(ROOT, "node_modules/jsonata/jsonata.js"), ...readdirSync(join(ROOT, "node_modules/@marcbachmann/cel-js/lib")).filter((f) => f.endsWith(".js")).map((f) => join(ROOT, "node_modules/@marcbachmann/cel-js/lib", f))];
    for (const lib of libs) {
      const code = readFileSync(lib, "utf8");
      expect(code, lib).not.toMatch(/(?<![\w.])process\s*\.\s*(env|binding|exit|argv|stdin)/);
      expect(code, lib).not.toMatch(/require\(\s*["'](?:node:)?(fs|os|net|http|https|child_process|dns|vm|worker_threads)["']\s*\)/);
      expect(code, lib).not.toMatch(/\bnew\s+Function\b|(?<![\w.])eval\s*\(/);
    }
  });
});
