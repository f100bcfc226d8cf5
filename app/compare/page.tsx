import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CompareView } from "@/components/compare/compare-view";
import { pageUser } from "@/lib/auth/session";
import { getJob } from "@/lib/db/queries/jobs";
import { publicOrigin } from "@/lib/http/origin";
import { isId } from "@/lib/jobs/ids";
import { toJobView } from "@/lib/jobs/view";

export const metadata: Metadata = { title: "Compare takes · Keyframe" };

const MAX_COMPARED = 6;

export default async function ComparePage({ searchParams }: { searchParams: Promise<{ ids?: string | string[] }> }) {
  const { ids } = await searchParams;
  await pageUser(`/compare?ids=${typeof ids === "string" ? ids : ""}`);
  const wanted = [...new Set((typeof ids === "string" ? ids : "").split(",").filter(isId))].slice(0, MAX_COMPARED);
  const origin = publicOrigin(await headers());
  const jobs = (await Promise.all(wanted.map((id) => getJob(id))))
    .filter((job) => job?.status === "completed")
    .map((job) => toJobView(job!, origin));
  if (jobs.length === 0) notFound();
  return (
    <main className="mx-auto max-w-[1800px] space-y-6 px-4 py-6 sm:px-6">
      <header className="flex items-center justify-between gap-4">
        <h1 className="text-lg font-semibold tracking-tight">{jobs.length === 1 ? "1 take" : `Compare ${jobs.length} takes`}</h1>
        <Link href="/" className="text-sm text-violet-600 hover:underline dark:text-violet-400">
          ← Back to the playground
        </Link>
      </header>
      <CompareView jobs={jobs} />
    </main>
  );
}
