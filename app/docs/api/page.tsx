import type { Metadata } from "next";
import { MethodBadge } from "@/components/api-docs/operation-card";
import { linkClass, ReferenceShell } from "@/components/api-docs/reference-shell";
import { referencePage } from "@/lib/openapi/reference-page";
import { Prose } from "@/components/api-docs/prose";

export const metadata: Metadata = { title: "API reference · Keyframe" };

/** The OpenAPI document for people: no sign-in needed, nothing loaded from elsewhere. */
export default async function ApiReferencePage() {
  const page = await referencePage();
  return (
    <ReferenceShell page={page} current="">
      <section className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight">{page.info.title}</h1>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">{page.info.description ? <Prose text={page.info.description} /> : null}</p>
        <p className="text-sm">
          Base URL <code className="font-mono break-all">{page.origin}</code>. The same as OpenAPI 3.1:{" "}
          <a href="/api/openapi.json" className={linkClass}>
            /api/openapi.json
          </a>
          .{" "}
          {page.user ? (
            <>
              Make a token on the{" "}
              <a href="/account/api" className={linkClass}>
                API page
              </a>
              , then <code className="font-mono">export KEYFRAME_TOKEN=kf_…</code>; every example uses it.
            </>
          ) : (
            <>
              Members make tokens on the API page once signed in, then <code className="font-mono">export KEYFRAME_TOKEN=kf_…</code>; every
              example uses it.
            </>
          )}
        </p>
      </section>
      {page.tags.map((tag) => (
        <section key={tag.slug} aria-labelledby={`heading-${tag.slug}`} className="space-y-2">
          <h2 id={`heading-${tag.slug}`} className="text-lg font-semibold">
            <a href={`/docs/api/${tag.slug}`} className={linkClass}>
              {tag.name}
            </a>
          </h2>
          {tag.description ? <p className="text-sm text-zinc-700 dark:text-zinc-300">{tag.description}</p> : null}
          <ul className="space-y-1 text-sm">
            {tag.operations.map((op) => (
              <li key={op.id} className="flex flex-wrap items-baseline gap-x-2">
                <MethodBadge method={op.method} />
                <a href={`/docs/api/${tag.slug}#${op.id}`} className="font-mono break-all text-violet-700 underline dark:text-violet-300">
                  {op.path}
                </a>
                <span className="text-zinc-700 dark:text-zinc-300">{op.summary}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </ReferenceShell>
  );
}
