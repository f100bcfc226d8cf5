"use client";

import { useState } from "react";
import { mutate } from "swr";
import { Button } from "@/components/ui/button";
import { DialogCard, DialogClose, DialogRoot } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import { send } from "@/lib/http/fetcher";
import type { GenerateFormValues } from "@/lib/validations/generate";
import { presetSchema } from "@/lib/validations/preset";
import { PRESETS_URL } from "@/lib/presets/types";

const FIELD_NAMES: Record<string, string> = {
  prompt: "Prompt",
  duration: "Duration",
  aspectRatio: "Aspect ratio",
  seed: "Seed",
  model: "Model",
  cameraFixed: "Camera fixed",
};

/** Saves the form's prompt and settings (not its images) as a named preset for the whole team. */
export default function SavePresetDialog({ values, onClose }: { values: GenerateFormValues; onClose: () => void }) {
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<string[]>([]);
  const [nameError, setNameError] = useState<string | undefined>();
  const save = async () => {
    const { model, prompt, duration, aspectRatio, cameraFixed, seed, enableSafetyChecker } = values;
    const parsed = presetSchema.safeParse({ name, model, prompt, duration, aspectRatio, cameraFixed, seed, enableSafetyChecker });
    if (!parsed.success) {
      const issues = parsed.error.issues;
      setNameError(issues.find((i) => i.path[0] === "name")?.message);
      return setErrors(
        issues.filter((i) => i.path[0] !== "name").map((i) => `${FIELD_NAMES[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`),
      );
    }
    try {
      await send(PRESETS_URL, "POST", parsed.data);
      await mutate(PRESETS_URL);
      onClose();
    } catch (error) {
      setNameError(error instanceof Error ? error.message : "Could not save it.");
    }
  };
  return (
    <DialogRoot open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogCard title="Save as a team preset">
        <form
          className="mt-3 space-y-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            The model, prompt, duration, aspect ratio, camera, seed and safety checker, for everyone on the team. Images are not saved.
          </p>
          <Field label="Preset name" htmlFor="preset-name" error={nameError}>
            <input
              id="preset-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              className={inputClass}
              aria-invalid={Boolean(nameError)}
            />
          </Field>
          {errors.length ? (
            <ul role="alert" className="list-inside list-disc text-sm text-red-700 dark:text-red-400">
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : null}
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="ghost">Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="primary">
              Save preset
            </Button>
          </div>
        </form>
      </DialogCard>
    </DialogRoot>
  );
}
