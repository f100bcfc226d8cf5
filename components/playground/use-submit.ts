"use client";

import { useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { readDuplicate, type Duplicate } from "@/components/gallery/duplicate";
import { beginPending, resolvePending } from "@/components/gallery/pending-takes";
import { revalidateJobs } from "@/components/gallery/use-jobs";
import { ApiError } from "@/lib/http/fetcher";
import type { GenerateField, GenerateFormValues, GenerateRequest } from "@/lib/validations/generate";
import { submitJobs } from "./submit-jobs";

export type CapRefusal = { message: string; cap: string | null; leftMicros: number | null; resetsAt: string | null };
export type Outcome = { kind: "started"; count: number } | { kind: "error" | "note"; message: string } | null;

type Pending = { key: string; values: GenerateFormValues };

/** The same request: every field the same value (images the same File or URL). */
const same = (a: GenerateFormValues, b: GenerateFormValues) =>
  (Object.keys(a) as (keyof GenerateFormValues)[]).every((k) => Object.is(a[k], b[k]));

/**
 * Sends the form. One idempotency key per submission: kept after a network failure, so pressing Generate
 * again with the same form cannot pay twice; dropped once the server has answered, or when the form changed
 * (a different request needs its own key, or the server refuses it).
 */
export function useSubmit(form: UseFormReturn<GenerateFormValues, unknown, GenerateRequest>, ratio: number, onStarted: () => void) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);
  const [capRefusal, setCapRefusal] = useState<CapRefusal | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const send = async (confirmDuplicate: boolean) => {
    const values = form.getValues();
    const key = pending && same(pending.values, values) ? pending.key : crypto.randomUUID();
    setPending({ key, values });
    setCapRefusal(null);
    setOutcome(null);
    const placeholder = crypto.randomUUID();
    beginPending({ key: placeholder, count: Number(values.variations) || 1, ratio, prompt: String(values.prompt ?? "") });
    try {
      const jobs = await submitJobs(values, key, confirmDuplicate);
      resolvePending(placeholder, jobs);
      setPending(null);
      setOutcome({ kind: "started", count: jobs.length });
      revalidateJobs();
      onStarted();
    } catch (error) {
      resolvePending(placeholder, null);
      if (!(error instanceof ApiError)) {
        setOutcome({ kind: "error", message: "Could not reach Keyframe. Check your connection and try again." });
        return;
      }
      setPending(null);
      const d = error.details;
      const duplicate = readDuplicate(d);
      if (duplicate) {
        setDuplicate(duplicate);
      } else if (error.code === "spend_cap") {
        setCapRefusal({
          message: error.message,
          cap: typeof d.cap === "string" ? d.cap : null,
          leftMicros: typeof d.leftMicros === "number" ? d.leftMicros : null,
          resetsAt: typeof d.resetsAt === "string" ? d.resetsAt : null,
        });
        revalidateJobs();
      } else if (Object.keys(error.fields).length > 0) {
        // Each field's message goes beside its field, and only there.
        for (const [field, message] of Object.entries(error.fields)) {
          form.setError(field as GenerateField, { type: "server", message }, { shouldFocus: true });
        }
      } else {
        setOutcome({ kind: "error", message: error.message });
      }
    }
  };

  const note = (message: string) => setOutcome({ kind: "note", message });
  return { send, note, duplicate, closeDuplicate: () => setDuplicate(null), capRefusal, outcome };
}
