/**
 * What the audit log says about each event, in words. Every action the app
 * writes has a label here (a unit test reads the server code to make sure);
 * an action without one is shown by its raw name.
 */
export const auditActionLabels: Record<string, string> = {
  "feedback.viewed": "viewed feedback",
  "feedback.submitted": "submitted feedback",
  "feedback.amended": "amended feedback",
  "feedback.voided": "voided feedback",
  "decision.recorded": "recorded a decision",
  "candidate.created": "added a candidate",
  "candidate.updated": "edited a candidate",
  "loop.created": "opened a loop",
  "loop.updated": "edited a loop",
  "loop.stage_changed": "moved the stage",
  "loop.interviewer_unassigned": "unassigned a deactivated interviewer",
  "round.scheduled": "scheduled a round",
  "round.rescheduled": "rescheduled a round",
  "round.cancelled": "cancelled a round",
  "round.changed": "changed a round",
  "user.created": "added a person",
  "user.role_changed": "changed a person's role",
  "user.deactivated": "deactivated a person",
  "user.reactivated": "reactivated a person",
  "user.signed_out_everywhere": "signed a person out everywhere",
  "rubric.draft_created": "started a rubric draft",
  "rubric.details_changed": "edited a rubric draft",
  "rubric.dimension_added": "added a rubric dimension",
  "rubric.dimension_changed": "changed a rubric dimension",
  "rubric.dimension_moved": "reordered rubric dimensions",
  "rubric.dimension_removed": "removed a rubric dimension",
  "rubric.published": "published a rubric",
  "round_kit.changed": "changed an interview kit",
  "stage_settings.changed": "changed stage durations",
  "outcome.recorded": "recorded a hire's outcome",
  "performance_scale.saved": "changed the performance scale",
  "user.grants_changed": "changed a person's grants",
};

/** The shape of an action name: `entity.verb`, lower case. */
export const AUDIT_ACTION_PATTERN = /^[a-z_]+\.[a-z_]+$/;

export function auditActionLabel(action: string): string {
  return Object.hasOwn(auditActionLabels, action) ? auditActionLabels[action]! : action;
}

/** The known actions for a filter, alphabetically by label. */
export const knownAuditActions: { action: string; label: string }[] = Object.entries(auditActionLabels)
  .map(([action, label]) => ({ action, label }))
  .sort((a, b) => a.label.localeCompare(b.label));

export interface AuditEntityRef {
  action: string;
  entityType: string;
  entityId: string;
  loopId: string | null;
}

/** Where the thing an event concerns can be seen, or null when it has no page. */
export function auditEntityHref({ action, entityType, entityId, loopId }: AuditEntityRef): string | null {
  switch (entityType) {
    case "Loop":
      return action.startsWith("decision.") ? `/loops/${entityId}/debrief` : `/loops/${entityId}`;
    case "Feedback":
      return loopId ? `/loops/${loopId}/debrief` : null;
    case "User":
      return "/admin/users";
    case "RubricVersion":
      return `/admin/rubrics/${entityId}`;
    case "RoundKit":
      return `/admin/kits/${entityId}`;
    case "StageSetting":
      return "/admin/stages";
    default:
      return loopId ? `/loops/${loopId}` : null;
  }
}

// Ids are shown in their own columns (and kept whole in the CSV); the summary is for people.
const ID_KEY = /(^id$|Id$)/;
const MAX_VALUE_LENGTH = 80;

function words(key: string): string {
  return key
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
}

function scalar(value: unknown): string | null {
  if (value === null || value === undefined) return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  if (typeof value === "string")
    return value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH)}…` : value;
  if (Array.isArray(value) && value.every((item) => typeof item !== "object" || item === null))
    return value.length ? value.map(scalar).join(", ") : "none";
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A one-line summary of an event's data for the log's details column: the
 * fields that changed for before/after snapshots, "a → b" for from/to, and
 * readable key: value pairs otherwise. Long values are shortened here only;
 * the CSV export keeps the data whole.
 */
export function summariseAuditData(data: unknown): string {
  if (data === null || data === undefined) return "";
  if (!isRecord(data)) return scalar(data) ?? "";
  if ("before" in data && "after" in data) {
    const before = isRecord(data.before) ? data.before : null;
    const after = isRecord(data.after) ? data.after : {};
    if (!before) return "first saved";
    const changed = Object.keys(after).filter(
      (key) => !ID_KEY.test(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
    );
    return changed.length ? `changed ${changed.map(words).join(", ")}` : "no change";
  }
  const parts: string[] = [];
  if ("from" in data && "to" in data) parts.push(`${scalar(data.from) ?? "…"} → ${scalar(data.to) ?? "…"}`);
  for (const [key, value] of Object.entries(data)) {
    if (ID_KEY.test(key) || key === "from" || key === "to") continue;
    parts.push(`${words(key)}: ${scalar(value) ?? "…"}`);
  }
  return parts.join(" · ");
}
