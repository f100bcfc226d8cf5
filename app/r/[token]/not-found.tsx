import { ReviewHeader } from "@/components/review/review-header";

/** One answer for a link that is revoked, turned off, expired or never was: nothing tells them apart. */
export default function ReviewNotFound() {
  return (
    <>
      <ReviewHeader />
      <main className="mx-auto max-w-md space-y-2 px-4 py-10 sm:px-6">
        <h1 className="text-xl font-semibold tracking-tight">Nothing here</h1>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          This review link is not available: it may have expired, been turned off or revoked by the team, or the address may be mistyped.
          Ask whoever sent it for a new one.
        </p>
      </main>
    </>
  );
}
