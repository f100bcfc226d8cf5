"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import { ApiError, send } from "@/lib/http/fetcher";

export type TextField = { name: string; label: string; hint?: ReactNode; initial: string; type?: "text" | "url" | "number" };

/**
 * A small settings form: text inputs, PUT as JSON (each field through `toBody`), the server's per-field errors
 * shown on their fields, the outcome announced.
 */
export function JsonForm({
  url,
  fields,
  toBody,
  submit,
}: {
  url: string;
  fields: TextField[];
  toBody: (values: Record<string, string>) => unknown;
  submit: string;
}) {
  const router = useRouter();
  const [values, setValues] = useState(() => Object.fromEntries(fields.map((f) => [f.name, f.initial])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState("");
  async function save(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setStatus("");
    try {
      await send(url, "PUT", toBody(values));
      setStatus("Saved.");
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(error.fields);
        setStatus(error.message);
      } else setStatus("Could not save; try again.");
    }
  }
  return (
    <form onSubmit={(e) => void save(e)} className="grid gap-4 sm:grid-cols-2" noValidate>
      {fields.map((f) => (
        <Field key={f.name} label={f.label} htmlFor={`f-${f.name}`} hint={f.hint} error={errors[f.name]}>
          <input
            id={`f-${f.name}`}
            name={f.name}
            type={f.type === "number" ? "text" : (f.type ?? "text")}
            inputMode={f.type === "number" ? "decimal" : undefined}
            className={inputClass}
            value={values[f.name] ?? ""}
            aria-invalid={errors[f.name] ? true : undefined}
            aria-describedby={errors[f.name] ? `f-${f.name}-error` : undefined}
            onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
          />
        </Field>
      ))}
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" variant="primary">
          {submit}
        </Button>
        <p role="status" aria-live="polite" className="text-sm text-zinc-700 dark:text-zinc-300">
          {status}
        </p>
      </div>
    </form>
  );
}
