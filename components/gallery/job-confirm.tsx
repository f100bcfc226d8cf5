"use client";

import dynamic from "next/dynamic";
import type { JobView } from "@/lib/jobs/types";

const ConfirmDialog = dynamic(() => import("@/components/ui/confirm-dialog"), { ssr: false });

export type ConfirmKind = "retry" | "delete";

/** The two actions that cost money or lose work ask first. */
export function JobConfirm({
  kind,
  job,
  onConfirm,
  onClose,
}: {
  kind: ConfirmKind | null;
  job: JobView;
  onConfirm: (kind: ConfirmKind) => Promise<void>;
  onClose: () => void;
}) {
  if (!kind) return null;
  const close = (open: boolean) => (open ? undefined : onClose());
  if (kind === "retry") {
    return (
      <ConfirmDialog
        title="Try this job again?"
        confirmLabel={`Generate for ${job.price.label}`}
        body={
          <p>
            This sends a new job with the same images and settings, and WaveSpeed charges <strong>{job.price.label}</strong> for it.
            {job.status === "unknown" ? " The first attempt may also have been charged: check your WaveSpeed dashboard first." : ""}
          </p>
        }
        onConfirm={() => onConfirm("retry")}
        onOpenChange={close}
      />
    );
  }
  return (
    <ConfirmDialog
      title="Delete this video?"
      confirmLabel="Delete"
      danger
      body={<p>The video, its poster and its share link are removed for good. WaveSpeed does not refund the charge.</p>}
      onConfirm={() => onConfirm("delete")}
      onOpenChange={close}
    />
  );
}
