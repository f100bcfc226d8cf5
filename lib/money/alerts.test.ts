import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn, TEST_USER } from "@/lib/test/app";
import { makePng } from "@/lib/test/png";
import { startReceiver } from "@/lib/test/receiver";
import { call } from "@/lib/test/routes";
import { signDelivery } from "@/lib/wavespeed/webhook";

let sim: Simulator;
let m: {
  create: typeof import("@/lib/jobs/create");
  schema: typeof import("@/lib/validations/generate");
  defaults: typeof import("@/lib/validations/generate-defaults");
  settings: typeof import("@/lib/team/settings");
  alerts: typeof import("./alerts");
  alertsRoute: typeof import("@/app/api/admin/alerts/route");
  limitRoute: typeof import("@/app/api/account/limit/route");
  spendRoute: typeof import("@/app/api/spend/route");
};

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = {
    create: await import("@/lib/jobs/create"),
    schema: await import("@/lib/validations/generate"),
    defaults: await import("@/lib/validations/generate-defaults"),
    settings: await import("@/lib/team/settings"),
    alerts: await import("./alerts"),
    alertsRoute: await import("@/app/api/admin/alerts/route"),
    limitRoute: await import("@/app/api/account/limit/route"),
    spendRoute: await import("@/app/api/spend/route"),
  };
});
afterAll(() => sim.close());

async function generate(user: { id: string; email: string; name: string; role: "admin" | "member" }) {
  const request = await m.schema.generateSchema.parseAsync({
    ...m.defaults.GENERATE_DEFAULTS,
    image: new File([new Uint8Array(makePng(400, 400))], "a.png"),
    prompt: `A take by ${user.name}`,
    duration: 2,
  });
  return m.create.createJobs(request, { user, origin: "http://keyframe.test" });
}

describe("spend alerts", () => {
  test("80% of the team's daily cap fires once, to Slack and to a signed JSON webhook, and shows as a badge", async () => {
    const admin = await signedIn("alerts@keyframe.test");
    const slack = await startReceiver();
    const hook = await startReceiver();
    await m.settings.saveTeamSettings({ ...(await m.settings.getTeamSettings()), teamDailyCapUsd: 0.1, balanceWarnUsd: null });
    const saved = await call(m.alertsRoute, "PUT", {
      cookie: admin.cookie,
      body: { thresholds: [80, 50], slackUrl: slack.url, webhookUrl: hook.url },
    });
    expect(saved.status).toBe(200);
    const { secret } = saved.body as { secret: string };
    expect(secret).toMatch(/^whsec_/);

    await generate(TEST_USER);
    await generate(TEST_USER); // 64% of $0.10
    expect((await m.alerts.checkAlerts()).map((a) => a.percent)).toEqual([50]);
    await generate(TEST_USER); // 96%
    expect((await m.alerts.checkAlerts()).map((a) => a.percent)).toEqual([80]);
    expect(await m.alerts.checkAlerts()).toEqual([]);

    expect(slack.received.map((r) => JSON.parse(r.body) as { text: string })).toEqual([
      { text: 'Keyframe: 50% of the cap "Whole team, per day" is spent: $0.064 of $0.10.' },
      { text: 'Keyframe: 80% of the cap "Whole team, per day" is spent: $0.096 of $0.10.' },
    ]);
    expect(hook.received).toHaveLength(2);
    const last = hook.received[1]!;
    const id = String(last.headers["webhook-id"]);
    const timestamp = String(last.headers["webhook-timestamp"]);
    expect(last.headers["webhook-signature"]).toBe(signDelivery(secret, id, timestamp, last.body));
    expect(JSON.parse(last.body)).toMatchObject({
      type: "spend_alert",
      kind: "teamDaily",
      percent: 80,
      spentMicros: 96_000,
      limitMicros: 100_000,
    });

    const spend = await call(m.spendRoute, "GET", { cookie: admin.cookie });
    expect(spend.body).toMatchObject({ alerts: 2 });
    const bad = await call(m.alertsRoute, "PUT", {
      cookie: admin.cookie,
      body: { thresholds: [120], slackUrl: "ftp://x", webhookUrl: null },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { fields: { thresholds: "At most 100%.", slackUrl: expect.stringContaining("http(s)") } } });
    await slack.close();
    await hook.close();
  });

  test("a member's own daily limit, below the cap an admin gave, refuses what would cross it", async () => {
    await m.settings.saveTeamSettings({ ...(await m.settings.getTeamSettings()), teamDailyCapUsd: null, memberDailyCapUsd: 0.08 });
    const member = await signedIn("thrifty@keyframe.test", "member");
    const tooHigh = await call(m.limitRoute, "PUT", { cookie: member.cookie, body: { dailyUsd: 0.09, monthlyUsd: null } });
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body).toMatchObject({ error: { fields: { dailyUsd: "Must be at most the team's daily cap, $0.08." } } });
    const ok = await call(m.limitRoute, "PUT", { cookie: member.cookie, body: { dailyUsd: 0.04, monthlyUsd: null } });
    expect(ok.status).toBe(200);
    const user = { id: member.id, email: "thrifty@keyframe.test", name: "thrifty", role: "member" as const };
    await generate(user);
    await expect(generate(user)).rejects.toThrow(/your own daily limit of \$0\.04: \$0\.008 is left/);
  });
});
