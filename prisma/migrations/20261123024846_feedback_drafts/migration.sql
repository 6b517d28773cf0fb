-- AlterTable
ALTER TABLE "Feedback" ADD COLUMN     "draft" JSONB;

-- AlterTable
ALTER TABLE "Rating" ADD COLUMN     "evidenceFlag" TEXT;

