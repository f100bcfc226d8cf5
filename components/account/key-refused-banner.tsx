"use client";

import { useSpend } from "./use-spend";

/** Admins' notice, on every signed-in page, that WaveSpeed refuses the API key: nothing runs until it accepts it. */
export function KeyRefusedBanner() {
  const { data } = useSpend();
  const notice = data?.keyRefused?.notice;
  return (
    <div aria-live="polite">
      {notice ? (
        <p
          role="alert"
          className="border-b border-red-300 bg-red-50 px-3 py-2 text-sm font-medium text-red-900 sm:px-5 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
        >
          {notice}
        </p>
      ) : null}
    </div>
  );
}
