-- The Inbox (GET /api/v1/events, the console's Inbox page) lists events newest first with
-- keyset pagination on (receivedAt, id); without this index every page sorts the whole inbox.
-- CreateIndex
CREATE INDEX "InboxEvent_receivedAt_id_idx" ON "InboxEvent"("receivedAt", "id");
