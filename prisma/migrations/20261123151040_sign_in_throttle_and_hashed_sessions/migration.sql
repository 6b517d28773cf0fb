-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastFailureAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);


ALTER TABLE "LoginThrottle" ADD CONSTRAINT "LoginThrottle_failures_non_negative" CHECK ("failures" >= 0);

-- Session ids used to be the cookie's token itself; they are now its SHA-256. The old rows can
-- never match a cookie again, so they go (everyone signs in once more after this release).
DELETE FROM "Session";
