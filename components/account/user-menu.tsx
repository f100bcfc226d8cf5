"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import useSWR from "swr";
import { onJobsChanged } from "@/components/gallery/use-jobs";
import { fetcher, send } from "@/lib/http/fetcher";
import { formatUsd } from "@/lib/model/price";

type Spend = { today: number; month: number };
type SpendAnswer = {
  spend: { me: Spend; team: Spend; failed: { me: Spend; team: Spend } };
  balance?: { usd: number | null; error: string | null; warnBelowUsd: number | null };
};

export const SPEND_KEY = "/api/spend";

function Money({ label, value, failed }: { label: string; value: Spend; failed: Spend }) {
  return (
    <span className="tabular-nums" title={`${label}: ${formatUsd(value.today)} today, ${formatUsd(value.month)} this month (UTC)`}>
      <span className="text-zinc-500 dark:text-zinc-400">{label}</span> {formatUsd(value.today)} today · {formatUsd(value.month)} month
      {failed.month > 0 ? <span className="text-zinc-500 dark:text-zinc-400"> ({formatUsd(failed.month)} on failed takes)</span> : null}
    </span>
  );
}

/** Who is signed in, what they and the team spent, the WaveSpeed balance for admins, and sign-out. */
export function UserMenu({ name, role }: { name: string; role: "admin" | "member" }) {
  const router = useRouter();
  const { data, mutate } = useSWR<SpendAnswer>(SPEND_KEY, fetcher, { refreshInterval: 30_000 });
  useEffect(() => onJobsChanged(() => void mutate()), [mutate]);
  const balance = data?.balance;
  const low = balance?.usd !== null && balance?.usd !== undefined && balance.warnBelowUsd !== null && balance.usd < balance.warnBelowUsd;

  return (
    <div className="flex min-w-0 flex-wrap items-center justify-end gap-x-4 gap-y-1 text-xs" data-testid="spend">
      {data ? (
        <>
          <Money label="Me" value={data.spend.me} failed={data.spend.failed.me} />
          <Money label="Team" value={data.spend.team} failed={data.spend.failed.team} />
        </>
      ) : null}
      {balance ? (
        <span
          role={low ? "alert" : undefined}
          className={`tabular-nums ${low ? "rounded-full bg-red-100 px-2 py-0.5 font-medium text-red-800 dark:bg-red-950 dark:text-red-300" : ""}`}
        >
          WaveSpeed balance {balance.usd === null ? `unavailable (${balance.error})` : `$${balance.usd.toFixed(2)}`}
          {low ? ` · below $${balance.warnBelowUsd}` : ""}
        </span>
      ) : null}
      <span className="text-zinc-600 dark:text-zinc-300">
        {name} · {role === "admin" ? "Admin" : "Member"}
      </span>
      {role === "admin" ? (
        <Link href="/admin" className="font-medium text-violet-600 hover:underline dark:text-violet-400">
          Team settings
        </Link>
      ) : null}
      <button
        type="button"
        onClick={async () => {
          await send("/api/session", "DELETE").catch(() => undefined);
          router.replace("/sign-in");
          router.refresh();
        }}
        className="font-medium text-zinc-600 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-white"
      >
        Sign out
      </button>
    </div>
  );
}
