import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { PassphraseGate } from "@/components/review/passphrase-gate";
import { ReviewBoard } from "@/components/review/review-board";
import { ReviewHeader } from "@/components/review/review-header";
import { countLinkView } from "@/lib/db/queries/review-controls";
import { AppError } from "@/lib/errors";
import { reviewAccess } from "@/lib/reviews/access";
import { reviewView } from "@/lib/reviews/public";

export const metadata: Metadata = { title: "Review · Keyframe", robots: { index: false, follow: false } };

/**
 * For reviewers with the link and no account: the film, the shots in order, a favourite, a comment and a decision
 * per shot. A link that is revoked, off or expired is "not found" like one that never was; one with a passphrase
 * asks for it first.
 */
export default async function ReviewPage({ params }: { params: Promise<{ token: string }> }) {
  const token = (await params).token;
  const request = new Request("http://keyframe.local/", { headers: await headers() });
  const access = await reviewAccess(request, token, "view").catch((error: unknown) => {
    if (error instanceof AppError && error.code === "unauthorized") return "locked" as const;
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  if (access === "locked") {
    return (
      <>
        <ReviewHeader />
        <main className="mx-auto max-w-md px-4 py-10 sm:px-6">
          <PassphraseGate token={token} />
        </main>
      </>
    );
  }
  await countLinkView(access.link.id);
  const view = await reviewView(access.link, access.rights);
  return (
    <>
      <ReviewHeader />
      <main className="mx-auto max-w-5xl px-4 py-6 sm:px-6">
        <ReviewBoard view={view} />
      </main>
    </>
  );
}
