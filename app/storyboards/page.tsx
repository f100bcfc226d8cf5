import type { Metadata } from "next";
import Link from "next/link";
import { AppHeader } from "@/components/layout/app-header";
import { LocalTime } from "@/components/share/local-time";
import { NewBoardForm } from "@/components/storyboards/new-board-form";
import { pageUser } from "@/lib/auth/session";
import { boardSummaries } from "@/lib/storyboards/boards";

export const metadata: Metadata = { title: "Storyboards · Keyframe" };

export default async function StoryboardsPage() {
  const user = await pageUser("/storyboards");
  const boards = await boardSummaries();
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:px-6">
        <h1 className="text-xl font-semibold tracking-tight">Storyboards</h1>
        <NewBoardForm />
        {boards.length ? (
          <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
            {boards.map((board) => (
              <li key={board.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3">
                <Link href={`/storyboards/${board.id}`} className="font-medium text-violet-800 hover:underline dark:text-violet-300">
                  <bdi>{board.name}</bdi>
                </Link>
                <span className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400">
                  {board.shots} shot{board.shots === 1 ? "" : "s"}
                  {board.owner ? (
                    <>
                      {" · "}
                      <bdi>{board.owner}</bdi>
                    </>
                  ) : null}{" "}
                  · <LocalTime iso={board.updatedAt} />
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
            No storyboards yet. Create one, then add takes to it from the gallery (a take&rsquo;s More menu, or select several).
          </p>
        )}
      </main>
    </>
  );
}
