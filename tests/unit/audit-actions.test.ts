import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  AUDIT_ACTION_PATTERN,
  auditActionLabel,
  auditActionLabels,
  auditEntityHref,
  knownAuditActions,
  summariseAuditData,
} from "~/domain/audit-actions";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every action name the code writes: string literals in an `action:` property (ternaries included). */
function writtenActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of [...sourceFiles(path.join(root, "app/server")), ...sourceFiles(path.join(root, "scripts"))]) {
    const source = fs.readFileSync(file, "utf8");
    for (const property of source.matchAll(/\baction:\s*([^,;}]*)/g)) {
      for (const literal of property[1]!.matchAll(/"([^"]+)"/g)) {
        found.set(literal[1]!, path.relative(root, file));
      }
    }
  }
  return found;
}

describe("audit action labels", () => {
  it("has a label for every action written anywhere in the server code", () => {
    const written = writtenActions();
    // The scan must see the writers it is guarding, or it guards nothing.
    expect([...written.keys()]).toEqual(
      expect.arrayContaining(["feedback.viewed", "feedback.submitted", "feedback.amended", "rubric.published"]),
    );
    const missing = [...written].filter(([action]) => !Object.hasOwn(auditActionLabels, action));
    expect(missing, "add a label to app/domain/audit-actions.ts for each").toEqual([]);
  });

  it("names every action in the entity.verb form the log's filter accepts", () => {
    for (const action of Object.keys(auditActionLabels)) expect(action).toMatch(AUDIT_ACTION_PATTERN);
    for (const action of writtenActions().keys()) expect(action).toMatch(AUDIT_ACTION_PATTERN);
  });

  it("reads the actions the issue names in words, and shows an unknown one by its raw name", () => {
    expect(auditActionLabel("feedback.viewed")).toBe("viewed feedback");
    expect(auditActionLabel("feedback.submitted")).toBe("submitted feedback");
    expect(auditActionLabel("decision.recorded")).toBe("recorded a decision");
    expect(auditActionLabel("user.role_changed")).toBe("changed a person's role");
    expect(auditActionLabel("rubric.published")).toBe("published a rubric");
    expect(auditActionLabel("invoice.sent")).toBe("invoice.sent");
    expect(auditActionLabel("toString")).toBe("toString");
  });

  it("offers each known action once, alphabetically by label", () => {
    const labels = knownAuditActions.map((known) => known.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
    expect(new Set(knownAuditActions.map((known) => known.action)).size).toBe(Object.keys(auditActionLabels).length);
  });
});

describe("audit entity links", () => {
  const event = (entityType: string, entityId: string, loopId: string | null = null, action = "x.y") => ({
    action,
    entityType,
    entityId,
    loopId,
  });

  it("links feedback to its loop's debrief, decisions to the debrief, other loop events to the loop page", () => {
    expect(auditEntityHref(event("Feedback", "f1", "l1"))).toBe("/loops/l1/debrief");
    expect(auditEntityHref(event("Loop", "l1", "l1", "decision.recorded"))).toBe("/loops/l1/debrief");
    expect(auditEntityHref(event("Loop", "l1", "l1", "loop.updated"))).toBe("/loops/l1");
    expect(auditEntityHref(event("Round", "r1", "l1"))).toBe("/loops/l1");
  });

  it("links people, rubrics, kits and stage settings to their admin pages, and nothing else", () => {
    expect(auditEntityHref(event("User", "u1"))).toBe("/admin/users");
    expect(auditEntityHref(event("RubricVersion", "v2"))).toBe("/admin/rubrics/v2");
    expect(auditEntityHref(event("RoundKit", "execution"))).toBe("/admin/kits/execution");
    expect(auditEntityHref(event("StageSetting", "all"))).toBe("/admin/stages");
    expect(auditEntityHref(event("Feedback", "f1"))).toBeNull();
    expect(auditEntityHref(event("Mystery", "m1"))).toBeNull();
  });
});

describe("audit details summary", () => {
  it("is empty without data and leaves ids to their own columns", () => {
    expect(summariseAuditData(null)).toBe("");
    expect(summariseAuditData({ loopId: "l1", interviewerId: "u1" })).toBe("");
  });

  it("reads key: value pairs in words", () => {
    expect(summariseAuditData({ decisionId: "d1", outcome: "hire" })).toBe("outcome: hire");
    expect(summariseAuditData({ amendmentId: "a", afterPanelVisible: true, changed: 2 })).toBe(
      "after panel visible: yes · changed: 2",
    );
    expect(summariseAuditData({ focus_keys: ["ownership", "tradeoffs"] })).toBe("focus keys: ownership, tradeoffs");
  });

  it("reads from/to as a change", () => {
    expect(summariseAuditData({ from: "interviewer", to: "admin" })).toBe("interviewer → admin");
  });

  it("names the fields a before/after snapshot changed", () => {
    expect(
      summariseAuditData({
        before: { name: "Ann", email: "a@x", updatedAt: "t1", id: "c1" },
        after: { name: "Ann B", email: "a@x", updatedAt: "t2" },
      }),
    ).toBe("changed name, updated at");
    expect(summariseAuditData({ before: null, after: { name: "Kit" } })).toBe("first saved");
    expect(summariseAuditData({ before: { a: 1 }, after: { a: 1 } })).toBe("no change");
  });

  it("shortens long values for the page (the CSV keeps them whole)", () => {
    const summary = summariseAuditData({ notes: "x".repeat(500) });
    expect(summary.length).toBeLessThan(100);
    expect(summary.endsWith("…")).toBe(true);
  });
});
