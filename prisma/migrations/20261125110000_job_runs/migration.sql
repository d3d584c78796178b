-- CreateTable
CREATE TABLE "job_runs" (
    "job" TEXT NOT NULL,
    "slot" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "error" TEXT,
    "host" TEXT,

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("job","slot")
);

-- CreateIndex
CREATE INDEX "idx_job_runs_job_started" ON "job_runs"("job", "started_at" DESC);

