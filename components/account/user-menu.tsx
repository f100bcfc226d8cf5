"use client";

import { LazyMenu } from "@/components/ui/lazy-menu";
import type { AccountMenuProps } from "./account-menu";
import { lowBalance, useSpend } from "./use-spend";

/** The account button in the header; its menu (./account-menu.tsx) loads when first opened. */
export function UserMenu({ name, role }: AccountMenuProps) {
  const { data } = useSpend();
  const low = lowBalance(data);
  return (
    <LazyMenu
      trigger={
        <button
          type="button"
          // Starts with the name it shows, so that a voice-control user can say it (WCAG 2.5.3).
          aria-label={`${name}, account`}
          className="inline-flex h-9 shrink-0 items-center gap-2 rounded-full border border-zinc-300 pr-1 pl-1 text-sm font-medium text-zinc-800 outline-none hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-violet-500 sm:pr-3 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800"
        >
          {/* The initial is a picture of the name, drawn by CSS: not text to say or to read twice. */}
          <span
            aria-hidden
            data-initial={name.slice(0, 1).toUpperCase()}
            className={`inline-flex size-7 items-center justify-center rounded-full text-xs font-semibold text-white before:content-[attr(data-initial)] ${low ? "bg-red-700" : "bg-violet-700"}`}
          />
          <bdi className="hidden max-w-32 truncate sm:inline">{name}</bdi>
        </button>
      }
      load={() => import("./account-menu")}
      props={{ name, role }}
    />
  );
}
