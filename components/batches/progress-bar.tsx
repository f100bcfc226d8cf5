import type { BatchView } from "@/lib/batches/view";

/** Done (violet), failed (red) and cancelled (grey) of the batch's takes, as one bar. */
export function ProgressBar({ batch, label }: { batch: BatchView; label: string }) {
  const pct = (n: number) => `${batch.total ? (n / batch.total) * 100 : 0}%`;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={batch.total}
      aria-valuenow={batch.completed}
      className="flex h-2 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
    >
      <div className="bg-violet-600 transition-[width] dark:bg-violet-400" style={{ width: pct(batch.completed) }} />
      <div className="bg-red-600 dark:bg-red-400" style={{ width: pct(batch.failed) }} />
      <div className="bg-zinc-400 dark:bg-zinc-600" style={{ width: pct(batch.cancelled) }} />
    </div>
  );
}
