// Command render-json reproduces KWOK's Renderer.ToJSON (pkg/utils/gotpl/renderer.go) for
// differential tests of stagecraft's renderToJson: strings.TrimSpace of the template text,
// template.New("_") with sprig's TxtFuncMap, KWOK's default functions and the stage-test
// harness placeholders (later layers override earlier), data = json.Marshal(object) decoded
// back with UseNumber, Execute, then sigs.k8s.io/yaml.YAMLToJSON.
//
// stdin: JSON lines {"text": template, "data": JSON text of the object}
// stdout: one JSON line per input: {"ok": true, "out": JSON text} or
// {"ok": false, "phase": "parse"|"exec"|"yaml", "error": message}.
//
// Build: GO111MODULE=off GOPATH=/usr/share/gocode CGO_ENABLED=0 go build
// (Debian's golang-go, golang-github-masterminds-sprig-dev, golang-gopkg-yaml.v2-dev and
// golang-k8s-sigs-yaml-dev).
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig"
	"sigs.k8s.io/yaml"
)

// Fixed clock values for the functions that are not replaced by placeholders.
const fixedTime = "2006-01-02T15:04:05Z"

var nodeConditionsData = func() []interface{} {
	rows := [][4]string{
		{"Ready", "True", "KubeletReady", "kubelet is posting ready status"},
		{"MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"},
		{"DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"},
		{"PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"},
		{"NetworkUnavailable", "False", "RouteCreated", "RouteController created a route"},
	}
	out := []interface{}{}
	for _, r := range rows {
		out = append(out, map[string]interface{}{"type": r[0], "status": r[1], "lastHeartbeatTime": nil, "lastTransitionTime": nil, "reason": r[2], "message": r[3]})
	}
	return out
}()

// kwokDefaults is KWOK's defaultFuncs (pkg/utils/gotpl/funcs.go) with a fixed clock.
var kwokDefaults = template.FuncMap{
	"Quote": func(s any) string {
		data, err := json.Marshal(s)
		if err != nil {
			return strconv.Quote(fmt.Sprint(s))
		}
		if len(data) == 0 {
			return `""`
		}
		if data[0] == '"' {
			return string(data)
		}
		return strconv.Quote(string(data))
	},
	"Now":       func() string { return fixedTime },
	"StartTime": func() string { return fixedTime },
	"YAML": func(s interface{}, indent ...int) (string, error) {
		d, err := yaml.Marshal(s)
		if err != nil {
			return "", err
		}
		data := string(d)
		if len(indent) == 1 && indent[0] > 0 {
			pad := strings.Repeat(" ", indent[0]*2)
			data = strings.Replace("\n"+data, "\n", "\n"+pad, -1)
		}
		return data, nil
	},
	"Version":        func() string { return "0.9.0" },
	"NodeConditions": func() []interface{} { return nodeConditionsData },
}

func wrapString(name string) func(args ...any) string {
	return func(args ...any) string {
		if len(args) == 0 {
			return "<" + name + ">"
		}
		s := make([]string, len(args))
		for i, arg := range args {
			s[i] = fmt.Sprintf("%#v", arg)
		}
		return "<" + name + "(" + strings.Join(s, ", ") + ")>"
	}
}

func wrapList(name string) func(args ...any) []string {
	return func(args ...any) []string {
		n := wrapString(name)(args...)
		n = n[1 : len(n)-1]
		return []string{"<0 of " + n + ">", "<1 of " + n + ">"}
	}
}

// harnessPlaceholders is the FuncMap of KWOK's kustomize/stage/stage_test.go.
var harnessPlaceholders = func() template.FuncMap {
	m := template.FuncMap{}
	for _, n := range []string{"NodeIP", "NodeName", "NodePort", "PodIP", "NodeIPWith", "PodIPWith", "Now", "now", "Version"} {
		m[n] = wrapString(n)
	}
	for _, n := range []string{"NodeIPsWith", "PodIPsWith"} {
		m[n] = wrapList(n)
	}
	return m
}()

type request struct {
	Text string `json:"text"`
	Data string `json:"data"`
}

type response struct {
	Ok    bool   `json:"ok"`
	Out   string `json:"out,omitempty"`
	Phase string `json:"phase,omitempty"`
	Error string `json:"error,omitempty"`
}

// toJSONStandard is KWOK's data conversion: json.Marshal, then decode with UseNumber.
func toJSONStandard(original interface{}) (interface{}, error) {
	b, err := json.Marshal(original)
	if err != nil {
		return nil, err
	}
	var data interface{}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&data); err != nil {
		return nil, err
	}
	return data, nil
}

func toJSON(r request) (res response) {
	defer func() {
		if p := recover(); p != nil {
			res = response{Phase: "panic", Error: fmt.Sprint(p)}
		}
	}()
	text := strings.TrimSpace(r.Text)
	temp, err := template.New("_").Funcs(sprig.TxtFuncMap()).Funcs(kwokDefaults).Funcs(harnessPlaceholders).Parse(text)
	if err != nil {
		return response{Phase: "parse", Error: err.Error()}
	}
	var original interface{}
	if err := json.Unmarshal([]byte(r.Data), &original); err != nil {
		return response{Phase: "input", Error: err.Error()}
	}
	data, err := toJSONStandard(original)
	if err != nil {
		return response{Phase: "input", Error: err.Error()}
	}
	var buf bytes.Buffer
	if err := temp.Execute(&buf, data); err != nil {
		return response{Phase: "exec", Error: err.Error()}
	}
	out, err := yaml.YAMLToJSON(buf.Bytes())
	if err != nil {
		return response{Phase: "yaml", Error: err.Error()}
	}
	return response{Ok: true, Out: string(out)}
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	for in.Scan() {
		var r request
		if err := json.Unmarshal(in.Bytes(), &r); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		if err := enc.Encode(toJSON(r)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
}
