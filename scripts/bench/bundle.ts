/**
 * First-load JS of `/`, against a bare Next page with the same form libraries (react-hook-form with the zod
 * resolver, zod, SWR), built and measured in the same run: the JavaScript the browser loads for the page,
 * gzipped (as servers send it), in KiB.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../../e2e/chromium";
import { ADMIN, sleep, startApp, type Target } from "./kit";

const BARE = path.resolve(".bench", "bare");
const FILES: Record<string, string> = {
  "next.config.mjs": "export default {};\n",
  "app/layout.tsx": `export default function Layout({ children }: { children: React.ReactNode }) {
  return (<html lang="en"><body>{children}</body></html>);
}\n`,
  "app/page.tsx": `import { Form } from "./form";\nexport default function Page() {\n  return <Form />;\n}\n`,
  "app/form.tsx": `"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import useSWR from "swr";
import { z } from "zod";
const schema = z.object({ prompt: z.string().min(1).max(2000), duration: z.coerce.number().int().min(2).max(12) });
export function Form() {
  const { data } = useSWR("/api/none", (url: string) => fetch(url).then((r) => r.text()));
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { prompt: "", duration: 5 } });
  return (
    <form onSubmit={form.handleSubmit(() => undefined)}>
      <textarea {...form.register("prompt")} />
      <input type="number" {...form.register("duration")} />
      <button type="submit">Generate</button>
      <p>{data}</p>
    </form>
  );
}\n`,
};

async function scriptKiB(url: string, cookie?: { url: string; body: unknown }): Promise<number> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    if (cookie) await page.request.post(cookie.url, { data: cookie.body });
    await page.goto(url, { waitUntil: "networkidle" });
    const scripts = (await page.evaluate(
      `performance.getEntriesByType("resource").map((e) => e.name).filter((n) => /\\.js(\\?|$)/.test(n))`,
    )) as string[];
    let bytes = 0;
    for (const src of new Set(scripts)) bytes += gzipSync(await (await page.request.get(src)).body()).length;
    return bytes / 1024;
  } finally {
    await browser.close();
  }
}

function buildBare(): void {
  fs.rmSync(BARE, { recursive: true, force: true });
  for (const [file, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(BARE, file)), { recursive: true });
    fs.writeFileSync(path.join(BARE, file), text);
  }
  const built = spawnSync("node_modules/.bin/next", ["build", BARE], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  if (built.status !== 0) throw new Error("the bare page did not build");
}

export async function bundle(target: Target, port: number): Promise<{ keyframeKiB: number; bareKiB: number }> {
  buildBare();
  const bare = spawn("node_modules/.bin/next", ["start", BARE, "-p", String(port + 7)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  const app = await startApp(target, port);
  try {
    for (
      let i = 0;
      i < 100 &&
      !(await fetch(`http://127.0.0.1:${port + 7}/`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    )
      await sleep(100);
    const bareKiB = await scriptKiB(`http://127.0.0.1:${port + 7}/`);
    const keyframeKiB = await scriptKiB(`${app.url}/`, { url: `${app.url}/api/session`, body: ADMIN });
    return { keyframeKiB, bareKiB };
  } finally {
    bare.kill("SIGTERM");
    await app.stop();
  }
}
