import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { LocalTime } from "@/components/share/local-time";
import { ShareLayout, ShareVideo } from "@/components/share/share-layout";
import { buttonClass } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/session";
import { sharedFilm } from "@/lib/films/films";
import { publicOrigin } from "@/lib/http/origin";
import { shareMetadata } from "@/lib/http/share-metadata";
import { filmView } from "@/lib/films/view";

type Props = { params: Promise<{ shareId: string }> };

const filmSize = (film: { width: number | null; height: number | null }) => ({ width: film.width ?? 864, height: film.height ?? 480 });

const load = cache(async (shareId: string) => {
  const film = await sharedFilm(shareId);
  if (!film) notFound();
  const requestHeaders = await headers();
  if (film.shareVisibility === "team" && !(await currentUser(requestHeaders)))
    redirect(`/sign-in?next=${encodeURIComponent(`/f/${shareId}`)}`);
  const origin = publicOrigin(requestHeaders);
  return { film, view: filmView(film, origin, false), base: `${origin}/f/${shareId}` };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { shareId } = await params;
  const { film, view, base } = await load(shareId);
  const description = `A ${view.durationS?.toFixed(1) ?? ""} s film of ${view.shots} shot${view.shots === 1 ? "" : "s"}, made with Keyframe.`;
  return shareMetadata({
    title: film.name,
    description,
    url: base,
    size: filmSize(film),
    poster: film.posterFile ? `${base}/poster.jpg` : undefined,
    video: `${base}/video.mp4`,
  });
}

export default async function FilmSharePage({ params }: Props) {
  const { shareId } = await params;
  const { film, view } = await load(shareId);
  return (
    <ShareLayout>
      <ShareVideo
        size={filmSize(film)}
        src={`/f/${shareId}/video.mp4`}
        poster={film.posterFile ? `/f/${shareId}/poster.jpg` : undefined}
        preload="metadata"
        aria-label={`Film: ${film.name}`}
      />
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
    </ShareLayout>
  );
}
