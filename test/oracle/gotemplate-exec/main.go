// Command gotemplate-exec renders Go templates with text/template, for differential tests
// of stagecraft's template executor. It reads {"cases": [{"name", "text", "data", "trim"}]}
// (data is JSON text, decoded with UseNumber as KWOK does) on stdin and writes one result per
// case: {"ok": true, "out": text} or {"ok": false, "error": message}. The FuncMap holds KWOK's
// Quote, the test-harness placeholders and copies of sprig's default, empty, dict and list.
// Build with GO111MODULE=off; it uses only the standard library.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"text/template"
)

type input struct {
	Cases []struct {
		Name string `json:"name"`
		Text string `json:"text"`
		Data string `json:"data"`
		Trim bool   `json:"trim"`
	} `json:"cases"`
}

type result struct {
	OK    bool   `json:"ok"`
	Out   string `json:"out"`
	Error string `json:"error,omitempty"`
}

func quote(s any) string {
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

func empty(given interface{}) bool {
	g := reflect.ValueOf(given)
	if !g.IsValid() {
		return true
	}
	switch g.Kind() {
	default:
		return g.IsNil()
	case reflect.Array, reflect.Slice, reflect.Map, reflect.String:
		return g.Len() == 0
	case reflect.Bool:
		return !g.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return g.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return g.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return g.Float() == 0
	case reflect.Struct:
		return false
	}
}

func dfault(d interface{}, given ...interface{}) interface{} {
	if empty(given) || empty(given[0]) {
		return d
	}
	return given[0]
}

func strval(v interface{}) string {
	switch v := v.(type) {
	case string:
		return v
	case fmt.Stringer:
		return v.String()
	default:
		return fmt.Sprintf("%v", v)
	}
}

func dict(v ...interface{}) map[string]interface{} {
	dict := map[string]interface{}{}
	lenv := len(v)
	for i := 0; i < lenv; i += 2 {
		key := strval(v[i])
		if i+1 >= lenv {
			dict[key] = ""
			continue
		}
		dict[key] = v[i+1]
	}
	return dict
}

// yamlFunc is KWOK's YAML with JSON standing in for go-yaml (the indent logic is what is tested).
func yamlFunc(s interface{}, indent ...int) (string, error) {
	d, err := json.Marshal(s)
	if err != nil {
		return "", err
	}
	y := string(d) + "\n"
	if len(indent) == 1 && indent[0] > 0 {
		pad := strings.Repeat(" ", indent[0]*2)
		return strings.Replace("\n"+y, "\n", "\n"+pad, -1), nil
	}
	return y, nil
}

func nodeConditions() []interface{} {
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
}

func main() {
	var in input
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		panic(err)
	}
	funcs := sprigFuncs()
	for k, v := range (template.FuncMap{
		"Quote": quote, "default": dfault, "empty": empty, "dict": dict,
		"list": func(v ...interface{}) []interface{} { return v },
		"StartTime": func() string { return "2006-01-02T15:04:05Z" },
		"YAML": yamlFunc, "NodeConditions": nodeConditions,
	}) {
		if _, ok := funcs[k]; !ok || !hasSprig {
			funcs[k] = v
		}
	}
	for _, n := range []string{"NodeIP", "NodeName", "NodePort", "PodIP", "NodeIPWith", "PodIPWith", "Now", "now", "Version"} {
		funcs[n] = wrapString(n)
	}
	for _, n := range []string{"NodeIPsWith", "PodIPsWith"} {
		funcs[n] = wrapList(n)
	}
	out := make([]result, 0, len(in.Cases))
	for _, c := range in.Cases {
		text := c.Text
		if c.Trim {
			text = strings.TrimSpace(text)
		}
		t, err := template.New(c.Name).Funcs(funcs).Parse(text)
		if err != nil {
			out = append(out, result{Error: "parse: " + err.Error()})
			continue
		}
		var data interface{}
		dec := json.NewDecoder(strings.NewReader(c.Data))
		dec.UseNumber()
		if err := dec.Decode(&data); err != nil {
			panic(err)
		}
		var buf bytes.Buffer
		if err := t.Execute(&buf, data); err != nil {
			out = append(out, result{Error: err.Error(), Out: buf.String()})
			continue
		}
		out = append(out, result{OK: true, Out: buf.String()})
	}
	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}
