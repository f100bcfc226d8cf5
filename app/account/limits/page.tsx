import type { Metadata } from "next";
import { AppHeader } from "@/components/layout/app-header";
import { PersonalLimitForm } from "@/components/money/personal-limit-form";
import { pageUser } from "@/lib/auth/session";
import { formatUsd } from "@/lib/model/price";
import { personalLimit } from "@/lib/team/personal-limit";
import { getTeamSettings } from "@/lib/team/settings";

export const metadata: Metadata = { title: "My spend limits · Keyframe" };

const cap = (usd: number | null) => (usd === null ? "none" : formatUsd(Math.round(usd * 1_000_000)));

export default async function LimitsPage() {
  const user = await pageUser("/account/limits");
  const [mine, team] = await Promise.all([personalLimit(user.id), getTeamSettings()]);
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-2xl space-y-6 px-4 py-6 sm:px-6">
        <h1 className="text-lg font-semibold tracking-tight">My spend limits</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Limits of your own, lower than the caps your admin set for every member (daily {cap(team.memberDailyCapUsd)}, monthly{" "}
          {cap(team.memberMonthlyCapUsd)}). A take that would cross one is refused before anything is sent. UTC days and months.
        </p>
        <PersonalLimitForm initial={mine} />
      </main>
    </>
  );
}
