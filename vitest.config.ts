import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";
import { leftOut } from "./lib/test/backend-free.js";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React's server build; unit tests run lib code directly.
      "server-only": path.resolve(import.meta.dirname, "lib/test/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "scripts/keyframe/**/*.test.ts"],
    // The PostgreSQL + S3 pass leaves out files marked `// backend-free:` (docs/testing.md); globs, so escaped.
    exclude: [...configDefaults.exclude, ...leftOut("unit").map((file) => file.replace(/[[\]{}()*?!]/g, "\\$&"))],
    environment: "node",
    globalSetup: ["lib/test/global-setup.ts"],
    // Fails a file marked backend-free that touches the database or the object store.
    setupFiles: ["lib/test/backend-free-guard.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two files at a time: each has its own process, data folder, simulator and (PostgreSQL pass) database, and
    // a file mostly waits on its simulator, so two share a 2-core machine well.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
