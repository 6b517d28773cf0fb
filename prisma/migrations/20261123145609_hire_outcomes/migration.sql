-- AlterTable
ALTER TABLE "User" ADD COLUMN     "peopleAnalytics" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "HireOutcome" (
    "loopId" TEXT NOT NULL,
    "performance6" INTEGER,
    "performance12" INTEGER,
    "stillInRole" BOOLEAN,
    "recordedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HireOutcome_pkey" PRIMARY KEY ("loopId")
);

-- CreateTable
CREATE TABLE "PerformanceLevel" (
    "value" INTEGER NOT NULL,
    "label" TEXT NOT NULL,

    CONSTRAINT "PerformanceLevel_pkey" PRIMARY KEY ("value")
);

-- AddForeignKey
ALTER TABLE "HireOutcome" ADD CONSTRAINT "HireOutcome_loopId_fkey" FOREIGN KEY ("loopId") REFERENCES "Loop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HireOutcome" ADD CONSTRAINT "HireOutcome_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


ALTER TABLE "PerformanceLevel" ADD CONSTRAINT "PerformanceLevel_value_range" CHECK ("value" BETWEEN 1 AND 10);
ALTER TABLE "PerformanceLevel" ADD CONSTRAINT "PerformanceLevel_label_present" CHECK (length(btrim("label")) > 0);

-- The performance scale every installation starts with (configuration an admin may relabel or shorten).
INSERT INTO "PerformanceLevel" ("value", "label") VALUES
  (1, 'Below expectations'),
  (2, 'Partly meets expectations'),
  (3, 'Meets expectations'),
  (4, 'Exceeds expectations'),
  (5, 'Far exceeds expectations');
