-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'recruiter', 'hiring_manager', 'interviewer');

-- CreateEnum
CREATE TYPE "CandidateSource" AS ENUM ('internal', 'external');

-- CreateEnum
CREATE TYPE "Track" AS ENUM ('core_pm', 'technical_pm', 'apm');

-- CreateEnum
CREATE TYPE "LoopStage" AS ENUM ('sourced', 'screen', 'loop_scheduled', 'in_loop', 'awaiting_feedback', 'debrief', 'decided', 'offer', 'closed');

-- CreateEnum
CREATE TYPE "RoundType" AS ENUM ('recruiter_screen', 'product_sense', 'behavioral', 'execution', 'analytical', 'leadership', 'take_home');

-- CreateEnum
CREATE TYPE "RoundStatus" AS ENUM ('scheduled', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "RubricStatus" AS ENUM ('draft', 'published');

-- CreateEnum
CREATE TYPE "FlagPolarity" AS ENUM ('green', 'red');

-- CreateEnum
CREATE TYPE "FeedbackStatus" AS ENUM ('draft', 'submitted');

-- CreateEnum
CREATE TYPE "Recommendation" AS ENUM ('strong_no', 'no', 'yes', 'strong_yes');

-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('hire', 'no_hire', 'more_signal');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Password" (
    "hash" TEXT NOT NULL,
    "userId" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RubricVersion" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "status" "RubricStatus" NOT NULL DEFAULT 'draft',
    "notes" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "RubricVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dimension" (
    "id" TEXT NOT NULL,
    "rubricVersionId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "lowLabel" TEXT NOT NULL,
    "highLabel" TEXT NOT NULL,
    "core" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL,
    "anchor1" TEXT NOT NULL,
    "anchor2" TEXT NOT NULL,
    "anchor3" TEXT NOT NULL,
    "anchor4" TEXT NOT NULL,

    CONSTRAINT "Dimension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlagDefinition" (
    "id" TEXT NOT NULL,
    "rubricVersionId" TEXT NOT NULL,
    "dimensionId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "polarity" "FlagPolarity" NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "FlagDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundKit" (
    "type" "RoundType" NOT NULL,
    "name" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "defaultMinutes" INTEGER NOT NULL,
    "focusDimensionKeys" TEXT[],
    "questions" TEXT[],
    "listenFor" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoundKit_pkey" PRIMARY KEY ("type")
);

-- CreateTable
CREATE TABLE "Candidate" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "currentRole" TEXT NOT NULL,
    "currentLevel" TEXT NOT NULL,
    "source" "CandidateSource" NOT NULL,
    "track" "Track" NOT NULL,
    "targetLevel" TEXT NOT NULL,
    "recruiterId" TEXT NOT NULL,
    "hiringManagerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Candidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Loop" (
    "id" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "roleTitle" TEXT NOT NULL,
    "track" "Track" NOT NULL,
    "targetLevel" TEXT NOT NULL,
    "recruiterId" TEXT NOT NULL,
    "hiringManagerId" TEXT NOT NULL,
    "rubricVersionId" TEXT NOT NULL,
    "stage" "LoopStage" NOT NULL DEFAULT 'sourced',
    "stageChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "targetDecisionAt" TIMESTAMP(3),
    "debriefAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Loop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StageChange" (
    "id" TEXT NOT NULL,
    "loopId" TEXT NOT NULL,
    "fromStage" "LoopStage",
    "toStage" "LoopStage" NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changedById" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "StageChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Round" (
    "id" TEXT NOT NULL,
    "loopId" TEXT NOT NULL,
    "type" "RoundType" NOT NULL,
    "position" INTEGER NOT NULL,
    "status" "RoundStatus" NOT NULL DEFAULT 'scheduled',
    "scheduledAt" TIMESTAMP(3),
    "durationMinutes" INTEGER NOT NULL DEFAULT 45,
    "interviewerId" TEXT,
    "focusDimensionKeys" TEXT[],
    "feedbackDueAt" TIMESTAMP(3),
    "cancelledReason" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "interviewerId" TEXT NOT NULL,
    "rubricVersionId" TEXT NOT NULL,
    "status" "FeedbackStatus" NOT NULL DEFAULT 'draft',
    "recommendation" "Recommendation",
    "summary" TEXT NOT NULL DEFAULT '',
    "flagKeys" TEXT[],
    "evidenceWarnings" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "submitKey" TEXT,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rating" (
    "id" TEXT NOT NULL,
    "feedbackId" TEXT NOT NULL,
    "dimensionId" TEXT NOT NULL,
    "value" INTEGER,
    "evidence" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Rating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackAmendment" (
    "id" TEXT NOT NULL,
    "feedbackId" TEXT NOT NULL,
    "amendedById" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "afterPanelVisible" BOOLEAN NOT NULL,
    "amendedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "loopId" TEXT NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "level" TEXT,
    "rationale" TEXT NOT NULL,
    "dimensionKeys" TEXT[],
    "dissent" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" TIMESTAMP(3),

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "data" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_role_active_idx" ON "User"("role", "active");

-- CreateIndex
CREATE UNIQUE INDEX "Password_userId_key" ON "Password"("userId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_email_createdAt_idx" ON "LoginAttempt"("email", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_createdAt_idx" ON "LoginAttempt"("ip", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RubricVersion_version_key" ON "RubricVersion"("version");

-- CreateIndex
CREATE INDEX "RubricVersion_status_version_idx" ON "RubricVersion"("status", "version");

-- CreateIndex
CREATE INDEX "Dimension_rubricVersionId_position_idx" ON "Dimension"("rubricVersionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Dimension_rubricVersionId_key_key" ON "Dimension"("rubricVersionId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "FlagDefinition_rubricVersionId_key_key" ON "FlagDefinition"("rubricVersionId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_email_key" ON "Candidate"("email");

-- CreateIndex
CREATE INDEX "Candidate_name_idx" ON "Candidate"("name");

-- CreateIndex
CREATE INDEX "Loop_stage_stageChangedAt_idx" ON "Loop"("stage", "stageChangedAt");

-- CreateIndex
CREATE INDEX "Loop_hiringManagerId_stage_idx" ON "Loop"("hiringManagerId", "stage");

-- CreateIndex
CREATE INDEX "Loop_recruiterId_stage_idx" ON "Loop"("recruiterId", "stage");

-- CreateIndex
CREATE INDEX "Loop_candidateId_idx" ON "Loop"("candidateId");

-- CreateIndex
CREATE INDEX "StageChange_loopId_changedAt_idx" ON "StageChange"("loopId", "changedAt");

-- CreateIndex
CREATE INDEX "Round_loopId_position_idx" ON "Round"("loopId", "position");

-- CreateIndex
CREATE INDEX "Round_interviewerId_scheduledAt_idx" ON "Round"("interviewerId", "scheduledAt");

-- CreateIndex
CREATE INDEX "Round_feedbackDueAt_idx" ON "Round"("feedbackDueAt");

-- CreateIndex
CREATE INDEX "Feedback_interviewerId_status_idx" ON "Feedback"("interviewerId", "status");

-- CreateIndex
CREATE INDEX "Feedback_status_submittedAt_idx" ON "Feedback"("status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_roundId_interviewerId_key" ON "Feedback"("roundId", "interviewerId");

-- CreateIndex
CREATE INDEX "Rating_dimensionId_idx" ON "Rating"("dimensionId");

-- CreateIndex
CREATE UNIQUE INDEX "Rating_feedbackId_dimensionId_key" ON "Rating"("feedbackId", "dimensionId");

-- CreateIndex
CREATE INDEX "FeedbackAmendment_feedbackId_amendedAt_idx" ON "FeedbackAmendment"("feedbackId", "amendedAt");

-- CreateIndex
CREATE INDEX "Decision_loopId_decidedAt_idx" ON "Decision"("loopId", "decidedAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_at_idx" ON "AuditEvent"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- AddForeignKey
ALTER TABLE "Password" ADD CONSTRAINT "Password_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RubricVersion" ADD CONSTRAINT "RubricVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dimension" ADD CONSTRAINT "Dimension_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "RubricVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlagDefinition" ADD CONSTRAINT "FlagDefinition_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "RubricVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlagDefinition" ADD CONSTRAINT "FlagDefinition_dimensionId_fkey" FOREIGN KEY ("dimensionId") REFERENCES "Dimension"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_recruiterId_fkey" FOREIGN KEY ("recruiterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_hiringManagerId_fkey" FOREIGN KEY ("hiringManagerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loop" ADD CONSTRAINT "Loop_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loop" ADD CONSTRAINT "Loop_recruiterId_fkey" FOREIGN KEY ("recruiterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loop" ADD CONSTRAINT "Loop_hiringManagerId_fkey" FOREIGN KEY ("hiringManagerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loop" ADD CONSTRAINT "Loop_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "RubricVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageChange" ADD CONSTRAINT "StageChange_loopId_fkey" FOREIGN KEY ("loopId") REFERENCES "Loop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageChange" ADD CONSTRAINT "StageChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_loopId_fkey" FOREIGN KEY ("loopId") REFERENCES "Loop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_interviewerId_fkey" FOREIGN KEY ("interviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_interviewerId_fkey" FOREIGN KEY ("interviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "RubricVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_feedbackId_fkey" FOREIGN KEY ("feedbackId") REFERENCES "Feedback"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_dimensionId_fkey" FOREIGN KEY ("dimensionId") REFERENCES "Dimension"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackAmendment" ADD CONSTRAINT "FeedbackAmendment_feedbackId_fkey" FOREIGN KEY ("feedbackId") REFERENCES "Feedback"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackAmendment" ADD CONSTRAINT "FeedbackAmendment_amendedById_fkey" FOREIGN KEY ("amendedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_loopId_fkey" FOREIGN KEY ("loopId") REFERENCES "Loop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Constraints Prisma's schema language cannot express.
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_value_range" CHECK ("value" IS NULL OR "value" BETWEEN 1 AND 4);
ALTER TABLE "User" ADD CONSTRAINT "User_email_lowercase" CHECK ("email" = lower("email"));
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_email_lowercase" CHECK ("email" = lower("email"));
ALTER TABLE "Round" ADD CONSTRAINT "Round_duration_positive" CHECK ("durationMinutes" > 0);
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_version_positive" CHECK ("version" >= 1);
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_submitted_has_time" CHECK ("status" = 'draft' OR "submittedAt" IS NOT NULL);
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_rationale_present" CHECK (length(btrim("rationale")) > 0);
