/**
 * Corpora for the go-yaml v2 oracle (`../goyaml-oracle.test.ts`).
 */

/** Plain scalar texts, each tried as a mapping value and as a mapping key. */
export const SCALARS: readonly string[] = [
  "y", "Y", "yes", "Yes", "YES", "yEs", "true", "True", "TRUE", "tRUE", "on", "On", "ON", "oN",
  "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
  "~", "null", "Null", "NULL", "nULL", "''", '""',
  "0", "-0", "+0", "1", "-1", "+1", "0755", "-0755", "08", "09", "0799", "0x1F", "0X1f", "-0x1F", "+0x1F", "0x", "0xG",
  "0o17", "0O17", "0o18", "0b101", "0B101", "-0b101", "0b102", "1_000", "1__0", "_1", "1_", "0x_1F", "0b1_0",
  "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
  "18446744073709551615", "18446744073709551616", "9007199254740993", "-9007199254740993", "12345678901234567890123",
  "1.5", "-1.5", "+1.5", ".5", "-.5", "5.", "1e3", "1E3", "1e+3", "1e-3", "1.5e3", "1.0", "-0.0", "0.1", "1e21", "1e-7",
  "1e400", "-1e400", "1e-400", ".e3", "1.2.3", "1_0.5", "1.5_5", "0x1p3", "Infinity", "NaN", "inf",
  ".inf", ".Inf", ".INF", "+.inf", "-.inf", "-.Inf", ".nan", ".NaN", ".NAN", ".naN",
  "2006-01-02", "2006-1-2", "2006-01-02T15:04:05Z", "2006-01-02t15:04:05Z", "2006-01-02T15:04:05.999999999Z",
  "2006-01-02T15:04:05+07:00", "2006-01-02 15:04:05", "2006-01-02 15:04:05.5", "2001-02-29", "2000-02-29", "2006-13-01",
  "2006-01-32", "2006-01-02T25:04:05Z", "2006-01-02T15:04:05", "20060-01-02",
  "1:20", "190:20:30", "-1:20", "1:20.5", "1:60", "12:30:45",
  "<<", "=", "abc", "a b", "a#b", "a: b", "-a", "?a", ":a", "a,b", "[a", "!foo bar", "!!str 123", "!!int '0x1F'",
  "!!float 1", "!!float '1.5'", "!!bool yes", "!!bool 'on'", "!!null ''", "!!int abc", "!!binary aGVsbG8=", "!!timestamp 2006-01-02",
  "! 123", "!foo 123", "'it''s'", '"\\t\\u00e9\\x41"', "é", "日本", "😀",
];

