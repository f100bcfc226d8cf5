import "server-only";
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { ByteRange, ObjectInfo, ObjectStore } from "./object-store";

const KEY = /^[a-z]+\/[A-Za-z0-9_-]{16,64}\.(mp4|jpg|png)$/;

/** Files under DATA_DIR/media, one per key: the embedded default. */
export class LocalStore implements ObjectStore {
  readonly kind = "local";
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(/*turbopackIgnore: true*/ dataDir, "media");
  }

  private file(key: string): string {
    // Keys are made by Keyframe, but a key must never reach outside the media folder.
    if (!KEY.test(key)) throw new Error(`Not a storage key: ${key}`);
    return path.join(/*turbopackIgnore: true*/ this.root, key);
  }

  async put(key: string, body: Buffer | { path: string }, _contentType: string): Promise<void> {
    const target = this.file(key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Write beside the final name, then rename: a reader never sees half a file.
    const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      if (Buffer.isBuffer(body)) await fs.writeFile(temp, body);
      else await fs.copyFile(body.path, temp);
      await fs.rename(temp, target);
    } finally {
      await fs.rm(temp, { force: true });
    }
  }

  async head(key: string): Promise<ObjectInfo | null> {
    const stat = await fs.stat(this.file(key)).catch(() => null);
    if (!stat?.isFile()) return null;
    return { size: stat.size, etag: `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`, lastModified: stat.mtime };
  }

  async read(key: string, range?: ByteRange) {
    const info = await this.head(key);
    if (!info) return null;
    const stream = createReadStream(this.file(key), range ?? {});
    return { info, body: Readable.toWeb(stream) as ReadableStream<Uint8Array> };
  }

  async bytes(key: string): Promise<Buffer | null> {
    return fs.readFile(this.file(key)).catch(() => null);
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => fs.rm(this.file(key), { force: true })));
  }

  async *list(prefix: string): AsyncIterable<{ key: string; size: number }> {
    const dir = path.join(/*turbopackIgnore: true*/ this.root, prefix);
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const key = `${prefix}/${name}`;
      if (!KEY.test(key)) continue;
      const stat = await fs.stat(path.join(/*turbopackIgnore: true*/ dir, name)).catch(() => null);
      if (stat?.isFile()) yield { key, size: stat.size };
    }
  }

  async check(): Promise<void> {
    await fs.mkdir(this.root, { recursive: true });
    await fs.access(this.root, fs.constants.W_OK);
  }
}
