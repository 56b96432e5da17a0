/**
 * Execution cases shared by the unit tests and the Go differential test: templates rendered
 * against {@link EXEC_DATA} (decoded as KWOK does, numbers as json.Number).
 *
 * @module
 */

/**
 * The data every case is rendered with.
 * @example
 * ```ts
 * toTemplateData(EXEC_DATA);
 * ```
 * @category Template
 */
export const EXEC_DATA = {
  a: { b: 1, n: null, s: "str", z: "0" },
  num: 3,
  zero: 0,
  float: 1.5,
  neg: -2,
  str: "hello",
  empty: "",
  t: true,
  f: false,
  nil: null,
  list: ["x", "y", "z"],
  nums: [3, 1, 2],
  emptyList: [],
  emptyMap: {},
  m: { b: "2", a: "1", c: { d: null } },
  html: "<a href='x'>&</a>",
  unicode: "héllo ☃",
  objs: [{ name: "a", v: 1 }, { name: "b", v: null }],
  spec: { nodeName: "node", hostNetwork: false },
};

/**
 * Templates (Go agreement expected for each, output or error).
 * @example
 * ```ts
 * EXEC_TEMPLATES.length > 100; // true
 * ```
 * @category Template
 */
export const EXEC_TEMPLATES: readonly string[] = [
  // printing
  "{{.}}", "{{.a}}", "{{.a.b}}", "{{.num}}", "{{.float}}", "{{.neg}}", "{{.str}}", "{{.t}} {{.f}}", "{{.nil}}",
  "{{.list}}", "{{.nums}}", "{{.emptyList}}", "{{.emptyMap}}", "{{.m}}", "{{.objs}}", "{{.missing}}",
  "{{.missing.deeper.still}}", "{{.a.n}}", "{{.a.n.x}}", "{{.nil.x}}", "{{.str.x}}", "{{.list.x}}", "{{.num.x}}",
  "{{1}} {{1.5}} {{-3}} {{0x1F}} {{1e6}} {{1234567.0}} {{0.00001}} {{'a'}} {{1e21}} {{100000.0}}",
  '{{"a\\tb"}} {{`raw`}} {{true}} {{false}}', "{{nil}}", "{{.str 1}}", "{{ 1 2 }}",
  // truthiness
  "{{if .zero}}T{{else}}F{{end}}", "{{if .empty}}T{{else}}F{{end}}", "{{if .emptyList}}T{{else}}F{{end}}",
  "{{if .emptyMap}}T{{else}}F{{end}}", "{{if .missing}}T{{else}}F{{end}}", "{{if .nil}}T{{else}}F{{end}}",
  "{{if .a.z}}T{{else}}F{{end}}", "{{if .f}}T{{else if .t}}E{{else}}F{{end}}", "{{if 0}}T{{else}}F{{end}}",
  "{{if 0.0}}T{{else}}F{{end}}", '{{if ""}}T{{else}}F{{end}}', "{{with .missing}}W{{else}}N{{end}}",
  "{{with .a}}{{.b}}{{end}}", "{{with .f}}W{{else with .str}}{{.}}{{end}}", "{{with $x := .a}}{{$x.s}}{{end}}",
  // and, or, not
  '{{or .missing "dflt"}}', "{{or .zero .str}}", "{{and .str .zero}}", "{{and .t .f .missing}}", "{{or .f .empty}}",
  "{{or .missing .nil}}", "{{not .t}} {{not .missing}} {{not .zero}}", "{{and 1 2}} {{or 0 0.0}}",
  "{{ or .spec.hostNetwork false }}", '{{ or .metadata.uid "" }}', '{{.str | or .f}}',
  // comparisons
  "{{eq .num 3}}", '{{eq .num "3"}}', '{{eq .str "hello"}}', '{{eq .str "x" "y" "hello"}}', '{{eq .missing "x"}}',
  "{{eq 1 1}} {{eq 1 2}} {{ne 1 2}}", "{{eq 1 1.0}}", "{{eq .t true}}", "{{eq .nil .missing}}", "{{lt 1 2}} {{le 2 2}} {{gt 1 2}} {{ge 3 2}}",
  '{{lt "a" "b"}}', "{{lt .num 5}}", "{{lt 1.5 2.5}}", "{{lt true false}}", '{{eq .list "x"}}', "{{eq .m .m}}", "{{eq 1}}",
  // len, index, slice
  "{{len .str}} {{len .list}} {{len .m}} {{len .unicode}} {{len .num}}", "{{len .missing}}", "{{len 3}}",
  "{{index .list 1}}", '{{index .m "a"}}', '{{index .m "zz"}}', '{{index .m "c" "d"}}', "{{index .list 3}}",
  "{{index .list 5}}", "{{index .list -1}}", "{{index .missing 0}}", "{{index .nil 0}}", '{{index .list "a"}}',
  "{{index .m 1}}", "{{index .str 1}}", "{{index .objs 1 \"name\"}}", '{{index .a.n "x"}}', '{{index .m "c" "d" "e"}}',
  "{{index .num 0}}", "{{slice .list 1}}", "{{slice .list 1 2}}", "{{slice .str 1 3}}", "{{slice .list 2 1}}",
  "{{slice .list 0 9}}", "{{slice .missing 0}}",
  // print, printf, println
  '{{print 1 2 "a" "b" 3 .t}}', "{{print .list .m}}", "{{print .missing}}", "{{print nil}}", "{{println 1 2}}",
  '{{printf "%d|%5d|%-5d|%05d|%x|%X|%o|%c|%q" 42 42 42 42 255 255 8 65 65}}', '{{printf "%s|%q|%v|%10s|%-10s|%.2s" .str .str .str .str .str .str}}',
  '{{printf "%f|%.2f|%e|%g|%8.3f|%+d|% d" 3.14159 3.14159 1234.5678 0.000012 3.14159 5 5}}', '{{printf "%d" .str}}',
  '{{printf "%d" .num}}', '{{printf "%s" .num}}', '{{printf "%v %v" .list .m}}', '{{printf "%d %d" 1}}', '{{printf "%d" 1 2}}',
  '{{printf "%t %t" .t 1}}', '{{printf "%%|%z" 1}}', '{{printf "%s" .missing}}', '{{printf "%v" .nil}}', '{{printf "%#v" .m}}',
  '{{printf "%#v %#v %#v" .list .str 3}}', '{{printf "%T %T %T %T" .num .str 1 .list}}', '{{printf .missing}}', '{{printf "%s" .list}}',
  '{{printf "%x" .str}}', '{{printf "%5.1f%%" 99.55}}', '{{printf "%v" 1e6}}', '{{printf "%g" 1e21}}', "{{printf \"%s\" 3}}",
  // html, js, urlquery
  "{{html .html}}", "{{js .html}}", '{{urlquery "a b&c=d/é"}}', "{{html 1 2}}", '{{js "line\\nnext"}}',
  // variables, range
  "{{$x := 1}}{{$x}}{{$x = 2}}{{$x}}", "{{$x := .a}}{{$x.b}} {{$.num}}", "{{range .list}}[{{.}}]{{end}}",
  "{{range $i, $v := .list}}{{$i}}={{$v}} {{end}}", "{{range $k, $v := .m}}{{$k}}={{$v}};{{end}}", "{{range .emptyList}}x{{else}}empty{{end}}",
  "{{range .missing}}x{{else}}none{{end}}", "{{range .nil}}x{{else}}nil{{end}}", "{{range .str}}x{{end}}", "{{range .num}}x{{end}}",
  "{{range 3}}{{.}}{{end}}", "{{range $i, $v := .list}}{{if eq $i 1}}{{continue}}{{end}}{{$v}}{{end}}",
  "{{range .list}}{{if eq . \"y\"}}{{break}}{{end}}{{.}}{{end}}", "{{range .objs}}{{.name}}:{{.v}} {{end}}",
  "{{range .objs}}{{.v.x}}{{end}}", "{{$n := 0}}{{range .list}}{{$n = .}}{{end}}{{$n}}", "{{range $v := .nums}}{{$v}}{{end}}",
  "{{range $i, $e := .emptyMap}}x{{else}}e{{end}}", "{{range .list}}{{$}}{{end}}",
  // define, template, block
  '{{define "t"}}[{{.}}]{{end}}{{template "t" .str}}{{template "t"}}', '{{block "b" .a}}{{.b}}{{end}}',
  '{{define "r"}}{{if .}}{{.}}{{template "r" slice . 1}}{{end}}{{end}}{{template "r" .list}}', '{{template "none"}}',
  '{{define "e"}}{{index .x 0}}{{end}}{{template "e" .a}}',
  // KWOK functions and placeholders
  "{{ .str | Quote }} {{ .num | Quote }} {{ .missing | Quote }} {{ .nil | Quote }} {{ .t | Quote }}", "{{ .html | Quote }}",
  "{{ .m | Quote }} {{ .list | Quote }} {{ Quote .unicode }}", "{{ Quote 1 }} {{ Quote 1.5 }} {{ Quote nil }}",
  "{{ NodeIPWith .spec.nodeName | Quote }}", '{{ PodIPWith .spec.nodeName ( or .spec.hostNetwork false ) ( or .metadata.uid "" ) "n" 5 }}',
  "{{ Now }} {{ NodeIP }} {{ printf \"kwok-%s\" Version }}", "{{ range NodeIPsWith .spec.nodeName }}{{.}};{{end}}",
  "{{ PodIPWith .m .list .nil 1.5 true }}", "{{ with NodePort }}Port: {{ . }}{{ end }}",
  // chains, parentheses, pipelines
  "{{ (index .objs 0).name }}", "{{ (.a).b }}", "{{ $.a.b }}", "{{ (.missing).x }}", "{{ (nil).x }}", '{{ .num | printf "%s-%v" "x" }}',
  '{{ "x" | printf "%s%s" "y" }}', "{{ .str | len }}", "{{ .a.b | print | len }}", "{{ $x := .list }}{{ index $x 0 }}{{ $x.foo }}",
  '{{ $v := index .objs 1 }}{{ $v.v }}|{{ $v.v.x }}', "{{ with $x := 5 }}{{ $x }}{{ . }}{{ end }}", '{{ define "d" }}{{ $ }}|{{ .b }}{{ end }}{{ template "d" .a }}',
  '{{ printf "%6.2f|%-8.3e|%G|%08.3f|%.0f|%.0f|%.2e" 3.14159 1234.5 1e-7 -3.14159 2.5 3.5 1.125 }}', '{{ printf "%v|%.1f|%5.1f" 2.5 0.05 0.25 }}',
  '{{ printf "%3c|%-4q|%U|%#x|%#o|%b" 65 "a" 9731 255 8 5 }}', '{{ printf "%s|%10.3s|" .unicode .unicode }}', '{{ printf "%v %d" .t .t }}',
  '{{ println .list .str 1 }}', '{{ print .str .str }} {{ print 1 .str 2 }}', "{{ len .emptyMap }} {{ len .nil }}",
  '{{ call .str }}', '{{ index "abc" 0 }}', '{{ eq .a.z "0" }} {{ ne .str "x" }}', '{{ lt .num "4" }}', '{{ eq 1 1.5 }} {{ eq 2 .missing }}',
  "{{ range $i, $e := .list }}{{ if $i }},{{ end }}{{ $e }}{{ end }}", "{{ range .m.c }}{{ . }}{{ end }}", "{{ range $k, $v := .a }}{{ $k }}{{ end }}",
  "{{ if and .str (eq .str \"hello\") }}yes{{ end }}", "{{ if or .missing.x .t }}ok{{ end }}", "{{ not }}", "{{ and }}",
  // numbers and errors
  "{{ 1e3 }} {{ 07 }} {{ 0b11 }} {{ 1_000 }} {{ -0 }} {{ 0.1 }} {{ 1.0 }} {{ 1e100 }} {{ 123456789.0 }} {{ 0x1p4 }} {{ -1.5e-9 }}",
  "{{ 9223372036854775807 }}", "{{ 9223372036854775808 }}", "{{ 'x' }} {{ '\\n' }}", '{{ index .m }}', "{{ printf }}", "{{ len }}",
  "{{ Quote }}", "{{ Quote 1 2 }}", "{{ upper 1 }}", '{{ repeat "a" "b" }}', '{{ indent .num "x" }}', "{{ .str | .a }}", '{{ "x" 1 }}',
  "{{ $.str 1 }}", '{{ .str.x.y }}', '{{ $x := "" }}{{ range .list }}{{ $x = printf "%s%s" $x . }}{{ end }}{{ $x }}',
  '{{ with index .m "zz" }}yes{{ else }}no{{ end }}', "{{- .str -}} {{- .num }}", '{{ index .a "s" | upper }}', '{{ upper (index .a "s") }}',
  "{{ range $i, $v := .nums }}{{ add $i $v }}{{ end }}", "{{ printf \"%d\" (len .list) }}", "{{ print (eq .str \"hello\") }}",
  '{{ .t | not }} {{ .list | len }} {{ "a" | eq "a" }}', '{{ index .list 1 | printf "%q" }}', "{{ urlquery .html }}",
  // sprig subset in the oracle
  '{{ default "d" .missing }} {{ default "d" .empty }} {{ default "d" .zero }} {{ default "d" .str }}',
  '{{ empty .missing }} {{ empty .zero }} {{ empty .emptyList }} {{ empty 0 }}', '{{ dict "a" 1 "b" .str }}', '{{ list 1 "a" .t }}',
  '{{ (dict "k" .a).k.b }}', '{{ $d := dict "x" 1 }}{{ $d.x }} {{ $d.y }}',
];

