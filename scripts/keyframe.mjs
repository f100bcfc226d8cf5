#!/usr/bin/env node
// @ts-check
// Keyframe's command-line tool: `keyframe help`. Node built-ins only, so it runs from a checkout or an
// install without a build step (Node 20.18+).
import { main } from "./keyframe/main.mjs";

// Ctrl-C while waiting: the takes already sent keep running on the server.
process.once("SIGINT", () => {
  process.stderr.write("\nInterrupted. Anything already submitted keeps running on the server: keyframe list --status active\n");
  process.exit(130);
});

process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
});
