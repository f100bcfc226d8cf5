"use client";

import useSWR from "swr";
import { Button, buttonClass } from "@/components/ui/button";
import { DialogCard, DialogClose, DialogRoot } from "@/components/ui/dialog";
import { fetcher } from "@/lib/http/fetcher";
import type { JobView } from "@/lib/jobs/types";
import type { Duplicate } from "./duplicate";

/**
 * "Already generated: open it, or pay again?" before a take's inputs and seed are paid for twice. Open it
 * goes to the earlier take in the gallery, unless `onOpen` shows it where the member is (answering true).
 */
export default function DuplicateDialog({
  duplicate,
  onPay,
  onOpen,
  onClose,
}: {
  duplicate: Duplicate;
  onPay: () => void;
  onOpen?: (jobId: string) => boolean;
  onClose: () => void;
}) {
  const { data: earlier } = useSWR<JobView>(`/api/jobs/${duplicate.jobId}`, fetcher);
  const when = earlier ? new Date(earlier.createdAt).toLocaleString([], { dateStyle: "medium", timeStyle: "short" }) : null;
  const { repeatedSeeds: seeds, takes, priceLabel, totalLabel } = duplicate;
  const some = seeds.length > 0 && seeds.length < takes;
  const generated = (
    <>
      {when ? <time dateTime={earlier?.createdAt}>on {when}</time> : "earlier today"}
      {earlier && !earlier.mine && earlier.owner ? (
        <>
          {" by "}
          <bdi>{earlier.owner}</bdi>
        </>
      ) : null}
    </>
  );
  return (
    <DialogRoot open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogCard title="Already generated">
        <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
          {some ? (
            <>
              {seeds.length} of these {takes} takes (seed{seeds.length === 1 ? "" : "s"} {seeds.join(", ")}){" "}
              {seeds.length === 1 ? "repeats a take" : "repeat takes"} generated {generated} with the same images, prompt, settings and
              seed. Open it, or pay {totalLabel} for all {takes}, {priceLabel} of it again?
            </>
          ) : (
            <>
              The same images, prompt, settings and seed were generated {generated}. Open it, or pay {priceLabel} again?
            </>
          )}
        </p>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <DialogClose asChild>
            <Button variant="ghost">Cancel</Button>
          </DialogClose>
          {/* Paying twice for the same video is the costly choice: never the one that looks like the way on. */}
          <Button variant="secondary" onClick={onPay}>
            {some ? `Pay ${totalLabel} (${priceLabel} again)` : `Pay ${priceLabel} again`}
          </Button>
          <a
            href={`/?take=${duplicate.jobId}`}
            className={buttonClass("primary")}
            onClick={(e) => {
              if (onOpen?.(duplicate.jobId)) e.preventDefault();
            }}
          >
            Open it
          </a>
        </div>
      </DialogCard>
    </DialogRoot>
  );
}
