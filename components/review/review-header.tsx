/** The review page's bar: the product's name and that this is a review, nothing of the team's. */
export function ReviewHeader() {
  return (
    <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <div className="mx-auto flex h-14 max-w-5xl items-center gap-2 px-4 sm:px-6">
        <p className="text-base font-semibold tracking-tight">Keyframe</p>
        <p className="rounded-full bg-violet-100 px-2.5 py-0.5 text-xs font-medium text-violet-900 dark:bg-violet-950 dark:text-violet-100">
          Review
        </p>
      </div>
    </header>
  );
}
