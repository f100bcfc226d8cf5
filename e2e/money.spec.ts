import { expect, test } from "@playwright/test";
import { scanEverywhere } from "./support/axe";
import { createJobs, savedJobs } from "./support/jobs";

test.describe("money: the ledger, its chart and alerts, and a member's own limits", () => {
  test.setTimeout(120_000);

  test("an admin pulls WaveSpeed's billing and sees each take's charge, the chart and the CSV; axe finds nothing", async ({ page }) => {
    const jobs = await createJobs(page.request, `A money take ${Date.now()}`);
    await savedJobs(
      page.request,
      jobs.map((j) => j.id),
    );
    await page.goto("/admin/money");
    await page.getByRole("button", { name: "Pull WaveSpeed’s billing now" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Billing pulled." })).toBeVisible();
    const ledger = page.getByRole("region", { name: "Ledger entries" });
    // This take's row (found by its WaveSpeed task id: other specs make takes meanwhile): its charge is
    // WaveSpeed's, equal to its quote.
    type Row = { jobId: string; taskId: string | null; quoteMicros: number; chargeMicros: number | null };
    const report = (await (await page.request.get("/api/admin/ledger")).json()) as { rows: Row[] };
    const mine = report.rows.find((r) => r.jobId === jobs[0]!.id)!;
    expect(mine.chargeMicros).toBe(mine.quoteMicros);
    const cells = ledger
      .getByRole("row")
      .filter({ hasText: mine.taskId!.slice(0, 12) })
      .getByRole("cell");
    await expect(cells.nth(4)).toHaveText(await cells.nth(3).innerText());
    await expect(cells.nth(4)).not.toHaveText("—");
    await expect(page.getByRole("img", { name: /Spend per day in USD/ })).toBeVisible();
    const csv = await page.request.get("/api/admin/ledger?format=csv");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect((await csv.text()).split("\r\n")[0]).toBe(
      "when,who,model,duration_s,quote_usd,charge_usd,refund_usd,counted_usd,status,wavespeed_task_id",
    );
    await scanEverywhere(page, "/admin/money", "money", async () => {
      await expect(page.getByRole("heading", { name: "Money", level: 1 })).toBeVisible();
    });
    await scanEverywhere(page, "/account/limits", "my limits", async () => {
      await expect(page.getByLabel("My daily limit (USD)")).toBeVisible();
    });
  });
});
