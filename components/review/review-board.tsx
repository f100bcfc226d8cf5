"use client";

import { FilmPlayer, type Clip } from "@/components/storyboards/film-player";
import { inputClass } from "@/components/ui/input-class";
import type { ReviewView } from "@/lib/reviews/types";
import { REVIEWER_NAME_MAX } from "@/lib/validations/review";
import { ReviewShot } from "./review-shot";
import { useReviewer } from "./use-reviewer";

/** What a reviewer sees: their name, the film as the team has it now, then each shot to pick from and comment on. */
export function ReviewBoard({ view }: { view: ReviewView }) {
  const reviewer = useReviewer(view.token);
  const clips: Clip[] = view.shots.flatMap((shot, i) => {
    const take = shot.takes.find((t) => t.id === shot.teamPick);
    return take ? [{ src: take.video, poster: take.poster, label: `shot ${i + 1}` }] : [];
  });
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold tracking-tight break-words">{view.title}</h1>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {view.kind === "storyboard"
            ? "Watch the film, then pick your favourite take of each shot and say why. No account needed."
            : "Pick your favourite of these takes and say why. No account needed."}
        </p>
      </div>
      <div className="max-w-sm">
        <label htmlFor="reviewer-name" className="mb-1 block text-sm font-medium">
          Your name
        </label>
        <input
          id="reviewer-name"
          value={reviewer.name}
          maxLength={REVIEWER_NAME_MAX}
          autoComplete="name"
          onChange={(e) => reviewer.setName(e.target.value)}
          aria-describedby="reviewer-name-hint"
          className={inputClass}
        />
        <p id="reviewer-name-hint" className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          Shown to the team beside your picks and comments.
        </p>
      </div>
      {view.kind === "storyboard" && clips.length ? (
        <section aria-labelledby="film-title" className="space-y-2">
          <h2 id="film-title" className="text-lg font-semibold">
            The film so far
          </h2>
          <FilmPlayer clips={clips} title={view.title} />
        </section>
      ) : null}
      {view.shots.length === 0 ? <p className="text-sm text-zinc-700 dark:text-zinc-300">Nothing to review yet.</p> : null}
      {view.shots.map((shot, i) => (
        <ReviewShot
          key={shot.key}
          token={view.token}
          shot={shot}
          title={view.kind === "storyboard" ? `Shot ${i + 1}` : "The takes"}
          reviewer={{ id: reviewer.id, name: reviewer.name }}
          mine={reviewer.mine[shot.key]}
          onSaved={reviewer.setMine}
        />
      ))}
    </div>
  );
}
