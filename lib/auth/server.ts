import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { admin } from "better-auth/plugins";
import { account, session, user, verification } from "@/lib/db/auth-schema";
import { getDb, type Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { PASSWORD_MIN } from "@/lib/validations/account";

export const SESSION_DAYS = 14;

/** AUTH_SECRET, or one generated on first start and kept in DATA_DIR (readable by the server's user only). */
function secret(): string {
  const configured = env().AUTH_SECRET;
  if (configured) return configured;
  const file = path.join(env().dataDir, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    const value = randomBytes(32).toString("base64url");
    fs.mkdirSync(env().dataDir, { recursive: true });
    fs.writeFileSync(file, value, { mode: 0o600, flag: "wx" });
    return fs.readFileSync(file, "utf8").trim();
  }
}

function build(db: Db) {
  return betterAuth({
    appName: "Keyframe",
    secret: secret(),
    baseURL: env().publicUrl ?? `http://localhost:${env().PORT}`,
    database: drizzleAdapter(db, { provider: "sqlite", schema: { user, session, account, verification } }),
    // Accounts are made by admins (or the first-run setup), never by signing up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: PASSWORD_MIN, maxPasswordLength: 256 },
    session: { expiresIn: SESSION_DAYS * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    // Keyframe calls these endpoints from its own routes, which check the Origin themselves.
    trustedOrigins: (request) => [request ? new URL(request.url).origin : undefined],
    advanced: { useSecureCookies: false, cookiePrefix: "keyframe" },
    telemetry: { enabled: false },
    // better-auth's roles are "admin" and "user"; Keyframe calls a user a member.
    plugins: [admin({ adminRoles: ["admin"] })],
  });
}

export type Auth = ReturnType<typeof build>;

const store = globalThis as typeof globalThis & { __keyframeAuth?: Promise<Auth> };

/** better-auth over Keyframe's database: password hashing (scrypt), sessions, and user admin. */
export function getAuth(): Promise<Auth> {
  store.__keyframeAuth ??= getDb().then(build);
  return store.__keyframeAuth;
}
