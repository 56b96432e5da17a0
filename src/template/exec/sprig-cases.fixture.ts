/**
 * Sprig cases for the Go differential test (rendered against `EXEC_DATA`, Go side with the
 * real sprig): the functions beyond the original subset — regexes, semver, digests, URLs,
 * dates with explicit times, case and text helpers, float math, paths, JSON and data
 * structures — including error cases where both sides must fail alike.
 *
 * @module
 */

/**
 * Where sprig 3.2.3 (the oracle, Debian's package) and 3.3.0 (what KWOK uses, which stagecraft
 * follows) differ: the case text and the reason. Such cases are expected to disagree.
 * @example
 * ```ts
 * Object.keys(SPRIG_KNOWN_DIFFERENCES).length > 0; // true
 * ```
 * @category Template
 */
export const SPRIG_KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {
  '{{ sha512sum "abc" }}': "sha512sum is new in sprig 3.3.0; 3.2.3 fails to parse it (function not defined)",
  '{{ mustToDate "2006-01-02T15:04:05.000Z" "2024-01-01T00:00:00.12Z" }}':
    "Go 1.20+ (KWOK's) names the text the failing layout element started at (`cannot parse \".12Z\" as \".000\"`); the oracle's Go 1.19 names what was left after it (`\"\"`)",
  '{{ regexReplaceAll "((a)|b)+" "abab" "[$1$2]" }}':
    "a JavaScript RegExp resets the captures inside a repeated group at each repetition (group 2 is unset after the last `b`); Go's RE2 keeps the last one set (`a`): a limit of the RE2 to JavaScript translation",
};

/**
 * The cases.
 * @example
 * ```ts
 * SPRIG_CASES.length >= 120; // true
 * ```
 * @category Template
 */
