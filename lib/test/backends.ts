import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import pg from "pg";

/**
 * The suites run twice: on the embedded defaults (SQLite, DATA_DIR), and with TEST_PG_URL (a PostgreSQL
 * server the test run may create databases on) and TEST_S3_ENDPOINT (an S3-compatible server) set, on a
 * fresh database and bucket per test file. These helpers look at storage through the SDK or the file
 * system directly, not through Keyframe's own store.
 */
export const onServerBackends = () => Boolean(process.env.TEST_PG_URL && process.env.TEST_S3_ENDPOINT);

const S3_KEY = "S3RVER";
const s3 = () =>
  new S3Client({
    region: "us-east-1",
    endpoint: process.env.TEST_S3_ENDPOINT,
    forcePathStyle: true,
    credentials: { accessKeyId: S3_KEY, secretAccessKey: S3_KEY },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });

/** The env that points Keyframe at database and bucket `name` on the test servers; {} on the embedded defaults. */
export function serverBackendsEnv(name: string): Record<string, string> {
  if (!onServerBackends()) return {};
  const url = new URL(process.env.TEST_PG_URL!);
  url.pathname = `/${name}`;
  return {
    DATABASE_URL: url.toString(),
    S3_BUCKET: name.replaceAll("_", "-"),
    S3_ENDPOINT: process.env.TEST_S3_ENDPOINT!,
    S3_ACCESS_KEY_ID: S3_KEY,
    S3_SECRET_ACCESS_KEY: S3_KEY,
    S3_FORCE_PATH_STYLE: "true",
  };
}

/** A fresh (emptied) PostgreSQL database and bucket named `name`, as the env Keyframe reads; {} on the embedded defaults. */
export async function freshServerBackends(name = `kf_${randomBytes(5).toString("hex")}`): Promise<Record<string, string>> {
  if (!onServerBackends()) return {};
  const admin = new pg.Client({ connectionString: process.env.TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const env = serverBackendsEnv(name);
  const client = s3();
  await client.send(new CreateBucketCommand({ Bucket: env.S3_BUCKET })).catch((error: Error) => {
    if (!/BucketAlready/.test(error.name)) throw error;
  });
  // A bucket reused by name (an e2e server restarted) starts empty too.
  // One at a time: s3rver answers parallel deletes in one folder with an occasional InternalError.
  const listed = await client.send(new ListObjectsV2Command({ Bucket: env.S3_BUCKET }));
  for (const object of listed.Contents ?? []) await client.send(new DeleteObjectCommand({ Bucket: env.S3_BUCKET, Key: object.Key! }));
  return env;
}

/** The names stored under a folder ("inputs", "videos", …): in the bucket, or under DATA_DIR/media. */
export async function storedNames(folder: string): Promise<string[]> {
  if (process.env.S3_BUCKET) {
    const page = await s3().send(new ListObjectsV2Command({ Bucket: process.env.S3_BUCKET, Prefix: `${folder}/` }));
    return (page.Contents ?? []).map((o) => o.Key!.slice(folder.length + 1)).sort();
  }
  const dir = path.join(process.env.DATA_DIR!, "media", folder);
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

/** A stored object's bytes, or null. */
export async function storedBytes(folder: string, name: string): Promise<Buffer | null> {
  if (process.env.S3_BUCKET) {
    try {
      const res = await s3().send(new GetObjectCommand({ Bucket: process.env.S3_BUCKET, Key: `${folder}/${name}` }));
      return Buffer.from(await res.Body!.transformToByteArray());
    } catch {
      return null;
    }
  }
  const file = path.join(process.env.DATA_DIR!, "media", folder, name);
  return fs.existsSync(file) ? fs.readFileSync(file) : null;
}

/** Puts bytes straight into storage, as another writer (or a leftover) would. */
export async function putStored(folder: string, name: string, bytes: Buffer): Promise<void> {
  if (process.env.S3_BUCKET) {
    await s3().send(new PutObjectCommand({ Bucket: process.env.S3_BUCKET, Key: `${folder}/${name}`, Body: bytes }));
    return;
  }
  const dir = path.join(process.env.DATA_DIR!, "media", folder);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), bytes);
}
