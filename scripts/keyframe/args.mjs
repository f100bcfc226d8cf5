// @ts-check
import { parseArgs } from "node:util";
import { COMMANDS, GLOBAL_OPTIONS } from "./commands.mjs";
import { usageError } from "./errors.mjs";

/**
 * @typedef {{ name: string, values: Record<string, string | boolean | undefined>, positionals: string[] }} Parsed
 */

/**
 * `keyframe <command> [options] [args]` → the command, its option values and its arguments. Unknown
 * commands and options, missing or extra arguments are usage errors (exit 2). `--help` anywhere, or no
 * command, is `help`.
 * @param {string[]} argv without node and the script
 * @returns {Parsed}
 */
export function parseCommandLine(argv) {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h") return { name: "help", values: {}, positionals: [] };
  if (first === "--version" || first === "-V") return { name: "version", values: {}, positionals: [] };
  if (first === "--json") return parseCommandLine([...rest, "--json"]);
  const command = COMMANDS[first];
  if (!command) throw usageError(`Unknown command "${first}".`);
  const options = Object.fromEntries(
    Object.entries({ ...command.options, ...GLOBAL_OPTIONS }).map(([name, o]) => [
      name,
      { type: o.type, ...(o.short ? { short: o.short } : {}) },
    ]),
  );
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(plainParseError(error instanceof Error ? error.message : String(error), first));
  }
  const values = /** @type {Record<string, string | boolean | undefined>} */ (parsed.values);
  if (values.help) return { name: "help", values: { json: values.json }, positionals: [first] };
  const [min, max] = command.positionals;
  if (parsed.positionals.length < min) throw usageError(`Missing argument: ${command.usage}`);
  if (parsed.positionals.length > max) throw usageError(`Unexpected argument "${parsed.positionals[max]}": ${command.usage}`);
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === "string" && value.trim() === "") throw usageError(`--${name} needs a value.`);
  }
  return { name: first, values, positionals: parsed.positionals };
}

/** parseArgs' messages mention its own API ("To specify an option argument starting with a dash…"); keep the first sentence. */
function plainParseError(/** @type {string} */ message, /** @type {string} */ command) {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `Unknown option ${unknown[1]} for "${command}".`;
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return `${missing[1]?.replace(/^-\w, /, "").replace(/ <value>$/, "")} needs a value.`;
  return message.split(/\. /)[0] ?? message;
}

/**
 * A whole number option, or its default; anything else is a usage error naming the option.
 * @param {Record<string, string | boolean | undefined>} values
 * @param {string} name
 * @param {number} fallback
 */
export function wholeNumber(values, name, fallback) {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (typeof raw !== "string" || !/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(n))
    throw usageError(`--${name} must be a whole number (got "${raw}").`);
  return n;
}
