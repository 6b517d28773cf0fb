import { RELATIONSHIPS, type Relationship } from "../support/access-scenario";

/**
 * What each relationship to the loop gets from each route module's loader (a
 * GET) and action (an empty POST from the app's own origin). Columns, in order:
 * anonymous; an interviewer not on the panel (outsdr); panelists who still owe
 * feedback as interviewer, hiring manager, recruiter and admin (lk-*); a
 * panelist who has submitted (unlckd); the loop's hiring manager (loopHM);
 * another hiring manager, without and with the hiring-committee grant
 * (othHM, cmteHM); the loop's recruiter and an admin, not on the panel.
 * Round pages are probed with the person's own round on the loop, or else
 * with another panelist's.
 *
 * Cells: ok = 200 with no other person's feedback in it; reads = 200 with
 * other people's feedback (only where the blind rule allows); login = sent to
 * sign in; redir = sent to a home page; 400 = allowed, but the empty form is
 * refused; 401 = signed out (JSON endpoint); 403 = refused with the reason;
 * 404 = outside the person's scope (they do not learn it exists) or no such
 * thing; 405 = the method is not served (a JSON endpoint asked for a page);
 * 409 = refused by the record's state (a published rubric, a loop that is not a hire).
 */
export const CELLS = ["ok", "reads", "login", "redir", "400", "401", "403", "404", "405", "409"] as const;
export type Cell = (typeof CELLS)[number];

