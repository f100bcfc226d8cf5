import type { Metadata } from "next";

type Shared = {
  title: string;
  description: string;
  /** The share page's own address. */
  url: string;
  size: { width: number; height: number };
  poster: string | undefined;
  video: string | undefined;
};

/** Unfurl tags for a public share page: chat tools show the poster and play the video in place. */
export function shareMetadata({ title, description, url, size, poster, video }: Shared): Metadata {
  const images = poster ? [{ url: poster, ...size, alt: title }] : [];
  return {
    title: `${title} · Keyframe`,
    description,
    robots: { index: false, follow: false },
    openGraph: {
      type: "video.other",
      siteName: "Keyframe",
      url,
      title,
      description,
      images,
      videos: video ? [{ url: video, type: "video/mp4", ...size }] : [],
    },
    twitter: { card: "summary_large_image", title, description, images: images.map((i) => i.url) },
  };
}
