import { describe, expect, it } from "vitest";
import { EXCLUDED_SPRIG_FUNCTIONS, GO_TEMPLATE_BUILTINS, KWOK_TEMPLATE_FUNCTIONS } from "./functions.js";

describe("KWOK_TEMPLATE_FUNCTIONS", () => {
  it("has Go's builtins, KWOK's and the controllers' functions, and pure sprig", () => {
    for (const name of [...GO_TEMPLATE_BUILTINS, "Quote", "Now", "StartTime", "YAML", "Version", "NodeConditions", "NodeIP", "PodIPsWith"]) {
      expect(KWOK_TEMPLATE_FUNCTIONS.has(name)).toBe(true);
    }
    for (const name of ["dict", "default", "list", "join", "base", "osBase", "now", "randAlpha", "uuidv4", "push", "mustPush"]) {
      expect(KWOK_TEMPLATE_FUNCTIONS.has(name)).toBe(true);
    }
    // 19 builtins, 6 KWOK defaults, 8 controller functions, 211 sprig names (209 in spec §5.2, plus push and mustPush)
    // less 16 excluded, less `slice` (also a builtin).
    expect(KWOK_TEMPLATE_FUNCTIONS.size).toBe(19 + 6 + 8 + 211 - 16 - 1);
  });

  it("leaves out the excluded sprig functions, each with a reason", () => {
    expect(Object.keys(EXCLUDED_SPRIG_FUNCTIONS)).toEqual(expect.arrayContaining(["env", "expandenv", "getHostByName", "genPrivateKey", "bcrypt", "encryptAES", "decryptAES", "derivePassword", "buildCustomCert"]));
    for (const [name, reason] of Object.entries(EXCLUDED_SPRIG_FUNCTIONS)) {
      expect(KWOK_TEMPLATE_FUNCTIONS.has(name)).toBe(false);
      expect(reason).toMatch(/^it /);
    }
  });
});
