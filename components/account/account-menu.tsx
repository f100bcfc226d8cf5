"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { MenuCheckboxItem, MenuContent, MenuItem, MenuLabel, MenuRoot, MenuSeparator, MenuTrigger } from "@/components/ui/menu";
import { send } from "@/lib/http/fetcher";
import { formatUsd } from "@/lib/model/price";
import { useNotifySetting } from "@/components/gallery/use-notify-setting";
import type { ReactElement } from "react";
import { localReset, lowBalance, useSpend, type SpendAnswer } from "./use-spend";

function SpendDetails({ data }: { data: SpendAnswer }) {
  const { me, team, failed } = data.spend;
  const row = (label: string, w: { today: number; month: number }) => (
    <div className="flex justify-between gap-4">
      <dt>{label}</dt>
      <dd className="tabular-nums">
        {formatUsd(w.today)} today · {formatUsd(w.month)} month
      </dd>
    </div>
  );
  return (
    <dl className="space-y-0.5 px-2.5 py-1.5 text-xs text-zinc-700 dark:text-zinc-300" aria-label="Spend">
      {row("Me", me)}
      {row("Team", team)}
      {failed.me.month > 0 || failed.team.month > 0 ? (
        <div className="flex justify-between gap-4 text-zinc-600 dark:text-zinc-400">
          <dt>Failed takes{data.billsFailedTasks ? "" : " (not counted)"}</dt>
          <dd className="tabular-nums">
            me {formatUsd(failed.me.month)} · team {formatUsd(failed.team.month)} month
          </dd>
        </div>
      ) : null}
      {data.caps.map((cap) => (
        <div key={cap.key} className="flex justify-between gap-4">
          <dt className="first-letter:uppercase">{cap.label}</dt>
          <dd className="tabular-nums">
            {formatUsd(cap.leftMicros)} of {formatUsd(cap.limitMicros)} left · resets {localReset(cap.resetsAt)}
          </dd>
        </div>
      ))}
      {data.balance ? <Balance balance={data.balance} /> : null}
    </dl>
  );
}

function Balance({ balance }: { balance: NonNullable<SpendAnswer["balance"]> }) {
  const low = balance.usd !== null && balance.warnBelowUsd !== null && balance.usd < balance.warnBelowUsd;
  return (
    <div className={`flex justify-between gap-4 ${low ? "font-semibold text-red-700 dark:text-red-300" : ""}`}>
      <dt>WaveSpeed balance</dt>
      <dd className="tabular-nums">
        {balance.usd === null ? `unavailable (${balance.error})` : `$${balance.usd.toFixed(2)}`}
        {low ? ` · below $${balance.warnBelowUsd}` : ""}
      </dd>
    </div>
  );
}

export type AccountMenuProps = { name: string; role: "admin" | "member" };

/**
 * Who is signed in, spend in detail, caps left, notifications, team settings and sign-out, in one floating
 * menu. Loaded on first use (components/ui/lazy-menu.tsx); the header shows its button (./user-menu.tsx).
 */
export default function AccountMenu({
  name,
  role,
  trigger,
  defaultOpen,
}: AccountMenuProps & { trigger: ReactElement; defaultOpen?: boolean }) {
  const router = useRouter();
  const { data } = useSpend();
  const [notify, setNotify] = useNotifySetting();
  const low = lowBalance(data);

  return (
    <MenuRoot modal={false} defaultOpen={defaultOpen}>
      <MenuTrigger asChild>{trigger}</MenuTrigger>
      <MenuContent align="end" className="w-80">
        <MenuLabel className="font-medium text-zinc-900 dark:text-zinc-100">
          <bdi>{name}</bdi> · {role === "admin" ? "Admin" : "Member"}
        </MenuLabel>
        {data ? <SpendDetails data={data} /> : null}
        {low ? (
          <p role="alert" className="px-2.5 pb-1 text-xs font-medium text-red-700 dark:text-red-300">
            The WaveSpeed balance is low.
          </p>
        ) : null}
        <MenuSeparator />
        <MenuCheckboxItem checked={notify} onCheckedChange={(on) => void setNotify(on)} onSelect={(e) => e.preventDefault()}>
          Notify me when a take finishes
        </MenuCheckboxItem>
        <MenuItem asChild>
          <Link href="/storyboards">Storyboards</Link>
        </MenuItem>
        <MenuItem asChild>
          <Link href="/account/api">API</Link>
        </MenuItem>
        <MenuItem asChild>
          <Link href="/batches">Batches</Link>
        </MenuItem>
        <MenuItem asChild>
          <Link href="/account/limits">My spend limits</Link>
        </MenuItem>
        {role === "admin" ? (
          <MenuItem asChild>
            <Link href="/admin">Team settings</Link>
          </MenuItem>
        ) : null}
        {role === "admin" ? (
          <MenuItem asChild>
            <Link href="/admin/money">Money</Link>
          </MenuItem>
        ) : null}
        <MenuItem
          onSelect={async () => {
            await send("/api/session", "DELETE").catch(() => undefined);
            router.replace("/sign-in");
            router.refresh();
          }}
        >
          Sign out
        </MenuItem>
      </MenuContent>
    </MenuRoot>
  );
}
