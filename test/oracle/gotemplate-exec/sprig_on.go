//go:build sprig

package main

import (
	"text/template"

	"github.com/Masterminds/sprig"
)

// sprigFuncs returns sprig's text functions (Debian's golang-github-masterminds-sprig-dev).
func sprigFuncs() template.FuncMap { return sprig.TxtFuncMap() }

const hasSprig = true
