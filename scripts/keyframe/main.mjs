// @ts-check
import fs from "node:fs";
import { parseCommandLine } from "./args.mjs";
import { batch } from "./cmd-batch.mjs";
import { login, logout, whoami } from "./cmd-auth.mjs";
import { generate } from "./cmd-generate.mjs";
import { cancel, download, list, show, wait } from "./cmd-takes.mjs";
import { commandHelp, COMMANDS, overallHelp } from "./commands.mjs";
import { makeContext } from "./context.mjs";
import { CliError, describeError, errorJson, EXIT } from "./errors.mjs";
import { toJson } from "./format.mjs";

/** @type {Record<string, (ctx: import("./context.mjs").Context) => Promise<number | void>>} */
const RUN = { login, whoami, logout, generate, list, show, download, wait, cancel, batch };

const version = () => JSON.parse(fs.readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;

/**
 * Runs one command line and answers its exit code; never throws, never calls process.exit.
 * @param {string[]} argv
 * @param {import("./context.mjs").Io} io
 * @returns {Promise<number>}
 */
export async function main(argv, io) {
  const json = argv.includes("--json");
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.name === "version") {
      io.stdout.write(json ? toJson({ version: version() }) : `keyframe ${version()}\n`);
      return EXIT.ok;
    }
    if (parsed.name === "help") {
      const topic = parsed.positionals[0];
      if (topic !== undefined && !COMMANDS[topic]) throw new CliError(EXIT.usage, `Unknown command "${topic}".`);
      io.stdout.write(topic ? commandHelp(topic) : overallHelp());
      return EXIT.ok;
    }
    const run = /** @type {NonNullable<(typeof RUN)[string]>} */ (RUN[parsed.name]);
    return (await run(makeContext(io, parsed))) ?? EXIT.ok;
  } catch (error) {
    const failure =
      error instanceof CliError
        ? error
        : new CliError(EXIT.server, `Unexpected: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    for (const line of describeError(failure)) io.stderr.write(`${line}\n`);
    if (json) io.stdout.write(toJson(errorJson(failure)));
    return failure.exitCode;
  }
}
