import type { ComponentProps } from "react";

/** A native checkbox styled as a switch: keyboard, forms and labels work as they do for any checkbox. */
export function Switch({ label, hint, id, ...props }: ComponentProps<"input"> & { label: string; hint?: string; id: string }) {
  return (
    <div className="flex items-start justify-between gap-4">
      <div>
        <label htmlFor={id} className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
          {label}
        </label>
        {hint ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{hint}</p> : null}
      </div>
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="relative h-6 w-11 shrink-0 cursor-pointer appearance-none rounded-full bg-zinc-300 transition-colors outline-none before:absolute before:top-0.5 before:left-0.5 before:size-5 before:rounded-full before:bg-white before:shadow before:transition-transform checked:bg-violet-600 checked:before:translate-x-5 focus-visible:ring-2 focus-visible:ring-violet-500 focus-visible:ring-offset-2 dark:bg-zinc-700 dark:focus-visible:ring-offset-zinc-900"
        {...props}
      />
    </div>
  );
}
