import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { scanEverywhere } from "./support/axe";

test("a member adds a webhook, sends a test that reaches the receiver, reads the log and deletes it; axe-clean", async ({ page }) => {
  test.setTimeout(90_000);
  const received: string[] = [];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => (received.push(body), res.writeHead(200).end()));
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook-${Date.now()}`;
  try {
    await page.goto("/account/api");
    const field = page.getByLabel("Receiver URL");
    await field.fill("ftp://example.com/x");
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByText("The URL must start with http:// or https:// (not ftp://).")).toBeVisible();
    await field.fill(url);
    await page.getByRole("button", { name: "Add webhook" }).click();
    const card = page.getByRole("article", { name: `Webhook ${url}` });
    await expect(card).toBeVisible();
    await card.getByRole("button", { name: "Show" }).click();
    await expect(card.getByText(/^whsec_[A-Za-z0-9_-]{43}$/)).toBeVisible();
    await card.getByRole("button", { name: "Send test" }).click();
    await expect(card.getByText("Test delivered (200).")).toBeVisible();
    await expect(card.getByRole("row").filter({ has: page.getByRole("cell", { name: "test", exact: true }) })).toContainText("delivered");
    // Other specs' takes may finish meanwhile and come too: the test event is among what arrived.
    expect(received.map((b) => (JSON.parse(b) as { event: string }).event)).toContain("test");

    await scanEverywhere(page, "/account/api", "api page", async (p) => {
      await expect(
        p
          .getByRole("article", { name: `Webhook ${url}` })
          .getByRole("row")
          .filter({ has: p.getByRole("cell", { name: "test", exact: true }) }),
      ).toContainText("delivered");
    });

    await card.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete webhook" }).click();
    await expect(card).toHaveCount(0);
  } finally {
    receiver.close();
  }
});
