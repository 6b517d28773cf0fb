-- CreateTable
CREATE TABLE "StageSetting" (
    "stage" "LoopStage" NOT NULL,
    "expectedDays" INTEGER NOT NULL,

    CONSTRAINT "StageSetting_pkey" PRIMARY KEY ("stage")
);


ALTER TABLE "StageSetting" ADD CONSTRAINT "StageSetting_expected_days_range" CHECK ("expectedDays" BETWEEN 1 AND 365);

-- Defaults every installation starts with; admins change them on the Stages page.
INSERT INTO "StageSetting" ("stage", "expectedDays") VALUES
  ('sourced', 7), ('screen', 7), ('loop_scheduled', 14), ('in_loop', 14), ('awaiting_feedback', 3),
  ('debrief', 3), ('decided', 5), ('offer', 14);
