export type FileDraft = { file: File | null; zip: File | null };
export const EMPTY_FILES: FileDraft = { file: null, zip: null };

export function filesBody(draft: FileDraft): FormData {
  const body = new FormData();
  if (draft.file) body.append("file", draft.file);
  if (draft.zip) body.append("images", draft.zip);
  return body;
}

const fileClass =
  "block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-1.5 file:text-sm file:font-medium dark:file:bg-zinc-800 dark:file:text-zinc-100";

/** The batch file and, for rows that name image files, a zip of them. */
export function FileFields({ draft, onChange }: { draft: FileDraft; onChange: (draft: FileDraft) => void }) {
  const label = "mb-1.5 block text-sm font-medium text-zinc-900 dark:text-zinc-100";
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div>
        <label htmlFor="batch-file" className={label}>
          Batch file (.csv or .json)
        </label>
        <input
          id="batch-file"
          type="file"
          accept=".csv,.json,text/csv,application/json"
          onChange={(e) => onChange({ ...draft, file: e.target.files?.[0] ?? null })}
          className={fileClass}
        />
      </div>
      <div>
        <label htmlFor="batch-zip" className={label}>
          Images (.zip, optional)
        </label>
        <input
          id="batch-zip"
          type="file"
          accept=".zip,application/zip"
          onChange={(e) => onChange({ ...draft, zip: e.target.files?.[0] ?? null })}
          className={fileClass}
        />
      </div>
    </div>
  );
}
