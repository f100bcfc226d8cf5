import { headers } from "next/headers";
import { connection } from "next/server";
import { Gallery } from "@/components/gallery/gallery";
import { AppHeader } from "@/components/layout/app-header";
import { SkipLink } from "@/components/layout/skip-link";
import { GenerateForm } from "@/components/playground/generate-form";
import { PlaygroundActions } from "@/components/gallery/form-actions";
import { pageUser } from "@/lib/auth/session";
import { publicOrigin } from "@/lib/http/origin";
import { jobPage } from "@/lib/jobs/list";
import { sharedJob } from "@/lib/jobs/share";
import { PAGE_SIZE } from "@/lib/jobs/types";
import { listPresets } from "@/lib/presets/presets";
import { toJobView } from "@/lib/jobs/view";
import { isId } from "@/lib/jobs/ids";
import { catalogAvailability } from "@/lib/catalog/live";

type Props = { searchParams: Promise<{ remix?: string | string[]; take?: string | string[]; group?: string | string[] }> };

export default async function PlaygroundPage({ searchParams }: Props) {
  await connection();
  const { remix, take, group } = await searchParams;
  const next = typeof remix === "string" ? `/?remix=${remix}` : typeof take === "string" ? `/?take=${take}` : "/";
  const user = await pageUser(next);
  const origin = publicOrigin(await headers());
  const [initial, remixJob, presets, availability] = await Promise.all([
    jobPage({ limit: PAGE_SIZE, status: "all", scope: "team" }, origin, user),
    typeof remix === "string" ? sharedJob(remix) : null,
    listPresets(user),
    catalogAvailability(),
  ]);
  return (
    <PlaygroundActions>
      <SkipLink href="#gallery">Skip to the gallery</SkipLink>
      <AppHeader user={user} home />
      <main className="mx-auto grid max-w-[1800px] lg:grid-cols-[minmax(380px,420px)_1fr]">
        <section
          aria-labelledby="form-title"
          className="border-zinc-200 lg:sticky lg:top-14 lg:h-[calc(100dvh-3.5rem)] lg:border-r dark:border-zinc-800"
        >
          <h2 id="form-title" className="sr-only">
            New video
          </h2>
          <GenerateForm initialRemix={remixJob ? toJobView(remixJob, origin, user) : null} presets={presets} availability={availability} />
        </section>
        <div className="min-w-0 px-3 py-4 sm:px-5">
          <Gallery initial={initial} group={typeof group === "string" && isId(group) ? group : undefined} />
        </div>
      </main>
    </PlaygroundActions>
  );
}
