-- CreateEnum
CREATE TYPE "BackupKind" AS ENUM ('FULL', 'PLAIN_SQL', 'SAFETY', 'IMPORTED');

-- CreateEnum
CREATE TYPE "BackupStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "backups" (
    "id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "directory" TEXT NOT NULL,
    "kind" "BackupKind" NOT NULL,
    "status" "BackupStatus" NOT NULL DEFAULT 'RUNNING',
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "duration_ms" INTEGER,
    "size_bytes" BIGINT,
    "sha256" TEXT,
    "server_version" TEXT,
    "schema_version" TEXT,
    "started_by" TEXT NOT NULL,
    "verified_at" TIMESTAMP(3),
    "verify_ok" BOOLEAN,
    "manifest" JSONB,
    "error" TEXT,
    "host" TEXT,

    CONSTRAINT "backups_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "idx_backups_started_at" ON "backups"("started_at" DESC);

-- CreateIndex
CREATE INDEX "idx_backups_status" ON "backups"("status", "started_at");

