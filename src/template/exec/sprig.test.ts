import { describe, expect, it } from "vitest";
import { isStagecraftError } from "../../errors.js";
import { EXCLUDED_SPRIG_FUNCTIONS, KWOK_TEMPLATE_FUNCTIONS, parseTemplate } from "../index.js";
import { GO_BUILTIN_FUNCTIONS } from "./builtins.js";
import { IMPLEMENTED_SPRIG_FUNCTIONS, executeTemplate, sprigFunctions } from "./index.js";

/** Sprig v3.3.0's `TxtFuncMap()` names (spec §5.2, plus the `push`/`mustPush` aliases). */
const SPRIG_330 = `hello ago date date_in_zone date_modify dateInZone dateModify duration durationRound htmlDate htmlDateInZone
must_date_modify mustDateModify mustToDate now toDate unixEpoch abbrev abbrevboth trunc trim upper lower title untitle substr
repeat trimall trimAll trimSuffix trimPrefix nospace initials randAlphaNum randAlpha randAscii randNumeric swapcase shuffle
snakecase camelcase kebabcase wrap wrapWith contains hasPrefix hasSuffix quote squote cat indent nindent replace plural sha1sum
sha256sum sha512sum adler32sum toString atoi int64 int float64 seq toDecimal split splitList splitn toStrings until untilStep
add1 add sub div mod mul randInt add1f addf subf divf mulf biggest max min maxf minf ceil floor round join sortAlpha default
empty coalesce all any compact mustCompact fromJson toJson toPrettyJson toRawJson mustFromJson mustToJson mustToPrettyJson
mustToRawJson ternary deepCopy mustDeepCopy typeOf typeIs typeIsLike kindOf kindIs deepEqual env expandenv getHostByName base
dir clean ext isAbs osBase osClean osDir osExt osIsAbs b64enc b64dec b32enc b32dec tuple list dict get set unset hasKey pluck
keys pick omit merge mergeOverwrite mustMerge mustMergeOverwrite values append mustAppend prepend mustPrepend first mustFirst
rest mustRest last mustLast initial mustInitial reverse mustReverse uniq mustUniq without mustWithout has mustHas slice
mustSlice concat dig chunk mustChunk bcrypt htpasswd genPrivateKey derivePassword buildCustomCert genCA genCAWithKey
genSelfSignedCert genSelfSignedCertWithKey genSignedCert genSignedCertWithKey encryptAES decryptAES randBytes uuidv4 semver
semverCompare fail regexMatch mustRegexMatch regexFindAll mustRegexFindAll regexFind mustRegexFind regexReplaceAll
mustRegexReplaceAll regexReplaceAllLiteral mustRegexReplaceAllLiteral regexSplit mustRegexSplit regexQuoteMeta urlParse urlJoin
push mustPush`.split(/\s+/);

const render = (text: string, options: Parameters<typeof sprigFunctions>[0] = {}): string =>
  executeTemplate(parseTemplate(text, { name: "t", functions: KWOK_TEMPLATE_FUNCTIONS }), {}, { functions: sprigFunctions(options) });

const failure = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (isStagecraftError(e)) return `${e.code} ${e.rawMessage}`;
    throw e;
  }
  return "no error";
};

describe("sprig v3.3.0 coverage", () => {
  it("implements every sprig name that is not excluded, and knows each at parse time", () => {
    expect(SPRIG_330).toHaveLength(211);
    const implemented = sprigFunctions();
    const missing = SPRIG_330.filter((n) => !Object.hasOwn(EXCLUDED_SPRIG_FUNCTIONS, n) && !Object.hasOwn(implemented, n));
    expect(missing).toEqual([]);
    const unknownAtParse = SPRIG_330.filter((n) => !Object.hasOwn(EXCLUDED_SPRIG_FUNCTIONS, n) && !KWOK_TEMPLATE_FUNCTIONS.has(n));
    expect(unknownAtParse).toEqual([]);
    expect(IMPLEMENTED_SPRIG_FUNCTIONS).toHaveLength(211 - Object.keys(EXCLUDED_SPRIG_FUNCTIONS).length);
  });

  it("has no name known at parse time that is missing at execution", () => {
    const implemented = sprigFunctions();
    const own = new Set(["Quote", "Now", "StartTime", "YAML", "Version", "NodeConditions", "NodeIP", "NodeName", "NodePort", "PodIP", "NodeIPWith", "PodIPWith", "NodeIPsWith", "PodIPsWith"]);
    const dangling = [...KWOK_TEMPLATE_FUNCTIONS].filter((n) => !own.has(n) && !Object.hasOwn(GO_BUILTIN_FUNCTIONS, n) && !Object.hasOwn(implemented, n));
    expect(dangling).toEqual([]);
  });

  it("rejects every excluded function at parse time, saying why", () => {
    for (const [name, why] of Object.entries(EXCLUDED_SPRIG_FUNCTIONS)) {
      expect(SPRIG_330).toContain(name);
      expect(failure(() => parseTemplate(`{{ ${name} }}`, { name: "t", functions: KWOK_TEMPLATE_FUNCTIONS }))).toBe(
        `E_TEMPLATE_SYNTAX template: t:1: function "${name}" not defined (stagecraft leaves out sprig's ${name}: ${why})`,
      );
    }
  });
});

describe("injected clock and randomness", () => {
  it("fails without the option, naming it", () => {
    expect(failure(() => render("{{ now }}"))).toMatch(/^E_TEMPLATE_EXEC .*error calling now: sprig's now needs the current time, and no clock was given: pass sprigFunctions\(\{ now: /);
    expect(failure(() => render("{{ randAlpha 3 }}"))).toMatch(/error calling randAlpha: sprig's randAlpha needs randomness, and no random source was given: pass sprigFunctions\(\{ random: /);
    expect(failure(() => render('{{ date "2006" "x" }}'))).toMatch(/sprig's date needs the current time/);
  });

  it("reads the clock for now, ago and durationRound", () => {
    const now = () => 1_700_000_000_123_456_789n;
    expect(render("{{ now }}", { now })).toBe("2023-11-14 22:13:20.123456789 +0000 UTC");
    expect(render('{{ now | date "2006-01-02T15:04:05Z07:00" }}', { now: () => new Date("2024-02-29T12:00:00Z") })).toBe("2024-02-29T12:00:00Z");
    expect(render("{{ ago 1699999000 }}", { now })).toBe("16m40s");
    expect(render('{{ durationRound (toDate "2006-01-02" "2023-11-01") }}', { now })).toBe("13d");
    expect(render('{{ (now).Year }} {{ (now).Unix }}', { now })).toBe("2023 1700000000");
  });

  it("draws from the random source", () => {
    const random = () => 0;
    expect(render('{{ randAlpha 3 }} {{ randNumeric 2 }} {{ randAscii 2 }} {{ randAlphaNum 1 }} {{ randInt 10 20 }} {{ shuffle "abc" }} {{ randBytes 3 }}', { random })).toBe("AAA 00    A 10 bca AAAA");
    expect(render("{{ uuidv4 }}", { random })).toBe("00000000-0000-4000-8000-000000000000");
    expect(render("{{ randAlpha 0 }}|{{ shuffle \"\" }}")).toBe("|");
  });
});
