-- 0012 a decision settles the "waiting for your approval" notifications of its case: found by
-- link among the unread ones (few), so the update never scans the whole table.
CREATE INDEX notifications_unread_link_idx ON notifications (link) WHERE read_at IS NULL;
