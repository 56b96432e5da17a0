// Command gotemplate parses Go templates with text/template, for differential tests of
// stagecraft's template parser. It reads a JSON object {"functions": [...], "cases":
// [{"name": ..., "text": ..., "trim": bool}]} on stdin and writes one JSON result per case:
// {"ok": true, "tree": <Root.String()>, "templates": [names]} or {"ok": false, "error": msg}.
// Build with GO111MODULE=off; it uses only the standard library.
package main

import (
	"encoding/json"
	"os"
	"sort"
	"strings"
	"text/template"
)

type input struct {
	Functions []string `json:"functions"`
	Cases     []struct {
		Name string `json:"name"`
		Text string `json:"text"`
		Trim bool   `json:"trim"`
	} `json:"cases"`
}

type result struct {
	OK        bool     `json:"ok"`
	Error     string   `json:"error,omitempty"`
	Tree      string   `json:"tree,omitempty"`
	Templates []string `json:"templates,omitempty"`
}

func main() {
	var in input
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		panic(err)
	}
	funcs := template.FuncMap{}
	for _, name := range in.Functions {
		funcs[name] = func(args ...interface{}) interface{} { return nil }
	}
	out := make([]result, 0, len(in.Cases))
	for _, c := range in.Cases {
		text := c.Text
		if c.Trim {
			text = strings.TrimSpace(text) // as KWOK's renderer does
		}
		out = append(out, parse(c.Name, text, funcs))
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}

func parse(name, text string, funcs template.FuncMap) (r result) {
	defer func() {
		if p := recover(); p != nil {
			r = result{Error: "panic"}
		}
	}()
	t, err := template.New(name).Funcs(funcs).Parse(text)
	if err != nil {
		return result{Error: err.Error()}
	}
	r = result{OK: true}
	if main := t.Lookup(name); main != nil && main.Tree != nil && main.Tree.Root != nil {
		r.Tree = main.Tree.Root.String()
	}
	for _, d := range t.Templates() {
		if d.Name() != name {
			r.Templates = append(r.Templates, d.Name())
		}
	}
	sort.Strings(r.Templates)
	return r
}