/** Whole YAML documents (structures, block scalars, anchors, merge keys, duplicates, errors). */
export const DOCUMENTS: readonly string[] = [
  "", "# only a comment\n", "---\n", "---\na: 1\n", "a: 1\n---\nb: 2\n", "a: 1\n...\n", "%YAML 1.1\n---\na: 1\n", "--- |\n  text\n",
  "a: 1\nb:\n  c: [1, 2, {d: e}]\n", "- a\n- - b\n  - c\n- d: e\n  f: g\n", "a: {}\nb: []\nc: ''\nd:\ne: ~\n",
  "a: |\n  x\n  y\nb: >\n  folded\n  text\n\n  para\nc: |-\n  strip\nd: |+\n  keep\n\ne: x\n",
  "a: >-\n  one\n   two\n  three\n", "a: |2\n   lead\n", "a: 'multi\n  line'\nb: \"dq\n\n  x\"\n", "a: plain\n  continued\n  here\n",
  "x: &a {p: 1, q: 2}\ny: *a\n", "x: &a {p: 1}\nz:\n  <<: *a\n  q: 2\n", "x: &a {p: 1}\nz:\n  p: 2\n  <<: *a\n",
  "x: &a {p: 1}\nz:\n  <<: *a\n  p: 2\n", "a: &x {p: 1}\nb: &y {p: 2, q: 3}\nc:\n  <<: [*x, *y]\n", "a:\n  <<: {p: 1}\n  '<<': 2\n",
  "a: 1\na: 2\n", "a: &x {p: 1, q: 1}\nb:\n  p: 0\n  <<: *x\n  q: 2\n", "a:\n  <<: {p: 1}\n  <<: {p: 2, q: 3}\n", "a:\n  <<: [{p: 1}, {p: 2, r: 4}]\n  q: 0\n",
  "a: {<<: {x: 1}, y: 2}\n", "a:\n  <<: 1\n", "a:\n  <<: [1]\n", "a:\n  <<: [[{p: 1}]]\n", "a:\n  <<: ~\n", "- <<: {x: 1}\n  x: 2\n", "a:\n  <<:\n    b: 1\n",
  "a: &x {<<: {p: 1}, q: 2}\nb: {<<: *x}\n", "a: <<\nb: [<<]\n", "'<<': 1\n", "a: {b: 1}\na: {c: 2}\n", "? a\n: 1\n", "? [a, b]\n: 1\n", "? {a: 1}\n: 2\n", "~: 1\n", "null: 1\n", "1.5: a\n2.0: b\n",
  "1e6: a\n", "0.1: a\n", "0.123456789: a\n", "9223372036854775808: a\n", "[1, 2]: a\n", ".inf: a\n", ".nan: a\n",
  "a: [1, 2\n", "a: {b: 1\n", "a: b: c\n", "a:\n\tb: 1\n", "- a\nb: 1\n", "a: 'x\n", 'a: "x\n', "a: *unknown\n", "&a a: &b b\n",
  "a: !!map {b: 1}\n", "a: !!seq [1]\n", "a: !custom {b: 1}\n", "a: !custom [1]\n", "a: !!int 1.5\n", "a: !!binary '***'\n",
  "a: \"\\u263A \\x41 \\e \\N \\_ \\L\"\n", "a: \"\\U0001F600\"\n", "a: '\u2028'\n", "key with spaces: v\n", "a:    spaced   \n",
  "a: b # comment\n", "a: b#c\n", "a: '#'\n", "[1, 2, 3]\n", "{a: 1, b: [x, y]}\n", "'just a string'\n", "42\n", "yes\n",
  "a:\n- 1\n- 2\nb:\n  - 3\n", "a: [yes, no, on, off, y, n, ~, 0x10, 010, 1e2]\n", "a: {y: 1, n: 2, on: 3, 1: 4}\n",
  "status:\n  conditions:\n  - type: Ready\n    status: \"True\"\n    lastTransitionTime: 2006-01-02T15:04:05Z\n  phase: Running\n  podIP: 10.0.0.1\n",
  "a: 10.0.0.1\nb: 1.2.3\nc: 1.2\nd: v1.2\n", "a: 0.0.0.0/0\nb: '::1'\nc: ::1\n", "a: -\n", "a: - b\n", "- - - a\n",
  "a: \"\"\nb: ''\nc: \" \"\n",
  "a: >\n  one\n    more\n  two\n", "a: >+\n  keep\n\n\nb: 1\n", "a: |-\n\n\n", "a: |\n  trailing   \n", "a: >2\n    x\n   y\n",
  "a: |\n  # not a comment\n", "a: [a, b, ]\n", "a: {b: , c: 1}\n", "a: {b}\n", "a: [b: c, d]\n", "a: [\"x\" , 'y']\n",
  "a:\n  - b\n  -\n  - c\n", "a: !!str\nb: !!null\n", "? a\n? b\n", "a: 'it''s'\nb: \"say \\\"hi\\\"\"\n", "a:\t1\n", "a: 1 # c\n# end\n",
  "a: \"line\\\n  continued\"\n", "a: 'x\n\n  y'\n", "a: b\n  c: d\n", "a:\n- b\n - c\n", "  a: 1\n  b: 2\n", "a: 1\n b: 2\n",
  "a: @x\n", "a: `x`\n", "a: %x\n", "a: |x\n", "a: {a: [1, {b: [2, {c: 3}]}]}\n", "- &a x\n- *a\n- &b [1]\n- *b\n",
  "a: 0x_1F\nb: 1__2\nc: +12\nd: -0o7\ne: 0b\nf: 0o\n", "a: 1.e5\nb: +.5\nc: -.5e-3\nd: 1_000.5\ne: 6.8523015e+5\n",
  "a: b\n\tc: d\n", "a:\n\t- b\n", "[a\n b]\n", "{a: b\n c: d}\n", "a: !!str &x b\nc: *x\n", "a: &x !!int '3'\nb: *x\n",
  "a: \"\\q\"\n", "a: \"\\x4\"\n", "a: 1\n\ufeffb: 2\n", `${"k".repeat(1100)}: v\n`, `"${"k".repeat(1100)}": v\n`, "a: |0\n  x\n",
  "a: |10\n  x\n", "a: >-\n\n  x\n\n", "a: |\n   x\n  y\n", "a: |\n  x\n   y\n", "a:\n  b:\n    c:\n      - d\n      - e: f\n        g: h\n",
  "a: 'x' y\n", "a: \"x\" y\n", "a: x 'y'\n", "- a: 1\n  - b\n", "---\n---\n", "--- a\n", "--- [1]\n--- [2]\n", "...\n", "a: ---\n",
  "a: ...\n", "a: '---'\n", "a: &anchor\nb: *anchor\n", "a: !!seq\n- 1\n", "a: ! [1]\n", "a: !<tag:yaml.org,2002:int> 5\n", "a: !<!x> 5\n",
  "status:\n  phase: Pending\n  conditions: []\n  containerStatuses:\n  - name: c\n    state:\n      waiting:\n        reason: ContainerCreating\n", "a: |\n\n  after blank\n", "a: >\n  x\n\n\n  y\n", "\ufeffa: 1\n", "a: 1\r\nb: 2\r\n",
];

