import "server-only";
import { env } from "@/lib/env";
import type { ObjectStore } from "./object-store";

const store = globalThis as typeof globalThis & { __keyframeStore?: Promise<ObjectStore> };

async function open(): Promise<ObjectStore> {
  const config = env();
  if (config.S3_BUCKET) {
    const { S3Store } = await import("./s3");
    return new S3Store({
      bucket: config.S3_BUCKET,
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      forcePathStyle: config.S3_FORCE_PATH_STYLE ?? config.S3_ENDPOINT !== undefined,
      credentials:
        config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
          : undefined,
    });
  }
  const { LocalStore } = await import("./local");
  return new LocalStore(config.dataDir);
}

/** The store chosen at start-up: the S3 bucket when S3_BUCKET is set, else DATA_DIR/media. */
export function getStore(): Promise<ObjectStore> {
  store.__keyframeStore ??= open().catch((error: unknown) => {
    store.__keyframeStore = undefined;
    throw error;
  });
  return store.__keyframeStore;
}
