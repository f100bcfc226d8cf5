/**
 * Runs this script again inside Debian's `pg_virtualenv` (a throwaway PostgreSQL cluster; PG* set, removed
 * afterwards). `-t` keeps the cluster in a temporary folder even as root, so a cluster left behind in
 * /etc/postgresql by an interrupted run (or one the machine already has) cannot block it, and the port is
 * chosen free here because a cluster in a temporary folder does not know the machine's other clusters.
 */
import { spawnSync } from "node:child_process";
import net from "node:net";

export const hasPgVirtualenv = () => spawnSync("sh", ["-c", "command -v pg_virtualenv"], { stdio: "ignore" }).status === 0;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Re-runs the current command inside pg_virtualenv with `marker=1` set, and exits with its status. */
export async function rerunInPgVirtualenv(marker: string): Promise<never> {
  const result = spawnSync("pg_virtualenv", ["-t", process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, PGPORT: String(await freePort()), [marker]: "1" },
  });
  process.exit(result.status ?? 1);
}
