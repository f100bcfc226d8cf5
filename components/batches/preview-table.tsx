import type { BatchPreview } from "@/lib/batches/preview";

/** Each row's image, prompt, settings, price, and what is wrong with it (red, by field) or whether it repeats a take. */
export function PreviewTable({ preview, thumbs }: { preview: BatchPreview; thumbs: Map<string, string> }) {
  return (
    // Scrolls sideways on a phone: focusable, so a keyboard can scroll it too.
    <div
      role="region"
      aria-label="Rows of the batch"
      tabIndex={0}
      className="overflow-x-auto rounded-xl border border-zinc-200 focus-visible:outline-2 focus-visible:outline-violet-600 dark:border-zinc-800"
    >
      <table className="w-full min-w-[640px] text-left text-sm">
        <caption className="sr-only">Rows of the batch, with each row&rsquo;s price and problems</caption>
        <thead className="bg-zinc-50 text-xs text-zinc-700 uppercase dark:bg-zinc-900 dark:text-zinc-300">
          <tr>
            <th scope="col" className="px-3 py-2">
              Line
            </th>
            <th scope="col" className="px-3 py-2">
              Image
            </th>
            <th scope="col" className="px-3 py-2">
              Prompt
            </th>
            <th scope="col" className="px-3 py-2">
              Settings
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Price
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {preview.rows.map((row) => {
            const cell = row.values;
            const image = cell.image ?? "";
            const thumb = thumbs.get(image) ?? thumbs.get(image.split("/").pop() ?? "");
            const settings = [
              cell.duration ? `${cell.duration} s` : "",
              cell.aspect_ratio,
              cell.seed ? `seed ${cell.seed}` : "",
              row.takes > 1 ? `× ${row.takes}` : "",
            ];
            return (
              <tr key={row.line} className={row.ok ? "" : "bg-red-50 dark:bg-red-950/30"}>
                <th scope="row" className="px-3 py-2 align-top font-medium tabular-nums">
                  {row.line}
                </th>
                <td className="px-3 py-2 align-top">
                  <div className="flex items-center gap-2">
                    {/* eslint-disable-next-line @next/next/no-img-element -- a blob: thumbnail of a file not uploaded yet */}
                    {thumb ? <img src={thumb} alt="" className="h-10 w-10 shrink-0 rounded object-cover" /> : null}
                    <span className="max-w-40 truncate" title={image}>
                      <bdi>{image || "—"}</bdi>
                    </span>
                  </div>
                </td>
                <td className="max-w-72 px-3 py-2 align-top">
                  <p className="line-clamp-2">
                    <bdi>{cell.prompt || "—"}</bdi>
                  </p>
                  {row.errors.map((e) => (
                    <p key={e.field + e.message} className="mt-1 text-red-700 dark:text-red-400">
                      <span className="font-medium">{e.field}:</span> {e.message}
                    </p>
                  ))}
                  {row.repeat ? <p className="mt-1 text-amber-800 dark:text-amber-300">{row.repeat.message}</p> : null}
                </td>
                <td className="px-3 py-2 align-top text-zinc-700 dark:text-zinc-300">
                  {settings.filter(Boolean).join(" · ") || "defaults"}
                </td>
                <td className="px-3 py-2 text-right align-top tabular-nums">{row.priceLabel}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
