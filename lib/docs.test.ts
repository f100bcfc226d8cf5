// backend-free: reads the repository's files, no database or object store
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { SETTING_NAMES } from "./env";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const readme = read("README.md");
const docs = fs
  .readdirSync(path.join(root, "docs"))
  .filter((name) => name.endsWith(".md"))
  .map((name) => `docs/${name}`);

test("the README stays a front page: under 20 KB, with the run and test commands", () => {
  expect(Buffer.byteLength(readme)).toBeLessThan(20_000);
  expect(readme).toContain("npm install && npm run build && npm start");
  expect(readme).toContain("\nnpm test\n");
  expect(readme).toContain("(public/screenshot.png)");
});

test("every setting is in the README's table and in .env.example", () => {
  const table = readme.slice(readme.indexOf("## Settings"));
  const example = read(".env.example");
  for (const name of SETTING_NAMES) {
    expect(table, name).toContain(`\`${name}\``);
    expect(example, name).toMatch(new RegExp(`^#?\\s*${name}=`, "m"));
  }
});

test("every relative link in the README and docs/ leads to a file that exists", () => {
  for (const file of ["README.md", ...docs]) {
    for (const [, target] of read(file).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      expect(fs.existsSync(path.resolve(root, path.dirname(file), target!)), `${file} → ${target}`).toBe(true);
    }
  }
});
