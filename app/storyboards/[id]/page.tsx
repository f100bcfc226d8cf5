import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { BoardEditor } from "@/components/storyboards/board-editor";
import { pageUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { publicOrigin } from "@/lib/http/origin";
import { boardView } from "@/lib/storyboards/view";

export const metadata: Metadata = { title: "Storyboard · Keyframe" };

export default async function StoryboardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await pageUser(`/storyboards/${id}`);
  const board = await boardView(id, publicOrigin(await headers()), user).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-[1500px] px-3 py-5 sm:px-5">
        <BoardEditor initial={board} />
      </main>
    </>
  );
}
