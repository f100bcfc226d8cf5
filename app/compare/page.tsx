import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { CompareView } from "@/components/compare/compare-view";
import { AppHeader } from "@/components/layout/app-header";
import { pageUser } from "@/lib/auth/session";
import { getJob } from "@/lib/db/queries/jobs";
import { publicOrigin } from "@/lib/http/origin";
import { isId } from "@/lib/jobs/ids";
import { toJobView } from "@/lib/jobs/view";

export const metadata: Metadata = { title: "Compare takes · Keyframe" };

const MAX_COMPARED = 6;

export default async function ComparePage({ searchParams }: { searchParams: Promise<{ ids?: string | string[] }> }) {
  const { ids } = await searchParams;
  const user = await pageUser(`/compare?ids=${typeof ids === "string" ? ids : ""}`);
  const wanted = [...new Set((typeof ids === "string" ? ids : "").split(",").filter(isId))].slice(0, MAX_COMPARED);
  const origin = publicOrigin(await headers());
  const jobs = (await Promise.all(wanted.map((id) => getJob(id))))
    .filter((job) => job?.status === "completed")
    .map((job) => toJobView(job!, origin, user));
  if (jobs.length === 0) notFound();
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-[1800px] space-y-5 px-3 py-4 sm:px-5">
        <h1 className="text-lg font-semibold tracking-tight">{jobs.length === 1 ? "1 take" : `Compare ${jobs.length} takes`}</h1>
        <CompareView jobs={jobs} />
      </main>
    </>
  );
}
