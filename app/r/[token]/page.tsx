import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReviewBoard } from "@/components/review/review-board";
import { reviewLink, reviewView } from "@/lib/reviews/public";

export const metadata: Metadata = { title: "Review · Keyframe", robots: { index: false, follow: false } };

/** For reviewers with the link and no account: the shots in order, the film, a favourite per shot and a comment. */
export default async function ReviewPage({ params }: { params: Promise<{ token: string }> }) {
  const link = await reviewLink((await params).token);
  if (!link) notFound();
  const view = await reviewView(link);
  return (
    <>
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
        <div className="mx-auto flex h-14 max-w-5xl items-center gap-2 px-4 sm:px-6">
          <p className="text-base font-semibold tracking-tight">Keyframe</p>
          <p className="rounded-full bg-violet-100 px-2.5 py-0.5 text-xs font-medium text-violet-900 dark:bg-violet-950 dark:text-violet-100">
            Review
          </p>
        </div>
      </header>
      <main className="mx-auto max-w-5xl px-4 py-6 sm:px-6">
        <ReviewBoard view={view} />
      </main>
    </>
  );
}
