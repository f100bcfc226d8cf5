import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-sm font-semibold text-violet-600 dark:text-violet-400">404</p>
      <h1 className="text-xl font-semibold">Nothing here</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">This link does not exist or is no longer shared.</p>
      <Link href="/" className="text-sm text-violet-600 hover:underline dark:text-violet-400">
        Open Keyframe
      </Link>
    </main>
  );
}
