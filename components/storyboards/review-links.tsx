"use client";

import { buttonClass } from "@/components/ui/button";
import { send } from "@/lib/http/fetcher";
import type { ReviewLinkView } from "@/lib/storyboards/types";
import { LinkControls } from "./link-controls";

const small = buttonClass("secondary", "sm");

/** Review links to this board: made, copied and revoked here; reviewers' picks and comments show on each shot. */
export function ReviewLinks({
  boardId,
  links,
  onChanged,
  announce,
}: {
  boardId: string;
  links: ReviewLinkView[];
  onChanged: () => void;
  announce: (text: string) => void;
}) {
  const make = async () => {
    try {
      const link = await send<{ url: string }>("/api/review-links", "POST", { storyboardId: boardId });
      onChanged();
      await navigator.clipboard.writeText(link!.url).then(
        () => announce("Review link made and copied."),
        () => announce("Review link made."),
      );
    } catch (error) {
      announce(error instanceof Error ? error.message : "Could not make a link.");
    }
  };
  const markRead = async (id: string) => {
    try {
      await send("/api/review-inbox", "POST", { linkIds: [id] });
      onChanged();
      announce("Marked as read.");
    } catch (error) {
      announce(error instanceof Error ? error.message : "Could not mark it read.");
    }
  };
  const revoke = async (id: string) => {
    try {
      await send(`/api/review-links/${id}`, "DELETE");
      onChanged();
      announce("Review link revoked: it now shows “not found”.");
    } catch (error) {
      announce(error instanceof Error ? error.message : "Could not revoke the link.");
    }
  };
  return (
    <div className="space-y-2">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Anyone with a review link, no account needed, sees the shots and the film, picks a favourite take per shot and leaves a comment.
      </p>
      <button type="button" className={small} onClick={() => void make()}>
        New review link
      </button>
      {links.length ? (
        <ul className="space-y-3" aria-label="Review links">
          {links.map((link, i) => (
            <li key={link.id} className="space-y-1.5">
              <div className="flex items-center gap-1.5">
                <input
                  readOnly
                  aria-label="Review link"
                  value={link.url}
                  onFocus={(e) => e.currentTarget.select()}
                  className="min-w-0 flex-1 rounded border border-zinc-300 bg-zinc-50 px-2 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950"
                />
                <button
                  type="button"
                  className={small}
                  onClick={() =>
                    void navigator.clipboard.writeText(link.url).then(
                      () => announce("Review link copied."),
                      () => announce("Select the link and copy it."),
                    )
                  }
                >
                  Copy
                </button>
                <button type="button" className={small} onClick={() => void revoke(link.id)}>
                  Revoke
                </button>
              </div>
              {link.unread ? (
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <span
                    className="rounded-full bg-violet-100 px-2 py-0.5 font-medium text-violet-900 dark:bg-violet-950 dark:text-violet-100"
                    data-testid="link-unread"
                  >
                    {link.unread} new from reviewers
                  </span>
                  <button type="button" className={small} onClick={() => void markRead(link.id)}>
                    Mark read
                  </button>
                </p>
              ) : null}
              <details>
                <summary className="cursor-pointer text-sm font-medium text-violet-800 dark:text-violet-300">
                  Link {links.length - i}: controls and use
                </summary>
                <LinkControls link={link} onChanged={onChanged} announce={announce} />
              </details>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
