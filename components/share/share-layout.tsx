import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";

/** The frame of a public share page (a take's or a film's): Keyframe's name over the page. */
export function ShareLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
        <div className="mx-auto flex h-14 max-w-5xl items-center px-4 sm:px-6">
          <Link href="/" className="text-base font-semibold tracking-tight">
            Keyframe
          </Link>
        </div>
      </header>
      <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-6 sm:px-6">{children}</main>
    </>
  );
}

/** The shared video, shown at its own size at most: a 480p video blown up to the page width only looks soft. */
export function ShareVideo({ size, ...video }: { size: { width: number; height: number } } & ComponentProps<"video">) {
  return (
    <div
      className="mx-auto w-full overflow-hidden rounded-xl bg-black shadow-lg"
      style={{ aspectRatio: `${size.width} / ${size.height}`, maxWidth: size.width, maxHeight: "75dvh" }}
    >
      <video controls playsInline className="size-full object-contain" {...video} />
    </div>
  );
}
