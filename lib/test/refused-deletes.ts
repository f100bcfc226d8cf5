import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { onServerBackends } from "./backends";

const S3_ERROR =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>';

export type RefusedDeletes = {
  /** For setupApp(): on the S3 pass, Keyframe's bucket reached through the switch; {} on disk. */
  env: Record<string, string>;
  /** From now on deleting these keys fails: S3 answers 500 to every delete; on disk (keys not stored yet), each key's path is a folder. */
  refuse(keys: string[]): void;
  allow(): void;
  close(): Promise<void>;
};

/**
 * Storage that fails to delete, as an S3 answering 500 (or a disk refusing) does. On the S3 pass, a
 * pass-through in front of the test S3 server whose DELETEs fail while refusing; on disk, a key's path made
 * a folder, which a file delete cannot remove (the tests run as root, so permissions would not stop it).
 */
export async function refusedDeletes(): Promise<RefusedDeletes> {
  if (!onServerBackends()) {
    let blocked: string[] = [];
    const media = (key: string) => path.join(process.env.DATA_DIR!, "media", key);
    return {
      env: {},
      refuse(keys) {
        blocked = keys;
        for (const key of keys) {
          if (fs.existsSync(media(key))) throw new Error(`${key} is stored: block a key that is not (a thumbnail not asked for yet)`);
          fs.mkdirSync(path.join(media(key), "in-the-way"), { recursive: true });
        }
      },
      allow() {
        for (const key of blocked) fs.rmSync(media(key), { recursive: true, force: true });
        blocked = [];
      },
      close: async () => undefined,
    };
  }
  const target = new URL(process.env.TEST_S3_ENDPOINT!);
  let refusing = false;
  const server = http.createServer((req, res) => {
    if (refusing && req.method === "DELETE") {
      req.resume();
      res.writeHead(500, { "content-type": "application/xml" }).end(S3_ERROR);
      return;
    }
    // Headers as signed (Host included); `expect` is never signed and would only hold the body back.
    const { expect: _expect, ...headers } = req.headers;
    const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    env: { S3_ENDPOINT: `http://127.0.0.1:${port}` },
    refuse: () => (refusing = true),
    allow: () => (refusing = false),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
