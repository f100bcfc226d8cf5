import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { user } from "@/lib/db/auth-schema";
import { getDb } from "@/lib/db/client";
import { settings } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getAuth } from "./server";

export async function hasUsers(): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(user);
  return Number(row?.n ?? 0) > 0;
}

const codeFile = () => path.join(env().dataDir, "setup-code");

/** The one-time code the first-run page asks for: printed at start-up and kept in DATA_DIR/setup-code. */
function setupCode(): string {
  try {
    return fs.readFileSync(codeFile(), "utf8").trim();
  } catch {
    const code = randomBytes(6).toString("hex").toUpperCase();
    fs.mkdirSync(env().dataDir, { recursive: true });
    fs.writeFileSync(codeFile(), code, { mode: 0o600 });
    return code;
  }
}

/**
 * On start-up with no accounts: create the admin from ADMIN_EMAIL/ADMIN_PASSWORD when both are set;
 * otherwise print the setup code. Until an admin exists nothing but the setup page is usable.
 */
export async function bootstrapAccounts(): Promise<void> {
  if (await hasUsers()) return;
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = env();
  if (ADMIN_EMAIL && ADMIN_PASSWORD) {
    await createAdmin({ name: ADMIN_EMAIL.split("@")[0] ?? "Admin", email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    console.log(`[keyframe] Created the admin account ${ADMIN_EMAIL} from ADMIN_EMAIL/ADMIN_PASSWORD.`);
    return;
  }
  console.log(`[keyframe] No accounts yet. Open /setup and enter the setup code ${setupCode()} (also in ${codeFile()}).`);
}

async function createAdmin(input: { name: string; email: string; password: string }) {
  const auth = await getAuth();
  await auth.api.createUser({ body: { ...input, role: "admin" } });
}

/** First-run setup: the right code, and no account yet; only one request can win. */
export async function createFirstAdmin(input: { code: string; name: string; email: string; password: string }): Promise<void> {
  const expected = Buffer.from(setupCode());
  const given = Buffer.from(input.code.trim().toUpperCase());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError("forbidden", "That setup code is wrong.", {
      code: "That setup code is wrong. It is in the server log and DATA_DIR/setup-code.",
    });
  }
  const db = await getDb();
  // Claiming the setup row is atomic: a second request racing this one fails here.
  const claimed = await db
    .insert(settings)
    .values({ key: "setup_done", value: true, updatedAt: Date.now() })
    .onConflictDoNothing()
    .returning();
  if (claimed.length === 0 || (await hasUsers())) throw new AppError("conflict", "Keyframe is already set up. Sign in instead.");
  try {
    await createAdmin({ name: input.name, email: input.email, password: input.password });
  } catch (error) {
    await db.delete(settings).where(sql`${settings.key} = 'setup_done'`);
    throw error;
  }
  fs.rmSync(codeFile(), { force: true });
}
