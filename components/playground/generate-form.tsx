"use client";

import dynamic from "next/dynamic";
import { useCallback, useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { outputRatio } from "@/components/gallery/ratio";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import type { JobView } from "@/lib/jobs/types";
import type { PresetView } from "@/lib/presets/types";
import { findModel, microsPerSecond, modelOf } from "@/lib/catalog";
import { priceMicros } from "@/lib/model/price";
import { nearestAspectRatio, type AspectChoice, type AspectRatio } from "@/lib/model/seedance";
import type { GenerateFormValues, GenerateRequest } from "@/lib/validations/generate";
import { GENERATE_DEFAULTS } from "@/lib/validations/generate-defaults";
import { AspectRatioField } from "./aspect-ratio-field";
import { GenerateFooter } from "./generate-footer";
import { ImageFields } from "./image-fields";
import { ModelFields, type Availability } from "./model-fields";
import { switchModel, type SwitchNotes } from "./model-switch";
import { imageLoadAwareResolver, lazySchemaResolver, loadSchema } from "./image-load-resolver";
import { PresetBar } from "./preset-bar";
import { PromptField } from "./prompt-field";
import { SeedFields } from "./seed-fields";
import { useDraft } from "./use-draft";
import { useFormActions } from "./use-form-actions";
import { useQuote } from "./use-quote";
import { useSubmit } from "./use-submit";
import { useVideoDrop } from "./use-video-drop";
import type { Dimensions } from "./use-image-source";

const DuplicateDialog = dynamic(() => import("@/components/gallery/duplicate-dialog"), { ssr: false });

const preloadSchema = () => void loadSchema().catch(() => undefined);

/** Why Generate cannot be pressed yet, said once and beside it. */
function blocker(values: { image: unknown; prompt: unknown }, isValid: boolean, unavailable?: string): string | null {
  if (unavailable) return `Choose another model: ${unavailable} is unavailable.`;
  if (!values.image) return "Add a start image to generate.";
  if (!String(values.prompt ?? "").trim()) return "Describe the motion to generate.";
  return isValid ? null : "Fix the marked field above to generate.";
}

export function GenerateForm({
  initialRemix,
  presets = [],
  availability = {},
}: {
  initialRemix?: JobView | null;
  presets?: PresetView[];
  /** What WaveSpeed's live catalog says of each model (empty offline and in simulator mode). */
  availability?: Availability;
}) {
  const [startDims, setStartDims] = useState<Dimensions | null>(null);
  const [{ resolver, markFailed }] = useState(() => imageLoadAwareResolver(lazySchemaResolver));
  const form = useForm<GenerateFormValues, unknown, GenerateRequest>({ resolver, defaultValues: GENERATE_DEFAULTS, mode: "onChange" });
  const { register, control, handleSubmit, setValue, trigger, formState } = form;
  const { errors, isValid, isSubmitting } = formState;
  const [prompt, duration, variations, seed, aspectRatio, image, model, resolution, generateAudio] = useWatch({
    control,
    name: ["prompt", "duration", "variations", "seed", "aspectRatio", "image", "model", "resolution", "generateAudio"],
  });
  const entry = modelOf(model);
  const [notes, setNotes] = useState<SwitchNotes>({});
  const suggested = startDims ? nearestAspectRatio(startDims.width, startDims.height) : null;
  const chosen = aspectRatio === "auto" ? null : (aspectRatio as AspectRatio);
  const ratio = outputRatio(chosen, startDims ?? { width: null, height: null });

  const set = useCallback(
    <K extends keyof GenerateFormValues>(name: K, value: GenerateFormValues[K]) =>
      setValue(name, value as never, { shouldValidate: true, shouldDirty: true, shouldTouch: true }),
    [setValue],
  );
  const draft = useDraft(form, Boolean(initialRemix));
  const submit = useSubmit(form, ratio, () => void draft.forget());
  useFormActions(set, submit.note, initialRemix);
  const videoDrop = useVideoDrop(form, set, submit.note);
  const chooseModel = (id: string) => {
    const { changes, notes: changed } = switchModel(form.getValues(), id);
    set("model", id);
    for (const [name, value] of Object.entries(changes)) set(name as keyof typeof changes, value as never);
    setNotes(changed);
    const said = Object.values(changed);
    submit.note(`Model: ${modelOf(id).name}.${said.length ? ` ${said.join(" ")}` : ""}`);
  };
  const applyPreset = (preset: PresetView) => {
    // Its model first, so the settings below are checked against the model they were saved with.
    if (preset.model && findModel(preset.model) && preset.model !== form.getValues().model) chooseModel(preset.model);
    for (const name of ["prompt", "duration", "aspectRatio", "cameraFixed", "seed", "enableSafetyChecker"] as const)
      set(name, preset[name]);
    submit.note(`Preset “${preset.name}” applied.`);
  };

  const viewTake = () => {
    const gallery = document.getElementById("gallery");
    gallery?.scrollIntoView({ behavior: "smooth", block: "start" });
    gallery?.focus({ preventScroll: true });
  };
  const clear = () => {
    form.reset(GENERATE_DEFAULTS);
    setNotes({});
    void draft.forget();
    submit.note("Form cleared.");
  };

  const choice = { model: entry.id, resolution: entry.resolutions.length > 1 ? (resolution ?? null) : null };
  const seconds = Number(duration);
  const inRange = Number.isInteger(seconds) && seconds >= entry.duration.min && seconds <= entry.duration.max;
  const sound = entry.audio ? (typeof generateAudio === "boolean" ? generateAudio : entry.audio.default) : null;
  const live = useQuote(entry.id, seconds, choice.resolution, sound, inRange);
  const listed = priceMicros(seconds || 0, 1, choice);
  const price = (live?.micros ?? listed) * (Number(variations) || 0);
  return (
    <form
      onSubmit={handleSubmit(() => submit.send(false))}
      noValidate
      aria-label="Generate a video"
      data-hydrated={draft.ready}
      className="flex flex-col lg:h-full"
      {...videoDrop}
      // The schema loads on the first sign of use, so it is there by the first keystroke, pick or drop.
      onFocusCapture={preloadSchema}
      onPointerDownCapture={preloadSchema}
      onDragEnterCapture={preloadSchema}
    >
      <div className="flex-1 space-y-5 px-4 pt-4 pb-6 sm:px-5 lg:overflow-y-auto [&_:is(input,textarea,button)]:scroll-mb-52">
        <ModelFields
          model={entry.id}
          onModel={chooseModel}
          notes={notes}
          availability={availability}
          registerResolution={register("resolution")}
          registerAudio={register("generateAudio")}
          errors={{ model: errors.model?.message, resolution: errors.resolution?.message, generateAudio: errors.generateAudio?.message }}
        />
        <ImageFields
          form={form}
          set={set}
          aspectRatio={chosen}
          onStartDims={setStartDims}
          onLoadFailed={(name, value) => {
            markFailed(name, value);
            void trigger(name);
          }}
        />
        <PromptField
          registration={register("prompt")}
          length={prompt?.length ?? 0}
          requiredBy={entry.promptRequired ? entry.short : undefined}
          error={errors.prompt?.message}
          presets={<PresetBar initial={presets} values={form.getValues} onApply={applyPreset} />}
        />
        <Field
          label="Duration"
          htmlFor="duration"
          error={errors.duration?.message}
          hint={notes.duration ? <span className="text-amber-800 dark:text-amber-300">{notes.duration}</span> : undefined}
          aside={<span className="text-sm font-semibold tabular-nums">{Number.isFinite(duration) ? `${String(duration)} s` : "—"}</span>}
        >
          <input
            id="duration"
            type="range"
            min={entry.duration.min}
            max={entry.duration.max}
            step={1}
            className="w-full accent-violet-700"
            aria-valuetext={`${String(duration)} seconds`}
            {...register("duration", { valueAsNumber: true })}
          />
          <div className="flex justify-between text-[11px] text-zinc-600 tabular-nums dark:text-zinc-400" aria-hidden>
            <span>{entry.duration.min} s</span>
            <span>{entry.duration.max} s</span>
          </div>
        </Field>
        <Controller
          control={control}
          name="aspectRatio"
          render={({ field, fieldState }) => (
            <AspectRatioField
              value={field.value as AspectChoice}
              onChange={(v) => set("aspectRatio", v)}
              suggested={suggested}
              error={fieldState.error?.message}
            />
          )}
        />
        <div className="space-y-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
          {entry.cameraFixed ? (
            <Switch id="cameraFixed" label="Camera fixed" hint="Lock the camera; only the scene moves." {...register("cameraFixed")} />
          ) : null}
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
        <Button variant="ghost" size="sm" onClick={clear}>
          Clear form
        </Button>
      </div>
      <GenerateFooter
        duration={Number(duration)}
        variations={Number(variations)}
        price={price}
        rate={live && seconds ? live.micros / seconds : microsPerSecond(entry, resolution)}
        discounted={live ? live.micros < live.listMicros : false}
        blocker={blocker({ image, prompt }, isValid, availability[entry.id]?.available === false ? entry.short : undefined)}
        submitting={isSubmitting}
        outcome={submit.outcome}
        capRefusal={submit.capRefusal}
        onViewTake={viewTake}
      />
      {submit.duplicate ? (
        <DuplicateDialog
          duplicate={submit.duplicate}
          onClose={submit.closeDuplicate}
          onOpen={(jobId) => {
            // The viewer follows the URL: open the earlier take without a reload.
            window.history.pushState(null, "", `/?take=${jobId}`);
            submit.closeDuplicate();
            return true;
          }}
          onPay={() => {
            submit.closeDuplicate();
            void submit.send(true);
          }}
        />
      ) : null}
    </form>
  );
}
