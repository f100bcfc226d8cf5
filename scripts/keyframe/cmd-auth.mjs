// @ts-check
import { createClient } from "./client.mjs";
import { configPath, normalizeUrl, readConfig, removeConfig, requireAuth, saveConfig } from "./config.mjs";
import { readSecret } from "./context.mjs";
import { usageError } from "./errors.mjs";

/**
 * @typedef {import("./context.mjs").Context} Context
 * @typedef {{ user: { id: string, name: string, email: string, role: string }, token: { id: string, name?: string, scope: string } | null }} Me
 */

/** @param {Me} me */
const whoLine = (me) => `${me.user.name} <${me.user.email}> (${me.user.role})${me.token ? `, token scope ${me.token.scope}` : ""}`;

/** keyframe login --url <base> [--token kf_…] */
export async function login(/** @type {Context} */ ctx) {
  const { env } = ctx.io;
  const rawUrl = /** @type {string | undefined} */ (ctx.values.url) ?? env.KEYFRAME_URL ?? readConfig(env).url;
  if (!rawUrl) throw usageError("Give Keyframe's address: keyframe login --url https://keyframe.example.com");
  const url = normalizeUrl(rawUrl);
  const given = /** @type {string | undefined} */ (ctx.values.token) ?? env.KEYFRAME_TOKEN;
  const token = given ?? (await readSecret(ctx.io, "API token (kf_…, from the API page): "));
  if (!token) throw usageError("No token given: pass --token kf_… or pipe it on stdin.");
  if (!token.startsWith("kf_")) ctx.say("warning: Keyframe's API tokens start with kf_; checking it anyway.");
  const me = /** @type {Me} */ (await createClient({ url, token, fetch: ctx.io.fetch }).call("GET", "/api/session"));
  const file = saveConfig(env, { url, token });
  ctx.say(`Signed in to ${url} as ${whoLine(me)}.\nSaved to ${file} (readable by you only).`);
  ctx.result({ url, ...me, config: file });
}

/** keyframe whoami */
export async function whoami(/** @type {Context} */ ctx) {
  const auth = requireAuth(ctx.io.env);
  const me = /** @type {Me} */ (await ctx.client().call("GET", "/api/session"));
  const from = auth.source === "env" ? "KEYFRAME_TOKEN" : configPath(ctx.io.env);
  ctx.result({ url: auth.url, ...me, tokenFrom: from }, `${whoLine(me)}\nat ${auth.url} (token from ${from})`);
}

/** keyframe logout: forgets the token here; it stays valid until revoked on the API page. */
export async function logout(/** @type {Context} */ ctx) {
  const file = configPath(ctx.io.env);
  const removed = removeConfig(ctx.io.env);
  ctx.say(removed ? `Removed ${file}. The token still works until you revoke it on the API page.` : `Not signed in (no ${file}).`);
  if (ctx.io.env.KEYFRAME_TOKEN) ctx.say("KEYFRAME_TOKEN is still set in this shell.");
  ctx.result({ removed, config: file });
}
