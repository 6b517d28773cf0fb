-- AlterTable
ALTER TABLE "User" ADD COLUMN     "committeeMember" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Feedback" ADD COLUMN     "voidReason" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "voidedAt" TIMESTAMP(3),
ADD COLUMN     "voidedById" TEXT;

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "loopId" TEXT;

-- CreateIndex
CREATE INDEX "AuditEvent_loopId_at_idx" ON "AuditEvent"("loopId", "at");

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_voidedById_fkey" FOREIGN KEY ("voidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A void is only for submitted feedback and always carries its reason.
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_void_check"
  CHECK ("voidedAt" IS NULL OR ("status" = 'submitted' AND length(btrim("voidReason")) > 0));

-- Existing audit events: the loop is the entity itself, or named in the event's data.
UPDATE "AuditEvent" SET "loopId" = "entityId" WHERE "entityType" = 'Loop';
UPDATE "AuditEvent" SET "loopId" = "data"->>'loopId' WHERE "loopId" IS NULL AND "data" ? 'loopId';
