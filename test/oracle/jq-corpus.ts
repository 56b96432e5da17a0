/**
 * Corpus for the gojq differential suite: input objects and queries. KWOK's own keys are read
 * from the conformance folder at run time (see jq-gojq.test.ts), never copied here.
 */

const pod = (extra: Record<string, unknown>): Record<string, unknown> => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "web-0", namespace: "default", uid: "1b4c", creationTimestamp: "2006-01-02T15:04:05Z", labels: { app: "web" }, ...((extra.metadata as object) ?? {}) },
  spec: { nodeName: "node-1", containers: [{ name: "web", image: "nginx", ports: [{ containerPort: 80 }] }] },
  ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== "metadata")),
});

/** JSON texts of the inputs (parsed for stagecraft, streamed verbatim to gojq). */
export const OBJECTS: readonly string[] = [
  pod({ status: {} }),
  pod({ status: { phase: "Pending" } }),
  pod({
    metadata: { annotations: { "pod-ready.stage.kwok.x-k8s.io/delay": "5s", "pod-ready.stage.kwok.x-k8s.io/weight": "10", "x.y/z": "1" } },
    status: {
      phase: "Running",
      podIP: "10.0.0.7",
      conditions: [
        { type: "Initialized", status: "True", lastTransitionTime: null },
        { type: "Ready", status: "True" },
        { type: "ContainersReady", status: "False" },
      ],
      containerStatuses: [{ name: "web", ready: true, restartCount: 2, state: { running: { startedAt: "2006-01-02T15:04:05Z" } } }],
    },
  }),
  pod({
    metadata: { deletionTimestamp: "2006-01-02T15:04:05Z", finalizers: ["kwok.x-k8s.io/fake"], ownerReferences: [{ kind: "Job", name: "j" }, { kind: "ReplicaSet", name: "r" }] },
    status: { phase: "Succeeded", conditions: [{ type: "Ready", status: "False" }] },
  }),
  pod({
    metadata: { labels: { "pod-init-container-running-failed.stage.kwok.x-k8s.io": "true", app: "db" } },
    spec: { initContainers: [{ name: "init" }], containers: [{ name: "db" }] },
    status: { initContainerStatuses: [{ name: "init", state: { waiting: { reason: "PodInitializing" } } }, { name: "i2", state: { running: { startedAt: "x" } } }] },
  }),
  {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: "node-1", labels: { "kubernetes.io/hostname": "node-1", "node-role.kubernetes.io/agent": "" }, annotations: { "kwok.x-k8s.io/node": "fake" } },
    spec: { taints: [{ key: "k", effect: "NoSchedule" }], unschedulable: false },
    status: { allocatable: { cpu: "32", memory: "256Gi", pods: "110" }, capacity: { cpu: 32, pods: 110 }, phase: null },
  },
  {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: "node-2", creationTimestamp: null },
    status: {
      conditions: [
        { type: "Ready", status: "True", reason: "KubeletReady" },
        { type: "MemoryPressure", status: "False" },
      ],
      addresses: [{ type: "InternalIP", address: "10.0.0.1" }],
      nodeInfo: { kubeletVersion: "fake" },
    },
  },
  {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: { name: "pv-1", finalizers: [] },
    spec: { capacity: { storage: "10Gi" }, accessModes: ["ReadWriteOnce"], persistentVolumeReclaimPolicy: "Delete" },
    status: { phase: "Released" },
  },
  null,
  true,
  false,
  0,
  42,
  -3.75,
  1e21,
  "Running",
  "",
  [],
  [3, 1, "b", "a", null, true, [2], { k: 1 }, 2.5, -1],
  {},
  JSON.parse('{"a.b/c": "dots", "__proto__": "proto", "constructor": "ctor", "é": 1, "😀": 2, "Z": 3, "a": 4, "": 5, "10": 6, "9": 7, "\uffff": 8}') as unknown,
  { a: { b: null, c: [null, { d: null }] }, e: [[], {}], f: "", g: 0, h: false },
  { items: [{ n: 3, s: "x" }, { n: 1, s: "y" }, { n: 2, s: "x" }, { n: 1, s: "z" }], total: 4 },
].map((o) => JSON.stringify(o));