export const SPRIG_CASES: readonly string[] = [
  // regexMatch / mustRegexMatch
  '{{ regexMatch "^[a-z]+$" "hello" }} {{ regexMatch "^[a-z]+$" "Hello" }} {{ regexMatch "l+" .str }}',
  '{{ regexMatch "(?i)^HELLO$" .str }} {{ regexMatch "^\\\\d{3}-\\\\d{4}$" "555-1234" }} {{ regexMatch "a|b" "xyz" }}',
  '{{ regexMatch "(" "x" }} {{ regexMatch "[" "x" }}',
  '{{ mustRegexMatch "(" "x" }}', '{{ mustRegexMatch "a)" "x" }}', '{{ mustRegexMatch "[a" "x" }}', '{{ mustRegexMatch "a**" "x" }}',
  '{{ mustRegexMatch "*a" "x" }}', '{{ mustRegexMatch "\\\\1" "x" }}', '{{ mustRegexMatch "a{1001}" "x" }}', '{{ mustRegexMatch "[z-a]" "x" }}',
  '{{ mustRegexMatch "(?=a)" "x" }}', '{{ mustRegexMatch "\\\\q" "x" }}', '{{ mustRegexMatch "x{2,1}" "x" }}', '{{ mustRegexMatch "[[:foo:]]" "x" }}',
  '{{ mustRegexMatch "^\\\\p{Greek}+$" "αβγ" }} {{ mustRegexMatch "^\\\\pL+$" "héllo" }} {{ mustRegexMatch "^\\\\PL+$" "123" }}',
  // regexFind / regexFindAll
  '{{ regexFind "[0-9]+" "abc123def456" }}|{{ regexFind "z" "abc" }}|{{ regexFind "" "abc" }}',
  '{{ regexFindAll "[0-9]+" "a1b22c333" -1 }} {{ regexFindAll "[0-9]+" "a1b22c333" 2 }} {{ regexFindAll "[0-9]+" "a1b22c333" 0 }}',
  '{{ regexFindAll "a*" "baaab" -1 }} {{ len (regexFindAll "" "abc" -1) }} {{ regexFindAll "x*" "xax" -1 }}',
  '{{ regexFindAll "." "héllo☃" -1 }} {{ regexFindAll "(?s)." "a\\nb" -1 | len }} {{ regexFindAll "." "a\\nb" -1 | len }}',
  '{{ regexFind "(" "x" }}', '{{ mustRegexFind "(" "x" }}', '{{ regexFindAll "[" "x" -1 }}', '{{ mustRegexFindAll "+" "x" -1 }}',
  '{{ regexFind "a+?" "aaa" }} {{ regexFind "(?U)a+" "aaa" }} {{ regexFind "a{2,}" "aaaa" }} {{ regexFind "a{2}" "aaaa" }}',
  '{{ regexFind "^b" "ab" }}|{{ regexFind "(?m)^b" "a\\nb" }}|{{ regexFind "a$" "a\\nb" }}|{{ regexFind "(?m)a$" "a\\nb" }}',
  '{{ regexFind "\\\\bfoo\\\\b" "a foo b" }}|{{ regexFind "\\\\Bo" "foo" }}|{{ regexFind "\\\\Aa" "aa" }}|{{ regexFind "a\\\\z" "aa" }}',
  '{{ regexFind "[[:upper:]]+" "abCDe" }} {{ regexFind "[[:^alpha:]]+" "ab12c" }} {{ regexFind "[^a-c]+" "abcxyz" }} {{ regexFind "[\\\\d\\\\s]+" "ab1 2c" }}',
  '{{ regexFind "\\\\s+" "a \\t\\vb" | len }} {{ regexFind "[\\\\S]+" "  xy  " }} {{ regexFind "[^\\\\S]+" "xy  z" | len }} {{ regexFind "\\\\W+" "ab!?c" }}',
  '{{ regexFind "\\\\x41\\\\x{263a}" "A☺" }} {{ regexFind "\\\\Q.*\\\\E" "a.*b" }} {{ regexFind "[\\\\]a]+" "]a]b" }} {{ regexFind "[]a]+" "]a]b" }}',
  '{{ regexFind "(?i)straße" "STRASSE" }}|{{ regexFind "(?i)k" "K" }}|{{ regexFind "(?i:a)b" "Ab" }}|{{ regexFind "(?i:a)b" "AB" }}',
  '{{ regexFind "\\\\101" "A" }} {{ regexFind "\\\\.\\\\+\\\\*" "a.+*" }} {{ regexFind "a.c" "a\\nc abc" }} {{ regexFind "\\\\pN+" "x٣4" }}',
  // regexReplaceAll / Literal
  '{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" }} {{ regexReplaceAll "a(x*)b" "-ab-axxb-" "$1W" }}',
  '{{ regexReplaceAll "(?P<first>\\\\w+) (?P<last>\\\\w+)" "John Smith" "$last, $first" }} {{ regexReplaceAll "(a)" "a" "$$1 $2 $0" }}',
  '{{ regexReplaceAll "a*" "baaac" "X" }} {{ regexReplaceAll "" "abc" "-" }} {{ regexReplaceAll "x*" "abc" "-" }}',
  '{{ regexReplaceAll "(b)|(c)" "abcd" "[$1|$2]" }} {{ regexReplaceAll "b" "abc" "${" }} {{ regexReplaceAll "b" "abc" "$" }} {{ regexReplaceAll "(b)" "abc" "${1" }}',
  '{{ regexReplaceAll "é" "héhé" "e" }} {{ regexReplaceAll "(?i)HELLO" .str "bye" }} {{ regexReplaceAll "\\\\s+" "a  b \\t c" " " }}',
  '{{ regexReplaceAllLiteral "a(x*)b" "-ab-axxb-" "${1}" }} {{ regexReplaceAllLiteral "" "ab" "$" }} {{ regexReplaceAllLiteral "b+" "abbbc" "$$" }}',
  '{{ regexReplaceAll "(" "x" "y" }}', '{{ mustRegexReplaceAll "(" "x" "y" }}', '{{ regexReplaceAllLiteral "[" "x" "y" }}', '{{ mustRegexReplaceAllLiteral "a{2" "a{2" "y" }}',
  // regexSplit, regexQuoteMeta
  '{{ regexSplit "z+" "pizza" -1 }} {{ regexSplit "z+" "pizza" 0 }} {{ regexSplit "z+" "pizza" 1 }} {{ regexSplit "z+" "pizza" 2 }}',
  '{{ regexSplit "" "abc" -1 }} {{ regexSplit "a" "" -1 | len }} {{ regexSplit "," "a,b,,c," -1 }} {{ len (regexSplit "x*" "axbxc" -1) }}',
  '{{ regexSplit "(" "x" 1 }}', '{{ mustRegexSplit "(" "x" -1 }}',
  '{{ regexQuoteMeta "1.5+1=2.5? [a](b){c}^$|\\\\" }} {{ regexQuoteMeta "" }} {{ regexQuoteMeta "héllo" }}',
  '{{ regexMatch (regexQuoteMeta "a.b*c") "a.b*c" }} {{ regexMatch (regexQuoteMeta "a.b") "axb" }}',
  // semver
  '{{ semver "1.2.3" }} {{ semver "v1.2" }} {{ semver "1" }} {{ semver "1.2.3-beta.1+build.5" }}',
  '{{ (semver "1.2.3").Major }} {{ (semver "1.2.3").Minor }} {{ (semver "v1.2.3-rc.1").Patch }} {{ (semver "v1.2.3-rc.1").Prerelease }} {{ (semver "1.0.0+b7").Metadata }} {{ (semver "v1.2").Original }}',
  '{{ semver "x.y.z" }}', '{{ semver "1.2.3-01" }}', '{{ semver "" }}', '{{ semver "1.2.3.4" }}', '{{ semver "1.2.3-a..b" }}',
  '{{ semverCompare ">=1.2.3" "1.2.3" }} {{ semverCompare ">1.2.3" "1.2.3" }} {{ semverCompare "<2" "1.9.9" }} {{ semverCompare "<=1.2" "1.2.9" }}',
  '{{ semverCompare "^1.2.3" "1.9.0" }} {{ semverCompare "^1.2.3" "2.0.0" }} {{ semverCompare "^0.2.3" "0.2.9" }} {{ semverCompare "^0.2.3" "0.3.0" }} {{ semverCompare "^0.0.3" "0.0.4" }}',
  '{{ semverCompare "~1.2.3" "1.2.9" }} {{ semverCompare "~1.2.3" "1.3.0" }} {{ semverCompare "~1" "1.9.0" }} {{ semverCompare "~>1.2" "1.2.5" }}',
  '{{ semverCompare "1.2.x" "1.2.7" }} {{ semverCompare "1.x" "1.5.0" }} {{ semverCompare "*" "3.0.0" }} {{ semverCompare "!=1.2.3" "1.2.3" }} {{ semverCompare "!=1.2.x" "1.3.0" }}',
  '{{ semverCompare ">=1.0, <2.0" "1.5.0" }} {{ semverCompare ">=1.0 <2.0" "2.0.0" }} {{ semverCompare "<1 || >=3" "3.1.0" }} {{ semverCompare "1.1 - 1.3" "1.2.0" }} {{ semverCompare "1.1 - 1.3" "1.4.0" }}',
  '{{ semverCompare ">=1.2.3" "1.3.0-beta" }} {{ semverCompare ">=1.2.3-0" "1.3.0-beta" }} {{ semverCompare "=1.2.3" "v1.2.3" }} {{ semverCompare "1.2.3" "1.2.3+meta" }}',
  '{{ semverCompare ">1.x" "2.0.0" }} {{ semverCompare ">1.2.x" "1.3.0" }} {{ semverCompare "<=1.x" "1.9.9" }} {{ semverCompare ">= 1.2" "1.2.0" }}',
  '{{ semverCompare "nope" "1.2.3" }}', '{{ semverCompare ">=1.2.3" "nope" }}', '{{ semverCompare ">=1.2.3 ||" "1.2.3" }}', '{{ semverCompare "" "1.2.3" }}',
  // digests and encodings
  '{{ sha1sum "abc" }} {{ sha1sum "" }}', '{{ sha256sum "abc" }} {{ sha256sum .unicode }}', '{{ sha512sum "abc" }}',
  '{{ adler32sum "Wikipedia" }} {{ adler32sum "" }} {{ adler32sum .unicode }}',
  '{{ b32enc "hello" }} {{ b32enc "" }} {{ b32enc "a" }} {{ b32enc "ab" }} {{ b32enc "abc" }} {{ b32enc "abcd" }} {{ b32enc .unicode }}',
  '{{ b32dec "NBSWY3DP" }} {{ b32dec "ME======" }} {{ b32dec (b32enc .unicode) }}', '{{ b32dec "1" }}|{{ b32dec "ME=====" }}|{{ b32dec "M=======" }}',
  // urlParse / urlJoin
  '{{ urlParse "https://user:pa ss@example.com:8080/a/b%20c?x=1&y=2#frag" }}',
  '{{ (urlParse "http://[::1]:80/p").hostname }} {{ (urlParse "mailto:a@b.c").opaque }} {{ (urlParse "/rel/path?q").path }} {{ (urlParse "//h/x").host }}',
  '{{ urlParse "http://a b.com/" }}', '{{ urlParse ":foo" }}', '{{ urlParse "http://h:port/" }}', '{{ urlParse "a:b/c" }}', '{{ urlParse "%zz" }}',
  '{{ urlJoin (dict "scheme" "https" "host" "example.com" "path" "/a b" "query" "x=1" "fragment" "f g") }}',
  '{{ urlJoin (dict "scheme" "mailto" "opaque" "a@b.c") }} {{ urlJoin (dict "host" "h" "path" "p") }} {{ urlJoin (dict "path" "a:b") }} {{ urlJoin (dict) }}',
  '{{ urlJoin (dict "scheme" "http" "host" "h" "userinfo" "u:p@ss") }} {{ urlJoin (urlParse "http://u@h/x?y#z") }}', '{{ urlJoin (dict "host" 5) }}',
  // dates with explicit times (Go runs with TZ=UTC)
  '{{ toDate "2006-01-02" "2024-03-04" }}|{{ toDate "2006-01-02T15:04:05Z07:00" "2024-03-04T05:06:07+02:00" }}|{{ toDate "2006-01-02" "bad" }}',
  '{{ mustToDate "2006-01-02" "2024-13-01" }}', '{{ mustToDate "2006-01-02" "2024-02-30" }}', '{{ mustToDate "2006-01-02" "2024-01-01x" }}', '{{ mustToDate "15:04" "25:00" }}',
  '{{ toDate "Jan 2, 2006 at 3:04pm (MST)" "Feb 3, 2013 at 7:54pm (PST)" }}|{{ toDate "2006-01-02 15:04:05.000" "2024-01-02 03:04:05.678" }}',
  '{{ $t := toDate "2006-01-02T15:04:05.999999999Z07:00" "2024-03-04T05:06:07.123456789Z" }}{{ date "Mon Jan _2 15:04:05 2006" $t }}|{{ date "02/01/06 03:04:05.000 PM -0700 MST" $t }}|{{ date "Monday January 2 3 4 5 pm .999 ,000000" $t }}',
  '{{ $t := toDate "2006-01-02 15:04" "2024-12-31 23:59" }}{{ date "2006-002 __2 _2 Z07:00 -07 Z0700" $t }}|{{ htmlDate $t }}|{{ unixEpoch $t }}',
  '{{ date "2006-01-02 15:04:05 MST" 0 }}|{{ dateInZone "2006-01-02 15:04 MST" 86400 "UTC" }}|{{ date_in_zone "2006" 1700000000 "Not/AZone" }}|{{ htmlDateInZone 1700000000 "UTC" }}',
  '{{ dateInZone "2006-01-02 15:04:05 -07:00" 1700000000 "Local" }}|{{ dateInZone "15:04 MST" 1700000000 "" }}',
  '{{ toDate "2006-01-02 15:04 -0700" "2024-01-01 10:00 -0130" }}|{{ toDate "2006-01-02 15:04 -0700" "2024-01-01 10:00 +0000" }}|{{ toDate "2006-01-02 MST" "2024-01-01 CET" }}',
  '{{ $t := toDate "2006-01-02" "2024-01-31" }}{{ dateModify "24h" $t }}|{{ dateModify "-1.5h" $t }}|{{ dateModify "bad" $t }}|{{ date_modify "90m" $t }}',
  '{{ mustDateModify "bad" (toDate "2006-01-02" "2024-01-31") }}', '{{ must_date_modify "1x" (toDate "2006-01-02" "2024-01-31") }}',
  '{{ (toDate "2006-01-02" "2024-03-04").Year }} {{ (toDate "2006-01-02" "2024-03-04").Day }} {{ (toDate "2006-01-02" "2024-03-04").Unix }}',
  '{{ toJson (toDate "2006-01-02" "2024-03-04") }} {{ typeOf (toDate "2006-01-02" "2024-03-04") }} {{ kindOf (toDate "2006-01-02" "2024-03-04") }}',
  '{{ duration "95" }} {{ duration "3600" }} {{ duration "0" }} {{ duration "x" }} {{ duration 60 }} {{ duration "-61" }} {{ duration "90061" }}',
  '{{ durationRound "2h10m5s" }} {{ durationRound "400h" }} {{ durationRound "9000h" }} {{ durationRound "-3m" }} {{ durationRound "1s" }} {{ durationRound "bad" }} {{ durationRound 5 }}',
  '{{ durationRound "1.5ms" }} {{ durationRound "721h" }} {{ durationRound "61s" }} {{ durationRound "2m0.5s" }}',
  '{{ dateModify "1h2m3.5s" (toDate "2006" "2024") }}|{{ dateModify "1µs" (toDate "2006" "2024") }}|{{ dateModify "1.000000001s" (toDate "2006" "2024") }}',
  // case and text helpers
  '{{ snakecase "FirstName" }} {{ snakecase "HTTPServer" }} {{ snakecase "NoHTTPS" }} {{ snakecase "GO_PATH" }} {{ snakecase "GO PATH" }} {{ snakecase "http2xx" }}',
  '{{ snakecase "HTTP20xOK" }} {{ snakecase "Duration2m3s" }} {{ snakecase "Bld4Floor3rd" }} {{ snakecase "a-b_c d" }} {{ snakecase "" }} {{ snakecase "ÀbcDéf" }}',
  '{{ kebabcase "FirstName" }} {{ kebabcase "HTTPServer" }} {{ kebabcase "foo_bar" }} {{ kebabcase "x.y" }} {{ kebabcase "a1B2" }}',
  '{{ camelcase "http_server" }} {{ camelcase "_camel_case" }} {{ camelcase "no_https" }} {{ camelcase "_complex__case_" }} {{ camelcase "all" }} {{ camelcase "some words" }}',
  '{{ camelcase "a" }}|{{ camelcase "_" }}|{{ camelcase "" }}|{{ camelcase "foo-bar baz" }}|{{ camelcase "FOO_BAR" }}',
  '{{ swapcase "Hello World" }} {{ swapcase "hELLO wORLD 123" }} {{ swapcase "ÉtÉ" }}', '{{ untitle "Hello World" }} {{ untitle "HELLO" }} {{ untitle "" }}',
  '{{ initials "John Doe" }} {{ initials "  a  b  c" }} {{ initials "" }} {{ initials "one" }}',
  '{{ abbrev 5 "hello world" }} {{ abbrev 3 "hello" }} {{ abbrev 20 "hello" }} {{ abbrev 4 "hello" }}',
  '{{ abbrevboth 5 10 "1234 5678 9123" }} {{ abbrevboth 0 10 "1234 5678 9123" }} {{ abbrevboth 1 3 "abcdefgh" }} {{ abbrevboth 10 7 "abcdefghijklmno" }}',
  '{{ wrap 5 "Hello World" }}|{{ wrap 10 "The quick brown fox" }}|{{ wrap 3 "abcdefg hi" }}|{{ wrap 0 "a b" }}',
  '{{ wrapWith 5 "\\t" "Hello World" }}|{{ wrapWith 3 "-" "abcdefg" }}|{{ wrapWith 10 "<br>" "http://example.com/very/long" }}',
  '{{ plural "one" "many" 0 }} {{ hello }} {{ trunc 2 .unicode }} {{ nospace .unicode }}',
  // float math
  "{{ addf 1.1 2.2 }} {{ addf 0.1 0.2 }} {{ addf }} {{ addf 1 }} {{ add1f 1.5 }} {{ add1f .num }}",
  '{{ subf 10 2.5 1 }} {{ mulf 1.1 3 }} {{ mulf 0.1 0.1 }} {{ divf 1 3 }} {{ divf 2 3 }} {{ divf 10 4 }} {{ divf -2 3 }}',
  '{{ divf 1 0 }}', '{{ addf "1.5" .float "x" }} {{ mulf .float .float }} {{ subf 0.3 0.1 }} {{ divf 1e300 1e-300 }}',
  '{{ maxf 1.5 2 .num }} {{ minf 1.5 -2 .neg }} {{ maxf "x" 2 }} {{ floor 1.5 }} {{ ceil "1.2" }} {{ round 2.555 2 }} {{ round 2.5 0 0.6 }}',
  // paths
  '{{ base "/a/b/c.txt" }} {{ base "/a/b/" }} {{ base "" }} {{ base "/" }} {{ dir "/a/b/c" }} {{ dir "a" }} {{ dir "/" }} {{ dir "" }}',
  '{{ clean "a/../b//c/." }} {{ clean "/../a" }} {{ clean "../../x" }} {{ clean "" }} {{ clean "a/b/../../.." }} {{ ext "a/b.tar.gz" }}|{{ ext "a.d/b" }}|{{ ext "" }}',
  '{{ isAbs "/a" }} {{ isAbs "a" }} {{ osBase "/x/y" }} {{ osDir "/x/y" }} {{ osClean "/x//y/" }} {{ osExt "f.go" }} {{ osIsAbs "x" }}',
  // JSON
  "{{ toPrettyJson .m }}", "{{ toPrettyJson .objs }}", "{{ toPrettyJson .emptyMap }}|{{ toPrettyJson .emptyList }}|{{ toPrettyJson .missing }}|{{ toPrettyJson .str }}",
  "{{ toRawJson .html }} {{ toJson .html }} {{ toRawJson .m }} {{ toRawJson .missing }}", '{{ toRawJson "\\\\u003c <" }} {{ toJson "\\u2028" }}',
  '{{ mustToJson .list }} {{ mustToPrettyJson (list 1 (dict "a" (list))) }} {{ mustToRawJson "&" }}',
  '{{ mustFromJson "{\\"a\\":[1,2.5,\\"x\\",null,true]}" }} {{ (mustFromJson "{\\"n\\":1}").n | typeOf }}', '{{ mustFromJson "{" }}', '{{ mustFromJson "" }}',
  '{{ mustFromJson "[1,]" }}', '{{ mustFromJson "{\\"a\\" 1}" }}', '{{ mustFromJson "tru" }}', '{{ mustFromJson "nul1" }}', '{{ mustFromJson "1 2" }}', '{{ mustFromJson "{\\"a\\":1,}" }}',
  '{{ mustFromJson "[1 2]" }}', '{{ mustFromJson "{1:2}" }}', '{{ mustFromJson "\\"a\\\\x\\"" }}', '{{ mustFromJson "-" }}', '{{ mustFromJson "1." }}', '{{ mustFromJson "[\\"\\u0001\\"]" }}',
  // data structures
  '{{ values (dict "a" 1) }} {{ values (dict) }} {{ sortAlpha (values .m.c) }} {{ values .m | len }}',
  '{{ chunk 2 .list }} {{ chunk 3 .list }} {{ chunk 1 .emptyList }} {{ chunk 5 (list 1 2 3 4 5 6) }}', '{{ chunk 2 .str }}', '{{ mustChunk 2 .m }}',
  '{{ $c := deepCopy .m }}{{ $_ := set $c "new" 1 }}{{ $c }} {{ .m }} {{ deepCopy .list }} {{ mustDeepCopy 5 }} {{ deepCopy .nil }}',
  '{{ mergeOverwrite (dict "a" 1 "b" 2) (dict "b" 3 "c" 4) }} {{ mergeOverwrite (dict "a" (dict "x" 1 "y" 2)) (dict "a" (dict "y" 3)) }}',
  '{{ mergeOverwrite (dict "a" "keep") (dict "a" (dict "x" 1)) }} {{ mergeOverwrite (dict "a" "") (dict "a" (dict "x" 1)) }} {{ mergeOverwrite (dict "a" 1) (dict "a" "") }}',
  '{{ mergeOverwrite (dict "a" (list 1 2)) (dict "a" (list 3)) }} {{ mergeOverwrite (dict "a" 1) (dict "a" .nil) }} {{ mustMergeOverwrite (dict) (dict "k" "v") (dict "k" "w") }}',
  '{{ mustMerge (dict "a" 1) (dict "a" 2 "b" 3) }} {{ merge (dict "a" (dict "x" 1)) (dict "a" (dict "y" 2)) }}',
  '{{ all 1 "a" .t }} {{ all 1 "" }} {{ all }} {{ any 0 "" .f }} {{ any 0 "x" }} {{ any }}',
  '{{ typeIsLike "string" .str }} {{ typeIsLike "int" 1 }} {{ typeIsLike "semver.Version" (semver "1.0.0") }} {{ typeOf (semver "1.0.0") }} {{ kindOf (semver "1.0.0") }}',
  '{{ push .list "w" }} {{ mustPush .list "v" }} {{ mustAppend .nums 9 }} {{ mustPrepend .list 0 }} {{ mustRest .list }} {{ mustInitial .list }} {{ mustReverse .nums }}',
  '{{ mustUniq (list 1 1 2) }} {{ mustWithout .list "x" }} {{ mustHas "z" .list }} {{ mustSlice .list 1 }} {{ mustSlice .list 1 2 }}',
  // more of the original subset, edge cases
  '{{ dig "a" "b" "c" "dflt" (dict "a" (dict "b" (dict "c" "found"))) }} {{ dig "x" "dflt" (dict) }}', '{{ dig "a" "b" "d" (dict "a" "str") }}',
  '{{ kindIs "slice" .list }} {{ kindIs "ptr" (semver "1.0.0") }} {{ typeIs "*semver.Version" (semver "1.0.0") }} {{ deepEqual (list 1 2) (list 1 2) }} {{ deepEqual (dict "a" 1) (dict "a" 2) }}',
  '{{ toDecimal "777" }} {{ toDecimal 10 }} {{ toDecimal "0x1" }} {{ seq 1 }} {{ seq -1 }} {{ seq 1 2 10 }} {{ seq 10 -3 1 }} {{ seq 1 -1 3 }}',
  '{{ until 0 }} {{ untilStep 1 10 4 }} {{ untilStep 10 1 -4 }} {{ untilStep 1 10 -1 }}', '{{ fail "custom error" }}',
  '{{ printf "%v %s" (semver "1.2.3") (semver "v2") }} {{ print (toDate "2006" "2020") }} {{ $v := semver "1.2.3" }}{{ $v.Nope }}',
  // randomness: only what does not depend on the draw
  '{{ len (randAlpha 8) }} {{ len (randAlphaNum 5) }} {{ len (randNumeric 3) }} {{ len (randAscii 4) }} {{ randAlpha 0 }}|{{ randAlpha -1 }}|',
  '{{ regexMatch "^[a-zA-Z]{6}$" (randAlpha 6) }} {{ regexMatch "^[0-9]{6}$" (randNumeric 6) }} {{ regexMatch "^[a-zA-Z0-9]{9}$" (randAlphaNum 9) }}',
  '{{ randInt 5 6 }} {{ shuffle "aaa" }} {{ shuffle "" }} {{ len (randBytes 6) }} {{ len (randBytes 0) }} {{ len uuidv4 }} {{ regexMatch "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$" uuidv4 }}',
  // second batch: edge cases
  '{{ regexReplaceAll "(?i)a" "AbA" "x" }} {{ regexFindAll "\\d+" "1 22 333" 2 }} {{ regexFind "\\p{Han}+" "漢字abc" }} {{ regexFind "[\\p{Lu}]+" "abCD" }} {{ regexFind "[^\\p{L}]+" "ab12" }}',
  '{{ regexFind "(?i)[a-c]+" "ABCd" }} {{ regexSplit "\\s*,\\s*" "a , b,c" -1 }} {{ regexReplaceAll "^" "abc" ">" }} {{ regexReplaceAll "$" "abc" "<" }} {{ regexReplaceAll "\\b" "ab cd" "|" }}',
  '{{ regexReplaceAll "((a)|b)+" "abab" "[$1$2]" }}', '{{ regexReplaceAll "(?P<n>x)?y" "y xy" "<$n>" }} {{ regexFind "a{0}" "a" }}|{{ regexFind "a{,2}" "a{,2}" }} {{ regexFind "x{2,}?" "xxxx" }}',
  '{{ mustRegexMatch "a|*" "" }}', '{{ mustRegexMatch "(?z)" "" }}', '{{ mustRegexMatch "(?i" "" }}', '{{ mustRegexMatch "[^]" "x" }}', '{{ mustRegexMatch "\\pX" "" }}', '{{ mustRegexMatch "x{1001,}" "" }}',
  '{{ regexMatch "()" "" }} {{ regexMatch "(|a)" "a" }} {{ regexFind "[a-]+" "a-b" }} {{ regexFind "[-a]+" "-a" }} {{ regexFind "\\$\\{x\\}" "${x}" }} {{ regexFind "[[:digit:][:upper:]]+" "abC1D2e" }}',
  '{{ regexReplaceAll "(?s)a.b" "a\\nb" "X" }} {{ regexReplaceAll "a(?-s:.)b" "a\\nb" "X" }} {{ regexFind "(?i)ß" "ẞ" }} {{ regexFindAll "(a)(?:b)" "abab" -1 }} {{ regexReplaceAll "(a)(?:b)(c)?" "ab" "[$2]" }}',
  '{{ regexReplaceAll "\\." "a.b.c" "\\\\" }} {{ regexReplaceAllLiteral "\\." "a.b" "$1" }} {{ regexFind "\\d+\\.\\d+" "v1.25.3" }} {{ regexReplaceAll "(\\w+)@(\\w+)\\.com" "x@y.com" "$2 at $1" }}',
  '{{ urlParse "HTTP://Example.COM/Path" }} {{ (urlParse "http://h?a=1#").query }} {{ urlParse "?q" }}', '{{ (urlParse "http://h/a%2Fb").path }} {{ urlParse "http://[fe80::1%25en0]:8080/" }}',
  '{{ urlJoin (dict "scheme" "http" "host" "h" "path" "/ä ö") }} {{ urlJoin (dict "scheme" "http" "host" "h" "path" "/p" "query" "a b") }} {{ urlJoin (dict "scheme" "http" "host" "h" "fragment" "a#b c") }}',
  '{{ urlParse "http://u:p%40ss@h/" }} {{ urlJoin (urlParse "http://u:p%40ss@h/") }} {{ urlParse "http://h/%zz" }}', '{{ urlParse "http://[::1/" }}', '{{ urlParse "http://h\\n/" }}',
  '{{ toDate "01/02/2006" "12/31/1999" }}|{{ toDate "2006-01-02T15:04:05Z07:00" "2024-01-01T00:00:00Z" }}|{{ toDate "Jan _2 15:04:05" "Feb  3 04:05:06" }}|{{ date "2006 Jan" 0 }}',
  '{{ toDate "2006-01-02 3PM" "2024-01-01 12AM" }}|{{ toDate "2006-01-02 3pm" "2024-01-01 1pm" }}|{{ toDate "2006-002" "2024-060" }}|{{ toDate "Mon Jan 2 2006" "Tue Jan 2 2024" }}',
  '{{ mustToDate "2006-002" "2023-366" }}', '{{ mustToDate "2006-01-02" "" }}', '{{ mustToDate "2006-01-02T15:04:05.000Z" "2024-01-01T00:00:00.12Z" }}', '{{ mustToDate "3PM" "13PM" }}', '{{ mustToDate "Jan" "Foo" }}',
  '{{ toDate "2006-01-02 15:04:05" "2024-01-01 00:00:00.123456" }}|{{ unixEpoch (toDate "2006" "1969") }}|{{ date "2006-01-02 Mon" (toDate "2006-01-02" "0001-01-01") }}|{{ htmlDate (toDate "2006-01-02" "2024-02-29") }}',
  '{{ toDate "2006-01-02T15:04:05Z07:00" "2024-06-01T12:00:00-07:00" | date "2006-01-02T15:04:05Z07:00" }}|{{ date "Z07:00:00 -07:00:00 Z070000 -070000" (toDate "-0700" "+0530") }}',
  '{{ toDate "2006-01-02 15:04:05 MST" "2024-01-01 10:00:00 GMT+3" }}|{{ toDate "15:04 MST" "10:00 UTC" }}|{{ toDate "15:04 MST" "10:00 ChST" }}|{{ toDate "2006 _2" "2024  5" }}',
  '{{ snakecase "ABC" }} {{ snakecase "aBC" }} {{ snakecase "Abc123Def" }} {{ snakecase "hello world!" }} {{ snakecase "__x__" }} {{ snakecase "A.B" }} {{ snakecase "HTTP" }} {{ snakecase "ñAndÜ" }}',
  '{{ kebabcase "hello World-foo_bar" }} {{ kebabcase "XMLHttpRequest" }} {{ kebabcase "v1.2.3" }} {{ kebabcase "a  b" }} {{ kebabcase "123abc" }} {{ kebabcase "abc123" }}',
  '{{ camelcase "hello-world_foo bar" }} {{ camelcase "HELLO" }} {{ camelcase "hello  world" }} {{ camelcase "x-" }} {{ camelcase "ñandú_grande" }} {{ camelcase "1st_place" }}',
  '{{ swapcase "ǅungla" }} {{ swapcase "MiXeD cAsE" }} {{ initials "héllo wörld" }} {{ initials "élan vital" }} {{ wrap 4 "héllo wörld" }}', '{{ untitle "ÉCOLE Été" }} {{ abbrev 6 "héllo wörld" }} {{ abbrevboth 5 12 "abcdefghijklmnopqrstuvwxyz" }}',
  '{{ semverCompare ">1.2.3-alpha.1" "1.2.3-alpha.beta" }} {{ semverCompare "^1.x" "1.9.0" }} {{ semverCompare "~0" "0.9.0" }} {{ semverCompare "!=1.2" "1.2.5" }} {{ semverCompare "<=1.2.3" "1.2.3-beta" }}',
  '{{ semverCompare ">=1.2.3-beta.2" "1.2.3-beta.10" }} {{ semverCompare "<1.2.3-beta.b" "1.2.3-beta.a" }} {{ semverCompare ">1.2.3-1" "1.2.3-a" }} {{ semverCompare "=1.2.3-rc.1" "1.2.3-rc.1+b" }}',
  '{{ semver "01.2.3" }} {{ semver "1.2.3+build.01" }} {{ semver "v1.2.3-beta+exp.sha.5114f85" }} {{ semverCompare "^0.0" "0.0.5" }} {{ semverCompare "^0" "0.5.0" }} {{ semverCompare "~1.2.x" "1.3.0" }}',
  '{{ semver " 1.2.3" }}', '{{ semver "1.2.3-beta_1" }}', '{{ semver "1.2.3+a+b" }}', '{{ semverCompare ">=a.b" "1.0.0" }}', '{{ semverCompare "1 - " "1.0.0" }}',
  '{{ addf 1e20 1 }} {{ mulf 1.5 "2" }} {{ divf 10 3 3 }} {{ subf 1 }} {{ divf 0 5 }} {{ addf .num .float }} {{ add1f "x" }} {{ round -1.555 2 }} {{ mulf 123456789.123 1000 }} {{ divf 1 7 }}',
  '{{ toPrettyJson (dict "h" "<b>&" "n" (list 1.5 1e21 .nil)) }}', '{{ toRawJson (list "<a>" "&" "\\u2028") }} {{ toPrettyJson 1e21 }} {{ toRawJson (dict "k" (dict "x" "<")) }}',
  '{{ chunk 0 .list }}', '{{ chunk -1 .list }}', '{{ mergeOverwrite (dict "a" (dict "b" (dict "c" 1 "d" 2))) (dict "a" (dict "b" (dict "c" 3)) "e" 4) }} {{ mergeOverwrite (dict "a" (dict)) (dict "a" (dict "x" 1)) }}',
  '{{ b32enc "12345" }} {{ b32enc "123456" }} {{ b32dec "GEZDGNBV" }} {{ b32dec "gezdgnbv" }} {{ b32dec "GEZDGNBVGY======" }}',
  '{{ sha1sum .unicode }} {{ sha256sum "" }} {{ adler32sum (repeat 5000 "a") }}',
  // third batch: the older functions' edges
  '{{ title "hello wORLD a.b c_d 3x" }} {{ title "élan" }} {{ upper "straße" }} {{ lower "İ" }} {{ trim "\\u00a0 x \\u3000" }}|',
  '{{ substr 0 2 "héllo" }}|{{ substr 3 1 "hello" }}|{{ trunc -10 "hi" }}|{{ trunc 0 "hi" }}|{{ repeat 0 "x" }}|{{ repeat -1 "x" }}|',
  '{{ splitn "," 0 "a,b" }} {{ splitn "," -1 "a,b,c" }} {{ splitn "" 2 "abc" }} {{ split "" "ab" }} {{ splitList "" "ab" }} {{ splitList "," "" }}',
  '{{ int "08" }} {{ int "0b101" }} {{ int " 5" }} {{ int "5.9" }} {{ int64 "-0x10" }} {{ int .float }} {{ int true }} {{ float64 "1e3" }} {{ float64 " 2" }} {{ float64 "0x10" }}',
  '{{ atoi " 1" }} {{ atoi "+5" }} {{ atoi "1_000" }} {{ toString 1.0 }} {{ toString .t }} {{ toString (list 1 "a") }} {{ toStrings (list 1 .nil "b") }} {{ toStrings "x" }}',
  '{{ add "1" 2.7 .num }} {{ sub .float 1 }} {{ mul 2 "3" 1.9 }} {{ div -7 2 }} {{ mod -7 2 }} {{ max "10" 2 }} {{ min -1 "x" }} {{ add1 "41" }}',
  '{{ seq 0 }} {{ seq 3 3 }} {{ seq 1 0 3 }} {{ seq 0 0 0 }} {{ seq 5 -2 1 }} {{ until 2 | len }} {{ untilStep -5 5 3 }}',
  '{{ typeOf .nil }} {{ typeOf 1.5 }} {{ typeOf .t }} {{ typeOf (list) }} {{ typeOf (dict) }} {{ kindOf "x" }} {{ kindOf .t }} {{ kindIs "invalid" .nil }} {{ typeIsLike "json.Number" .num }}',
  '{{ deepEqual .nil .missing }} {{ deepEqual 1 1 }} {{ deepEqual 1 1.0 }} {{ deepEqual "1" .a.b }} {{ deepEqual (list) (list) }} {{ deepEqual .emptyList (list) }}',
  '{{ first (list) }} {{ last (list) }} {{ rest (list) }} {{ initial (list) }} {{ reverse (list) }} {{ uniq (list) }} {{ compact (list) }}',
  '{{ has 1 (list 1) }} {{ has .num .nums }} {{ without (list 1 2 1) 1 }} {{ concat (list 1) (list) (list 2 3) }} {{ prepend .nums 0 }} {{ append .emptyList 1 }}',
  '{{ keys (dict "b" 1 "a" 2) | sortAlpha }} {{ pick (dict "a" 1 "b" 2) "b" "c" }} {{ omit (dict "a" 1 "b" 2) "a" }} {{ unset (dict "a" 1) "a" }} {{ pluck "a" (dict "a" 1) (dict "b" 2) (dict "a" 3) }}',
  '{{ coalesce 0 "" .nil .emptyList }} {{ coalesce }} {{ ternary 1 2 true }} {{ empty (dict) }} {{ empty "0" }} {{ default .nums .emptyList }} {{ default 1 }}',
  '{{ quote }} {{ squote .nil }} {{ quote .m }} {{ squote 1.5 }} {{ cat }} {{ cat .nil }} {{ cat .list .num }} {{ indent 0 "a\\nb" }}|{{ nindent 2 "" }}|',
  '{{ b64dec "!!" }}|{{ b64dec "YQ" }}|{{ b64dec "YQ==" }}|{{ b64enc "" }}|{{ b64enc .unicode }}|{{ b64dec (b64enc .unicode) }}',
  '{{ toJson 1.0 }} {{ toJson .float }} {{ toJson (list 1e-7 1e21 100.5) }} {{ fromJson "1e2" }} {{ fromJson "x" }} {{ fromJson "[1,{\\"a\\":null}]" }} {{ fromJson "\\"s\\"" }}',
  '{{ toDecimal "-17" }} {{ toDecimal "0" }} {{ toDecimal "8" }} {{ toDecimal 0.5 }} {{ toDecimal .num }} {{ ceil -0.5 }} {{ floor .neg }} {{ round 1.005 2 }} {{ round 1234.5678 -2 }}',
  '{{ dig "a" "dflt" (dict "a" .nil) }} {{ dig "m" "c" "d" "x" . }} {{ dig "a" "b" "d" (dict "a" (dict)) }}', '{{ dig "a" 1 "d" (dict) }}', '{{ dig "a" "d" .list }}',
  '{{ sortAlpha (list "b" "B" "a" "10" "9") }} {{ sortAlpha .nums }} {{ sortAlpha .nil }} {{ join "," .nil }} {{ join "," "x" }} {{ join "" (list .nil 1) }}',
  '{{ regexFindAll "a(?i:[b-dK])" "aB aK aK ak aE" -1 }} {{ regexFind "x(?i)[[:upper:]]+" "xaBc" }} {{ regexFindAll "(?U)a+|b+" "aaa bbb" -1 }} {{ regexFind "(?:(?U)a+|b+)c" "bbc" }} {{ regexFind "é(?i:ü)" "éÜ" }}',
  '{{ regexMatch "a(?i)[^x]" "aX" }} {{ regexMatch "(?i)[k]" "K" }} {{ regexFindAll "[é-ü]+" "aéöüz" -1 }} {{ regexFind "\\PL+" "ab12cd" }} {{ regexFind "[^[:space:]]+" "  ab  " }}',
  '{{ randInt 5 5 }}', '{{ len (shuffle "abcdef") }} {{ sortAlpha (splitList "" (shuffle "cab")) }}',
];