/** Strings for the emitter: each is marshalled as a value, as a key and in a list. */
export const STRINGS: readonly string[] = [
  "", " ", "  ", "a", "abc", "a b", " a", "a ", "a  b", "yes", "Yes", "no", "on", "off", "y", "n", "Y", "N", "true", "False",
  "null", "Null", "~", "<<", "123", "-1", "+1", "0755", "0x1F", "0o17", "0b101", "1_000", "1.5", ".5", "1e3", "1e400", ".inf",
  "-.inf", ".nan", "Infinity", "2006-01-02", "2006-01-02T15:04:05Z", "2001-02-29", "1:20", "190:20:30.15", "12:30", "1:2:3",
  "- a", "-a", "-", "--", "---", "--- a", "...", "....", "? a", "?a", "?", ": a", ":a", ":", "a:", "a: b", "a:b", "a :b",
  "#a", "a#b", "a #b", "a\t#b", ",a", "a,b", "[a]", "a[b]", "{a}", "a{b}", "&a", "*a", "!a", "|a", ">a", "'a", "a'b", "\"a",
  "a\"b", "%a", "@a", "`a", "a\\b", "a/b", "=", "a=b", "<PodIPWith(\"node\", false, \"\", \"pod-create\", \"\")>",
  "containers with unready status: [ container ]", "é", "日本語", "ñandú", "😀", "a😀b", "\u00a0", "a\u00a0b", "\u0085", "\u2028",
  "\u2029", "\ufeff", "\ufffe", "\ue000", "\u0080", "\u009f", "\t", "a\tb", "\u0000", "\u0001", "\u0007", "\b", "\u000b", "\f", "\r",
  "\u001b", "\u007f", "a\rb", "\n", "\n\n", "a\n", "a\nb", "a\nb\n", "a\nb\n\n", "\na", " a\nb", "a \nb", "a\n b", "a\n\n b",
  "a\tb\nc", "😀\nx", "line1\nline2 ", "x\n\u0085", "#a\nb", "- a\nb", "a: b\nc",
  `${"word ".repeat(30)}end`, `${"x".repeat(90)} y`, `${"x".repeat(79)} y z`, `${"x".repeat(80)} y z`, `${"x".repeat(81)} y z`,
  `${"ab ".repeat(40)}`, `${"a  ".repeat(40)}b`, `'${"q ".repeat(50)}'`, `a: ${"q ".repeat(50)}`, `\t${"q ".repeat(50)}`,
  `${"q ".repeat(45)}😀 ${"r ".repeat(10)}`, `${"é ".repeat(60)}`, "k".repeat(129), "k".repeat(128), `${"é".repeat(65)}`,
];

