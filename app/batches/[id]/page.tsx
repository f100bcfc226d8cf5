import type { Metadata } from "next";
import Link from "next/link";
import { BatchProgress } from "@/components/batches/batch-progress";
import { AppHeader } from "@/components/layout/app-header";
import { pageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Batch · Keyframe" };

export default async function BatchPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await pageUser(`/batches/${id}`);
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:px-6">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/batches" className="text-violet-800 hover:underline dark:text-violet-300">
            Batches
          </Link>
        </nav>
        <BatchProgress id={id} />
      </main>
    </>
  );
}
