/**
 * The `node-fast` preset: one Stage that turns a Node which is not Ready into a Ready,
 * Running node in a single status patch, with no delay.
 *
 * @module
 */

/**
 * Stage YAML of the `node-fast` preset (one stage, `node-mark-ready`).
 *
 * It selects every Node whose `Ready` condition is missing or not `"True"` and patches its
 * `status` subresource at once:
 * - `conditions`: the five standard kubelet conditions of `NodeConditions` (Ready=True, the
 *   pressure and network conditions False), heartbeat = now, transition = the node's
 *   `creationTimestamp` (now when it has none);
 * - `addresses`: an `InternalIP` from `NodeIP` and a `Hostname` from `NodeName`, each only
 *   when the node does not list one of that type yet (the key is left out when both exist);
 * - `daemonEndpoints.kubeletEndpoint.Port` from `NodePort` (left out when it is 0);
 * - `allocatable` and `capacity`: kept when present, else `cpu: 1k`, `memory: 1Ti`, `pods: 1M`;
 * - `nodeInfo`: the node's own values, defaults `amd64`/`linux`, versions `kwok-<Version>`;
 * - `phase: Running`.
 *
 * Behaves like KWOK's `node/fast` stage set (`node-initialize`); written for stagecraft.
 *
 * @example
 * ```ts
 * const stages = loadStagesOrThrow({ file: "node-fast", text: NODE_FAST_YAML });
 * stages[0]?.name; // "node-mark-ready"
 * ```
 * @category Presets
 */
export const NODE_FAST_YAML = `# stagecraft preset "node-fast": a Node comes up Ready as soon as it is seen.
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: node-mark-ready
spec:
  resourceRef:
    apiGroup: v1
    kind: Node
  selector:
    matchExpressions:
    # No Ready condition yet, or one that is False/Unknown.
    - jq:
        key: '.status.conditions[] | select(.type == "Ready") | .status'
        operator: NotIn
        values: ['True']
  steps:
  - patch:
      subresource: status
      root: status
      template: |
        {{- $at := Now }}
        {{- $since := or .metadata.creationTimestamp $at }}
        phase: Running
        conditions:
        {{- range NodeConditions }}
        - type: {{ .type | Quote }}
          status: {{ .status | Quote }}
          reason: {{ .reason | Quote }}
          message: {{ .message | Quote }}
          lastHeartbeatTime: {{ $at | Quote }}
          lastTransitionTime: {{ $since | Quote }}
        {{- end }}

        {{- /* Only add the address types the node does not list yet. */}}
        {{- $wantInternalIP := true }}
        {{- $wantHostname := true }}
        {{- range .status.addresses }}
        {{- if eq .type "InternalIP" }}{{ $wantInternalIP = false }}{{ end }}
        {{- if eq .type "Hostname" }}{{ $wantHostname = false }}{{ end }}
        {{- end }}
        {{- if or $wantInternalIP $wantHostname }}
        addresses:
        {{- if $wantInternalIP }}{{ with NodeIP }}
        - type: InternalIP
          address: {{ . | Quote }}
        {{- end }}{{ end }}
        {{- if $wantHostname }}{{ with NodeName }}
        - type: Hostname
          address: {{ . | Quote }}
        {{- end }}{{ end }}
        {{- end }}

        {{- with NodePort }}
        daemonEndpoints:
          kubeletEndpoint:
            Port: {{ . }}
        {{- end }}

        {{- /* Resources: keep what the node declares, else a roomy default. */}}
        allocatable: {{ with .status.allocatable }}{{ toJson . }}{{ else }}{cpu: 1k, memory: 1Ti, pods: 1M}{{ end }}
        capacity: {{ with .status.capacity }}{{ toJson . }}{{ else }}{cpu: 1k, memory: 1Ti, pods: 1M}{{ end }}

        {{- $info := .status.nodeInfo }}
        {{- $build := printf "kwok-%s" Version }}
        nodeInfo:
          architecture: {{ or $info.architecture "amd64" | Quote }}
          operatingSystem: {{ or $info.operatingSystem "linux" | Quote }}
          osImage: {{ or $info.osImage "" | Quote }}
          kernelVersion: {{ or $info.kernelVersion $build | Quote }}
          containerRuntimeVersion: {{ or $info.containerRuntimeVersion $build | Quote }}
          kubeletVersion: {{ or $info.kubeletVersion $build | Quote }}
          kubeProxyVersion: {{ or $info.kubeProxyVersion $build | Quote }}
          bootID: {{ or $info.bootID "" | Quote }}
          machineID: {{ or $info.machineID "" | Quote }}
          systemUUID: {{ or $info.systemUUID "" | Quote }}
`;
