import type { Metadata } from "next";
import Link from "next/link";
import { BatchList } from "@/components/batches/batch-list";
import { buttonClass } from "@/components/ui/button";
import { AppHeader } from "@/components/layout/app-header";
import { pageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Batches · Keyframe" };

export default async function BatchesPage() {
  const user = await pageUser("/batches");
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:px-6">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold tracking-tight">Batches</h1>
          <Link href="/batches/new" className={buttonClass("primary", "md", "ml-auto")}>
            New batch
          </Link>
        </div>
        <BatchList />
      </main>
    </>
  );
}
