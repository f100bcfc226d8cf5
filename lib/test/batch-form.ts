import { zipSync } from "fflate";
import { makePng } from "./png";

/** A CSV of `count` rows over shot-1.png … shot-N.png (2 s each, random seeds), with `edit` changing some lines' cells. */
export function batchCsv(count: number, edit: (line: number) => Record<string, string | undefined> = () => ({})): string {
  const header = ["image", "prompt", "duration", "seed"];
  const lines = Array.from({ length: count }, (_, i) => {
    const row = { image: `shot-${i + 1}.png`, prompt: `Shot ${i + 1}, a slow push-in`, duration: "2", seed: "", ...edit(i + 2) };
    return header.map((h) => `"${(row[h as keyof typeof row] ?? "").replace(/"/g, '""')}"`).join(",");
  });
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}

/** A zip of `count` distinct decodable PNGs named shot-1.png … shot-N.png. */
export function shotsZip(count: number): Uint8Array {
  return zipSync(
    Object.fromEntries(
      Array.from({ length: count }, (_, i) => [`shot-${i + 1}.png`, new Uint8Array(makePng(400, 300, [i * 12, 80, 200 - i * 5]))]),
    ),
  );
}

/** The multipart body of POST /api/batches(/preview): the file and, if given, the images zip. */
export function batchForm(csv: string, zip?: Uint8Array, fields: Record<string, string> = {}): FormData {
  const body = new FormData();
  body.append("file", new File([csv], "shots.csv", { type: "text/csv" }));
  if (zip) body.append("images", new File([zip as Uint8Array<ArrayBuffer>], "shots.zip", { type: "application/zip" }));
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return body;
}
