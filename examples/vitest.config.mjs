// vitest configuration for the example test files in this folder (run by scripts/run-examples.mjs).
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { include: ["*.test.ts"], testTimeout: 30_000 } });
