// Oracle for stagecraft's src/yaml: go-yaml v2 as sigs.k8s.io/yaml uses it.
// Reads JSON lines {"mode":"y2j"|"j2y","input":"..."} on stdin and writes one JSON line
// {"ok":true,"out":"..."} or {"ok":false,"error":"..."} per input.
//   y2j: sigs.k8s.io/yaml.YAMLToJSON (yaml.Unmarshal into interface{}, keys stringified, json.Marshal)
//   j2y: sigs.k8s.io/yaml.Marshal of the value the JSON text describes (json.Marshal, then
//        yaml.Unmarshal of that JSON into interface{}, then yaml.Marshal)
// Build: GO111MODULE=off GOPATH=/usr/share/gocode CGO_ENABLED=0 go build
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strconv"

	yaml "gopkg.in/yaml.v2"
)

type request struct {
	Mode  string `json:"mode"`
	Input string `json:"input"`
}

type response struct {
	Ok    bool   `json:"ok"`
	Out   string `json:"out,omitempty"`
	Error string `json:"error,omitempty"`
}

func convert(in interface{}) (interface{}, error) {
	switch typed := in.(type) {
	case map[interface{}]interface{}:
		out := make(map[string]interface{}, len(typed))
		for k, v := range typed {
			var key string
			switch tk := k.(type) {
			case string:
				key = tk
			case int:
				key = strconv.Itoa(tk)
			case int64:
				key = strconv.FormatInt(tk, 10)
			case float64:
				s := strconv.FormatFloat(tk, 'g', -1, 32)
				switch s {
				case "+Inf":
					s = ".inf"
				case "-Inf":
					s = "-.inf"
				case "NaN":
					s = ".nan"
				}
				key = s
			case bool:
				if tk {
					key = "true"
				} else {
					key = "false"
				}
			default:
				return nil, fmt.Errorf("unsupported map key of type: %s, key: %+#v, value: %+#v", reflect.TypeOf(k), k, v)
			}
			cv, err := convert(v)
			if err != nil {
				return nil, err
			}
			out[key] = cv
		}
		return out, nil
	case []interface{}:
		out := make([]interface{}, len(typed))
		for i, v := range typed {
			cv, err := convert(v)
			if err != nil {
				return nil, err
			}
			out[i] = cv
		}
		return out, nil
	}
	return in, nil
}

func yamlToJSON(text string) (string, error) {
	var obj interface{}
	if err := yaml.Unmarshal([]byte(text), &obj); err != nil {
		return "", err
	}
	conv, err := convert(obj)
	if err != nil {
		return "", err
	}
	b, err := json.Marshal(conv)
	return string(b), err
}

func marshal(text string) (string, error) {
	var value interface{}
	if err := json.Unmarshal([]byte(text), &value); err != nil {
		return "", err
	}
	j, err := json.Marshal(value)
	if err != nil {
		return "", err
	}
	var obj interface{}
	if err := yaml.Unmarshal(j, &obj); err != nil {
		return "", err
	}
	y, err := yaml.Marshal(obj)
	return string(y), err
}

func run(r request) (res response) {
	defer func() {
		if p := recover(); p != nil {
			res = response{Ok: false, Error: fmt.Sprint("panic: ", p)}
		}
	}()
	var out string
	var err error
	if r.Mode == "j2y" {
		out, err = marshal(r.Input)
	} else {
		out, err = yamlToJSON(r.Input)
	}
	if err != nil {
		return response{Ok: false, Error: err.Error()}
	}
	return response{Ok: true, Out: out}
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
		if err := enc.Encode(run(r)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
}
