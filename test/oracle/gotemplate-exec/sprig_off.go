//go:build !sprig

package main

import "text/template"

// sprigFuncs is empty without sprig; main.go's copies of default, empty, dict and list remain.
func sprigFuncs() template.FuncMap { return template.FuncMap{} }

const hasSprig = false
