/**
 * The `pod-general` preset: the full life of a Pod in six stages, each after a delay of
 * 1 s to 5 s that a pod can override with annotations.
 *
 * @module
 */

/**
 * Stage YAML of the `pod-general` preset: `pod-accepted` → (`pod-init-running` →
 * `pod-init-done`) → `pod-running` → `pod-succeeded` (Job pods) → `pod-removed`.
 *
 * | stage | picks | does |
 * |---|---|---|
 * | `pod-accepted` | no `podIP` yet | event `Created`; conditions not ready; containers waiting (`PodInitializing` with init containers, else `ContainerCreating`); `hostIP`, `podIP`; phase `Pending` |
 * | `pod-init-running` | Pending, not Initialized, init containers waiting | init containers running |
 * | `pod-init-done` | Pending, init containers running | init containers completed; `Initialized` True; containers `ContainerCreating` |
 * | `pod-running` | Pending, Initialized, containers not started | `Ready`/`ContainersReady` True, containers running, phase `Running`, `startTime` |
 * | `pod-succeeded` | Running, Ready, owned by a `Job` | containers terminated (exit 0), phase `Succeeded` |
 * | `pod-removed` | terminating, no finalizers left | deletes the pod once its `deletionTimestamp` is reached |
 *
 * The first five skip terminating pods. Each stage waits `1000 ms` up to `5000 ms` (jitter);
 * `pod-removed` waits 1 s, or until the `deletionTimestamp` when that is later. A pod can
 * change this with the annotations KWOK's `pod/general` set reads, so existing manifests behave
 * the same: `<kwok-stage>.stage.kwok.x-k8s.io/delay`, `…/jitter-delay` and `…/weight`, where
 * `<kwok-stage>` is one of `pod-create`, `pod-init-container-running`,
 * `pod-init-container-completed`, `pod-ready`, `pod-complete`, `pod-delete`.
 *
 * Behaves like KWOK's `pod/general` stage set; written for stagecraft.
 *
 * @example
 * ```ts
 * const stages = loadStagesOrThrow({ file: "pod-general", text: POD_GENERAL_YAML });
 * stages.map((s) => s.name); // ["pod-accepted", "pod-init-running", …, "pod-removed"]
 * ```
 * @category Presets
 */
