import { KeyRefusedBanner } from "@/components/account/key-refused-banner";
import { SpendSummary } from "@/components/account/spend-summary";
import { UserMenu } from "@/components/account/user-menu";
import { ActivityPill } from "@/components/gallery/activity-pill";
import type { SessionUser } from "@/lib/auth/user";
import { env } from "@/lib/env";
import { ReviewInboxBadge } from "./review-inbox-badge";

/** One compact header for every signed-in page; its height never changes, so nothing below it moves. */
export function AppHeader({ user, home = false }: { user: SessionUser; home?: boolean }) {
  const simulator = env().mode === "simulator";
  return (
    <>
      <header className="sticky top-0 z-30 h-14 border-b border-zinc-200 bg-white/95 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/95">
        <div className="mx-auto flex h-full max-w-[1800px] items-center gap-2 px-3 sm:gap-3 sm:px-5">
          {home ? (
            <h1 className="text-base font-semibold tracking-tight">Keyframe</h1>
          ) : (
            // A plain link: next/link would add its client code to every page's first load, the playground's included.
            // eslint-disable-next-line @next/next/no-html-link-for-pages
            <a
              href="/"
              className="rounded text-base font-semibold tracking-tight outline-none focus-visible:ring-2 focus-visible:ring-violet-500"
            >
              Keyframe
            </a>
          )}
          {simulator ? (
            <p
              role="note"
              title="No WAVESPEED_API_KEY is set: jobs run on Keyframe's built-in WaveSpeed simulator. Set the key in .env.local and restart to generate for real."
              className="min-w-0 truncate rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-medium text-amber-950 dark:bg-amber-950 dark:text-amber-100"
            >
              Simulator mode<span className="hidden md:inline">: no WaveSpeed key set, nothing is charged</span>
            </p>
          ) : null}
          <nav aria-label="Keyframe" className="hidden sm:block">
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see the home link above */}
            <a
              href="/storyboards"
              className="rounded px-1 text-sm font-medium text-zinc-700 outline-none hover:text-zinc-950 focus-visible:ring-2 focus-visible:ring-violet-500 dark:text-zinc-300 dark:hover:text-white"
            >
              Storyboards
            </a>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see the home link above */}
            <a
              href="/batches"
              className="ml-2 rounded px-1 text-sm font-medium text-zinc-700 outline-none hover:text-zinc-950 focus-visible:ring-2 focus-visible:ring-violet-500 dark:text-zinc-300 dark:hover:text-white"
            >
              Batches
            </a>
          </nav>
          <div className="ml-auto flex shrink-0 items-center gap-2 sm:gap-3">
            {home ? <ActivityPill /> : null}
            <ReviewInboxBadge />
            <SpendSummary />
            <UserMenu name={user.name} role={user.role} />
          </div>
        </div>
      </header>
      {user.role === "admin" ? <KeyRefusedBanner /> : null}
    </>
  );
}
