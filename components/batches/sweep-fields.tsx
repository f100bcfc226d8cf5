import { inputClass } from "@/components/ui/input-class";

export type SweepDraft = { image: File | null; prompts: string; seeds: string; durations: string };
export const EMPTY_SWEEP: SweepDraft = { image: null, prompts: "", seeds: "-1", durations: "5" };

/** "1, 2, 3" or "1 2 3" as numbers (what is not a number is sent as is, and the server names it). */
const list = (text: string) =>
  text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((v) => (/^-?\d+$/.test(v) ? Number(v) : v));

/** The multipart body of a sweep: its settings as JSON, the image as a part named in it. */
export function sweepBody(draft: SweepDraft): FormData {
  const body = new FormData();
  const prompts = draft.prompts.split(/\r?\n/).filter((p) => p.trim() !== "");
  body.append(
    "sweep",
    JSON.stringify({ image: draft.image?.name ?? "", prompts, seeds: list(draft.seeds), durations: list(draft.durations) }),
  );
  if (draft.image) body.append("image", draft.image);
  return body;
}

/** One image, prompts one per line, seeds and durations: every combination is a row. */
export function SweepFields({ draft, onChange }: { draft: SweepDraft; onChange: (draft: SweepDraft) => void }) {
  const label = "mb-1.5 block text-sm font-medium text-zinc-900 dark:text-zinc-100";
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <label htmlFor="sweep-image" className={label}>
          Start image (JPEG or PNG)
        </label>
        <input
          id="sweep-image"
          type="file"
          accept="image/png,image/jpeg"
          onChange={(e) => onChange({ ...draft, image: e.target.files?.[0] ?? null })}
          className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-1.5 file:text-sm file:font-medium dark:file:bg-zinc-800 dark:file:text-zinc-100"
        />
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="sweep-prompts" className={label}>
          Prompts, one per line
        </label>
        <textarea
          id="sweep-prompts"
          rows={4}
          value={draft.prompts}
          onChange={(e) => onChange({ ...draft, prompts: e.target.value })}
          className={`${inputClass} h-auto py-2`}
        />
      </div>
      <div>
        <label htmlFor="sweep-seeds" className={label}>
          Seeds (-1 for random)
        </label>
        <input
          id="sweep-seeds"
          value={draft.seeds}
          onChange={(e) => onChange({ ...draft, seeds: e.target.value })}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="sweep-durations" className={label}>
          Durations in seconds (2–12)
        </label>
        <input
          id="sweep-durations"
          value={draft.durations}
          onChange={(e) => onChange({ ...draft, durations: e.target.value })}
          className={inputClass}
        />
      </div>
    </div>
  );
}
