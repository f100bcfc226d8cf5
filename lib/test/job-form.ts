import { makePng } from "./png";

/** Every text field of the form, at the test defaults (2 s, auto ratio, random seed, one video). */
export const JOB_FIELDS = {
  prompt: "A test take",
  duration: "2",
  aspectRatio: "auto",
  cameraFixed: "false",
  seed: "-1",
  enableSafetyChecker: "true",
  variations: "1",
};

/**
 * A POST /api/jobs multipart body as the browser sends it: a PNG start image and every field, over
 * defaults (2 s, auto ratio, random seed, one video).
 */
export function jobForm(
  fields: Record<string, string> = {},
  image = { width: 400, height: 300, tint: [120, 80, 200] as [number, number, number] },
): FormData {
  const body = new FormData();
  body.append("image", new File([new Uint8Array(makePng(image.width, image.height, image.tint))], "start.png", { type: "image/png" }));
  for (const [k, v] of Object.entries({ ...JOB_FIELDS, ...fields })) body.append(k, v);
  return body;
}
