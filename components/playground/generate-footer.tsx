"use client";

import { localReset, tightestCap, useSpend } from "@/components/account/use-spend";
import { Button } from "@/components/ui/button";
import { formatUsd } from "@/lib/model/price";
import { PriceSummary } from "./price-summary";
import type { CapRefusal, Outcome } from "./use-submit";

function capRefusalText(refusal: CapRefusal, price: number, label: string | undefined): string {
  const left = refusal.leftMicros === null ? "" : `Only ${formatUsd(refusal.leftMicros)} is left`;
  const under = label ? ` under ${label}` : "";
  const reset = refusal.resetsAt ? `; it resets ${localReset(refusal.resetsAt)}` : "";
  return left ? `This costs ${formatUsd(price)}. ${left}${under}${reset}.` : refusal.message;
}

/**
 * Price, what is left under the caps, Generate and why it is disabled, and the outcome of the last press:
 * the bottom of the form column, always in view.
 */
export function GenerateFooter({
  duration,
  variations,
  price,
  rate,
  discounted,
  blocker,
  submitting,
  outcome,
  capRefusal,
  onViewTake,
}: {
  duration: number;
  variations: number;
  price: number;
  /** The chosen model's rate, micro-dollars per second. */
  rate: number;
  /** WaveSpeed quoted below the list price. */
  discounted: boolean;
  blocker: string | null;
  submitting: boolean;
  outcome: Outcome;
  capRefusal: CapRefusal | null;
  onViewTake: () => void;
}) {
  const { data: spend } = useSpend();
  const cap = tightestCap(spend?.caps);
  const overCap = cap !== null && price > cap.leftMicros;
  const reason =
    blocker ??
    (overCap
      ? `This costs ${formatUsd(price)}; only ${formatUsd(cap.leftMicros)} is left under ${cap.label} until ${localReset(cap.resetsAt)}.`
      : null);
  const refusedCap = capRefusal ? spend?.caps.find((c) => c.key === capRefusal.cap) : undefined;

  return (
    <div className="sticky bottom-0 z-10 space-y-2 border-t border-zinc-200 bg-white px-4 pt-3 pb-3 shadow-[0_-8px_16px_-12px_rgb(0_0_0/0.25)] sm:px-5 dark:border-zinc-800 dark:bg-zinc-950">
      {capRefusal ? (
        <div
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 p-2.5 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          <p className="font-semibold">Refused: over a spend cap</p>
          <p>{capRefusalText(capRefusal, price, refusedCap?.label)}</p>
        </div>
      ) : null}
      <PriceSummary duration={duration} variations={variations} rate={rate} discounted={discounted} cap={cap} />
      {/* A disabled button cannot take focus: its wrapper does, described by the reason shown beneath. */}
      <span className="block" tabIndex={reason ? 0 : undefined} aria-describedby={reason ? "generate-reason" : undefined}>
        <Button type="submit" variant="primary" size="lg" className="w-full" disabled={Boolean(reason) || submitting}>
          {submitting ? "Sending…" : `Generate${variations > 1 ? ` ${variations} videos` : ""}`}
        </Button>
      </span>
      {/* Two lines always reserved, so messages never change the footer's height. */}
      <p id="generate-reason" className="min-h-5 text-center text-sm text-zinc-700 dark:text-zinc-300">
        {reason}
      </p>
      <div role="status" aria-live="polite" className="flex min-h-5 items-center justify-center gap-2 text-center text-sm">
        {outcome?.kind === "started" ? (
          <>
            <span className="text-zinc-700 dark:text-zinc-300">
              Started {outcome.count} job{outcome.count > 1 ? "s" : ""}.
            </span>
            <button type="button" onClick={onViewTake} className="font-medium text-violet-700 underline lg:hidden dark:text-violet-300">
              View take{outcome.count > 1 ? "s" : ""}
            </button>
          </>
        ) : outcome?.kind === "error" ? (
          <span className="text-red-700 dark:text-red-400">{outcome.message}</span>
        ) : outcome?.kind === "note" ? (
          <span className="truncate text-zinc-700 dark:text-zinc-300">{outcome.message}</span>
        ) : null}
      </div>
    </div>
  );
}
