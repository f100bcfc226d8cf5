/** Finished jobs written straight into a Keyframe database (SQLite file or PostgreSQL), for list and scroll benchmarks. */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";

const WORDS = ["A fox", "A dancer", "Rain", "A kite", "The tide", "A lantern", "Smoke", "A cyclist", "Leaves", "A train"];
const ACTIONS = ["turns slowly", "drifts past the camera", "spins in the wind", "rises over the hills", "glows at dusk"];
/** One job in ten has "lantern" in its prompt; one in a thousand has "heron". */
export const COMMON_WORD = "lantern";
export const RARE_WORD = "heron";

const COLUMNS = `id, batch_id, variation, created_at, updated_at, status, prompt, image_file, image_width, image_height, duration,
  aspect_ratio, camera_fixed, seed, safety_checker, price_micros, outputs, nsfw, submitted_at, finished_at, share_id, copy_status,
  video_file, poster_file, video_width, video_height, copied_at`;

export type Media = { input: string; video: string; posters: string[] };
/** Names only: the list and poll benchmarks never load the files. */
export const MEDIA: Media = { input: `${"0".repeat(64)}.png`, video: "benchbenchbenchbench.mp4", posters: ["benchbenchbenchbench.jpg"] };

function values(i: number, now: number, media: Media, flag: (b: boolean) => unknown): unknown[] {
  const id = randomBytes(16).toString("base64url");
  const prompt = `${WORDS[i % WORDS.length]} ${ACTIONS[i % ACTIONS.length]}${i % 1000 === 7 ? ", a heron watching" : ""}, take ${i}.`;
  return [
    id,
    id,
    0,
    now - i * 1000,
    now,
    "completed",
    prompt,
    media.input,
    640,
    360,
    2 + (i % 11),
    "16:9",
    flag(i % 2 === 0),
    i,
    flag(true),
    16000 * (2 + (i % 11)),
    JSON.stringify([`http://127.0.0.1:1/gone/${i}.mp4`]),
    "[false]",
    now - i * 1000,
    now - i * 1000 + 30_000,
    randomBytes(16).toString("base64url"),
    "done",
    media.video,
    media.posters[i % media.posters.length],
    864,
    480,
    now,
  ];
}

export async function seedSqlite(dataDir: string, count: number, media: Media): Promise<void> {
  const db = createClient({ url: `file:${path.join(dataDir, "keyframe.db")}` });
  await db.execute("PRAGMA busy_timeout = 10000");
  const now = Date.now();
  for (let start = 0; start < count; start += 2000) {
    const statements = Array.from({ length: Math.min(2000, count - start) }, (_, k) => ({
      sql: `insert into jobs (${COLUMNS}) values (${Array.from({ length: 27 }, () => "?").join(", ")})`,
      args: values(start + k, now, media, (b) => (b ? 1 : 0)) as never[],
    }));
    await db.batch(statements, "write");
  }
  db.close();
}

export async function seedPg(url: string, count: number, media: Media): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const now = Date.now();
  try {
    for (let start = 0; start < count; start += 1000) {
      const rows = Array.from({ length: Math.min(1000, count - start) }, (_, k) => values(start + k, now, media, (b) => b));
      const params = rows.flat();
      const tuples = rows.map((_, r) => `(${Array.from({ length: 27 }, (_, c) => `$${r * 27 + c + 1}`).join(", ")})`);
      await client.query(`insert into jobs (${COLUMNS}) values ${tuples.join(", ")}`, params);
    }
  } finally {
    await client.end();
  }
}

/** A new, empty database `name` on the server of `adminUrl` (dropped first if there): its URL. */
export async function freshPgDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
