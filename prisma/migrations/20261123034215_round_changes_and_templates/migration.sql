-- CreateTable
CREATE TABLE "RoundChange" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT NOT NULL DEFAULT '',
    "changedById" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoundChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoopTemplate" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "roundTypes" "RoundType"[],
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LoopTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RoundChange_roundId_changedAt_idx" ON "RoundChange"("roundId", "changedAt");

-- CreateIndex
CREATE UNIQUE INDEX "LoopTemplate_name_key" ON "LoopTemplate"("name");

-- AddForeignKey
ALTER TABLE "RoundChange" ADD CONSTRAINT "RoundChange_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundChange" ADD CONSTRAINT "RoundChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


ALTER TABLE "RoundChange" ADD CONSTRAINT "RoundChange_kind_known" CHECK ("kind" IN ('planned', 'scheduled', 'rescheduled', 'cancelled'));

-- The loop templates every installation starts with (configuration, not demo data).
INSERT INTO "LoopTemplate" ("id", "name", "roundTypes", "position") VALUES
  ('standard', 'Standard engineer-to-PM loop', ARRAY['recruiter_screen', 'product_sense', 'behavioral', 'execution', 'analytical', 'leadership']::"RoundType"[], 0),
  ('internal', 'Internal transfer', ARRAY['recruiter_screen', 'product_sense', 'behavioral', 'execution']::"RoundType"[], 1),
  ('with_take_home', 'With take-home presentation', ARRAY['recruiter_screen', 'product_sense', 'behavioral', 'execution', 'analytical', 'take_home']::"RoundType"[], 2);
