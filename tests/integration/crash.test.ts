import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { defaultRoundKits } from "../../prisma/default-rubric";
import { hashSessionToken } from "~/server/auth/session.server";
import { openDatabase } from "~/server/db.server";
import { createCandidate, createDefaultRubric, createLoop, createRoundKits, createUser } from "../../prisma/factories";
import { type ChildServer, ensureBuild, startServer } from "../support/child-server";
import { completeForm } from "../support/scenario";

/**
 * kill -9 of the server in the middle of writes, on both engines: 16
 * interviewers save drafts and submit scorecards concurrently over HTTP; once
 * enough writes have been acknowledged the server is killed with SIGKILL
 * (requests are always in flight by then), restarted, and the database is
 * checked: every acknowledged submit is there exactly once with all its
 * ratings, every acknowledged draft save is there (or superseded by a later
 * one), no scorecard anywhere is partial. Three times. The outcome does not
 * depend on when exactly the kill lands, only that it lands mid-write.
 */
const CLIENTS = 16;
const KILLS = 3;
const ROUNDS_PER_CLIENT_PER_KILL = 12;
const ACKS_BEFORE_KILL = 40;

const engine = process.env.CALIBRATE_TEST_ENGINE;
const serverEnv = (): Record<string, string> =>
  engine === "postgres"
    ? { DATABASE_URL: process.env.DATABASE_URL!, PGLITE_DATA_DIR: "" }
    : { DATABASE_URL: "", PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR! };
const connect = () =>
  openDatabase(
    engine === "postgres"
      ? { databaseUrl: process.env.DATABASE_URL!, pgliteDataDir: "" }
      : { pgliteDataDir: process.env.PGLITE_DATA_DIR! },
  );

interface Interviewer {
  id: string;
  cookie: string;
  rounds: string[][]; // per kill, the rounds this client works through
}

const interviewers: Interviewer[] = [];
let dimensionCount = 0;
let server: ChildServer | null = null;

beforeAll(async () => {
  if (engine === "postgres" && !process.env.DATABASE_URL) return;
  ensureBuild();
  const db = connect();
  try {
    const rubric = await createDefaultRubric(db.prisma);
    await createRoundKits(db.prisma);
    dimensionCount = await db.prisma.dimension.count({ where: { rubricVersionId: rubric.id } });
    const [hm, recruiter] = [
      await createUser(db.prisma, { role: "hiring_manager" }),
      await createUser(db.prisma, { role: "recruiter" }),
    ];
    const loops = [];
    for (let i = 0; i < 8; i++) {
      const candidate = await createCandidate(db.prisma, { recruiterId: recruiter.id, hiringManagerId: hm.id });
      loops.push(
        await createLoop(db.prisma, {
          candidateId: candidate.id,
          recruiterId: recruiter.id,
          hiringManagerId: hm.id,
          rubricVersionId: rubric.id,
          history: [{ stage: "in_loop", at: new Date(Date.now() - 10 * 86_400_000) }],
        }),
      );
    }
    const kit = defaultRoundKits.find((item) => item.type === "product_sense")!;
    const held = new Date(Date.now() - 2 * 86_400_000);
    for (let c = 0; c < CLIENTS; c++) {
      const user = await createUser(db.prisma, { role: "interviewer" });
      const token = randomBytes(20).toString("hex");
      await db.prisma.session.create({
        data: { id: hashSessionToken(token), userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) },
      });
      const rounds: string[][] = [];
      for (let kill = 0; kill < KILLS; kill++) {
        const ids: string[] = [];
        for (let r = 0; r < ROUNDS_PER_CLIENT_PER_KILL; r++) {
          const round = await db.prisma.round.create({
            data: {
              loopId: loops[(c + r) % loops.length]!.id,
              type: "product_sense",
              position: 100 + kill * 100 + r,
              interviewerId: user.id,
              scheduledAt: held,
              durationMinutes: kit.defaultMinutes,
              focusDimensionKeys: kit.focusDimensionKeys,
              feedbackDueAt: new Date(held.getTime() + 86_400_000),
            },
            select: { id: true },
          });
          ids.push(round.id);
        }
        rounds.push(ids);
      }
      interviewers.push({ id: user.id, cookie: `calibrate_session=${token}`, rounds });
    }
  } finally {
    await db.close();
  }
}, 120_000);

afterAll(async () => {
  await server?.signal("SIGKILL");
});

interface Acks {
  saves: number;
  submits: { roundId: string; interviewerId: string; submitKey: string }[];
  drafts: Map<string, { version: number; summary: string }>; // by round
}

