import "server-only";
import { randomBytes } from "node:crypto";
import { getSetting, putSetting, settingOnce } from "@/lib/db/queries/settings";
import { ALERT_DEFAULTS, alertSettingsSchema, type AlertSettings } from "@/lib/validations/money";

const KEY = "alerts";
const SECRET_KEY = "alerts:secret";

export async function getAlertSettings(): Promise<AlertSettings> {
  const parsed = alertSettingsSchema.safeParse({ ...ALERT_DEFAULTS, ...((await getSetting(KEY)) as object | undefined) });
  return parsed.success ? parsed.data : ALERT_DEFAULTS;
}

export async function saveAlertSettings(value: AlertSettings): Promise<AlertSettings> {
  await putSetting(KEY, { ...value, thresholds: [...value.thresholds].sort((a, b) => a - b) });
  return getAlertSettings();
}

/** The secret alert webhooks are signed with (made once, shared by every instance). Admins only. */
export async function alertSecret(): Promise<string> {
  return settingOnce(SECRET_KEY, `whsec_${randomBytes(24).toString("hex")}`);
}
