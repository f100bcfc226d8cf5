import { z } from "zod";

// Runs before the app's own modules. zod compiles object parsers with `new Function` and probes for it
// once; under our Content-Security-Policy (no 'unsafe-eval') that probe is reported as a violation.
z.config({ jitless: true });