/** Queries exercising every supported construct (beyond KWOK's own keys). */
export const QUERIES: readonly string[] = [
  // paths and indexing
  ".", ".metadata", ".metadata.name", ".a.b", ".a.b.c", '.metadata.labels["app"]', '.["a.b/c"]', '."a.b/c"', '.metadata."name"', '.metadata.["name"]',
  ".status.conditions.[]", ".status.conditions[]", ".status.conditions[0]", ".status.conditions[-1]", ".status.conditions[1:]", ".status.conditions[:1]",
  ".[0]", ".[1:3]", ".[-2:]", ".[2.5]", '.["__proto__"]', ".__proto__", ".constructor", '.["constructor"]', ".[]", ".[]?", ".a[]?", ".a?", "..", "[..] | length",
  ".items[].n", ".items | .[1].s", ".[\"\"]", ".metadata.labels[]", ".spec.containers[0].ports[0].containerPort",
  // pipes, comma, parens
  ".metadata | .name", ".metadata.name, .kind", "(.kind, .apiVersion) | length", "[.kind, .apiVersion]", ".a | (.b, .c)",
  // select and comparisons
  '.status.conditions[] | select(.type == "Ready") | .status', '.status.conditions[]? | select(.status != "True") | .type',
  ".[] | select(. > 1)", ".[]? | select(type == \"number\" and . < 3)", '.items[] | select(.s == "x" or .n >= 2) | .n',
  "[.[]?] | map(. == null)", "1 < 2, 2 <= 2, 3 > 4, \"a\" >= \"b\", null < false, false < true, true < 0, 0 < \"\", \"\" < [], [] < {}",
  "[1, 1.0] | .[0] == .[1]", "{a: 1} == {a: 1.0}", "[[1, 2], [1]] | .[0] > .[1]",
  // logic
  "true and false, true or false, (null | not), (1 | not)", ".a and .b", ".metadata.name or .x", "[(true, false) and (true, false)]", "[(true, false) or (true, false)]",
  // alternative
  ".metadata.deletionTimestamp // \"none\"", ".a // .b // 7", "[.[]? // 1]", "[(false, null, 1) // 2]", "(.x, .y) // \"d\"",
  // literals and construction
  '"a\\tb\\u00e9\\\\\\"q\\/"', "1, -2, 3.5, 1e3, 1.5e-7, 100000000000000000000", "true, false, null", "[]", "{}", '{"a": 1, b: "x", "c d": [1, 2]}',
  "{kind}", "{kind, name: .metadata.name}", '{"kind"}', "{(.kind // \"k\"): 1}", ". as $x | {$x} | keys", '{"__proto__": 1, constructor: 2}', '{a: (1, 2), b: (3, 4)}',
  '{(.[]? | tostring): 1}', '"\\(.kind)-\\(.metadata.name // "none")"', '"x\\(1, 2)y\\(3, 4)"', '"\\(.)"', "[.[]?, 1] | length",
  // arithmetic
  "1 + 2, 5 - 7, 3 * 4, 10 / 4, 10 / 5, 7 % 3, -7 % 3, 5.5 % 2", "1 + 1.5, 0.1 + 0.2, 1e17 + 1, 100000000000000000 + 1", ". + 1", ". - 1", ". * 2", ". / 2", ". % 2",
  "null + 1, 1 + null, null + null", '"ab" + "cd", "ab" * 3, "ab" * 0, "ab" * 1.5', "[1, 2] + [3], [1, 2, 1] - [1]", '{a: 1} + {b: 2}, {a: {b: 1}} * {a: {c: 2}}',
  '"a,b,c" / ","', "1 / 0", "0 / 0", "1 % 0", '{} + 1', '[] - "a"', "-(1, 2)", "-.a", ". + .", "[.[]? | numbers] | add", ".total * 2 / 3",
  // builtins
  "length", "keys", "[.[]? | length]", "type", "[.[]? | type]", "tostring", "tojson", "tojson | fromjson", "[.[]? | tostring]", '"12" | tonumber', '"1.5e3", "-7", "x" | tonumber',
  ".metadata.name | tonumber", "has(\"kind\")", "has(0)", ".metadata | has(\"labels\")", '"kind" | in({"kind": 1})', "keys | length", "add", "[.[]?] | add",
  "first", "last", "first(.[]?)", "last(.[]?)", "[limit(2; .[]?)]", "[limit(0; 1, 2)]", "nth(1)", "nth(1; .[]?)", "[range(5)]", "[range(2; 8; 3)]", "[range(5; 0; -2)]", "[range(1.5)]",
  '[.[]? | strings] | join(", ")', '.metadata.name | startswith("web"), endswith("-0")', '.metadata.name | ltrimstr("web-"), rtrimstr("-0")', "ascii_downcase", '.kind | ascii_upcase, ascii_downcase',
  '.[]? | strings | split("")', '"a-b-c" | split("-")', ".metadata.labels | contains({app: \"web\"})", '.kind | contains("od")', "[1, [2, 3]] | contains([[3]])", ". as $x | [1] | inside([1, 2])",
  "to_entries", "to_entries | from_entries", ".metadata.labels | with_entries(select(.key != \"app\"))", ".metadata.labels | with_entries({key: .value, value: .key})",
  "values", "[.[]? | values]", "[.[]? | nulls]", "[.[]? | strings]", "[.[]? | numbers]", "[.[]? | booleans]", "[.[]? | arrays]", "[.[]? | objects]", "[.[]? | iterables]", "[.[]? | scalars]",
  "[.[]? | not]", "map(. == null)", "map(type)", "map_values(type)", "[.[]?] | sort", "sort", "[.[]?] | unique", ".items | sort_by(.n) | map(.s)", ".items | sort_by(.s, -.n)",
  ".items | group_by(.n) | map(length)", ".items | unique_by(.s) | map(.n)", ".items | min_by(.n), max_by(.n)", "[.[]? | numbers] | min, max", "reverse", "[.[]?] | reverse",
  "[.[]? | numbers | floor]", "[.[]? | numbers | sqrt]", "[.[]? | numbers | fabs, round, ceil]", "flatten", "[[1, [2]], 3] | flatten(1)", ".kind | explode",
  "any", "all", "[.[]?] | any, all", "any(.[]?; . == 1)", "all(.[]?; type == \"string\")", ".items | any(.n > 2), all(.n > 0)", "[.[]? | numbers] | IN(2)", "IN(.[]?; 1, 2)",
  '.kind | index("o"), rindex("o"), indices("o")', "[1, 2, 1] | index(1), rindex(1), indices(1)", "isempty(.[]?)", "[recurse] | length", "[recurse(.a?; . != null)] | length",
  "[.. | numbers]", "[.. | strings] | length", "walk(if type == \"number\" then . + 1 else . end)", "[.[]? | tostring | utf8bytelength]",
  "1 | until(. > 100; . * 2)", "[1 | while(. < 50; . * 3)]",
  // variables, reduce, foreach
  ". as $o | $o", ".kind as $k | [$k, $k]", ". as $o | .metadata? | $o.kind", "[.[]? as $x | $x]", "reduce .[]? as $x (0; . + 1)", "reduce range(5) as $i ([]; . + [$i * 2])",
  "[foreach range(5) as $i (0; . + $i)]", "[foreach range(5) as $i (0; . + $i; [$i, .])]",  "reduce (.items[]?) as $it ({}; . + {($it.s): $it.n})",
  // conditionals, try
  'if .kind == "Pod" then "p" elif .kind == "Node" then "n" else "o" end', "if . then 1 end", "[.[]? | if . then \"t\" else \"f\" end]", "if (true, false) then 1 else 2 end",
  'try error("boom") catch .', "try (1, error(\"x\"), 3) catch .", "[.[]? | try (. + 1) catch \"bad\"]", ".metadata.name | .x", "try (.metadata.name | .x) catch .", "[.[] | .a?]", ".[]?.a?",
  "error", 'error("custom")', "error({a: 1})", "try error({a: 1}) catch .a", "[.[]?] | .[0] | error", "error(null)", "[1, error(null), 2]", ".a.b | .[]",
  "try (null | .[]) catch .", "try (1 | keys) catch .", "try ({} | .[0]) catch .", "try ([] | .a) catch .", "try (\"x\" | has(0)) catch .", "try ([[1]] | join(\",\")) catch .",
  "empty", "[empty]", "1, empty, 2", "[.[]? | select(. == null) | empty]",
];

/** Queries gojq accepts but stagecraft must reject at compile time with E_JQ_UNSUPPORTED. */
export const UNSUPPORTED: readonly string[] = [
  "getpath([\"a\"])", "paths", "[paths]", ".a = 1", ".a |= 1", ".a += 1", "del(.a)", "def f: 1; f", "label $out | 1", "@base64", '@text "x"', "$ENV", "env", "input",
  "now", "tostream", "test(\"a\")", "paths(..)", ".a[0] += 1", "splits(\"a\")", "sub(\"a\"; \"b\")", "match(\"a\")", ". as [$a] | $a", ". as {a: $a} | $a", "debug", "builtins", "[limit(3; repeat(1))]",
];

/** Queries neither gojq nor stagecraft can compile (syntax errors and undefined names). */
export const INVALID: readonly string[] = [".a |", "1 +", ".[", '"abc', ")", "if 1 then 2", "{a:}", ".a..b", "1 == 1 == 1", "{a: 1 + 1}", ".a | $x", "foo(1)", "map(.; .)", "?", "ltrimstr(1; 2)", "$__loc__"];