/** One interviewer working through rounds: two draft saves, then a submit; stops at the first failure. */
async function work(base: string, who: Interviewer, rounds: string[], acks: Acks, stop: { now: boolean }) {
  const post = (path: string, form: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) for (const item of [value].flat()) body.append(key, item);
    return fetch(`${base}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: who.cookie, Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });
  };
  let failures = 0;
  for (const roundId of rounds) {
    if (stop.now) break;
    try {
      let version = 0;
      for (let save = 1; save <= 2; save++) {
        const summary = `draft ${save} of ${roundId}`;
        const response = await post(`/rounds/${roundId}/draft`, {
          ...completeForm({ summary }),
          version: String(version),
        });
        const json = (await response.json()) as { ok: boolean; version?: number };
        if (!json.ok) throw new Error(`draft refused: ${JSON.stringify(json)}`);
        version = json.version!;
        acks.drafts.set(roundId, { version, summary });
        acks.saves += 1;
      }
      const submitKey = `crash-${roundId}`;
      const response = await post(`/rounds/${roundId}/feedback`, {
        ...completeForm({ submitKey }),
        version: String(version),
      });
      await response.arrayBuffer();
      if (response.status !== 302) throw new Error(`submit answered ${response.status}`);
      acks.submits.push({ roundId, interviewerId: who.id, submitKey });
    } catch (error) {
      // Connection refused or reset: the server is gone. Anything else is a bug.
      if (!stop.now) throw error;
      failures += 1;
      break;
    }
  }
  return failures;
}

async function verify(acks: Acks) {
  const db = connect();
  try {
    const submitted = await db.prisma.feedback.findMany({
      where: { status: "submitted" },
      select: { roundId: true, interviewerId: true, submitKey: true, _count: { select: { ratings: true } } },
    });
    // No scorecard anywhere is partial: every submitted one has a rating for every dimension.
    expect(submitted.filter((feedback) => feedback._count.ratings !== dimensionCount)).toEqual([]);
    // Every acknowledged submit is there, exactly once, as it was sent.
    for (const ack of acks.submits) {
      const rows = submitted.filter((row) => row.roundId === ack.roundId && row.interviewerId === ack.interviewerId);
      expect(rows.map((row) => row.submitKey)).toEqual([ack.submitKey]);
    }
    // Every acknowledged draft save is there, or a later save of the same draft (possibly unacknowledged).
    const drafts = await db.prisma.feedback.findMany({
      where: { roundId: { in: [...acks.drafts.keys()] } },
      select: { roundId: true, version: true, status: true, draft: true },
    });
    for (const [roundId, ack] of acks.drafts) {
      const row = drafts.find((draft) => draft.roundId === roundId);
      expect(row, `draft of ${roundId}`).toBeDefined();
      expect(row!.version).toBeGreaterThanOrEqual(ack.version);
      if (row!.status === "draft" && row!.version === ack.version) {
        expect((row!.draft as { summary?: string }).summary).toBe(ack.summary);
      }
    }
    // Ratings exist only for submitted scorecards (a draft keeps its form as JSON).
    expect(await db.prisma.rating.count({ where: { feedback: { status: "draft" } } })).toBe(0);
    return submitted.length;
  } finally {
    await db.close();
  }
}

it(
  `loses nothing acknowledged and leaves nothing half-written when the server is killed mid-write (${engine})`,
  { timeout: 240_000 },
  async (context) => {
    if (engine === "postgres" && !process.env.DATABASE_URL) context.skip();
    const acks: Acks = { saves: 0, submits: [], drafts: new Map() };
    const report: string[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const started = Date.now();
      server = await startServer(serverEnv());
      const startMs = Date.now() - started;
      const before = acks.submits.length + acks.saves;
      const stop = { now: false };
      const clients = interviewers.map((who) => work(server!.url, who, who.rounds[kill]!, acks, stop));
      // Kill once enough writes were acknowledged in this run (requests are in flight all the while).
      await expect
        .poll(() => acks.submits.length + acks.saves - before, { timeout: 60_000, interval: 20 })
        .toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
      stop.now = true;
      await server.signal("SIGKILL");
      const cutOff = (await Promise.all(clients)).reduce((sum, failures) => sum + failures, 0);
      // It starts again on what was left (and so the check below reads what the next server would serve).
      const restarted = Date.now();
      server = await startServer(serverEnv());
      const restartMs = Date.now() - restarted;
      await server.signal("SIGTERM");
      server = null;
      const total = await verify(acks);
      report.push(
        `kill ${kill + 1}: ${acks.submits.length} submits and ${acks.saves} draft saves acknowledged so far, ${cutOff} requests cut off, ${total} scorecards intact, restart ${Math.round(restartMs / 100) / 10} s (first start ${Math.round(startMs / 100) / 10} s)`,
      );
    }
    console.log(`crash test (${engine}):\n  ${report.join("\n  ")}`);
    expect(acks.submits.length).toBeGreaterThan(0);
  },
);
