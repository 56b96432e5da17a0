import { describe, expect, it } from "vitest";
import { isStagecraftError } from "../errors.js";
import { goJsonStringify } from "./json.js";
import { yamlToJson } from "./to-json.js";

const json = (text: string): string => goJsonStringify(yamlToJson(text));

describe("yamlToJson", () => {
  it.each([
    ["y", "true"], ["Yes", "true"], ["ON", "true"], ["True", "true"],
    ["n", "false"], ["NO", "false"], ["off", "false"],
    ["~", "null"], ["Null", "null"], ["", "null"], ["# only a comment\n", "null"],
    ["0755", "493"], ["0x1F", "31"], ["0o17", "15"], ["0b101", "5"], ["-0x1F", "-31"], ["1_000", "1000"],
    ["08", "8"], ["1.5", "1.5"], [".5", "0.5"], ["1e3", "1000"], ["-0.0", "-0"], ["1.0", "1"],
    ["1e999", '"1e999"'], ["2006-01-02T15:04:05Z", '"2006-01-02T15:04:05Z"'], ["1:20", '"1:20"'],
    ["9223372036854775807", "9223372036854775807"], ["18446744073709551615", "18446744073709551615"],
    ["18446744073709551616", "18446744073709552000"],
    ["'yes'", '"yes"'], ['"0755"', '"0755"'], ["<<", '"\\u003c\\u003c"'],
  ])("%j → %s", (text, expected) => {
    expect(json(text)).toBe(expected);
  });

  it("stringifies keys, keeps the last duplicate and reads merge keys", () => {
    expect(json("1: a\ntrue: b\ny: c\n1.5: d\n")).toBe('{"1":"a","1.5":"d","true":"c"}');
    expect(json("a: 1\na: 2\n")).toBe('{"a":2}');
    expect(json("x: &a {p: 1}\nz:\n  <<: *a\n  q: 2\n")).toBe('{"x":{"p":1},"z":{"p":1,"q":2}}');
  });

  it("turns non-string keys into text as sigs.k8s.io/yaml does", () => {
    expect(json("1e6: a\n0.123456789: b\n-0.0: c\n.inf: d\n1.0: e\nx: 1.5\n")).toBe('{"-0":"c",".inf":"d","0.12345679":"b","1":"e","1e+06":"a","x":1.5}');
    expect(() => yamlToJson("~: 1\n")).toThrow("unsupported map key of type: <nil>");
    expect(() => yamlToJson("9223372036854775808: 1\n")).toThrow("unsupported map key of type: uint64");
    expect(json("a: ~\nb: [null, 1.5]\n")).toBe('{"a":null,"b":[null,1.5]}');
  });

  it("applies merge keys in place, as go-yaml v2 does", () => {
    expect(json("a: &x {p: 1, q: 1}\nb:\n  p: 0\n  <<: *x\n  q: 2\n")).toBe('{"a":{"p":1,"q":1},"b":{"p":1,"q":2}}');
    expect(json("a:\n  <<: [{p: 1}, {p: 2, r: 4}]\n")).toBe('{"a":{"p":1,"r":4}}');
    expect(() => yamlToJson("a:\n  <<: 1\n")).toThrow("map merge requires map or sequence of maps");
  });

  it("rejects sequences and mappings as keys (invalid map key), wherever they come from", () => {
    for (const text of ["[1, 2]: a\n", "? [a, b]\n: 1\n", "? {a: 1}\n: 2\n", "{[1]: a}\n", "[{a: 1}: b]\n", "x: &a [1]\n*a : 2\n"]) {
      expect(() => yamlToJson(text), text).toThrow("invalid map key");
    }
  });

  it("keeps collections as values when the text only looks like it has collection keys", () => {
    expect(json("a: [1, {b: [2]}]\nc: '*x ? y'\n")).toBe('{"a":[1,{"b":[2]}],"c":"*x ? y"}');
    expect(json("x: &a [1, {p: 2}]\nw: *a\n? k\n: [v]\n")).toBe('{"k":["v"],"w":[1,{"p":2}],"x":[1,{"p":2}]}');
    expect(json("a: &x {p: 1}\nb: &y {p: 2, q: 3}\nc:\n  <<: [*x, *y]\n")).toBe('{"a":{"p":1},"b":{"p":2,"q":3},"c":{"p":1,"q":3}}');
    expect(json("- [1, {a: [3]}]\n- ? k\n  : v\n")).toBe('[[1,{"a":[3]}],{"k":"v"}]');
  });

  it("rejects the characters go-yaml's reader rejects", () => {
    for (const c of ["\x00", "\x7f", "\x80", "\ufffe", "\uffff", "\ud800"]) expect(() => yamlToJson(`a: "x${c}"`)).toThrow("control characters are not allowed");
    expect(json("a: \"\x85\u00a0\ufeff\ue000\"")).toBe('{"a":" \u00a0\ufeff\ue000"}'); // a raw NEL is a line break, folded to a space
  });

  it("keeps only line breaks that are there at the end of a block scalar that ends the text", () => {
    expect(json("a: |\n  x")).toBe('{"a":"x"}');
    expect(json("a: >\n\n  folded\n  more")).toBe('{"a":"\\nfolded more"}');
    expect(json("a: |+\n  x\n\n  y")).toBe('{"a":"x\\n\\ny"}');
    expect(json("a: |\n  x\n")).toBe('{"a":"x\\n"}');
    expect(json("a: |\n  x\n  ")).toBe('{"a":"x\\n"}');
    expect(json("a: |\n  x\nb: 1")).toBe('{"a":"x\\n","b":1}');
    expect(json("a: \"|\"")).toBe('{"a":"|"}');
  });

  it("applies go-yaml v2's double-quoted escapes: \\/ is an error, \\' an apostrophe", () => {
    expect(() => yamlToJson('a: "x\\/y"')).toThrow("found unknown escape character");
    for (const e of ["\\ud800", "\\uDFFF", "\\U00110000", "\\U0000d800"]) expect(() => yamlToJson(`a: "${e}"`)).toThrow("invalid Unicode character escape code");
    expect(json('a: "\\U0010FFFF\\uD7FF"')).toBe('{"a":"\u{10ffff}\ud7ff"}');
    expect(json('a: "it\\\'s"\nb: \'\\/\'\nc: x "\\/"\nd: |\n  "\\/"\ne: "\\\\/"')).toBe('{"a":"it\'s","b":"\\\\/","c":"x \\"\\\\/\\"","d":"\\"\\\\/\\"\\n","e":"\\\\/"}');
  });

  it("rejects implicit keys that start more than 1024 characters before their ':', as go-yaml's scanner does", () => {
    const k = (n: number): string => "k".repeat(n);
    expect(json(`${k(1024)}: v\n`)).toBe(`{"${k(1024)}":"v"}`);
    expect(() => yamlToJson(`${k(1025)}: v\n`)).toThrow("could not find expected ':'");
    expect(() => yamlToJson(`{${k(1024)} : v}`)).toThrow();
    expect(() => yamlToJson(`a: 1\n"${k(1023)}": v`)).toThrow();
    expect(json(`${"é".repeat(1024)}: v`)).toBe(`{"${"é".repeat(1024)}":"v"}`);
    expect(json(`? ${k(1100)}\n: v\nb: ${k(2000)}\n`)).toBe(`{"b":"${k(2000)}","${k(1100)}":"v"}`);
  });

  it("accepts only %YAML 1.1 and %TAG directives, and a directive after content ends the document", () => {
    expect(() => yamlToJson("%YAML 1.2\n---\na: 1")).toThrow("found incompatible YAML document");
    expect(() => yamlToJson("%FOO bar\n---\na: 1")).toThrow("found unknown directive name");
    expect(json("%YAML 1.1\n%TAG ! tag:x,2000:\n---\na: 1")).toBe('{"a":1}');
    expect(json("a: 1\n%YAML 1.1\n")).toBe('{"a":1}');
    expect(json("a: 'x\n%y'")).toBe('{"a":"x %y"}');
  });

  it("rejects tabs where go-yaml cannot skip them: at a line start and after block indicators", () => {
    for (const text of ["a: 1\n\t\nb: 2", "# c\n\t# d\na: 1", "-\ta", "a:\n- \tb", "? \ta\n: b", "? a\n:\tb", "a: |\n  x\n\t\nb: 1"]) {
      expect(() => yamlToJson(text), JSON.stringify(text)).toThrow();
    }
    expect(json("a: \t1\nb:\t2 \t# c\nc: [1,\n\t2]\nd: 'x\n\ty'\ne: |\n  \tz\n")).toBe('{"a":1,"b":2,"c":[1,2],"d":"x y","e":"\\tz\\n"}');
    expect(json("x\n\ty")).toBe('"x y"');
    // in a line's leading blanks, a tab is a plain scalar's trailing blank only past its collection's column
    expect(() => yamlToJson("a:\n  b: 1\n  \t# c\n")).toThrow();
    expect(json("a:\n  b: 1\n   \t# c\n")).toBe('{"a":{"b":1}}');
    expect(() => yamlToJson("a: 'x'\n  \t\nb: 2\n")).toThrow();
    expect(json("- a: x\n   \ty\n")).toBe('[{"a":"x y"}]');
  });

  it("reads anchors, the lone ! tag and flow-context ? and : as go-yaml v2 does", () => {
    expect(() => yamlToJson("&: v")).toThrow("alphabetic or numeric");
    expect(() => yamlToJson("&x: v")).toThrow("unsupported map key");
    expect(json("a: &x1 [1]\nb: *x1\nc: !\n")).toBe('{"a":[1],"b":[1],"c":""}');
    expect(json("a: [x:, ?z]\nb: {x: w:}\nx[: v\n")).toBe('{"a":["x:",{"z":null}],"b":{"x":"w:"},"x[":"v"}');
    expect(json('{"a":{"b":[1,{"c":"d"}]}}')).toBe('{"a":{"b":[1,{"c":"d"}]}}');
    for (const text of ["a: [x?]", "a: [:x]", "a: {x,: y}", "a: {x: y?}"]) expect(() => yamlToJson(text), text).toThrow();
  });

  it("reads NEL, LS and PS as YAML 1.1 line breaks, plain scalars over several lines in flow collections, and no block collection on the --- line", () => {
    expect(() => yamlToJson("a: x\u0085y")).toThrow();
    expect(json('a: "x\u0085y"\nb: [x\u0085y]')).toBe('{"a":"x y","b":["x y"]}');
    expect(() => yamlToJson("a: x\u2028y")).toThrow();
    expect(json("a: [x\u2028  y, b,\u2029c]")).toBe('{"a":["x\\u2028y","b","c"]}');
    expect(() => yamlToJson("a: |\n  x\u2028y")).toThrow();
    expect(json("a: [x\ny]\nb:\n  - [x\n  y, z]\nc: [x\n\n\n  y]")).toBe('{"a":["x y"],"b":[["x y","z"]],"c":["x\\n\\ny"]}');
    for (const text of ["--- a: 1", "--- - a", '--- "a": 1', "--- ? a"]) expect(() => yamlToJson(text), text).toThrow();
    expect(json("--- a:b")).toBe('"a:b"');
    expect(json("--- a # c: d")).toBe('"a"');
  });

  it("rejects recursive aliases", () => {
    expect(() => yamlToJson("&a [*a]\n")).toThrow();
  });

  it("reads only the first document", () => {
    expect(json("---\na: 1\n---\nb: [\n")).toBe('{"a":1}');
    expect(json("%YAML 1.1\n--- |\n  text\n...\n")).toBe('"text\\n"');
  });

  it("applies explicit tags like go-yaml", () => {
    expect(json("a: !!int '12'\nb: !!str 12\nc: !foo 12\nd: !!binary aGVsbG8=\ne: !!float 1\n")).toBe('{"a":12,"b":"12","c":"12","d":"hello","e":1}');
  });

  it("returns exact bigints beyond 2^53", () => {
    expect(yamlToJson("9007199254740993")).toBe(9007199254740993n);
    expect(yamlToJson("9007199254740991")).toBe(9007199254740991);
  });

  it("fails on .inf/.nan values and on syntax errors, with a position", () => {
    expect(() => yamlToJson("a: .inf")).toThrow("json: unsupported value: +Inf");
    try {
      yamlToJson("a: 1\nb: [1, 2\n");
      expect.unreachable();
    } catch (e) {
      expect(isStagecraftError(e) && e.code).toBe("E_YAML_SYNTAX");
      expect(isStagecraftError(e) && e.location?.line).toBe(3);
    }
  });
});
