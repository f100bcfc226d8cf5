"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useCallback, useState, useSyncExternalStore } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { revalidateJobs } from "@/components/gallery/use-jobs";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { ApiError } from "@/lib/http/fetcher";
import type { JobView } from "@/lib/jobs/types";
import { DURATION_MAX, DURATION_MIN, nearestAspectRatio } from "@/lib/model/seedance";
import {
  GENERATE_DEFAULTS,
  generateSchema,
  type GenerateField,
  type GenerateFormValues,
  type GenerateRequest,
} from "@/lib/validations/generate";
import { AspectRatioField } from "./aspect-ratio-field";
import { DuplicateDialog, type Duplicate } from "./duplicate-dialog";
import { ImageField } from "./image-field";
import { imageLoadAwareResolver, type ImageFieldName } from "./image-load-resolver";
import { PriceSummary } from "./price-summary";
import { PromptField } from "./prompt-field";
import { SeedFields } from "./seed-fields";
import { submitJobs } from "./submit-jobs";
import { useFormActions } from "./use-form-actions";
import { usePasteImage } from "./use-paste-image";
import type { Dimensions } from "./use-image-source";

const noSubscribe = () => () => undefined;

export function GenerateForm({ initialRemix }: { initialRemix?: JobView | null }) {
  const [announcement, setAnnouncement] = useState("");
  const [startDims, setStartDims] = useState<Dimensions | null>(null);
  const [{ resolver, markFailed }] = useState(() => imageLoadAwareResolver(zodResolver(generateSchema)));
  const form = useForm<GenerateFormValues, unknown, GenerateRequest>({ resolver, defaultValues: GENERATE_DEFAULTS, mode: "onChange" });
  const { register, control, handleSubmit, setValue, getValues, setError, trigger, formState } = form;
  const { errors, isValid, isSubmitting } = formState;
  const [prompt, duration, variations, seed, aspectRatio, image, lastImage] = useWatch({
    control,
    name: ["prompt", "duration", "variations", "seed", "aspectRatio", "image", "lastImage"],
  });
  const suggested = startDims ? nearestAspectRatio(startDims.width, startDims.height) : null;

  const set = useCallback(
    <K extends keyof GenerateFormValues>(name: K, value: GenerateFormValues[K]) =>
      setValue(name, value as never, { shouldValidate: true, shouldDirty: true, shouldTouch: true }),
    [setValue],
  );

  const loadFailed = (name: ImageFieldName) => (value: unknown) => {
    markFailed(name, value);
    void trigger(name);
  };

  useFormActions(set, setAnnouncement, initialRemix);
  // False in the server HTML and until hydration ends: a file picked before then would be lost.
  const hydrated = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );

  usePasteImage(getValues, set, setAnnouncement);

  // One key per submission: kept after a network failure (so pressing Generate again cannot pay twice),
  // dropped once the server has answered.
  const [pendingKey, setPendingKey] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);

  const send = async (confirmDuplicate: boolean) => {
    setAnnouncement("Sending…");
    const key = pendingKey ?? crypto.randomUUID();
    setPendingKey(key);
    try {
      const jobs = await submitJobs(getValues(), key, confirmDuplicate);
      setPendingKey(null);
      setAnnouncement(`Started ${jobs.length} job${jobs.length > 1 ? "s" : ""}.`);
      revalidateJobs();
    } catch (error) {
      if (error instanceof ApiError) setPendingKey(null);
      if (error instanceof ApiError && typeof error.details.duplicateOf === "string") {
        setDuplicate({ message: error.message, jobId: error.details.duplicateOf, priceLabel: String(error.details.priceLabel ?? "") });
        setAnnouncement("Already generated: open it, or pay again.");
      } else if (error instanceof ApiError) {
        for (const [field, message] of Object.entries(error.fields)) {
          setError(field as GenerateField, { type: "server", message }, { shouldFocus: true });
        }
        setAnnouncement(error.message);
      } else {
        setAnnouncement("Could not reach Keyframe. Check your connection and try again.");
      }
    }
  };
  const onSubmit = handleSubmit(() => send(false));

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Generate a video"
      data-hydrated={hydrated}
      // Controls scrolled to (by focus or by a click) clear the sticky price-and-Generate bar.
      className="space-y-6 [&_:is(input,textarea,label,button):not([type=submit])]:scroll-mb-48"
    >
      <Controller
        control={control}
        name="image"
        render={({ field, fieldState }) => (
          <ImageField
            id="image"
            label="Start image"
            hint="JPEG or PNG, at least 300×300 px, up to 10 MB. The first frame of the video."
            value={(field.value as File | string | null) ?? null}
            onChange={(v) => set("image", v)}
            onLoadFailed={loadFailed("image")}
            onDimensions={setStartDims}
            error={fieldState.error?.message}
            actions={
              image ? (
                <Button size="sm" variant="ghost" onClick={() => set("image", null)}>
                  Clear
                </Button>
              ) : null
            }
          />
        )}
      />
      <Controller
        control={control}
        name="lastImage"
        render={({ field, fieldState }) => (
          <ImageField
            id="lastImage"
            label="End image"
            hint="Optional. Guides how the clip ends (sent as last_image)."
            value={(field.value as File | string | null) ?? null}
            onChange={(v) => set("lastImage", v)}
            onLoadFailed={loadFailed("lastImage")}
            error={fieldState.error?.message}
            actions={
              <>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={!image && !lastImage}
                  onClick={() => {
                    const start = getValues("image");
                    set("image", getValues("lastImage") ?? null);
                    set("lastImage", start ?? null);
                  }}
                >
                  Swap with start
                </Button>
                {lastImage ? (
                  <Button size="sm" variant="ghost" onClick={() => set("lastImage", null)}>
                    Clear
                  </Button>
                ) : null}
              </>
            }
          />
        )}
      />

      <PromptField
        registration={register("prompt")}
        length={prompt?.length ?? 0}
        error={errors.prompt?.message}
        onExample={(text) => set("prompt", text)}
      />

      <Field
        label="Duration"
        htmlFor="duration"
        error={errors.duration?.message}
        aside={<span className="text-sm font-semibold tabular-nums">{Number.isFinite(duration) ? `${String(duration)} s` : "—"}</span>}
      >
        <input
          id="duration"
          type="range"
          min={DURATION_MIN}
          max={DURATION_MAX}
          step={1}
          className="w-full accent-violet-600"
          aria-valuetext={`${String(duration)} seconds`}
          {...register("duration", { valueAsNumber: true })}
        />
        <div className="flex justify-between text-[11px] text-zinc-400 tabular-nums" aria-hidden>
          <span>{DURATION_MIN} s</span>
          <span>{DURATION_MAX} s</span>
        </div>
      </Field>

      <AspectRatioField
        registration={register("aspectRatio")}
        value={aspectRatio as GenerateRequest["aspectRatio"]}
        suggested={suggested}
        onApplySuggestion={() => suggested && set("aspectRatio", suggested)}
        error={errors.aspectRatio?.message}
      />

      <div className="space-y-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
        <Switch id="cameraFixed" label="Camera fixed" hint="Lock the camera; only the scene moves." {...register("cameraFixed")} />
        <Switch
          id="enableSafetyChecker"
          label="Safety checker"
          hint="Let WaveSpeed filter unsafe outputs."
          {...register("enableSafetyChecker")}
        />
      </div>

      <SeedFields
        seed={Number(seed)}
        variations={Number(variations)}
        registerSeed={register("seed", { valueAsNumber: true })}
        registerVariations={register("variations", { valueAsNumber: true })}
        onSeed={(value) => set("seed", value)}
        errors={{ seed: errors.seed?.message, variations: errors.variations?.message }}
      />

      <div className="sticky bottom-0 -mx-4 space-y-3 border-t border-zinc-200 bg-white/95 px-4 py-4 backdrop-blur sm:-mx-6 sm:px-6 dark:border-zinc-800 dark:bg-zinc-950/95">
        <PriceSummary duration={Number(duration)} variations={Number(variations)} />
        <Button type="submit" variant="primary" size="lg" className="w-full" disabled={!isValid || isSubmitting}>
          {isSubmitting ? "Sending…" : `Generate${Number(variations) > 1 ? ` ${String(variations)} videos` : ""}`}
        </Button>
        <p role="status" aria-live="polite" className="min-h-5 text-center text-sm text-zinc-600 dark:text-zinc-400">
          {announcement}
        </p>
        <DuplicateDialog
          duplicate={duplicate}
          onClose={() => setDuplicate(null)}
          onPay={() => {
            setDuplicate(null);
            void send(true);
          }}
        />
      </div>
    </form>
  );
}
