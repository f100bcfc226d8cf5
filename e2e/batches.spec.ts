import { expect, test } from "@playwright/test";
import { zipSync } from "fflate";
import { makePng } from "../lib/test/png";
import { expectNoAxeViolations, expectNoSidewaysScroll } from "./support/axe";

const ROWS = 20;

test("a 20-row CSV with a zip of images shows each row and the total before charging, then runs to 20 of 20 done", async ({ page }) => {
  test.setTimeout(90_000);
  const tag = `batch-${Date.now()}`;
  const csv = [
    "image,prompt,duration",
    ...Array.from({ length: ROWS }, (_, i) => `shot-${i + 1}.png,"Shot ${i + 1} of ${tag}, a slow push-in",2`),
  ].join("\r\n");
  const zip = zipSync(
    Object.fromEntries(
      Array.from({ length: ROWS }, (_, i) => [`shot-${i + 1}.png`, new Uint8Array(makePng(480, 320, [i * 12, 90, 200 - i * 6]))]),
    ),
  );

  await page.goto("/batches/new");
  await page.getByLabel("Batch file (.csv or .json)").setInputFiles({ name: `${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page
    .getByLabel("Images (.zip, optional)")
    .setInputFiles({ name: "shots.zip", mimeType: "application/zip", buffer: Buffer.from(zip) });
  await page.getByRole("button", { name: "Check batch" }).click();
  await expect(page.getByText("20 rows, 20 takes: total $0.64")).toBeVisible();
  const table = page.getByRole("table", { name: /Rows of the batch/ });
  await expect(table.getByRole("row")).toHaveCount(ROWS + 1);
  await expect(table.getByRole("row").filter({ hasText: "shot-17.png" })).toContainText("$0.032");

  await expectNoAxeViolations(page, "batch preview, light");
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoAxeViolations(page, "batch preview, dark");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page, "batch preview, phone");
  await page.setViewportSize({ width: 1400, height: 1000 });

  const t0 = Date.now();
  await page.getByRole("button", { name: "Run batch — $0.64" }).click();
  await expect(page).toHaveURL(/\/batches\/[\w-]{22}$/);
  await expect(page.getByRole("heading", { name: `Batch «${tag}»` })).toBeVisible();
  await expect(page.getByText(/^20 of 20 done/)).toBeVisible({ timeout: 60_000 });
  console.log(`batch of 20: run to 20 of 20 done in ${Date.now() - t0} ms`);
  await expectNoAxeViolations(page, "batch progress, dark");

  await page.getByRole("link", { name: "Show in gallery" }).click();
  await expect(page.getByText(`Batch «${tag}»: 20 of 20 done`)).toBeVisible();
  await page.goto("/batches");
  await expect(page.getByRole("link", { name: tag })).toBeVisible();
  await expect(page.getByText(/^20 of 20 done/)).toBeVisible();
  await expectNoAxeViolations(page, "batches list, dark");
});
