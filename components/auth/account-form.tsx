"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import { ApiError, readApiError } from "@/lib/http/fetcher";

type FieldSpec<T> = { name: Path<T>; label: string; type: "text" | "email" | "password"; autoComplete: string; hint?: string };

/** A small JSON form (sign-in, first-run setup): zod on the field, the server's answer on the field or above the button. */
export function AccountForm<T extends FieldValues>({
  schema,
  fields,
  action,
  submitLabel,
  onDone,
}: {
  schema: z.ZodType<T, T>;
  fields: FieldSpec<T>[];
  action: string;
  submitLabel: string;
  onDone: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<T>({ resolver: zodResolver(schema) });
  const { register, handleSubmit, formState, setError: setFieldError } = form;

  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      const res = await fetch(action, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(values) });
      if (!res.ok) throw await readApiError(res);
      onDone();
    } catch (e) {
      if (e instanceof ApiError) {
        const fields = Object.entries(e.fields);
        for (const [name, message] of fields) setFieldError(name as Path<T>, { type: "server", message });
        // Said once: beside the field it concerns, or above the button when it concerns no one field.
        if (fields.length === 0) setError(e.message);
      } else setError("Could not reach Keyframe. Check your connection and try again.");
    }
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {fields.map((f) => (
        <Field key={f.name} label={f.label} htmlFor={f.name} hint={f.hint} error={formState.errors[f.name]?.message as string | undefined}>
          <input
            id={f.name}
            type={f.type}
            autoComplete={f.autoComplete}
            aria-invalid={Boolean(formState.errors[f.name])}
            className={inputClass}
            {...register(f.name)}
          />
        </Field>
      ))}
      {error ? (
        <p role="alert" className="rounded-lg bg-red-50 p-2.5 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" className="w-full" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Please wait…" : submitLabel}
      </Button>
    </form>
  );
}
