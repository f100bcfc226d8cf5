"use client";

import type { AlertSettings } from "@/lib/validations/money";
import { JsonForm } from "./json-form";

const orNull = (v: string) => (v.trim() === "" ? null : v.trim());

/** Where spend alerts go and at which percentages of each cap (admins). */
export function AlertsForm({ initial }: { initial: AlertSettings }) {
  return (
    <JsonForm
      url="/api/admin/alerts"
      submit="Save alerts"
      fields={[
        {
          name: "thresholds",
          label: "Alert at (% of each cap)",
          hint: "Comma-separated, e.g. 50, 80, 100.",
          initial: initial.thresholds.join(", "),
        },
        {
          name: "slackUrl",
          label: "Slack-compatible incoming webhook",
          type: "url",
          hint: "Gets { text }. Blank: none.",
          initial: initial.slackUrl ?? "",
        },
        {
          name: "webhookUrl",
          label: "Signed JSON webhook",
          type: "url",
          hint: "Signed with the secret below. Blank: none.",
          initial: initial.webhookUrl ?? "",
        },
      ]}
      toBody={(v) => ({
        thresholds: (v.thresholds ?? "")
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean)
          .map(Number),
        slackUrl: orNull(v.slackUrl ?? ""),
        webhookUrl: orNull(v.webhookUrl ?? ""),
      })}
    />
  );
}
