import type { OperationView } from "@/lib/openapi/reference";
import { FieldList } from "./field-list";
import { Prose } from "./prose";

const METHOD_STYLE: Record<string, string> = {
  get: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  post: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  put: "bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-200",
  patch: "bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-200",
  delete: "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-200",
};

export function MethodBadge({ method }: { method: string }) {
  return <span className={`rounded px-1.5 py-0.5 font-mono text-xs font-bold uppercase ${METHOD_STYLE[method] ?? ""}`}>{method}</span>;
}

const subheading = "mt-4 mb-1.5 text-sm font-semibold";

export function OperationCard({ op }: { op: OperationView }) {
  return (
    <article id={op.id} className="scroll-mt-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 className="text-base font-semibold">{op.summary}</h2>
      <p className="mt-1 flex flex-wrap items-baseline gap-2">
        <MethodBadge method={op.method} />
        <code className="font-mono text-sm break-all">{op.path}</code>
      </p>
      {op.description ? (
        <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
          <Prose text={op.description} />
        </p>
      ) : null}
      <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">{op.access}</p>
      {op.params.length > 0 ? (
        <>
          <h3 className={subheading}>Parameters</h3>
          <FieldList rows={op.params} />
        </>
      ) : null}
      {op.bodies.map((body) => (
        <div key={body.mediaType}>
          <h3 className={subheading}>
            Request body <span className="font-mono text-xs font-normal text-zinc-600 dark:text-zinc-400">{body.mediaType}</span>
          </h3>
          {body.variants.map((rows, i) => (
            <div key={i} className="mt-2">
              {body.variants.length > 1 ? (
                <p className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">{i === 0 ? "Either" : "or"}</p>
              ) : null}
              <FieldList rows={rows} />
            </div>
          ))}
        </div>
      ))}
      <h3 className={subheading}>Responses</h3>
      <ul className="space-y-1 text-sm">
        {op.responses.map((r) => (
          <li key={r.status}>
            <span className="font-mono font-semibold">{r.status}</span> <Prose text={r.description} />{" "}
            {r.ref ? (
              <a href={`/docs/api/schemas#schema-${r.ref}`} className="font-mono text-xs text-violet-700 underline dark:text-violet-300">
                {r.ref}
              </a>
            ) : null}
            {r.fields && r.fields.length > 0 ? (
              <details className="mt-1">
                <summary className="cursor-pointer text-xs text-zinc-700 dark:text-zinc-300">Fields</summary>
                <FieldList rows={r.fields} />
              </details>
            ) : null}
          </li>
        ))}
      </ul>
      <h3 className={subheading}>Example</h3>
      <pre className="rounded-md bg-zinc-100 p-3 font-mono text-xs break-all whitespace-pre-wrap text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
        <code>{op.curl}</code>
      </pre>
    </article>
  );
}
