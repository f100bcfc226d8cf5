"use client";

import { FilmPlayer, type Clip } from "@/components/storyboards/film-player";
import { buttonClass } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import type { ReviewView } from "@/lib/reviews/types";
import { REVIEWER_NAME_MAX } from "@/lib/validations/review";
import { DecisionControl } from "./decision-control";
import { CommentPlayer } from "./comment-player";
import { reviewerSource } from "./comment-source";
import { ReviewShot } from "./review-shot";
import { ShotComments } from "./shot-comments";
import { ReviewVersions } from "./review-versions";
import { useDecisions } from "./use-decisions";
import { NAME_FIELD, useReview } from "./use-review";
import { useVisit } from "./use-visit";

/**
 * What a reviewer sees: their name, the film as the team has it now, then each shot to pick from and comment
 * on, and one Send for all of it.
 */
export function ReviewBoard({ view }: { view: ReviewView }) {
  const review = useReview(view);
  const { reviewer, errors } = review;
  const { rights } = view;
  const decisions = useDecisions(view.token, reviewer, review.announce);
  const seen = useVisit(view.token, reviewer.id, reviewer.name);
  const clips: Clip[] = view.shots.flatMap((shot, i) => {
    const take = shot.takes.find((t) => t.id === shot.teamPick);
    return take ? [{ src: take.video, poster: take.poster, label: `shot ${i + 1}` }] : [];
  });
  const titleOf = (i: number) => (view.kind === "storyboard" ? `Shot ${i + 1}` : "The takes");
  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        void review.submit();
      }}
    >
      <div className="space-y-1">
        <h1 className="text-xl font-semibold tracking-tight break-words">
          <bdi>{view.title}</bdi>
        </h1>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {view.kind === "storyboard"
            ? "Watch the film, then pick your favourite take of each shot and say why, and send it all at the end. No account needed."
            : "Pick your favourite of these takes and say why, then send. No account needed."}
        </p>
      </div>
      <div className="max-w-sm">
        <label htmlFor={NAME_FIELD} className="mb-1 block text-sm font-medium">
          Your name
        </label>
        <input
          id={NAME_FIELD}
          value={reviewer.name}
          maxLength={REVIEWER_NAME_MAX}
          autoComplete="name"
          dir="auto"
          onChange={(e) => reviewer.setName(e.target.value)}
          aria-invalid={Boolean(errors.name)}
          aria-describedby={errors.name ? "reviewer-name-error reviewer-name-hint" : "reviewer-name-hint"}
          className={inputClass}
        />
        <FieldError id="reviewer-name-error" message={errors.name} />
        <p id="reviewer-name-hint" className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          Shown to the team beside your picks and comments.
        </p>
      </div>
      {view.kind === "storyboard" && (view.film || clips.length) ? (
        <section aria-labelledby="film-title" className="space-y-2">
          <h2 id="film-title" className="text-lg font-semibold">
            {view.film ? "The film" : "The film so far"}
          </h2>
          {view.film ? (
            <CommentPlayer
              key={view.film.id}
              src={view.film.video}
              poster={view.film.poster}
              label={`The film: ${view.title}`}
              durationMs={(view.film.durationS ?? 0) * 1000}
              source={reviewerSource(view.token, { filmId: view.film.id }, reviewer, rights.comment)}
            />
          ) : (
            <FilmPlayer clips={clips} title={view.title} />
          )}
          {view.film && rights.download ? (
            <a href={`${view.film.video}?download`} className="text-sm text-violet-800 underline dark:text-violet-300">
              Download the film
            </a>
          ) : null}
          {view.film && rights.decide ? (
            <DecisionControl
              id="film"
              label="Your decision on the film"
              value={reviewer.decisions.film ?? null}
              disabled={!reviewer.id}
              onDecide={(d) => void decisions.decide("film", "The film", d)}
            />
          ) : null}
        </section>
      ) : null}
      <ReviewVersions view={view} seen={seen} />
      {rights.comment && rights.decide ? null : (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {!rights.comment && !rights.decide
            ? "The team has turned off comments and decisions on this link: you can watch and pick favourites."
            : !rights.comment
              ? "The team has turned off comments on this link."
              : "The team has turned off decisions on this link."}
        </p>
      )}
      {view.shots.length === 0 ? <p className="text-sm text-zinc-700 dark:text-zinc-300">Nothing to review yet.</p> : null}
      {view.shots.map((shot, i) => (
        <ReviewShot
          key={shot.key}
          shot={shot}
          title={titleOf(i)}
          word={review.word(shot.key)}
          state={review.state(shot.key)}
          errors={errors.shots[shot.key]}
          onChange={(word) => review.change(shot.key, word)}
          allowComment={rights.comment}
          download={rights.download}
          extra={
            rights.decide ? (
              <DecisionControl
                id={`shot-${shot.key}`}
                label={`Your decision on ${titleOf(i).toLowerCase()}`}
                value={reviewer.decisions[shot.key] ?? null}
                disabled={!reviewer.id}
                onDecide={(d) => void decisions.decide(shot.key, titleOf(i), d)}
              />
            ) : null
          }
        >
          <ShotComments token={view.token} shot={shot} title={titleOf(i)} reviewer={reviewer} canWrite={rights.comment} />
        </ReviewShot>
      ))}
      {view.shots.length ? (
        <div className="sticky bottom-0 -mx-4 flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-zinc-200 bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-t-xl sm:border-x dark:border-zinc-800 dark:bg-zinc-950/95">
          <button type="submit" className={buttonClass("primary")} disabled={review.busy || !reviewer.ready}>
            {review.busy ? "Sending…" : "Send review"}
          </button>
          <div className="min-w-0 flex-1 text-sm">
            <p className="text-zinc-700 dark:text-zinc-300" data-testid="unsent-count">
              {review.unsentCount
                ? `${review.unsentCount} ${view.kind === "storyboard" ? `shot${review.unsentCount === 1 ? "" : "s"}` : "pick"} not sent yet.`
                : ""}
            </p>
            <p role="status" aria-live="polite" className="font-medium text-zinc-900 dark:text-zinc-100">
              {review.status}
            </p>
          </div>
        </div>
      ) : null}
    </form>
  );
}
