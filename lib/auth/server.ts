import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { admin } from "better-auth/plugins";
import { getDb, type Backend } from "@/lib/db/client";
import { settingOnce } from "@/lib/db/queries/settings";
import { env } from "@/lib/env";
import { PASSWORD_MIN } from "@/lib/validations/account";

export const SESSION_DAYS = 14;

/**
 * AUTH_SECRET, or one generated once and kept in the database, so every instance signs alike. An install
 * from before kept it in DATA_DIR/auth-secret: that one is carried over, and existing sessions stay valid.
 */
async function secret(): Promise<string> {
  const configured = env().AUTH_SECRET;
  if (configured) return configured;
  let earlier: string | undefined;
  try {
    earlier = fs.readFileSync(path.join(/*turbopackIgnore: true*/ env().dataDir, "auth-secret"), "utf8").trim() || undefined;
  } catch {
    // none: a new install
  }
  return settingOnce("auth_secret", earlier ?? randomBytes(32).toString("base64url"));
}

function build({ db, t, authProvider }: Backend, secret: string) {
  return betterAuth({
    appName: "Keyframe",
    secret,
    baseURL: env().publicUrl ?? `http://localhost:${env().PORT}`,
    database: drizzleAdapter(db, {
      provider: authProvider,
      schema: { user: t.user, session: t.session, account: t.account, verification: t.verification },
    }),
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
  store.__keyframeAuth ??= getDb()
    .then(async (backend) => build(backend, await secret()))
    .catch((error: unknown) => {
      store.__keyframeAuth = undefined;
      throw error;
    });
  return store.__keyframeAuth;
}
