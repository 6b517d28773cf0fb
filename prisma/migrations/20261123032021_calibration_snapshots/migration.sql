-- CreateTable
CREATE TABLE "CalibrationSnapshot" (
    "key" TEXT NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dataVersion" TEXT NOT NULL,
    "computeMs" INTEGER NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "CalibrationSnapshot_pkey" PRIMARY KEY ("key")
);

