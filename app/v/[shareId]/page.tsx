import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { publicOrigin } from "@/lib/http/origin";
import { paramRows } from "@/lib/jobs/params";
import { hiddenFrom, sharedJob } from "@/lib/jobs/share";
import { toJobView } from "@/lib/jobs/view";
import { MODEL_NAME, OUTPUT_SIZES } from "@/lib/model/seedance";

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
  const title = shorten(view.prompt || "A Keyframe video", 70);
  const description = `${view.params.duration} s video made with ${MODEL_NAME}, seed ${view.params.seed}.`;
  const image = poster ? [{ url: `${base}/poster.jpg`, width: size.width, height: size.height, alt: title }] : [];
  return {
    title: `${title} · Keyframe`,
    description,
    robots: { index: false, follow: false },
    openGraph: {
      type: "video.other",
      siteName: "Keyframe",
      url: base,
      title,
      description,
      images: image,
      videos: view.video?.stored ? [{ url: `${base}/video.mp4`, type: "video/mp4", width: size.width, height: size.height }] : [],
    },
    twitter: { card: "summary_large_image", title, description, images: image.map((i) => i.url) },
  };
}

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function SharePage({ params }: Props) {
  const { shareId } = await params;
  const { view, size, video, poster } = await load(shareId);
  return (
    <main className="mx-auto flex min-h-dvh max-w-5xl flex-col gap-6 px-4 py-6 sm:px-6">
      <header className="flex items-center justify-between">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Keyframe
        </Link>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{MODEL_NAME}</p>
      </header>
      <div className="overflow-hidden rounded-xl bg-black shadow-lg" style={{ aspectRatio: `${size.width} / ${size.height}` }}>
        <video
          src={video}
          poster={poster}
          controls
          autoPlay={!view.video?.nsfw}
          muted
          loop
          playsInline
          preload={poster ? "metadata" : "auto"}
          aria-label={`Video: ${view.prompt}`}
          className="size-full object-contain"
        />
      </div>
      <section className="grid gap-6 md:grid-cols-[1fr_auto]">
        <div className="space-y-3">
          <h1 className="text-base leading-relaxed font-medium whitespace-pre-wrap text-zinc-900 dark:text-zinc-100">{view.prompt}</h1>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            {MODEL_NAME} · <time dateTime={view.createdAt}>{dateFormat.format(new Date(view.createdAt))} UTC</time>
          </p>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-1.5 text-sm sm:grid-cols-3" aria-label="Parameters">
            {paramRows(view)
              .filter((row) => row.key !== "image" && row.key !== "price")
              .map((row) => (
                <div key={row.key} className="flex gap-2">
                  <dt className="text-zinc-500 dark:text-zinc-400">{row.label}</dt>
                  <dd className="font-medium tabular-nums">{row.key === "lastImage" ? (view.lastImage ? "Yes" : "None") : row.value}</dd>
                </div>
              ))}
          </dl>
        </div>
        <div className="flex items-start gap-2">
          <Link
            href={`/?remix=${shareId}`}
            className="inline-flex h-10 items-center rounded-lg bg-violet-600 px-4 text-sm font-medium text-white shadow-sm hover:bg-violet-500"
          >
            Remix
          </Link>
          {view.video?.stored ? (
            <a
              href={`/v/${shareId}/video.mp4`}
              download={view.video.downloadName}
              className="inline-flex h-10 items-center rounded-lg border border-zinc-300 px-4 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
            >
              Download
            </a>
          ) : null}
        </div>
      </section>
    </main>
  );
}
