import type { CapView } from "@/components/account/use-spend";
import { formatUsd } from "@/lib/model/price";

export function PriceSummary({
  duration,
  variations,
  rate,
  discounted,
  cap,
}: {
  duration: number;
  variations: number;
  /** Micro-dollars per second for the chosen model and resolution. */
  rate: number;
  discounted?: boolean;
  cap: CapView | null;
}) {
  const valid = Number.isInteger(duration) && Number.isInteger(variations) && duration > 0 && variations > 0;
  const total = valid ? formatUsd(Math.round(rate * duration) * variations) : "—";
  return (
    <div className="flex items-center justify-between gap-3">
      <div className="min-w-0">
        <span id="price-label" className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
          Price
        </span>
        <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">
          {valid
            ? `${variations} video${variations > 1 ? "s" : ""} × ${duration} s × ${formatUsd(rate)}/s${discounted ? " (your discounted price)" : ""}`
            : "Set duration and variations"}
        </p>
        <p className="truncate text-xs text-zinc-600 dark:text-zinc-400" data-testid="cap-left">
          {cap ? `${formatUsd(cap.leftMicros)} left under ${cap.label}` : "No spend cap set"}
        </p>
      </div>
      <output
        aria-labelledby="price-label"
        aria-live="polite"
        data-testid="price"
        className="text-2xl font-semibold text-zinc-900 tabular-nums dark:text-white"
      >
        {total}
      </output>
    </div>
  );
}
