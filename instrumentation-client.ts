import { config } from "zod/v4/core";

// Runs before the app's own modules. zod compiles object parsers with `new Function` and probes for it
// once; under our Content-Security-Policy (no 'unsafe-eval') that probe is reported as a violation.
// (zod's core only: the browser's schemas are zod/mini, and zod's chainable API would cost every page.)
config({ jitless: true });
