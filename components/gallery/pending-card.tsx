/** A take being sent: it holds the size its real card will have. */
export function PendingCard({ prompt, width, mediaHeight }: { prompt: string; width: number; mediaHeight: number }) {
  return (
    <div style={{ width }} aria-label={`Sending: ${prompt.slice(0, 60)}`} role="group" className="flex flex-col">
      <div className="relative overflow-hidden rounded-lg bg-zinc-200 dark:bg-zinc-800" style={{ height: mediaHeight }}>
        <span className="absolute top-1.5 left-1.5 rounded-full bg-sky-100 px-2 py-0.5 text-[11px] font-medium text-sky-900 dark:bg-sky-950 dark:text-sky-100">
          Sending…
        </span>
        <div aria-hidden className="absolute inset-x-0 bottom-0 h-1 overflow-hidden bg-black/10">
          <div className="h-full w-1/3 animate-[progress_1.6s_ease-in-out_infinite] bg-violet-500" />
        </div>
      </div>
      <p className="truncate pt-1 text-xs text-zinc-900 dark:text-zinc-100">{prompt}</p>
    </div>
  );
}