/**
 * Templates using the implemented sprig functions (checked against Go when sprig is installed).
 * @example
 * ```ts
 * SPRIG_TEMPLATES.every((t) => t.includes("{{")); // true
 * ```
 * @category Template
 */
export const SPRIG_TEMPLATES: readonly string[] = [
  '{{ default "d" .missing }} {{ default "d" .a.z }} {{ default 5 .zero }} {{ default "d" .emptyList }}',
  "{{ empty .missing }} {{ empty .num }} {{ empty .emptyMap }} {{ empty .f }} {{ empty .nil }}",
  '{{ coalesce .missing .empty .str }} {{ coalesce .nil }}', '{{ ternary "y" "n" .t }} {{ ternary "y" "n" false }}',
  '{{ dict "a" 1 "b" }}', '{{ dict 1 2 }}', "{{ list }} {{ list .list .m }}", '{{ get .m "a" }}|{{ get .m "zz" }}|',
  '{{ $d := dict "a" 1 }}{{ $_ := set $d "b" 2 }}{{ $d }}', '{{ hasKey .m "a" }} {{ hasKey .m "q" }}', "{{ keys .a | len }}",
  '{{ pluck "name" (index .objs 0) (index .objs 1) }}', '{{ merge (dict "a" 1) (dict "a" 2 "b" 3) }}', '{{ append .list "w" }}',
  "{{ first .list }} {{ last .list }} {{ first .emptyList }}", '{{ join "-" .list }} {{ join "," .nums }}', '{{ split "," "a,b,c" }}',
  '{{ splitList "," "a,,b" }}', '{{ trim "  x  " }}|{{ trimAll "xy" "xyaxy" }}|{{ trimSuffix ".go" "a.go" }}|{{ trimPrefix "a" "aab" }}',
  '{{ upper .str }} {{ lower "ÀB" }} {{ title "hello wor-ld foo_bar" }}', '{{ replace "l" "L" .str }}', '{{ contains "ell" .str }} {{ hasPrefix "he" .str }} {{ hasSuffix "lo" .str }}',
  '{{ quote .str 1 .missing }} {{ squote .str .num }}', '{{ cat "a" 1 .missing .t }}', '{{ indent 2 "a\\nb" }}|{{ nindent 4 "x" }}',
  "{{ toString .num }} {{ toString 1.5 }} {{ toString .list }} {{ toString .missing }}", "{{ toJson .m }} {{ toJson .html }} {{ toJson .missing }}",
  '{{ (fromJson "{\\"a\\":1}").a }} {{ fromJson "[1,2]" }}', '{{ int "42" }} {{ int .num }} {{ int 1.9 }} {{ int "x" }} {{ int64 "0x10" }}',
  '{{ float64 "1.5" }} {{ float64 .num }} {{ atoi "12" }} {{ atoi "x" }}', "{{ add 1 2 .num }} {{ sub 5 .num }} {{ mul 2 3 .num }} {{ div 7 2 }} {{ mod 7 .num }}",
  "{{ max 1 5 .num }} {{ min 4 .num 2 }}", "{{ div 1 0 }}", '{{ b64enc "hello" }} {{ b64dec "aGVsbG8=" }}',
  "{{ seq 3 }}|{{ seq 2 5 }}|{{ seq 5 2 }}|{{ seq 0 2 6 }}", "{{ until 3 }} {{ until -2 }}", '{{ repeat 3 "ab" }}',
  '{{ substr 1 3 "hello" }} {{ substr -1 2 "hello" }} {{ substr 2 99 "hello" }}', '{{ trunc 3 "hello" }} {{ trunc -2 "hello" }} {{ trunc 9 "hi" }}',
  '{{ .list | join "," | upper }}', '{{ "a" | replace "a" "b" }}',
  '{{ nospace " a b\tc " }} {{ plural "one" "many" 1 }} {{ plural "one" "many" 2 }}', '{{ compact (list 1 0 "" "a" .nil .f) }}',
  '{{ uniq (list 1 1 "a" "a" .num .num) }} {{ without .list "y" }} {{ has "y" .list }} {{ has 1 .nil }}', "{{ concat .list .nums }} {{ concat .list .str }}",
  "{{ sortAlpha (list \"b\" \"a\" 3) }} {{ sortAlpha .str }}", "{{ untilStep 0 10 3 }} {{ untilStep 5 0 -2 }} {{ untilStep 0 5 0 }}",
  '{{ toDecimal "0777" }} {{ toDecimal "9" }} {{ splitn "," 2 "a,b,c" }}', "{{ typeOf .num }} {{ typeOf .m }} {{ typeOf .list }} {{ typeOf 1 }} {{ typeOf .missing }}",
  "{{ kindOf .num }} {{ kindOf .m }} {{ kindOf .list }} {{ kindOf 1.5 }} {{ kindOf .missing }} {{ kindIs \"map\" .m }} {{ typeIs \"string\" .str }}",
  "{{ deepEqual .m .m }} {{ deepEqual .list .nums }} {{ deepEqual .num \"3\" }}", '{{ dig "c" "d" "dflt" .m }} {{ dig "c" "zz" "dflt" .m }} {{ dig "a" "x" "dflt" .m }}',
  '{{ pick .m "a" "zz" }} {{ omit .m "a" }}', '{{ tuple 1 "a" }}', '{{ fail "boom" }}', "{{ ceil 1.2 }} {{ floor -1.2 }} {{ round 3.14159 2 }} {{ round -2.5 0 }} {{ round .float 0 }}",
  "{{ maxf 1 2.5 .num }} {{ minf 1 -2.5 }} {{ biggest 1 9 3 }}", "{{ mustFirst .list }} {{ mustLast .nums }} {{ mustCompact (list 0 1) }}",
];
