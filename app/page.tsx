import { headers } from "next/headers";
import { connection } from "next/server";
import { UserMenu } from "@/components/account/user-menu";
import { ActivityPill } from "@/components/gallery/activity-pill";
import { Gallery } from "@/components/gallery/gallery";
import { GenerateForm } from "@/components/playground/generate-form";
import { PlaygroundActions } from "@/components/playground/playground-actions";
import { SimulatorBanner } from "@/components/simulator-banner";
import { pageUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { publicOrigin } from "@/lib/http/origin";
import { jobPage } from "@/lib/jobs/list";
import { sharedJob } from "@/lib/jobs/share";
import { PAGE_SIZE } from "@/lib/jobs/types";
import { toJobView } from "@/lib/jobs/view";
import { RATE_LABEL } from "@/lib/model/price";
import { MODEL_NAME } from "@/lib/model/seedance";

type Props = { searchParams: Promise<{ remix?: string | string[] }> };

export default async function PlaygroundPage({ searchParams }: Props) {
  await connection();
  const { remix } = await searchParams;
  const user = await pageUser(typeof remix === "string" ? `/?remix=${remix}` : "/");
  const origin = publicOrigin(await headers());
  const [initial, remixJob] = await Promise.all([
    jobPage({ limit: PAGE_SIZE, status: "all", scope: "team" }, origin, user),
    typeof remix === "string" ? sharedJob(remix) : null,
  ]);
  const simulator = env().mode === "simulator";
  return (
    <PlaygroundActions>
      {simulator ? <SimulatorBanner /> : null}
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
        <div className="mx-auto flex max-w-[1800px] items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <h1 className="text-lg font-semibold tracking-tight">Keyframe</h1>
          <div className="flex min-w-0 items-center gap-3">
            <ActivityPill />
            <p className="hidden truncate text-xs text-zinc-500 xl:block dark:text-zinc-400">
              {MODEL_NAME} · {RATE_LABEL}
            </p>
            <UserMenu name={user.name} role={user.role} />
          </div>
        </div>
      </header>
      <main className="mx-auto grid max-w-[1800px] gap-8 px-4 py-6 sm:px-6 lg:grid-cols-[minmax(380px,460px)_1fr]">
        <aside className="lg:sticky lg:top-0 lg:max-h-dvh lg:self-start lg:overflow-y-auto lg:pb-0">
          <h2 className="sr-only">New video</h2>
          <GenerateForm initialRemix={remixJob ? toJobView(remixJob, origin, user) : null} />
        </aside>
        <Gallery initial={initial} />
      </main>
    </PlaygroundActions>
  );
}