// prettier-ignore
const table: Record<string, string> = {
  //                                                                 anon   outsdr lk-int lk-hm  lk-rec lk-adm unlckd loopHM othHM  cmteHM recrtr admin
  "$.tsx loader":                                                    "404    404    404    404    404    404    404    404    404    404    404    404",
  "_app.admin.audit.tsx loader":                                     "login  403    403    403    403    ok     403    403    403    403    403    ok",
  "_app.admin.kits.$type.tsx action":                                "login  403    403    403    403    400    403    403    403    403    403    400",
  "_app.admin.kits.$type.tsx loader":                                "login  403    403    403    403    ok     403    403    403    403    403    ok",
  "_app.admin.kits._index.tsx loader":                               "login  403    403    403    403    ok     403    403    403    403    403    ok",
  "_app.admin.outbox.tsx loader":                                    "login  403    403    403    403    ok     403    403    403    403    403    ok",
  "_app.admin.performance-scale.tsx action":                         "login  403    403    403    403    400    403    403    403    403    403    400",
  "_app.admin.performance-scale.tsx loader":                         "login  403    403    403    403    ok     403    403    403    403    403    ok",
  "_app.admin.rubrics.$rubricId._index.tsx action":                  "login  403    403    403    403    400    403    403    403    403    403    400",
  "_app.admin.rubrics.$rubricId._index.tsx loader":                  "login  403    403    403    403    ok     403    403    403    403    403    ok",
  "_app.admin.rubrics.$rubricId.dimensions.$dimensionId.tsx action": "login  403    403    403    403    400    403    403    403    403    403    400",
  "_app.admin.rubrics.$rubricId.dimensions.$dimensionId.tsx loader": "login  403    403    403    403    409    403    403    403    403    403    409",
  "_app.admin.rubrics._index.tsx action":                            "login  403    403    403    403    400    403    403    403    403    403    400",
  "_app.admin.rubrics._index.tsx loader":                            "login  403    403    403    403    ok     403    403    403    403    403    ok",
  "_app.admin.stages.tsx action":                                    "login  403    403    403    403    400    403    403    403    403    403    400",
  "_app.admin.stages.tsx loader":                                    "login  403    403    403    403    ok     403    403    403    403    403    ok",
  "_app.admin.templates._index.tsx loader":                          "login  403    403    403    403    ok     403    403    403    403    403    ok",
  "_app.admin.users._index.tsx action":                              "login  403    403    403    403    400    403    403    403    403    403    400",
  "_app.admin.users._index.tsx loader":                              "login  403    403    403    403    ok     403    403    403    403    403    ok",
  "_app.calibration._index.tsx loader":                              "login  ok     ok     ok     403    ok     ok     ok     ok     ok     403    ok",
  "_app.candidates.new.tsx action":                                  "login  403    403    403    400    400    403    403    403    403    400    400",
  "_app.candidates.new.tsx loader":                                  "login  403    403    403    ok     ok     403    403    403    403    ok     ok",
  "_app.loops.$loopId._index.tsx action":                            "login  404    403    403    400    400    403    403    404    403    400    400",
  "_app.loops.$loopId._index.tsx loader":                            "login  404    403    ok     ok     ok     403    ok     404    ok     ok     ok",
  "_app.loops.$loopId.debrief.tsx action":                           "login  404    403    403    403    403    403    400    404    403    403    400",
  "_app.loops.$loopId.debrief.tsx loader":                           "login  404    403    403    403    403    reads  reads  404    reads  reads  reads",
  "_app.loops.$loopId.edit.tsx action":                              "login  404    403    403    400    400    403    403    404    403    400    400",
  "_app.loops.$loopId.edit.tsx loader":                              "login  404    403    403    ok     ok     403    403    404    403    ok     ok",
  "_app.loops._index.tsx loader":                                    "login  403    403    ok     403    ok     403    ok     ok     ok     403    ok",
  "_app.loops.new.tsx action":                                       "login  403    403    403    400    400    403    403    403    403    400    400",
  "_app.loops.new.tsx loader":                                       "login  403    403    403    404    404    403    403    403    403    404    404",
  "_app.outcomes.$loopId.tsx action":                                "login  404    403    403    403    409    403    409    404    403    403    409",
  "_app.outcomes.$loopId.tsx loader":                                "login  404    403    403    403    409    403    409    404    403    403    409",
  "_app.outcomes._index.tsx loader":                                 "login  403    403    ok     403    ok     403    ok     ok     ok     403    ok",
  "_app.pipeline._index.tsx loader":                                 "login  403    403    403    ok     ok     403    403    403    403    ok     ok",
  "_app.pipeline.summary.tsx loader":                                "login  403    403    403    ok     ok     403    403    403    403    ok     ok",
  "_app.rounds.$roundId._index.tsx loader":                          "login  404    ok     ok     ok     ok     reads  404    404    404    404    404",
  "_app.rounds.$roundId.feedback.tsx action":                        "login  404    400    400    400    400    400    404    404    404    404    404",
  "_app.rounds.$roundId.feedback.tsx loader":                        "login  404    ok     ok     ok     ok     ok     404    404    404    404    404",
  "_app.rounds._index.tsx loader":                                   "login  ok     ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
  "_app.tsx loader":                                                 "login  ok     ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
  "_index.tsx loader":                                               "login  redir  redir  redir  redir  redir  redir  redir  redir  redir  redir  redir",
  "admin.audit[.csv].ts loader":                                     "login  403    403    403    403    ok     403    403    403    403    403    ok",
  "admin.users.$userId.sessions.ts action":                          "login  403    403    403    403    400    403    403    403    403    403    400",
  "healthz.ts loader":                                               "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
  "login.tsx action":                                                "400    400    400    400    400    400    400    400    400    400    400    400",
  "login.tsx loader":                                                "ok     redir  redir  redir  redir  redir  redir  redir  redir  redir  redir  redir",
  "logout.tsx action":                                               "login  login  login  login  login  login  login  login  login  login  login  login",
  "logout.tsx loader":                                               "redir  redir  redir  redir  redir  redir  redir  redir  redir  redir  redir  redir",
  "loops.$loopId.ratings[.csv].ts loader":                           "login  404    403    403    403    403    reads  reads  404    reads  reads  reads",
  "rounds.$roundId.draft.ts action":                                 "401    404    400    400    400    400    400    404    404    404    404    404",
  "rounds.$roundId.draft.ts loader":                                 "405    405    405    405    405    405    405    405    405    405    405    405",
};

export const accessMatrix: Record<string, Partial<Record<"loader" | "action", Record<Relationship, Cell>>>> = {};
// The columns, in the order of the comment above.
const columns = RELATIONSHIPS;
for (const [key, row] of Object.entries(table)) {
  const [file, kind] = key.split(" ") as [string, "loader" | "action"];
  const cells = row.trim().split(/\s+/) as Cell[];
  if (cells.length !== columns.length || cells.some((cell) => !CELLS.includes(cell))) {
    throw new Error(`access matrix row "${key}" needs ${columns.length} cells from ${CELLS.join(", ")}`);
  }
  accessMatrix[file] = {
    ...accessMatrix[file],
    [kind]: Object.fromEntries(columns.map((column, i) => [column, cells[i]])),
  };
}
