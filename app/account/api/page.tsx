import type { Metadata } from "next";
import Link from "next/link";
import { HooksPanel } from "@/components/api/hooks-panel";
import { TokensPanel } from "@/components/api/tokens-panel";
import { AppHeader } from "@/components/layout/app-header";
import { pageUser } from "@/lib/auth/session";
import { listTeamTokens, listTokens } from "@/lib/auth/tokens";

export const metadata: Metadata = { title: "API · Keyframe" };

export default async function ApiPage() {
  const user = await pageUser("/account/api");
  const isAdmin = user.role === "admin";
  const [tokens, team] = await Promise.all([listTokens(user), isAdmin ? listTeamTokens(user) : []]);
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-4xl space-y-8 px-4 py-6 sm:px-6">
        <div className="space-y-2">
          <h1 className="text-xl font-semibold tracking-tight">API</h1>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            Scripts, notebooks and pipelines use Keyframe with a token, sent as{" "}
            <code className="rounded bg-zinc-100 px-1 text-xs dark:bg-zinc-800">Authorization: Bearer kf_…</code>. A token acts as you: what
            it makes is yours and counts against your caps.{" "}
            <Link href="/docs/api" className="font-medium text-violet-800 hover:underline dark:text-violet-300">
              API reference
            </Link>
          </p>
        </div>
        <TokensPanel initial={tokens} team={team} isAdmin={isAdmin} />
        <HooksPanel />
      </main>
    </>
  );
}
