// @ts-check
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CliError, EXIT } from "./errors.mjs";

/** @typedef {{ url: string, token: string }} Saved */
/** @typedef {{ url: string, token: string | null, source: "env" | "config" | "none" }} Auth */

/** `$XDG_CONFIG_HOME/keyframe/config.json`, else `~/.config/keyframe/config.json`. */
export function configPath(/** @type {NodeJS.ProcessEnv} */ env) {
  const base = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(os.homedir(), ".config");
  return path.join(base, "keyframe", "config.json");
}

/** @returns {Partial<Saved>} */
export function readConfig(/** @type {NodeJS.ProcessEnv} */ env) {
  const file = configPath(env);
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return {};
  }
  try {
    const saved = JSON.parse(text);
    return {
      url: typeof saved?.url === "string" ? saved.url : undefined,
      token: typeof saved?.token === "string" ? saved.token : undefined,
    };
  } catch {
    throw new CliError(EXIT.usage, `${file} is not valid JSON. Run \`keyframe logout\` and sign in again.`);
  }
}

/** Writes the file readable by its owner only (0600, in a 0700 folder), also when it existed with wider modes. */
export function saveConfig(/** @type {NodeJS.ProcessEnv} */ env, /** @type {Saved} */ saved) {
  const file = configPath(env);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(temp, 0o600);
  fs.renameSync(temp, file);
  return file;
}

/** @returns {boolean} whether there was a file to remove */
export function removeConfig(/** @type {NodeJS.ProcessEnv} */ env) {
  try {
    fs.unlinkSync(configPath(env));
    return true;
  } catch {
    return false;
  }
}

/** `https://host/` and `https://host/api` both mean `https://host`. */
export function normalizeUrl(/** @type {string} */ raw) {
  let url;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new CliError(EXIT.usage, `"${raw}" is not a URL: give Keyframe's address, e.g. https://keyframe.example.com`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new CliError(EXIT.usage, `The URL must start with http:// or https:// (got ${url.protocol}).`);
  return `${url.origin}${url.pathname.replace(/\/+$/, "").replace(/\/api$/, "")}`;
}

/**
 * Where to send requests and with which token: KEYFRAME_URL and KEYFRAME_TOKEN win over the saved file,
 * each on its own.
 * @returns {Auth}
 */
export function resolveAuth(/** @type {NodeJS.ProcessEnv} */ env) {
  const saved = readConfig(env);
  const url = env.KEYFRAME_URL || saved.url;
  const token = env.KEYFRAME_TOKEN || saved.token || null;
  const source = env.KEYFRAME_TOKEN ? "env" : saved.token ? "config" : "none";
  return { url: url ? normalizeUrl(url) : "", token, source };
}

/** Like resolveAuth, but a command that talks to the server needs both. */
export function requireAuth(/** @type {NodeJS.ProcessEnv} */ env) {
  const auth = resolveAuth(env);
  if (!auth.url || !auth.token) {
    throw new CliError(EXIT.auth, "Not signed in.", {
      hint: "Run `keyframe login --url https://your-keyframe --token kf_…`, or set KEYFRAME_URL and KEYFRAME_TOKEN.",
    });
  }
  return /** @type {Auth & { token: string }} */ (auth);
}
