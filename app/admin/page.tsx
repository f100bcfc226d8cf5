import type { Metadata } from "next";
import Link from "next/link";
import { MembersPanel } from "@/components/admin/members-panel";
import { ReviewNotifyForm } from "@/components/admin/review-notify-form";
import { SpendTable } from "@/components/admin/spend-table";
import { TeamSettingsForm } from "@/components/admin/team-settings-form";
import { AppHeader } from "@/components/layout/app-header";
import { pageUser } from "@/lib/auth/session";
import { notifySettingsView } from "@/lib/reviews/notify/settings";
import { listMembers } from "@/lib/team/members";
import { getTeamSettings } from "@/lib/team/settings";
import { memberLedger } from "@/lib/team/spend";

export const metadata: Metadata = { title: "Team settings · Keyframe" };

export default async function AdminPage() {
  const user = await pageUser("/admin");
  if (user.role !== "admin") {
    return (
      <>
        <AppHeader user={user} />
        <main className="mx-auto flex max-w-md flex-col items-center gap-3 px-4 py-16 text-center">
          <p className="text-sm font-semibold text-violet-700 dark:text-violet-300">403</p>
          <h1 className="text-xl font-semibold">Only admins can open team settings</h1>
          <Link href="/" className="text-sm text-violet-700 hover:underline dark:text-violet-300">
            Back to the playground
          </Link>
        </main>
      </>
    );
  }
  const settings = await getTeamSettings();
  const [members, ledger] = await Promise.all([listMembers(), memberLedger(settings)]);
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-4xl space-y-10 px-4 py-6 sm:px-6">
        <div className="flex items-center justify-between gap-3">
          <h1 className="text-lg font-semibold tracking-tight">Team settings</h1>
          <Link href="/admin/money" className="text-sm text-violet-700 underline dark:text-violet-300">
            Money: ledger, reports, alerts
          </Link>
        </div>
        <TeamSettingsForm initial={settings} />
        <SpendTable rows={ledger} names={new Map(members.map((m) => [m.id, m.name]))} billsFailed={settings.billsFailedTasks} />
        <ReviewNotifyForm initial={await notifySettingsView()} />
        <MembersPanel initial={members} me={user.id} />
      </main>
    </>
  );
}
