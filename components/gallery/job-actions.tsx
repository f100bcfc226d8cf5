"use client";

import { useState } from "react";
import { usePlaygroundDispatch } from "@/components/playground/playground-actions";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { send } from "@/lib/http/fetcher";
import type { JobView } from "@/lib/jobs/types";
import { isFinished } from "@/lib/jobs/types";

type Props = { job: JobView; onChanged: () => void; announce: (text: string) => void };

function ShareActions({ job, onChanged, announce }: Props) {
  const [shown, setShown] = useState<string | null>(null);

  async function copyLink() {
    let url = job.shareUrl;
    if (!url) {
      url = (await send<JobView>(`/api/jobs/${job.id}/share`, "POST"))?.shareUrl ?? null;
      onChanged();
    }
    if (!url) return;
    setShown(url);
    try {
      await navigator.clipboard.writeText(url);
      announce("Link copied. Anyone with it can watch this video.");
    } catch {
      announce("Copy the link from the box below the video.");
    }
  }

  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => void copyLink().catch((e: Error) => announce(e.message))}>
        {job.shareUrl ? "Copy link" : "Share link"}
      </Button>
      {/* Only while it is still the live link: after a revoke the old one must not sit there to be copied. */}
      {shown && shown === job.shareUrl ? (
        <input
          readOnly
          aria-label="Share link"
          value={shown}
          onFocus={(e) => e.currentTarget.select()}
          className="order-last h-8 w-full rounded-md border border-zinc-300 bg-zinc-50 px-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950"
        />
      ) : null}
    </>
  );
}

export function JobActions({ job, onChanged, announce }: Props) {
  const dispatch = usePlaygroundDispatch();
  const [menuOpen, setMenuOpen] = useState(false);
  const video = job.video;
  const act = async (url: string, method: "POST" | "DELETE" | "PATCH", done: string, body?: unknown) => {
    await send(url, method, body);
    onChanged();
    announce(done);
  };

  return (
    <div className="flex flex-wrap items-center gap-1">
      {video ? <ShareActions job={job} onChanged={onChanged} announce={announce} /> : null}
      {dispatch ? (
        <Button size="sm" variant="ghost" onClick={() => dispatch({ kind: "remix", job })}>
          Remix
        </Button>
      ) : null}
      {video?.stored ? (
        <a
          href={video.src}
          download={video.downloadName}
          className="inline-flex h-8 items-center rounded-lg px-2.5 text-xs font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800"
        >
          Download
        </a>
      ) : null}
      {job.status === "failed" || job.status === "unknown" ? (
        <ConfirmButton
          title="Try this job again?"
          confirmLabel={`Generate for ${job.price.label}`}
          body={
            <p>
              This sends a new job with the same images and settings, and WaveSpeed charges <strong>{job.price.label}</strong> for it.
              {job.status === "unknown" ? " The first attempt may also have been charged: check your WaveSpeed dashboard first." : ""}
            </p>
          }
          onConfirm={() => act(`/api/jobs/${job.id}/retry`, "POST", "Sent again as a new job.")}
        >
          Retry · {job.price.label}
        </ConfirmButton>
      ) : null}
      <details className="group open:basis-full" onToggle={(e) => setMenuOpen(e.currentTarget.open)}>
        <summary className="inline-flex h-8 cursor-pointer list-none items-center rounded-lg px-2.5 text-xs font-medium text-zinc-600 select-none hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
          More
        </summary>
        {/* Rendered only while open: thousands of cards stay light. */}
        {menuOpen ? (
          <div className="mt-1 grid grid-cols-2 gap-0.5 rounded-lg border border-zinc-200 p-1 dark:border-zinc-700 [&_button]:justify-start">
            {dispatch && video ? (
              <>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={!video.lastFrame}
                  title={video.lastFrame ? undefined : "Available once Keyframe has saved its copy"}
                  onClick={() => dispatch({ kind: "frame", job, target: "image" })}
                >
                  Continue from last frame
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={!video.lastFrame}
                  onClick={() => dispatch({ kind: "frame", job, target: "lastImage" })}
                >
                  Use as end image
                </Button>
              </>
            ) : null}
            {dispatch ? (
              <Button size="sm" variant="ghost" onClick={() => dispatch({ kind: "seed", seed: job.params.seed })}>
                Reuse seed {job.params.seed}
              </Button>
            ) : null}
            {video && job.canManage ? (
              <>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() =>
                    void act(
                      `/api/jobs/${job.id}/share`,
                      "PATCH",
                      job.shareVisibility === "public" ? "The link now needs a team sign-in." : "Anyone with the link can watch it now.",
                      { visibility: job.shareVisibility === "public" ? "team" : "public" },
                    )
                  }
                >
                  {job.shareVisibility === "public" ? "Link: make team only" : "Link: let anyone watch"}
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => void act(`/api/jobs/${job.id}/share`, "POST", "Made a new link; the old one no longer works.")}
                >
                  New link
                </Button>
                {job.shareUrl ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => void act(`/api/jobs/${job.id}/share`, "DELETE", "Link revoked: it now shows “not found”.")}
                  >
                    Revoke link
                  </Button>
                ) : null}
              </>
            ) : null}
            {isFinished(job.status) && job.canManage ? (
              <ConfirmButton
                title="Delete this video?"
                confirmLabel="Delete"
                danger
                body={<p>The video, its poster and its share link are removed for good. WaveSpeed does not refund the charge.</p>}
                onConfirm={() => act(`/api/jobs/${job.id}`, "DELETE", "Deleted.")}
              >
                Delete…
              </ConfirmButton>
            ) : null}
          </div>
        ) : null}
      </details>
    </div>
  );
}
