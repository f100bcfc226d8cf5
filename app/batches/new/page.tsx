import type { Metadata } from "next";
import Link from "next/link";
import { NewBatchForm } from "@/components/batches/new-batch-form";
import { AppHeader } from "@/components/layout/app-header";
import { pageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New batch · Keyframe" };

export default async function NewBatchPage() {
  const user = await pageUser("/batches/new");
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-5xl space-y-6 px-4 py-6 sm:px-6">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/batches" className="text-violet-800 hover:underline dark:text-violet-300">
            Batches
          </Link>
        </nav>
        <h1 className="text-xl font-semibold tracking-tight">New batch</h1>
        <NewBatchForm />
      </main>
    </>
  );
}
