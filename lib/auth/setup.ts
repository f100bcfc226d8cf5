import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { claimSetting, deleteSetting, settingOnce } from "@/lib/db/queries/settings";
import { hasUsers } from "@/lib/db/queries/users";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getAuth } from "./server";

export { hasUsers };

const codeFile = () => path.join(/*turbopackIgnore: true*/ env().dataDir, "setup-code");

/**
 * The one-time code the first-run page asks for: one per install (kept in the database, so any instance
 * accepts it), printed at start-up and written to DATA_DIR/setup-code.
 */
async function setupCode(): Promise<string> {
  const code = await settingOnce("setup_code", randomBytes(6).toString("hex").toUpperCase());
  fs.mkdirSync(env().dataDir, { recursive: true });
  fs.writeFileSync(codeFile(), code, { mode: 0o600 });
  return code;
}

/**
 * On start-up with no accounts: create the admin from ADMIN_EMAIL/ADMIN_PASSWORD when both are set;
 * otherwise print the setup code. Until an admin exists nothing but the setup page is usable.
 */
export async function bootstrapAccounts(): Promise<void> {
  if (await hasUsers()) return;
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = env();
  if (ADMIN_EMAIL && ADMIN_PASSWORD) {
    // Several instances may start at once: one claims the bootstrap, the rest find the admin made.
    if (!(await claimSetting("setup_done", true))) return;
    try {
      await createAdmin({ name: ADMIN_EMAIL.split("@")[0] ?? "Admin", email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    } catch (error) {
      await deleteSetting("setup_done");
      throw error;
    }
    console.log(`[keyframe] Created the admin account ${ADMIN_EMAIL} from ADMIN_EMAIL/ADMIN_PASSWORD.`);
    return;
  }
  console.log(`[keyframe] No accounts yet. Open /setup and enter the setup code ${await setupCode()} (also in ${codeFile()}).`);
}

async function createAdmin(input: { name: string; email: string; password: string }) {
  const auth = await getAuth();
  await auth.api.createUser({ body: { ...input, role: "admin" } });
}

/** First-run setup: the right code, and no account yet; only one request can win. */
export async function createFirstAdmin(input: { code: string; name: string; email: string; password: string }): Promise<void> {
  const expected = Buffer.from(await setupCode());
  const given = Buffer.from(input.code.trim().toUpperCase());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError("forbidden", "That setup code is wrong.", {
      code: "That setup code is wrong. It is in the server log and DATA_DIR/setup-code.",
    });
  }
  // Claiming the setup row is atomic: a second request racing this one fails here.
  if (!(await claimSetting("setup_done", true)) || (await hasUsers())) {
    throw new AppError("conflict", "Keyframe is already set up. Sign in instead.");
  }
  try {
    await createAdmin({ name: input.name, email: input.email, password: input.password });
  } catch (error) {
    await deleteSetting("setup_done");
    throw error;
  }
  await deleteSetting("setup_code");
  fs.rmSync(codeFile(), { force: true });
}
