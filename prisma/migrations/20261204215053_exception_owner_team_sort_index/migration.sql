-- CreateIndex
CREATE INDEX "Exception_status_ownerTeam_id_idx" ON "Exception"("status", "ownerTeam", "id");
