"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { MemberComments } from "@/components/review/member-comments";
import { Button, buttonClass } from "@/components/ui/button";
import { DialogCard, DialogClose, DialogRoot } from "@/components/ui/dialog";
import type { FilmView } from "@/lib/storyboards/types";

/** The exported film itself, played here in a dialog (not a raw MP4 in a new tab), with whether it still matches the board. */
export function FilmWatchDialog({ film, label }: { film: FilmView; label: string }) {
  return (
    <DialogRoot>
      <RadixDialog.Trigger className={buttonClass("secondary", "sm")}>Watch</RadixDialog.Trigger>
      <DialogCard title={`Film: ${label}`} className="w-[min(56rem,calc(100vw-2rem))]">
        <div className="mt-3">
          <MemberComments
            target={{ filmId: film.id }}
            src={film.src!}
            poster={film.poster}
            label={`Exported film: ${label}`}
            width={film.width}
            height={film.height}
            durationMs={(film.durationS ?? 0) * 1000}
          />
        </div>
        <p className={`mt-2 text-sm ${film.outOfDate ? "text-amber-800 dark:text-amber-300" : "text-zinc-700 dark:text-zinc-300"}`}>
          {film.outOfDate ? `Out of date: ${film.outOfDate}` : "This film matches the board's picks."}
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <a className={buttonClass("secondary", "sm")} href={`${film.src}?download`} download={film.downloadName}>
            Download
          </a>
          <DialogClose asChild>
            <Button size="sm" variant="primary">
              Close
            </Button>
          </DialogClose>
        </div>
      </DialogCard>
    </DialogRoot>
  );
}
