"use client";

import useSWR from "swr";
import { Button, buttonClass } from "@/components/ui/button";
import { DialogCard, DialogClose, DialogRoot } from "@/components/ui/dialog";
import { fetcher } from "@/lib/http/fetcher";
import type { JobView } from "@/lib/jobs/types";
import type { Duplicate } from "./use-submit";

/** "Already generated: open it, or pay again?" before a take's inputs and seed are paid for twice. */
export default function DuplicateDialog({ duplicate, onPay, onClose }: { duplicate: Duplicate; onPay: () => void; onClose: () => void }) {
  const { data: earlier } = useSWR<JobView>(`/api/jobs/${duplicate.jobId}`, fetcher);
  const when = earlier ? new Date(earlier.createdAt).toLocaleString([], { dateStyle: "medium", timeStyle: "short" }) : null;
  return (
    <DialogRoot open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogCard title="Already generated">
        <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
          The same images, prompt, settings and seed were generated{" "}
          {when ? <time dateTime={earlier?.createdAt}>on {when}</time> : "earlier today"}
          {earlier && !earlier.mine && earlier.owner ? ` by ${earlier.owner}` : ""}. Open it, or pay {duplicate.priceLabel} again?
        </p>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <DialogClose asChild>
            <Button variant="ghost">Cancel</Button>
          </DialogClose>
          {/* Paying twice for the same video is the costly choice: never the one that looks like the way on. */}
          <Button variant="secondary" onClick={onPay}>
            Pay {duplicate.priceLabel} again
          </Button>
          <a
            href={`/?take=${duplicate.jobId}`}
            className={buttonClass("primary")}
            onClick={(e) => {
              // The viewer follows the URL: open the earlier take without a reload.
              e.preventDefault();
              window.history.pushState(null, "", `/?take=${duplicate.jobId}`);
              onClose();
            }}
          >
            Open it
          </a>
        </div>
      </DialogCard>
    </DialogRoot>
  );
}
