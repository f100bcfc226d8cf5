import { fileReader, readMp4Tags } from "@/lib/media/mp4-tags";
import { parseSettings, type ReadSettings } from "@/lib/media/video-settings";
import { imageBytesProblem } from "@/lib/validations/image-input";

export type VideoSettings = ReadSettings | (Extract<ReadSettings, { ok: true }> & { image: File });

/** The first frame of a video the browser can play, as a PNG at the video's own size. */
async function firstFrame(file: File): Promise<File> {
  const url = URL.createObjectURL(file);
  try {
    const video = document.createElement("video");
    video.muted = true;
    video.playsInline = true;
    video.preload = "auto";
    const loaded = new Promise<void>((resolve, reject) => {
      video.onloadeddata = () => resolve();
      video.onerror = () => reject(new Error("this browser cannot play the video, so its first frame cannot be taken"));
    });
    video.src = url;
    await loaded;
    const canvas = document.createElement("canvas");
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext("2d")!.drawImage(video, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error("the first frame could not be drawn");
    return new File([blob], `${file.name.replace(/\.[^.]+$/, "")}-first-frame.png`, { type: "image/png" });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The settings a Keyframe MP4 carries, each checked by the form's schema, and its first frame as the start
 * image (checked like any upload). Nothing is returned for the form to use unless all of it is valid.
 */
export async function readVideoSettings(file: File): Promise<VideoSettings> {
  const tags = await readMp4Tags(fileReader(file), file.size);
  if (!tags) return { ok: false, message: `${file.name} is not an MP4 video.`, fields: {} };
  const settings = parseSettings(tags.comment);
  if (!settings.ok) return settings;
  let image: File;
  try {
    image = await firstFrame(file);
  } catch (error) {
    return { ok: false, message: `Could not use ${file.name}: ${(error as Error).message}.`, fields: {} };
  }
  const problem = imageBytesProblem(new Uint8Array(await image.arrayBuffer()));
  if (problem) {
    return {
      ok: false,
      message: "The video's first frame cannot be a start image; nothing was changed.",
      fields: { image: `From the dropped video: ${problem}` },
    };
  }
  return { ...settings, image };
}
