/** The one text-input look: form fields in the playground, sign-in and team settings. */
export const inputClass =
  "h-10 w-full rounded-lg border border-zinc-300 bg-white px-3 text-sm tabular-nums outline-none focus:border-violet-500 focus:ring-2 focus:ring-violet-500/30 aria-invalid:border-red-400 dark:border-zinc-700 dark:bg-zinc-900";
