import type { Metadata } from "next";
import { HooksPanel } from "@/components/api/hooks-panel";
import { AppHeader } from "@/components/layout/app-header";
import { pageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "API · Keyframe" };

export default async function ApiPage() {
  const user = await pageUser("/account/api");
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-4xl space-y-8 px-4 py-6 sm:px-6">
        <h1 className="text-xl font-semibold tracking-tight">API</h1>
        <HooksPanel />
      </main>
    </>
  );
}