export const POD_GENERAL_YAML = `# stagecraft preset "pod-general": a Pod goes through creation, init containers, readiness,
# completion (Job pods) and deletion, with a 1-5 s delay per stage. The annotations read for
# per-pod delays and weights carry KWOK's stage names so that KWOK users' pods behave the same.
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: pod-accepted
spec:
  resourceRef:
    apiGroup: v1
    kind: Pod
  selector:
    matchExpressions:
    - jq: {key: .metadata.deletionTimestamp, operator: DoesNotExist}
    - jq: {key: .status.podIP, operator: DoesNotExist}
  weight: 1
  weightFrom:
    jq: {expression: '.metadata.annotations["pod-create.stage.kwok.x-k8s.io/weight"]'}
  delay:
    durationMilliseconds: 1000
    durationFrom:
      jq: {expression: '.metadata.annotations["pod-create.stage.kwok.x-k8s.io/delay"]'}
    jitterDurationMilliseconds: 5000
    jitterDurationFrom:
      jq: {expression: '.metadata.annotations["pod-create.stage.kwok.x-k8s.io/jitter-delay"]'}
  steps:
  - event:
      type: Normal
      reason: Created
      message: Created container
    patch:
      subresource: status
      root: status
      template: |
        {{- $at := Now }}
        {{- $withInit := .spec.initContainers }}
        {{- $unready := "" }}{{ range .spec.containers }}{{ $unready = printf "%s %s " $unready .name }}{{ end }}
        phase: Pending
        hostIP: {{ NodeIPWith .spec.nodeName | Quote }}
        podIP: {{ PodIPWith .spec.nodeName (or .spec.hostNetwork false) (or .metadata.uid "") (or .metadata.name "") (or .metadata.namespace "") | Quote }}
        conditions:
        {{- if $withInit }}
        {{- $pendingInit := "" }}{{ range .spec.initContainers }}{{ $pendingInit = printf "%s %s " $pendingInit .name }}{{ end }}
        - type: Initialized
          status: "False"
          reason: ContainersNotInitialized
          message: {{ printf "containers with incomplete status: [%s]" $pendingInit | Quote }}
          lastProbeTime: null
          lastTransitionTime: {{ $at | Quote }}
        {{- else }}
        - type: Initialized
          status: "True"
          lastProbeTime: null
          lastTransitionTime: {{ $at | Quote }}
        {{- end }}
        {{- range list "Ready" "ContainersReady" }}
        - type: {{ . }}
          status: "False"
          reason: ContainersNotReady
          message: {{ printf "containers with unready status: [%s]" $unready | Quote }}
          lastProbeTime: null
          lastTransitionTime: {{ $at | Quote }}
        {{- end }}
        {{- range .spec.readinessGates }}
        - type: {{ .conditionType | Quote }}
          status: "True"
          lastTransitionTime: {{ $at | Quote }}
        {{- end }}
        {{- if $withInit }}
        initContainerStatuses:
        {{- range .spec.initContainers }}
        - name: {{ .name | Quote }}
          image: {{ .image | Quote }}
          ready: false
          started: false
          restartCount: 0
          state: {waiting: {reason: PodInitializing}}
        {{- end }}
        {{- end }}
        containerStatuses:
        {{- range .spec.containers }}
        - name: {{ .name | Quote }}
          image: {{ .image | Quote }}
          ready: false
          started: false
          restartCount: 0
          state: {waiting: {reason: {{ if $withInit }}PodInitializing{{ else }}ContainerCreating{{ end }}}}
        {{- end }}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: pod-init-running
spec:
  resourceRef:
    apiGroup: v1
    kind: Pod
  selector:
    matchExpressions:
    - jq: {key: .metadata.deletionTimestamp, operator: DoesNotExist}
    - jq: {key: .status.phase, operator: In, values: [Pending]}
    - jq:
        key: '.status.conditions[] | select(.type == "Initialized") | .status'
        operator: NotIn
        values: ['True']
    - jq: {key: '.status.initContainerStatuses[].state.waiting.reason', operator: Exists}
  weight: 1
  weightFrom:
    jq: {expression: '.metadata.annotations["pod-init-container-running.stage.kwok.x-k8s.io/weight"]'}
  delay:
    durationMilliseconds: 1000
    durationFrom:
      jq: {expression: '.metadata.annotations["pod-init-container-running.stage.kwok.x-k8s.io/delay"]'}
    jitterDurationMilliseconds: 5000
    jitterDurationFrom:
      jq: {expression: '.metadata.annotations["pod-init-container-running.stage.kwok.x-k8s.io/jitter-delay"]'}
  steps:
  - patch:
      subresource: status
      root: status
      template: |
        {{- $at := Now }}
        initContainerStatuses:
        {{- range .spec.initContainers }}
        - name: {{ .name | Quote }}
          image: {{ .image | Quote }}
          ready: true
          started: true
          restartCount: 0
          state: {running: {startedAt: {{ $at | Quote }}}}
        {{- end }}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: pod-init-done
spec:
  resourceRef:
    apiGroup: v1
    kind: Pod
  selector:
    matchExpressions:
    - jq: {key: .metadata.deletionTimestamp, operator: DoesNotExist}
    - jq: {key: .status.phase, operator: In, values: [Pending]}
    - jq: {key: '.status.initContainerStatuses[].state.running.startedAt', operator: Exists}
  weight: 1
  weightFrom:
    jq: {expression: '.metadata.annotations["pod-init-container-completed.stage.kwok.x-k8s.io/weight"]'}
  delay:
    durationMilliseconds: 1000
    durationFrom:
      jq: {expression: '.metadata.annotations["pod-init-container-completed.stage.kwok.x-k8s.io/delay"]'}
    jitterDurationMilliseconds: 5000
    jitterDurationFrom:
      jq: {expression: '.metadata.annotations["pod-init-container-completed.stage.kwok.x-k8s.io/jitter-delay"]'}
  steps:
  - patch:
      subresource: status
      root: status
      template: |
        {{- $at := Now }}
        conditions:
        - type: Initialized
          status: "True"
          reason: ""
          lastProbeTime: null
          lastTransitionTime: {{ $at | Quote }}
        initContainerStatuses:
        {{- range .spec.initContainers }}
        - name: {{ .name | Quote }}
          image: {{ .image | Quote }}
          ready: true
          started: false
          restartCount: 0
          state:
            terminated: {exitCode: 0, reason: Completed, startedAt: {{ $at | Quote }}, finishedAt: {{ $at | Quote }}}
        {{- end }}
        containerStatuses:
        {{- range .spec.containers }}
        - name: {{ .name | Quote }}
          image: {{ .image | Quote }}
          ready: false
          started: false
          restartCount: 0
          state: {waiting: {reason: ContainerCreating}}
        {{- end }}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: pod-running
spec:
  resourceRef:
    apiGroup: v1
    kind: Pod
  selector:
    matchExpressions:
    - jq: {key: .metadata.deletionTimestamp, operator: DoesNotExist}
    - jq: {key: .status.phase, operator: In, values: [Pending]}
    - jq:
        key: '.status.conditions[] | select(.type == "Initialized") | .status'
        operator: In
        values: ['True']
    - jq: {key: '.status.containerStatuses[].state.running.startedAt', operator: DoesNotExist}
  weight: 1
  weightFrom:
    jq: {expression: '.metadata.annotations["pod-ready.stage.kwok.x-k8s.io/weight"]'}
  delay:
    durationMilliseconds: 1000
    durationFrom:
      jq: {expression: '.metadata.annotations["pod-ready.stage.kwok.x-k8s.io/delay"]'}
    jitterDurationMilliseconds: 5000
    jitterDurationFrom:
      jq: {expression: '.metadata.annotations["pod-ready.stage.kwok.x-k8s.io/jitter-delay"]'}
  steps:
  - patch:
      subresource: status
      root: status
      template: |
        {{- $at := Now }}
        phase: Running
        startTime: {{ $at | Quote }}
        conditions:
        {{- range list "Ready" "ContainersReady" }}
        - type: {{ . }}
          status: "True"
          reason: ""
          message: ""
          lastProbeTime: null
          lastTransitionTime: {{ $at | Quote }}
        {{- end }}
        containerStatuses:
        {{- range .spec.containers }}
        - name: {{ .name | Quote }}
          image: {{ .image | Quote }}
          ready: true
          started: true
          restartCount: 0
          state: {running: {startedAt: {{ $at | Quote }}}}
        {{- end }}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: pod-succeeded
spec:
  resourceRef:
    apiGroup: v1
    kind: Pod
  selector:
    matchExpressions:
    - jq: {key: .metadata.deletionTimestamp, operator: DoesNotExist}
    - jq: {key: .status.phase, operator: In, values: [Running]}
    - jq:
        key: '.status.conditions[] | select(.type == "Ready") | .status'
        operator: In
        values: ['True']
    # Only pods run by a Job finish; everything else keeps running.
    - jq: {key: '.metadata.ownerReferences[].kind', operator: In, values: [Job]}
  weight: 1
  weightFrom:
    jq: {expression: '.metadata.annotations["pod-complete.stage.kwok.x-k8s.io/weight"]'}
  delay:
    durationMilliseconds: 1000
    durationFrom:
      jq: {expression: '.metadata.annotations["pod-complete.stage.kwok.x-k8s.io/delay"]'}
    jitterDurationMilliseconds: 5000
    jitterDurationFrom:
      jq: {expression: '.metadata.annotations["pod-complete.stage.kwok.x-k8s.io/jitter-delay"]'}
  steps:
  - patch:
      subresource: status
      root: status
      template: |
        {{- $at := Now }}
        phase: Succeeded
        containerStatuses:
        {{- range .spec.containers }}
        - name: {{ .name | Quote }}
          image: {{ .image | Quote }}
          ready: true
          started: false
          restartCount: 0
          state:
            terminated: {exitCode: 0, reason: Completed, startedAt: {{ $at | Quote }}, finishedAt: {{ $at | Quote }}}
        {{- end }}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: pod-removed
spec:
  resourceRef:
    apiGroup: v1
    kind: Pod
  selector:
    matchExpressions:
    # Terminating, and nothing else holds the pod back.
    - jq: {key: .metadata.deletionTimestamp, operator: Exists}
    - jq: {key: .metadata.finalizers, operator: DoesNotExist}
  weight: 1
  weightFrom:
    jq: {expression: '.metadata.annotations["pod-delete.stage.kwok.x-k8s.io/weight"]'}
  delay:
    durationMilliseconds: 1000
    durationFrom:
      jq: {expression: '.metadata.annotations["pod-delete.stage.kwok.x-k8s.io/delay"]'}
    # The deletion timestamp is an RFC 3339 time: wait until then when it is more than 1 s away.
    jitterDurationFrom:
      jq: {expression: .metadata.deletionTimestamp}
  steps:
  - delete: true
`;
