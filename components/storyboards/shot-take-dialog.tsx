"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import dynamic from "next/dynamic";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { readDuplicate, type Duplicate } from "@/components/gallery/duplicate";
import { Button } from "@/components/ui/button";
import { DialogCard, DialogClose, DialogRoot } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import { Switch } from "@/components/ui/switch";
import { ApiError, readApiError } from "@/lib/http/fetcher";
import type { JobView } from "@/lib/jobs/types";
import { formatUsd, priceMicros } from "@/lib/model/price";
import { modelOf } from "@/lib/catalog";
import { SEED_MAX, VARIATIONS_MAX } from "@/lib/model/seedance";
import { shotTakeSchema, type ShotTakeInput, type ShotTakeRequest } from "@/lib/validations/storyboard";

const DuplicateDialog = dynamic(() => import("@/components/gallery/duplicate-dialog"), { ssr: false });

export type ShotTakeMode = "continue" | "retake";

/**
 * Generates from a shot, charged like Generate: the next shot from the last frame of `from` ("continue"),
 * or more takes of this shot from its images ("retake"). Starts from `from`'s prompt and settings. Takes
 * already generated ask first, as Generate does: Open it (`onOpenTake`, true when shown here) or pay again.
 */
export default function ShotTakeDialog({
  boardId,
  shotId,
  shotNumber,
  mode,
  from,
  onDone,
  onOpenTake,
  onClose,
}: {
  boardId: string;
  shotId: string;
  shotNumber: number;
  mode: ShotTakeMode;
  from: JobView;
  onDone: (message: string) => void;
  onOpenTake: (jobId: string) => boolean;
  onClose: () => void;
}) {
  const [key] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const form = useForm<ShotTakeInput, unknown, ShotTakeRequest>({
    resolver: zodResolver(shotTakeSchema),
    mode: "onChange",
    defaultValues: { prompt: from.prompt, duration: from.params.duration, cameraFixed: from.params.cameraFixed, seed: -1, variations: 1 },
  });
  const { register, handleSubmit, control, formState, setError: setFieldError } = form;
  const [duration, variations] = useWatch({ control, name: ["duration", "variations"] });
  // New takes are made with the picked take's model: its range, its fields and its price.
  const model = modelOf(from.model.id);
  const price = formatUsd(
    priceMicros(Number(duration) || 0, Number(variations) || 0, { model: model.id, resolution: from.model.resolution }),
  );
  const errors = formState.errors;

  const [duplicate, setDuplicate] = useState<(Duplicate & { values: ShotTakeRequest }) | null>(null);
  const [paying, setPaying] = useState(false);

  const post = async (values: ShotTakeRequest, confirmDuplicate: boolean) => {
    setError(null);
    try {
      const url = `/api/storyboards/${boardId}/shots/${shotId}/${mode}`;
      const res = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json", "Idempotency-Key": key },
        body: JSON.stringify(confirmDuplicate ? { ...values, confirmDuplicate } : values),
      });
      if (!res.ok) throw await readApiError(res);
      onDone(
        mode === "continue"
          ? `Shot ${shotNumber + 1} is being generated from the last frame of shot ${shotNumber}.`
          : `A new take of shot ${shotNumber} is being generated.`,
      );
      onClose();
    } catch (e) {
      const earlier = e instanceof ApiError ? readDuplicate(e.details) : null;
      if (earlier) return setDuplicate({ ...earlier, values });
      if (e instanceof ApiError) {
        for (const [field, message] of Object.entries(e.fields)) setFieldError(field as keyof ShotTakeInput, { type: "server", message });
      }
      setError(e instanceof Error ? e.message : "Could not reach Keyframe.");
    }
  };
  const submit = handleSubmit((values) => post(values, false));
  const payAgain = async () => {
    if (!duplicate) return;
    setDuplicate(null);
    setPaying(true);
    await post(duplicate.values, true);
    setPaying(false);
  };
  const busy = formState.isSubmitting || paying;

  const title = mode === "continue" ? `Continue from the last frame of shot ${shotNumber}` : `New take of shot ${shotNumber}`;
  return (
    <DialogRoot open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogCard title={title} className="w-[min(34rem,calc(100vw-2rem))]">
        <form onSubmit={submit} noValidate className="mt-3 space-y-4">
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            {mode === "continue"
              ? "The next shot starts where this one's picked take ends. Aspect ratio and safety checker stay as they are."
              : "Same start (and end) image as the picked take; the new take joins this shot's alternates."}
          </p>
          <Field label="Prompt" htmlFor="shot-prompt" error={errors.prompt?.message}>
            <textarea
              id="shot-prompt"
              rows={4}
              className={`${inputClass} h-auto py-2`}
              aria-invalid={Boolean(errors.prompt)}
              {...register("prompt")}
            />
          </Field>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
            <Field label="Duration (s)" htmlFor="shot-duration" error={errors.duration?.message}>
              <input
                id="shot-duration"
                type="number"
                min={model.duration.min}
                max={model.duration.max}
                className={inputClass}
                {...register("duration", { valueAsNumber: true })}
              />
            </Field>
            <Field label="Seed" htmlFor="shot-seed" error={errors.seed?.message}>
              <input
                id="shot-seed"
                type="number"
                min={-1}
                max={SEED_MAX}
                className={inputClass}
                {...register("seed", { valueAsNumber: true })}
              />
            </Field>
            <Field label="Takes" htmlFor="shot-variations" error={errors.variations?.message}>
              <input
                id="shot-variations"
                type="number"
                min={1}
                max={VARIATIONS_MAX}
                className={inputClass}
                {...register("variations", { valueAsNumber: true })}
              />
            </Field>
          </div>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">Seed -1 picks a new random seed for each take.</p>
          {model.cameraFixed ? <Switch id="shot-camera" label="Camera fixed" {...register("cameraFixed")} /> : null}
          {error ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {error}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="ghost">Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="primary" disabled={busy}>
              {busy ? "Sending…" : `Generate · ${price}`}
            </Button>
          </div>
        </form>
        {duplicate ? (
          <DuplicateDialog
            duplicate={duplicate}
            onPay={() => void payAgain()}
            onOpen={(jobId) => {
              setDuplicate(null);
              return onOpenTake(jobId);
            }}
            onClose={() => setDuplicate(null)}
          />
        ) : null}
      </DialogCard>
    </DialogRoot>
  );
}
