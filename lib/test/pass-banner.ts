import { onServerBackends } from "./backends";

/** One line at the top of a test run: the Node and the backends this pass runs on (`npm test` runs two). */
export function passBanner(suite: string, detail = ""): void {
  const backends = onServerBackends() ? "PostgreSQL + S3" : "SQLite + local disk";
  console.log(`\n[${suite}] Node ${process.version} · ${backends}${detail}\n`);
}
