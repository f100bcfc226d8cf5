import type { Metadata } from "next";
import { headers } from "next/headers";
import { OperationCard } from "@/components/api-docs/operation-card";
import { FieldList } from "@/components/api-docs/field-list";
import { AppHeader } from "@/components/layout/app-header";
import { currentUser } from "@/lib/auth/session";
import { publicOrigin } from "@/lib/http/origin";
import { apiDocument } from "@/lib/openapi/document";
import { referenceOf, type ApiDocumentJson } from "@/lib/openapi/reference";

export const metadata: Metadata = { title: "API reference · Keyframe" };

const link = "text-violet-700 underline dark:text-violet-300";

/** The OpenAPI document as a page: no sign-in needed, nothing loaded from elsewhere. */
export default async function ApiReferencePage() {
  const requestHeaders = await headers();
  const origin = publicOrigin(requestHeaders);
  const doc = apiDocument(origin) as unknown as ApiDocumentJson;
  const { tags, schemas } = referenceOf(doc, origin);
  const user = await currentUser(requestHeaders);
  return (
    <>
      {user ? (
        <AppHeader user={user} />
      ) : (
        <header className="border-b border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-950">
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a plain link, as in AppHeader */}
          <a href="/" className="font-semibold tracking-tight">
            Keyframe
          </a>
        </header>
      )}
      <main className="mx-auto max-w-4xl space-y-10 px-4 py-6 sm:px-6">
        <section className="space-y-3">
          <h1 className="text-2xl font-semibold tracking-tight">{doc.info.title}</h1>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">{doc.info.description}</p>
          <p className="text-sm">
            Base URL <code className="font-mono break-all">{origin}</code>. The same as OpenAPI 3.1:{" "}
            <a href="/api/openapi.json" className={link}>
              /api/openapi.json
            </a>
            {user ? (
              <>
                . Make a token on the{" "}
                <a href="/account/api" className={link}>
                  API page
                </a>
                , then <code className="font-mono">export KEYFRAME_TOKEN=kf_…</code>
              </>
            ) : null}
            .
          </p>
          <nav aria-label="API sections">
            <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {tags.map((tag) => (
                <li key={tag.name}>
                  <a href={`#tag-${tag.name}`} className={link}>
                    {tag.name}
                  </a>{" "}
                  <span className="text-zinc-600 dark:text-zinc-400">({tag.operations.length})</span>
                </li>
              ))}
              <li>
                <a href="#schemas" className={link}>
                  Schemas
                </a>
              </li>
            </ul>
          </nav>
        </section>
        {tags.map((tag) => (
          <section key={tag.name} id={`tag-${tag.name}`} aria-labelledby={`heading-${tag.name}`} className="scroll-mt-4 space-y-4">
            <div>
              <h2 id={`heading-${tag.name}`} className="text-lg font-semibold">
                {tag.name}
              </h2>
              {tag.description ? <p className="text-sm text-zinc-700 dark:text-zinc-300">{tag.description}</p> : null}
            </div>
            {tag.operations.map((op) => (
              <OperationCard key={op.id} op={op} />
            ))}
          </section>
        ))}
        <section id="schemas" aria-labelledby="heading-schemas" className="scroll-mt-4 space-y-3">
          <h2 id="heading-schemas" className="text-lg font-semibold">
            Schemas
          </h2>
          {schemas.map((s) => (
            <details
              key={s.name}
              id={`schema-${s.name}`}
              className="scroll-mt-4 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
            >
              <summary className="cursor-pointer font-mono text-sm font-semibold">{s.name}</summary>
              {s.description ? <p className="my-2 text-sm text-zinc-700 dark:text-zinc-300">{s.description}</p> : null}
              <div className="mt-2">
                <FieldList rows={s.fields} />
              </div>
            </details>
          ))}
        </section>
      </main>
    </>
  );
}
