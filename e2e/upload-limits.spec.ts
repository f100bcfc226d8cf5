import { expect, test, type APIRequestContext } from "@playwright/test";
import { JOB_FIELDS } from "../lib/test/job-form";
import { makePngOfSize } from "../lib/test/png";

// Over real HTTP against the built server: the proxy's body buffering only exists there.
const MB = 1024 * 1024;

function generate(request: APIRequestContext, tag: string, images: { image: Buffer; lastImage?: Buffer }) {
  return request.post("/api/jobs", {
    multipart: {
      image: { name: "start.png", mimeType: "image/png", buffer: images.image },
      ...(images.lastImage ? { lastImage: { name: "end.png", mimeType: "image/png", buffer: images.lastImage } } : {}),
      ...JOB_FIELDS,
      prompt: `Upload limits ${tag}`,
    },
    timeout: 60_000,
  });
}

test("a PNG of exactly 10 MB is accepted", async ({ request }) => {
  const image = makePngOfSize(10 * MB);
  expect(image.length).toBe(10_485_760);
  const res = await generate(request, `10mb-${Date.now()}`, { image });
  expect(res.status(), await res.text()).toBe(201);
});

test("a 6 MB start image and a 6 MB end image together are accepted", async ({ request }) => {
  const res = await generate(request, `6+6-${Date.now()}`, {
    image: makePngOfSize(6 * MB),
    lastImage: makePngOfSize(6 * MB, [20, 180, 90]),
  });
  expect(res.status(), await res.text()).toBe(201);
});

test("an 11 MB image gets its own field error", async ({ request }) => {
  const res = await generate(request, `11mb-${Date.now()}`, { image: makePngOfSize(11 * MB) });
  expect(res.status()).toBe(400);
  const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
  expect(body.error.code).toBe("validation_failed");
  expect(body.error.fields).toEqual({ image: "Image is 11.0 MB; the limit is 10 MB." });
});
