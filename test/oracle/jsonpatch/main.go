// Oracle for stagecraft's src/patch: evanphx/json-patch, the root (v4 API) package of Debian's
// golang-github-evanphx-json-patch-dev — the JSON patch and merge patch implementation the
// Kubernetes API server and KWOK use.
// Reads JSON lines {"mode":"json"|"merge","doc":"<json text>","patch":"<json text>"} on stdin and
// writes one JSON line {"ok":true,"out":"<json text>"} or {"ok":false,"error":"..."} per input.
// A panic inside the library (evanphx dereferences nil on some inputs) is reported as an error.
// Build: GO111MODULE=off GOPATH=/usr/share/gocode CGO_ENABLED=0 go build
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	jsonpatch "github.com/evanphx/json-patch"
)

type request struct {
	Mode  string `json:"mode"`
	Doc   string `json:"doc"`
	Patch string `json:"patch"`
}

type response struct {
	Ok    bool   `json:"ok"`
	Out   string `json:"out,omitempty"`
	Error string `json:"error,omitempty"`
}

func apply(req request) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	switch req.Mode {
	case "json":
		patch, err := jsonpatch.DecodePatch([]byte(req.Patch))
		if err != nil {
			return nil, err
		}
		return patch.Apply([]byte(req.Doc))
	case "merge":
		return jsonpatch.MergePatch([]byte(req.Doc), []byte(req.Patch))
	}
	return nil, fmt.Errorf("unknown mode %q", req.Mode)
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1024*1024), 64*1024*1024)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	for in.Scan() {
		var req request
		var res response
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			res = response{Error: err.Error()}
		} else if out, err := apply(req); err != nil {
			res = response{Error: err.Error()}
		} else {
			res = response{Ok: true, Out: string(out)}
		}
		if err := enc.Encode(res); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
