import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { settings } from "@/lib/db/schema";
import { teamSettingsSchema, TEAM_DEFAULTS, type TeamSettings } from "@/lib/validations/team";

const KEY = "team";

export async function getTeamSettings(): Promise<TeamSettings> {
  const db = await getDb();
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  const parsed = teamSettingsSchema.safeParse({ ...TEAM_DEFAULTS, ...(row?.value as object | undefined) });
  return parsed.success ? parsed.data : TEAM_DEFAULTS;
}

export async function saveTeamSettings(value: TeamSettings): Promise<TeamSettings> {
  const db = await getDb();
  await db
    .insert(settings)
    .values({ key: KEY, value, updatedAt: Date.now() })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: Date.now() } });
  return value;
}
