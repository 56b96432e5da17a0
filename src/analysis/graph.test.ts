import { describe, expect, it } from "vitest";
import { compileLifecycle } from "../plan/compile-lifecycle.js";
import { loadStagesOrThrow } from "../stage/load.js";
import { type Exploration, explore } from "./explore.js";
import { delayText, edgeLines, stateLines } from "./graph-labels.js";
import { toDot, toMermaid } from "./graph.js";

const text = `apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: pod-run}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: .status.phase, operator: In, values: [Pending]}
    - {key: .metadata.deletionTimestamp, operator: DoesNotExist}
  delay: {durationMilliseconds: 1000, jitterDurationMilliseconds: 5000}
  next:
    statusTemplate: |
      phase: Running
      conditions: [{type: Ready, status: "True"}]
      containerStatuses: [{name: app, state: {running: {startedAt: "{{ Now }}"}}}]
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: pod-crash}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: .status.phase, operator: In, values: [Running]}
  weight: 1
  next:
    statusTemplate: "phase: {{ index .status.conditions 7 }}"
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: pod-evict}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: .status.phase, operator: In, values: [Running]}
  weight: 2
  delay: {durationMilliseconds: 30000}
  next: {delete: true}
`;
const lifecycle = compileLifecycle(loadStagesOrThrow({ text }));
const seed = { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, status: { phase: "Pending", containerStatuses: [{ name: "app", state: { waiting: { reason: "ContainerCreating" } } }] } };
const exploration = explore(seed, lifecycle);

describe("toMermaid", () => {
  it("writes a flowchart with readable labels and styled terminal, deleted and error states", () => {
    expect(toMermaid(exploration)).toMatchInlineSnapshot(`
      "flowchart TB
        s0["Pending<br/>app: waiting (ContainerCreating)"]
        s1["Running<br/>Ready=True<br/>app: running"]
        deleted(["deleted"])
        error(["error"])
        s0 -->|"pod-run<br/>1s…5s"| s1
        s1 -->|"pod-evict<br/>30s"| deleted
        s1 -->|"pod-crash<br/>0s<br/>template: pod-crash:1:10: executing #quot;pod-crash#quot; at #lt;index .…"| error
        classDef seed stroke-width:3px
        class s0 seed
        classDef deleted fill:#eeeeee,stroke:#616161,stroke-dasharray:4 3
        class deleted deleted
        classDef error fill:#ffebee,stroke:#c62828,color:#c62828
        class error error
      "
    `);
  });

  it("escapes quotes and markup and honours the options", () => {
    const odd: Exploration = {
      states: [
        { id: "s1", projection: 'say "hi" <b>#1</b> & `x`', depth: 1, terminal: true, example: {} },
        { id: "s0", projection: { custom: true }, depth: 0, terminal: false, example: {} },
      ],
      edges: [{ from: "s0", to: "s1", stage: 'a"b', delay: { min: 0, max: 0 }, operations: [] }],
      truncated: false,
    };
    expect(toMermaid(odd, { direction: "LR" })).toMatchInlineSnapshot(`
      "flowchart LR
        s0["{#quot;custom#quot;:true}"]
        s1["say #quot;hi#quot; #lt;b#gt;#35;1#lt;/b#gt; #amp; #96;x#96;"]
        s0 -->|"a#quot;b<br/>0s"| s1
        classDef seed stroke-width:3px
        class s0 seed
        classDef terminal fill:#e8f5e9,stroke:#2e7d32,stroke-width:2px
        class s1 terminal
      "
    `);
  });
});

describe("toDot", () => {
  it("writes a digraph with the same labels and styles", () => {
    expect(toDot(exploration)).toMatchInlineSnapshot(`
      "digraph stagecraft {
        rankdir=TB;
        node [shape=box, style=rounded, fontname="Helvetica", fontsize=11];
        edge [fontname="Helvetica", fontsize=10];
        "s0" [label="Pending\\napp: waiting (ContainerCreating)", penwidth=2];
        "s1" [label="Running\\nReady=True\\napp: running"];
        "deleted" [label="deleted", shape=oval, style=dashed, color="#616161", fontcolor="#616161"];
        "error" [label="error", shape=octagon, color="#c62828", fontcolor="#c62828"];
        "s0" -> "s1" [label="pod-run\\n1s…5s"];
        "s1" -> "deleted" [label="pod-evict\\n30s"];
        "s1" -> "error" [label="pod-crash\\n0s\\ntemplate: pod-crash:1:10: executing \\"pod-crash\\" at <index .…"];
      }
      "
    `);
  });

  it("escapes backslashes, quotes and newlines, and sorts", () => {
    const odd: Exploration = {
      states: [
        { id: "s10", projection: "ten", depth: 2, terminal: true, example: {} },
        { id: "s2", projection: 'a\\b "c"\nd', depth: 1, terminal: false, example: {} },
      ],
      edges: [
        { from: "s2", to: "s10", stage: "z", delay: { min: 1e6, max: 1e6 }, operations: [] },
        { from: "s2", to: "s10", stage: "a", delay: { min: 0, max: 0 }, delayError: "bad", operations: [] },
      ],
      truncated: false,
    };
    expect(toDot(odd, { stateLabel: (s) => [s.id, String(s.projection)] })).toMatchInlineSnapshot(`
      "digraph stagecraft {
        rankdir=TB;
        node [shape=box, style=rounded, fontname="Helvetica", fontsize=11];
        edge [fontname="Helvetica", fontsize=10];
        "s2" [label="s2\\na\\\\b \\"c\\"\\nd"];
        "s10" [label="s10\\nten", peripheries=2, color="#2e7d32"];
        "s2" -> "s10" [label="a\\ndelay error"];
        "s2" -> "s10" [label="z\\n1ms"];
      }
      "
    `);
  });
});

describe("labels", () => {
  it("describe states and edges", () => {
    expect(exploration.states.map(stateLines)).toMatchInlineSnapshot(`
      [
        [
          "Pending",
          "app: waiting (ContainerCreating)",
        ],
        [
          "Running",
          "Ready=True",
          "app: running",
        ],
        [
          "deleted",
        ],
        [
          "error",
        ],
      ]
    `);
    expect(exploration.edges.map(edgeLines)).toMatchInlineSnapshot(`
      [
        [
          "pod-run",
          "1s…5s",
        ],
        [
          "pod-crash",
          "0s",
          "template: pod-crash:1:10: executing "pod-crash" at <index .…",
        ],
        [
          "pod-evict",
          "30s",
        ],
      ]
    `);
    const node = { id: "s0", depth: 0, terminal: false, example: {} };
    expect(stateLines({ ...node, projection: { conditions: [], taints: [], unschedulable: false } })).toEqual(["(no conditions)"]);
    expect(stateLines({ ...node, projection: { conditions: [{ type: "Ready", status: "True" }], taints: [{ key: "k", effect: "NoSchedule" }], unschedulable: true } })).toEqual([
      "unschedulable",
      "Ready=True",
      "taint k:NoSchedule",
    ]);
    expect([delayText({ min: 0, max: 0 }), delayText({ min: 1e9, max: 1e9 }), delayText({ min: 1.5e9, max: 9e10 })]).toEqual(["0s", "1s", "1.5s…1m30s"]);
  });
});
