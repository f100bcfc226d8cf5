"use client";

import { useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import type { ReviewView } from "@/lib/reviews/types";

type Side = { label: string; src: string | null; poster: string | null };

/** What differs between two versions: the film, and each shot whose pick changed. */
function differences(view: ReviewView, from: number, to: number) {
  const a = view.versions.find((v) => v.number === from);
  const b = view.versions.find((v) => v.number === to);
  if (!a || !b) return [];
  const take = (id: string | undefined) => view.shots.flatMap((s) => s.takes).find((t) => t.id === id);
  const out: { key: string; title: string; before: Side; after: Side }[] = [];
  if (a.film?.id !== b.film?.id) {
    out.push({
      key: "film",
      title: "The film",
      before: { label: `Version ${from}`, src: a.film?.video ?? null, poster: a.film?.poster ?? null },
      after: { label: `Version ${to}`, src: b.film?.video ?? null, poster: b.film?.poster ?? null },
    });
  }
  view.shots.forEach((shot, i) => {
    if (a.picks[shot.key] === b.picks[shot.key]) return;
    const [x, y] = [take(a.picks[shot.key]), take(b.picks[shot.key])];
    out.push({
      key: shot.key,
      title: `Shot ${i + 1}`,
      before: { label: `Version ${from}`, src: x?.video ?? null, poster: x?.poster ?? null },
      after: { label: `Version ${to}`, src: y?.video ?? null, poster: y?.poster ?? null },
    });
  });
  return out;
}

function SideBySide({ title, before, after }: { title: string; before: Side; after: Side }) {
  const refs = useRef<(HTMLVideoElement | null)[]>([]);
  const both = () =>
    refs.current.forEach((v) => {
      if (!v) return;
      v.currentTime = 0;
      void v.play().catch(() => undefined);
    });
  return (
    <li className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">{title}</h3>
        <button type="button" className={buttonClass("secondary", "sm")} onClick={both}>
          Play both from the start
        </button>
      </div>
      <div className="grid grid-cols-2 gap-2">
        {[before, after].map((side, i) => (
          <figure key={side.label} className="min-w-0 space-y-1">
            {side.src ? (
              <video
                ref={(el) => {
                  refs.current[i] = el;
                }}
                src={side.src}
                poster={side.poster ?? undefined}
                controls
                muted
                playsInline
                preload="none"
                aria-label={`${title}, ${side.label}`}
                className="aspect-video w-full rounded bg-black object-contain"
              />
            ) : (
              <p className="flex aspect-video items-center justify-center rounded bg-zinc-100 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                Not in this version
              </p>
            )}
            <figcaption className="text-xs text-zinc-700 dark:text-zinc-300">{side.label}</figcaption>
          </figure>
        ))}
      </div>
    </li>
  );
}

/** The link's versions: which one this is, what changed since the reviewer last looked, and any earlier one beside it. */
export function ReviewVersions({ view, seen }: { view: ReviewView; seen: number | null | undefined }) {
  const current = view.versions.at(-1)?.number;
  const earlier = view.versions.filter((v) => v.number !== current).reverse();
  const [picked, setPicked] = useState<number | null>(null);
  if (!current || earlier.length === 0) return null;
  const changedSince = seen && seen < current ? differences(view, seen, current) : [];
  const against = picked ?? (seen && seen < current ? seen : earlier[0]!.number);
  const diffs = differences(view, against, current);
  return (
    <section
      aria-labelledby="versions-title"
      className="space-y-3 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="versions-title" className="text-base font-semibold">
        Version {current}
      </h2>
      {changedSince.length ? (
        <p
          className="rounded-lg bg-violet-50 px-3 py-2 text-sm text-violet-950 dark:bg-violet-950 dark:text-violet-100"
          data-testid="changed-since"
        >
          New since you last looked (version {seen}): {changedSince.map((d) => d.title).join(", ")}.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="compare-version" className="text-sm font-medium">
          Compare with
        </label>
        <select
          id="compare-version"
          value={against}
          onChange={(e) => setPicked(Number(e.target.value))}
          className="rounded-lg border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950"
        >
          {earlier.map((v) => (
            <option key={v.number} value={v.number}>
              Version {v.number} · {new Date(v.at).toLocaleDateString()}
            </option>
          ))}
        </select>
      </div>
      {diffs.length ? (
        <ul className="space-y-4">
          {diffs.map((d) => (
            <SideBySide key={`${against}-${d.key}`} title={d.title} before={d.before} after={d.after} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">Nothing differs between these versions.</p>
      )}
    </section>
  );
}
