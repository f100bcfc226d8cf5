import { AppHeader } from "@/components/layout/app-header";
import type { ReferencePage } from "@/lib/openapi/reference-page";

export const linkClass = "text-violet-700 underline dark:text-violet-300";

/** The header (the app's, when signed in) and the sections' nav around an API reference page. */
export function ReferenceShell({ page, current, children }: { page: ReferencePage; current: string; children: React.ReactNode }) {
  const sections = [{ slug: "", name: "Overview" }, ...page.tags, { slug: "schemas", name: "Schemas" }];
  return (
    <>
      {page.user ? (
        <AppHeader user={page.user} />
      ) : (
        <header className="border-b border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-950">
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a plain link, as in AppHeader */}
          <a href="/" className="font-semibold tracking-tight">
            Keyframe
          </a>
        </header>
      )}
      <div className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:px-6">
        <nav aria-label="API reference">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {sections.map((s) => (
              <li key={s.slug}>
                <a
                  href={`/docs/api${s.slug ? `/${s.slug}` : ""}`}
                  aria-current={s.slug === current ? "page" : undefined}
                  className={s.slug === current ? "font-semibold text-zinc-950 dark:text-white" : linkClass}
                >
                  {s.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="space-y-6">{children}</main>
      </div>
    </>
  );
}
