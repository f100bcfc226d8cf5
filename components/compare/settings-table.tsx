import type { ParamRow } from "@/lib/jobs/params";
import type { JobView } from "@/lib/jobs/types";

const thumb = "h-14 rounded border border-zinc-300 object-cover dark:border-zinc-700";

/** The settings of every take, side by side; rows that differ are highlighted. Images as thumbnails. */
export function SettingsTable({ jobs, rows, differ }: { jobs: JobView[]; rows: ParamRow[][]; differ: Set<string> }) {
  const promptsDiffer = new Set(jobs.map((j) => j.prompt)).size > 1;
  const highlight = "bg-amber-50 font-medium dark:bg-amber-950/60";
  return (
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Settings of each take">
      <table className="w-full min-w-[32rem] text-left text-sm">
        <caption className="mb-2 text-left text-sm text-zinc-700 dark:text-zinc-300">Settings; rows that differ are highlighted.</caption>
        <thead>
          <tr>
            <th scope="col" className="w-32 py-1.5 font-medium text-zinc-700 dark:text-zinc-300">
              Setting
            </th>
            {jobs.map((job, i) => (
              <th key={job.id} scope="col" className="py-1.5 font-medium">
                Take {i + 1}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr data-differs={promptsDiffer} className={promptsDiffer ? highlight : ""}>
            <th scope="row" className="py-1.5 pr-3 align-top font-normal text-zinc-700 dark:text-zinc-300">
              Prompt
            </th>
            {jobs.map((job) => (
              <td key={job.id} className="py-1.5 pr-3 align-top">
                {job.prompt}
              </td>
            ))}
          </tr>
          {(rows[0] ?? []).map((row) => (
            <tr
              key={row.key}
              data-differs={differ.has(row.key)}
              className={`border-t border-zinc-200 dark:border-zinc-800 ${differ.has(row.key) ? highlight : ""}`}
            >
              <th scope="row" className="py-1.5 pr-3 font-normal text-zinc-700 dark:text-zinc-300">
                {row.label}
              </th>
              {jobs.map((job, i) => (
                <td key={job.id} className="py-1.5 pr-3 tabular-nums">
                  {row.key === "image" ? (
                    // eslint-disable-next-line @next/next/no-img-element -- stored inputs
                    <img src={job.image.src} alt={`Start image of take ${i + 1}`} className={thumb} />
                  ) : row.key === "lastImage" && job.lastImage ? (
                    // eslint-disable-next-line @next/next/no-img-element -- stored inputs
                    <img src={job.lastImage.src} alt={`End image of take ${i + 1}`} className={thumb} />
                  ) : (
                    rows[i]!.find((x) => x.key === row.key)?.value
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
