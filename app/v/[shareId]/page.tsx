import type { Metadata } from "next";
import { modelLabel } from "@/lib/catalog";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { publicOrigin } from "@/lib/http/origin";
import { shareMetadata } from "@/lib/http/share-metadata";
import { paramRows } from "@/lib/jobs/params";
import { LocalTime } from "@/components/share/local-time";
import { ShareLayout, ShareVideo } from "@/components/share/share-layout";
import { buttonClass } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/session";
import { hiddenFrom, sharedJob } from "@/lib/jobs/share";
import { toJobView } from "@/lib/jobs/view";
import { OUTPUT_SIZES } from "@/lib/model/seedance";

type Props = { params: Promise<{ shareId: string }> };

/** Once per request: the metadata and the page both need it. */
const load = cache(async (shareId: string) => {
  const job = await sharedJob(shareId);
  if (!job) notFound();
  const requestHeaders = await headers();
  // A team-only link shows nothing, not even its title, to someone who is not signed in.
  if (await hiddenFrom(job, requestHeaders)) redirect(`/sign-in?next=${encodeURIComponent(`/v/${shareId}`)}`);
  const origin = publicOrigin(requestHeaders);
  const view = toJobView(job, origin);
  const size =
    job.videoWidth && job.videoHeight
      ? { width: job.videoWidth, height: job.videoHeight }
      : OUTPUT_SIZES[view.params.aspectRatio ?? "16:9"];
  const base = `${origin}/v/${shareId}`;
  return {
    view,
    signedIn: Boolean(await currentUser(requestHeaders)),
    size,
    base,
    video: view.video?.stored ? `/v/${shareId}/video.mp4` : (view.video?.src ?? ""),
    poster: job.posterFile ? `/v/${shareId}/poster.jpg` : undefined,
  };
});

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { shareId } = await params;
  const { view, size, base, poster } = await load(shareId);
  return shareMetadata({
    title: shorten(view.prompt || "A Keyframe video", 70),
    description: `${view.params.duration} s video made with ${view.model.name}, seed ${view.params.seed}.`,
    url: base,
    size,
    poster: poster ? `${base}/poster.jpg` : undefined,
    video: view.video?.stored ? `${base}/video.mp4` : undefined,
  });
}

export default async function SharePage({ params }: Props) {
  const { shareId } = await params;
  const { view, size, video, poster, signedIn } = await load(shareId);
  const remix = `/?remix=${shareId}`;
  return (
    <ShareLayout>
      <ShareVideo
        size={size}
        src={video}
        poster={poster}
        autoPlay={!view.video?.nsfw}
        muted
        loop
        preload={poster ? "metadata" : "auto"}
        aria-label={`Video: ${view.prompt}`}
      />
      <section aria-label="About this video" className="grid gap-6 md:grid-cols-[1fr_auto]">
        <div className="min-w-0 space-y-3">
          <h1 className="text-base leading-relaxed font-medium break-words whitespace-pre-wrap text-zinc-900 dark:text-zinc-100">
            {view.prompt}
          </h1>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            {modelLabel(view.model.id, view.model.resolution)}
            {view.model.audio ? " · with sound" : ""} · <LocalTime iso={view.createdAt} />
          </p>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-1.5 text-sm sm:grid-cols-3" aria-label="Parameters">
            {paramRows(view)
              // The model is named above.
              .filter((row) => row.key !== "model")
              .filter((row) => row.key !== "image" && row.key !== "price")
              .map((row) => (
                <div key={row.key} className="flex gap-2">
                  <dt className="text-zinc-700 dark:text-zinc-300">{row.label}</dt>
                  <dd className="font-medium tabular-nums">{row.key === "lastImage" ? (view.lastImage ? "Yes" : "None") : row.value}</dd>
                </div>
              ))}
          </dl>
        </div>
        <div className="flex flex-col items-start gap-2 md:items-end">
          <div className="flex gap-2">
            {signedIn ? (
              <Link href={remix} className={buttonClass("primary")}>
                Remix
              </Link>
            ) : (
              <Link href={`/sign-in?next=${encodeURIComponent(remix)}`} className={buttonClass("primary")}>
                Sign in to remix
              </Link>
            )}
            {view.video?.stored ? (
              <a href={`/v/${shareId}/video.mp4`} download={view.video.downloadName} className={buttonClass("secondary")}>
                Download
              </a>
            ) : null}
          </div>
          {signedIn ? null : (
            <p className="max-w-64 text-xs text-zinc-700 md:text-right dark:text-zinc-300">
              Remixing opens this video&rsquo;s settings in Keyframe, which needs an account on this server.
            </p>
          )}
        </div>
      </section>
    </ShareLayout>
  );
}
