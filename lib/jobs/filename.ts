/** A download's file name from its prompt and seed: `a-cat-wakes-up-seed42.mp4`. */
export function downloadName(prompt: string, seed: number): string {
  const slug = prompt
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return `${slug || "keyframe"}-seed${seed}.mp4`;
}
