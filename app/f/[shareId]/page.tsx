import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { LocalTime } from "@/components/share/local-time";
import { buttonClass } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/session";
import { sharedFilm } from "@/lib/films/films";
import { publicOrigin } from "@/lib/http/origin";
import { filmView } from "@/lib/films/view";

type Props = { params: Promise<{ shareId: string }> };

const load = cache(async (shareId: string) => {
  const film = await sharedFilm(shareId);
  if (!film) notFound();
  const requestHeaders = await headers();
  if (film.shareVisibility === "team" && !(await currentUser(requestHeaders)))
    redirect(`/sign-in?next=${encodeURIComponent(`/f/${shareId}`)}`);
  const origin = publicOrigin(requestHeaders);
  return { film, view: filmView(film, origin), base: `${origin}/f/${shareId}` };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { shareId } = await params;
  const { film, view, base } = await load(shareId);
  const description = `A ${view.durationS?.toFixed(1) ?? ""} s film of ${view.shots} shot${view.shots === 1 ? "" : "s"}, made with Keyframe.`;
  const size = { width: film.width ?? 864, height: film.height ?? 480 };
  const images = film.posterFile ? [{ url: `${base}/poster.jpg`, ...size, alt: film.name }] : [];
  return {
    title: `${film.name} · Keyframe`,
    description,
    robots: { index: false, follow: false },
    openGraph: {
      type: "video.other",
      siteName: "Keyframe",
      url: base,
      title: film.name,
      description,
      images,
      videos: [{ url: `${base}/video.mp4`, type: "video/mp4", ...size }],
    },
    twitter: { card: "summary_large_image", title: film.name, description, images: images.map((i) => i.url) },
  };
}

export default async function FilmSharePage({ params }: Props) {
  const { shareId } = await params;
  const { film, view } = await load(shareId);
  const size = { width: film.width ?? 864, height: film.height ?? 480 };
  return (
    <>
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
        <div className="mx-auto flex h-14 max-w-5xl items-center px-4 sm:px-6">
          <Link href="/" className="text-base font-semibold tracking-tight">
            Keyframe
          </Link>
        </div>
      </header>
      <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-6 sm:px-6">
        <div
          className="mx-auto w-full overflow-hidden rounded-xl bg-black shadow-lg"
          style={{ aspectRatio: `${size.width} / ${size.height}`, maxWidth: size.width, maxHeight: "75dvh" }}
        >
          <video
            src={`/f/${shareId}/video.mp4`}
            poster={film.posterFile ? `/f/${shareId}/poster.jpg` : undefined}
            controls
            playsInline
            preload="metadata"
            aria-label={`Film: ${film.name}`}
            className="size-full object-contain"
          />
        </div>
        <section aria-label="About this film" className="flex flex-wrap items-start justify-between gap-4">
          <div className="space-y-1">
            <h1 className="text-lg font-semibold break-words">
              <bdi>{film.name}</bdi>
            </h1>
            <p className="text-sm text-zinc-700 dark:text-zinc-300">
              {view.shots} shot{view.shots === 1 ? "" : "s"} · {view.durationS?.toFixed(1)} s · {film.width}×{film.height} ·{" "}
              <LocalTime iso={view.finishedAt ?? view.createdAt} />
            </p>
          </div>
          <a href={`/f/${shareId}/video.mp4`} download={view.downloadName} className={buttonClass("secondary")}>
            Download
          </a>
        </section>
      </main>
    </>
  );
}
