import "server-only";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { ByteRange, ObjectInfo, ObjectStore } from "./object-store";

export type S3Options = {
  bucket: string;
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

const status = (error: unknown) => (error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined);
const missing = (error: unknown) => status(error) === 404 || (error as Error).name === "NotFound" || (error as Error).name === "NoSuchKey";

/** An S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, Ceph…) through the AWS SDK v3. */
export class S3Store implements ObjectStore {
  readonly kind = "s3";
  private readonly client: S3Client;
  private readonly bucket: string;
  private ready: Promise<void> | undefined;

  constructor(options: S3Options) {
    this.bucket = options.bucket;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
      // Servers other than AWS reject or mangle the SDK's default checksums (aws-sdk-js-v3 #6810).
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async put(key: string, body: Buffer | { path: string }, contentType: string): Promise<void> {
    const length = Buffer.isBuffer(body) ? body.length : (await fs.stat(body.path)).size;
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: Buffer.isBuffer(body) ? body : createReadStream(body.path),
        ContentLength: length,
        ContentType: contentType,
      }),
    );
  }

  async head(key: string): Promise<ObjectInfo | null> {
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: res.ContentLength ?? 0, etag: res.ETag ?? `"${res.ContentLength}"`, lastModified: res.LastModified ?? new Date(0) };
    } catch (error) {
      if (missing(error)) return null;
      throw error;
    }
  }

  async read(key: string, range?: ByteRange) {
    try {
      const res = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      if (!res.Body) return null;
      const size = Number(res.ContentRange?.split("/")[1] ?? res.ContentLength ?? 0);
      return {
        info: { size, etag: res.ETag ?? `"${size}"`, lastModified: res.LastModified ?? new Date(0) },
        body: res.Body.transformToWebStream() as ReadableStream<Uint8Array>,
      };
    } catch (error) {
      if (missing(error)) return null;
      throw error;
    }
  }

  async bytes(key: string): Promise<Buffer | null> {
    const object = await this.read(key);
    if (!object) return null;
    return Buffer.from(await new Response(object.body).arrayBuffer());
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }))));
  }

  async *list(prefix: string): AsyncIterable<{ key: string; size: number }> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: `${prefix}/`, ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) if (item.Key) yield { key: item.Key, size: item.Size ?? 0 };
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** The bucket must answer; on the first check one that does not exist is created (handy for a fresh MinIO). */
  async check(): Promise<void> {
    if (!this.ready) {
      this.ready = this.ensureBucket().catch((error: unknown) => {
        this.ready = undefined;
        throw error;
      });
      return this.ready;
    }
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  private async ensureBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      if (!missing(error)) throw error;
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
      console.log(`[storage] Created the bucket ${this.bucket}.`);
    }
  }
}
