const slug = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");

/** A download's file name from its prompt and seed: `a-cat-wakes-up-seed42.mp4`. */
export function downloadName(prompt: string, seed: number): string {
  return `${slug(prompt) || "keyframe"}-seed${seed}.mp4`;
}

/** An exported film's file name from its storyboard's: `opening-sequence-film.mp4`. */
export const filmDownloadName = (name: string) => `${slug(name) || "keyframe"}-film.mp4`;