/** Structured values for the emitter. */
export const VALUES: readonly unknown[] = [
  null, true, false, 0, 1, -1, 1.5, -1.5, 0.1, 1e21, 1e20, 1e-7, 1234567.5, 123456.5, 100000.5, 1e6, 2 ** 53, 2 ** 63, 2 ** 64, 1e300, 5e-324,
  -0, 0.000123, 12345678.9, {}, [], [[]], [{}], { a: {} }, { a: [] }, [null], { a: null },
  { A: 1, Port: 1, "a-b": 1, "a.b": 1, a_b: 1, a1: 1, a01: 1, a9: 1, a10: 1, aB: 1, ab: 1, b: 1, z: 1, "é": 1 },
  { "": 1, "<<": 1, "~": 1, "123": 1, "a b": 1, "a: b": 1, null: 1, on: 1, yes: 1 },
  { conditions: 1, containerStatuses: 1, hostIP: 1, hostIPs: 1, podIP: 1, podIPs: 1 },
  { a0: 1, a00: 1, a000: 1, a001: 1, a010: 1, a1: 1, a2: 1, "a0.1": 1, "a0.01": 1, "1.10": 1, "1.9": 1, "1.09": 1 },
  { x10y2: 1, x10y10: 1, x9y: 1, x09y: 1, "x 1": 1, x_1: 1, "x-1": 1, "1x": 1, "10x": 1, "x١": 1, "x٢": 1 },
  { "😀": 1, "日": 1, "a😀": 1, "a日": 1, "Z": 1, "_": 1, "0": 1, "00": 1, "9": 1, "10": 1, "99999999999999999999": 1, "99999999999999999998": 1 },
  [1, [2, [3, [4]]]], [{ a: 1, b: [1, 2] }, { c: { d: [] } }], { a: { b: { c: { d: "deep" } } } }, { list: [[1, 2], [3, 4]] },
  { a: [{ b: [{ c: 1 }] }] }, [[{ a: 1 }]], { a: [[1, "x"]], b: [{}] },
  { k: ["a\nb", "c"], m: { n: "x\ny\n" } }, [["a\nb"]], { "a\nb": 1 }, { "a\nb": { c: 1 } }, { ["k".repeat(130)]: "v" }, { ["k".repeat(130)]: { a: [1] } },
  {
    apiVersion: "v1", kind: "Pod", metadata: { name: "x", labels: { app: "web" }, annotations: { "a.b/c": "yes" } },
    status: {
      conditions: [{ type: "Ready", status: "True", lastTransitionTime: "2006-01-02T15:04:05Z" }],
      containerStatuses: [{ name: "c", ready: true, restartCount: 0, state: { running: { startedAt: "<Now>" } } }],
      phase: "Running", podIP: "10.0.0.1", hostIPs: [{ ip: "<NodeIPWith(\"node\")>" }],
    },
  },
  { message: "container with unready status: [ c ]", reason: "ContainersNotReady", long: `${"lorem ipsum ".repeat(20)}` },
  { nested: { deeper: { deepest: `${"lorem ipsum ".repeat(20)}` } }, list: [`${"lorem ipsum ".repeat(20)}`, [`${"x y ".repeat(40)}`]] },
  { sq: `'${"lorem ipsum ".repeat(10)}'`, dq: `${"lorem\tipsum ".repeat(10)}`, lit: `${"lorem ipsum ".repeat(10)}\nx` },
];
