// @ts-check
import readline from "node:readline";
import { createClient } from "./client.mjs";
import { requireAuth } from "./config.mjs";
import { CliError, EXIT } from "./errors.mjs";
import { toJson } from "./format.mjs";

/**
 * What a command may touch, passed in so tests can run the CLI in-process with their own streams.
 * @typedef {{ write: (text: string) => unknown, isTTY?: boolean }} Out
 * @typedef {{
 *   env: NodeJS.ProcessEnv, stdin: NodeJS.ReadableStream & { isTTY?: boolean, setRawMode?: (raw: boolean) => unknown },
 *   stdout: Out, stderr: Out, fetch?: typeof fetch, cwd: string,
 * }} Io
 */

/**
 * @param {Io} io
 * @param {import("./args.mjs").Parsed} parsed
 */
export function makeContext(io, parsed) {
  const json = parsed.values.json === true;
  /** @type {import("./client.mjs").Client | undefined} */
  let client;
  return {
    io,
    values: parsed.values,
    positionals: parsed.positionals,
    json,
    /** A message for a person: always stderr. */
    say: (/** @type {string} */ text) => io.stderr.write(`${text}\n`),
    /** The command's result: JSON with --json, else `human` (if any) as text on stdout. */
    /** @param {unknown} value @param {string} [human] */
    result: (value, human) => {
      if (json) io.stdout.write(toJson(value));
      else if (human !== undefined) io.stdout.write(human.endsWith("\n") ? human : `${human}\n`);
    },
    client() {
      client ??= createClient({ ...requireAuth(io.env), fetch: io.fetch, retryDelayMs: Number(io.env.KEYFRAME_RETRY_MS ?? 1000) });
      return client;
    },
    pollMs: Number(io.env.KEYFRAME_POLL_MS ?? 2000),
  };
}

/** @typedef {ReturnType<typeof makeContext>} Context */

/**
 * Asks before paying. `--yes` answers for the caller; on a terminal the person is asked on stderr; with
 * no terminal and no `--yes` nothing is paid (exit 2), so a script never pays by accident.
 * @param {Context} ctx
 * @param {string} question
 */
export async function confirmPayment(ctx, question) {
  if (ctx.values.yes === true) return;
  if (!ctx.io.stdin.isTTY) {
    throw new CliError(EXIT.usage, `${question} Not asked: stdin is not a terminal. Add --yes to pay.`);
  }
  const answer = await ask(ctx.io, `${question} [y/N] `);
  if (!/^y(es)?$/i.test(answer.trim())) throw new CliError(EXIT.usage, "Not paid: you answered no.");
}

/** @param {Io} io @param {string} question */
function ask(io, question) {
  const rl = readline.createInterface({
    input: io.stdin,
    output: /** @type {NodeJS.WritableStream} */ (/** @type {unknown} */ (io.stderr)),
  });
  return new Promise((resolve) => {
    // Ctrl-C at the question is a no.
    rl.on("SIGINT", () => {
      rl.close();
      io.stderr.write("\n");
      resolve("");
    });
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    });
  });
}

/**
 * A secret from stdin: typed without echo on a terminal, else everything piped in (e.g. `pass show kf | keyframe login`).
 * @param {Io} io
 * @param {string} prompt
 * @returns {Promise<string>}
 */
export async function readSecret(io, prompt) {
  const { stdin } = io;
  if (!stdin.isTTY || !stdin.setRawMode) {
    let text = "";
    for await (const chunk of stdin) text += String(chunk);
    return text.trim();
  }
  io.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let secret = "";
    /** @param {Buffer} data */
    const onData = (data) => {
      for (const char of data.toString("utf8")) {
        if (char === "\r" || char === "\n") return finish(() => resolve(secret.trim()));
        if (char === "\u0003") return finish(() => reject(new CliError(EXIT.usage, "Cancelled.")));
        if (char === "\u007f" || char === "\b") secret = secret.slice(0, -1);
        else secret += char;
      }
    };
    const finish = (/** @type {() => void} */ then) => {
      stdin.removeListener("data", onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      io.stderr.write("\n");
      then();
    };
    stdin.on("data", onData);
  });
}
