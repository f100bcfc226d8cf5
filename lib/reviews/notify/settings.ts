import "server-only";
import { getSetting, putSetting } from "@/lib/db/queries/settings";
import { notifyState, resetNotify } from "@/lib/db/queries/review-notify";

const KEY = "review_notify";
export const SLACK_CHANNEL = "slack";

/** The Slack-compatible incoming webhook an admin set, or null. A secret: only the notifier and admins' "set" flag see it. */
export async function slackUrl(): Promise<string | null> {
  const value = (await getSetting(KEY)) as { slackUrl?: unknown } | undefined;
  return typeof value?.slackUrl === "string" ? value.slackUrl : null;
}

/** What admins see: whether one is set and where it points (host only), and how the last batch went. */
export async function notifySettingsView() {
  const url = await slackUrl();
  const state = url ? await notifyState(SLACK_CHANNEL) : undefined;
  return {
    slackConfigured: url !== null,
    slackHost: url ? new URL(url).host : null,
    lastSentAt: state?.lastSentAt ? new Date(state.lastSentAt).toISOString() : null,
    lastError: state?.lastError ?? null,
  };
}

export async function setSlackUrl(url: string | null) {
  await putSetting(KEY, { slackUrl: url });
  if (url) await resetNotify(SLACK_CHANNEL);
  return notifySettingsView();
}
