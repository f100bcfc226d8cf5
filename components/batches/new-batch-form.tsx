"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input-class";
import { RadioTabs } from "@/components/ui/radio-tabs";
import { BATCH_MAX_ROWS, BATCH_MAX_TAKES } from "@/lib/batches/limits";
import type { BatchDetail } from "@/lib/batches/progress";
import type { BatchPreview } from "@/lib/batches/preview";
import { ApiError, readApiError } from "@/lib/http/fetcher";
import { EMPTY_FILES, FileFields, filesBody, type FileDraft } from "./file-fields";
import { PreviewTable } from "./preview-table";
import { EMPTY_SWEEP, SweepFields, sweepBody, type SweepDraft } from "./sweep-fields";
import { useThumbs } from "./use-thumbs";

type Mode = "file" | "sweep";
const MODES = [
  { value: "file", label: "From a file" },
  { value: "sweep", label: "Sweep" },
] as const;

async function post<T>(url: string, body: FormData, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, { method: "POST", body, headers: { Accept: "application/json", ...headers } });
  if (!res.ok) throw await readApiError(res);
  return (await res.json()) as T;
}

/** Drop a file (or fill a sweep), see every row's price and problems against what the caps leave, then run it. */
export function NewBatchForm() {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("file");
  const [files, setFiles] = useState<FileDraft>(EMPTY_FILES);
  const [sweep, setSweep] = useState<SweepDraft>(EMPTY_SWEEP);
  const [name, setName] = useState("");
  const [preview, setPreview] = useState<BatchPreview | null>(null);
  const [key, setKey] = useState("");
  const [busy, setBusy] = useState<"preview" | "run" | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const thumbs = useThumbs(mode === "file" ? files.zip : null, mode === "sweep" ? [sweep.image] : []);

  const body = (extra: Record<string, string> = {}) => {
    const form = mode === "file" ? filesBody(files) : sweepBody(sweep);
    if (name.trim()) form.append("name", name.trim());
    for (const [k, v] of Object.entries(extra)) form.append(k, v);
    return form;
  };
  const changed =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPreview(null);
      setError(null);
    };

  async function check(event: FormEvent) {
    event.preventDefault();
    setBusy("preview");
    setError(null);
    try {
      setPreview(await post<BatchPreview>("/api/batches/preview", body()));
      // One key per checked batch: a double click or a resend is the same batch, a new check a new one.
      setKey(crypto.randomUUID());
    } catch (e) {
      setPreview(null);
      setError(e as ApiError);
    } finally {
      setBusy(null);
    }
  }

  async function run(confirmDuplicate = false) {
    setBusy("run");
    setError(null);
    try {
      const extra: Record<string, string> = confirmDuplicate ? { confirmDuplicate: "true" } : {};
      const created = await post<BatchDetail>("/api/batches", body(extra), { "Idempotency-Key": key });
      router.push(`/batches/${created.batch.id}`);
    } catch (e) {
      setError(e as ApiError);
      setBusy(null);
    }
  }

  const repeated = error?.status === 409;
  return (
    <form onSubmit={check} className="space-y-5">
      <RadioTabs label="Batch from" options={MODES} value={mode} onChange={changed(setMode)} />
      {mode === "file" ? (
        <FileFields draft={files} onChange={changed(setFiles)} />
      ) : (
        <SweepFields draft={sweep} onChange={changed(setSweep)} />
      )}
      <div className="max-w-md">
        <label htmlFor="batch-name" className="mb-1.5 block text-sm font-medium text-zinc-900 dark:text-zinc-100">
          Name (optional)
        </label>
        <input id="batch-name" value={name} maxLength={120} onChange={(e) => changed(setName)(e.target.value)} className={inputClass} />
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        At most {BATCH_MAX_ROWS} rows and {BATCH_MAX_TAKES} takes; file, zip and images up to 21 MB together.{" "}
        <a href="/batch-example.csv" download className="font-medium text-violet-800 underline dark:text-violet-300">
          Download an example CSV
        </a>
      </p>
      <Button type="submit" variant="secondary" disabled={busy !== null}>
        {busy === "preview" ? "Checking…" : "Check batch"}
      </Button>
      <div role="status" aria-live="polite" className="space-y-3">
        {error ? (
          <p className="text-sm text-red-700 dark:text-red-400">
            {error.message}
            {Array.isArray(error.details.rows)
              ? ` (${error.details.rows.length} problem${error.details.rows.length === 1 ? "" : "s"})`
              : ""}
          </p>
        ) : null}
        {preview ? (
          <p className="text-sm">
            <span className="font-medium">
              {preview.rows.length} row{preview.rows.length === 1 ? "" : "s"}, {preview.takes} take{preview.takes === 1 ? "" : "s"}: total{" "}
              {preview.totalLabel}
            </span>
            {preview.capsLeft ? ` · ${preview.capsLeft.leftLabel} left under ${preview.capsLeft.label}` : " · no spend cap set"}
            {preview.problem ? <span className="block text-red-700 dark:text-red-400">{preview.problem}</span> : null}
          </p>
        ) : null}
      </div>
      {preview ? <PreviewTable preview={preview} thumbs={thumbs} /> : null}
      {preview?.fits ? (
        <div className="flex flex-wrap gap-2">
          <Button variant="primary" disabled={busy !== null} onClick={() => void run(false)}>
            {busy === "run" ? "Starting…" : `Run batch — ${preview.totalLabel}`}
          </Button>
          {repeated ? (
            <Button variant="secondary" disabled={busy !== null} onClick={() => void run(true)}>
              Run anyway, repeats included
            </Button>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
