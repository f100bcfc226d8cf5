"use client";

import type { PersonalLimit } from "@/lib/validations/money";
import { JsonForm } from "./json-form";

const usd = (v: string) => (v.trim() === "" ? null : Number(v.trim().replace(/^\$/, "")));

/** A member's own daily and monthly limits, below the caps an admin set. */
export function PersonalLimitForm({ initial }: { initial: PersonalLimit }) {
  return (
    <JsonForm
      url="/api/account/limit"
      submit="Save my limits"
      fields={[
        {
          name: "dailyUsd",
          label: "My daily limit (USD)",
          type: "number",
          hint: "Blank: only the team's caps.",
          initial: initial.dailyUsd?.toString() ?? "",
        },
        {
          name: "monthlyUsd",
          label: "My monthly limit (USD)",
          type: "number",
          hint: "Blank: only the team's caps.",
          initial: initial.monthlyUsd?.toString() ?? "",
        },
      ]}
      toBody={(v) => ({ dailyUsd: usd(v.dailyUsd ?? ""), monthlyUsd: usd(v.monthlyUsd ?? "") })}
    />
  );
}
