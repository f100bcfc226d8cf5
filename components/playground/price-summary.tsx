import { formatUsd, priceMicros, PRICE_MICROS_PER_SECOND } from "@/lib/model/price";

export function PriceSummary({ duration, variations }: { duration: number; variations: number }) {
  const valid = Number.isInteger(duration) && Number.isInteger(variations) && duration > 0 && variations > 0;
  const total = valid ? formatUsd(priceMicros(duration, variations)) : "—";
  return (
    <div className="flex items-baseline justify-between gap-3">
      <div>
        <span id="price-label" className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
          Price
        </span>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {valid
            ? `${variations} video${variations > 1 ? "s" : ""} × ${duration} s × ${formatUsd(PRICE_MICROS_PER_SECOND)}/s`
            : "Set duration and variations"}
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
