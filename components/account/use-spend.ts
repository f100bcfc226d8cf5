"use client";

import { useEffect } from "react";
import useSWR from "swr";
import { onJobsChanged } from "@/components/gallery/use-jobs";
import { fetcher } from "@/lib/http/fetcher";

type Window = { today: number; month: number };
export type CapView = { key: string; label: string; limitMicros: number; spentMicros: number; leftMicros: number; resetsAt: string };
export type SpendAnswer = {
  spend: { me: Window; team: Window; failed: { me: Window; team: Window } };
  caps: CapView[];
  billsFailedTasks: boolean;
  balance?: { usd: number | null; error: string | null; warnBelowUsd: number | null };
  /** Admins only: WaveSpeed refuses the API key (no job is sent or polled meanwhile). */
  keyRefused?: { status: number; message: string; at: string; notice: string } | null;
  /** Admins only: spend alerts not yet seen. */
  alerts?: number;
};

export const SPEND_KEY = "/api/spend";

/** My and the team's spend with the caps left, shared by the header, the menu, the form and the admin page. */
export function useSpend() {
  const swr = useSWR<SpendAnswer>(SPEND_KEY, fetcher, { refreshInterval: 30_000 });
  const { mutate } = swr;
  useEffect(() => onJobsChanged(() => void mutate()), [mutate]);
  return swr;
}

/** The cap with the least room left, which is the one a Generate would hit first. */
export function tightestCap(caps: CapView[] | undefined): CapView | null {
  if (!caps?.length) return null;
  return caps.reduce((a, b) => (b.leftMicros < a.leftMicros ? b : a));
}

const timeFormat = new Intl.DateTimeFormat(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit" });

/** When a cap resets, in the viewer's own time zone. */
export const localReset = (iso: string) => timeFormat.format(new Date(iso));

/** The WaveSpeed balance (admins see it) is under the team's warning threshold. */
export const lowBalance = (data: SpendAnswer | undefined) =>
  Boolean(data?.balance && data.balance.usd !== null && data.balance.warnBelowUsd !== null && data.balance.usd < data.balance.warnBelowUsd);
