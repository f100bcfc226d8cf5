import "server-only";
import { markAlertsSeen, recentAlerts, unseenAlerts } from "@/lib/db/queries/alerts";
import { alertSecret, getAlertSettings, saveAlertSettings } from "./alert-settings";
import type { AlertSettings } from "@/lib/validations/money";

const SHOWN_MS = 31 * 24 * 3600 * 1000;

/** What admins see: where alerts go (the URLs are secrets: admins only), the signing secret, the last month's alerts. */
export async function alertsView(now = Date.now()) {
  const [settings, secret, alerts] = await Promise.all([getAlertSettings(), alertSecret(), recentAlerts(now - SHOWN_MS)]);
  return {
    settings,
    secret,
    alerts: alerts.map((a) => ({
      kind: a.kind,
      userId: a.userId,
      percent: a.percent,
      message: a.message,
      firedAt: new Date(a.firedAt).toISOString(),
      deliveryError: a.deliveryError,
      seen: a.seenAt !== null,
    })),
  };
}

export async function updateAlerts(value: AlertSettings) {
  await saveAlertSettings(value);
  return alertsView();
}

export const unseenAlertCount = (now = Date.now()) => unseenAlerts(now - SHOWN_MS);
export const seeAlerts = (now = Date.now()) => markAlertsSeen(now);
