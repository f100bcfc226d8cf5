"use client";

import Link from "next/link";
import { formatUsd } from "@/lib/model/price";
import { useSpend } from "./use-spend";

/** Today's spend in the header, in a box of fixed width so nothing moves when it arrives. */
export function SpendSummary() {
  const { data } = useSpend();
  return (
    <>
      {data?.alerts ? (
        <Link
          href="/admin/money#alerts"
          className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-950 dark:bg-amber-900 dark:text-amber-50"
        >
          {data.alerts === 1 ? "1 spend alert" : `${data.alerts} spend alerts`}
        </Link>
      ) : null}
      <p data-testid="spend" className="hidden w-60 truncate text-right text-xs text-zinc-700 tabular-nums lg:block dark:text-zinc-300">
        {data ? `Me ${formatUsd(data.spend.me.today)} today · Team ${formatUsd(data.spend.team.today)} today` : "\u00a0"}
      </p>
    </>
  );
}
