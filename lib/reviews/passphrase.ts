import "server-only";
import { createHmac, randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { settingOnce } from "@/lib/db/queries/settings";

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;
// OWASP's floor for scrypt (N=2^17, r=8, p=1) needs 128 MiB; 2^15 keeps a burst of attempts within memory on a small box.
const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LEN = 32;

/** `scrypt$<salt>$<key>`, both base64url: what a link stores instead of its passphrase. */
export async function hashPassphrase(passphrase: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(passphrase.normalize("NFC"), salt, KEY_LEN, PARAMS);
  return `scrypt$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

export async function verifyPassphrase(passphrase: string, stored: string): Promise<boolean> {
  const [scheme, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64url");
  const actual = await scryptAsync(passphrase.normalize("NFC"), Buffer.from(salt, "base64url"), expected.length, PARAMS);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A pass lasts 12 hours; changing or removing the passphrase ends every pass at once (the hash is signed in). */
export const PASS_MAX_AGE_S = 12 * 60 * 60;
export const passCookieName = (token: string) => `keyframe_review_${token}`;

const secret = () => settingOnce("review_pass_secret", randomBytes(32).toString("base64url"));
const sign = async (token: string, passHash: string, until: number) =>
  createHmac("sha256", await secret())
    .update(`${token}|${passHash}|${until}`)
    .digest("base64url");

/** The cookie value a right passphrase earns: opaque, bound to this link and its current passphrase. */
export async function passFor(token: string, passHash: string, now = Date.now()): Promise<string> {
  const until = now + PASS_MAX_AGE_S * 1000;
  return `${until}.${await sign(token, passHash, until)}`;
}

export async function passValid(token: string, passHash: string, value: string | undefined, now = Date.now()): Promise<boolean> {
  const [until, mac] = (value ?? "").split(".");
  if (!until || !mac || !/^\d+$/.test(until) || Number(until) < now) return false;
  const expected = Buffer.from(await sign(token, passHash, Number(until)));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Reads one cookie from a Cookie header. */
export function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
