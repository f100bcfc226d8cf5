import type { ReactNode } from "react";

export function AuthCard({ title, intro, children }: { title: string; intro: ReactNode; children: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center gap-6 px-4 py-10">
      <div className="space-y-2">
        <p className="text-lg font-semibold tracking-tight">Keyframe</p>
        <h1 className="text-xl font-semibold">{title}</h1>
        <div className="text-sm text-zinc-600 dark:text-zinc-400">{intro}</div>
      </div>
      {children}
    </main>
  );
}
