-- 0010 idempotent creates: a POST carrying an Idempotency-Key is run once per user and key;
-- a retry after a lost answer gets the first answer back instead of a second case.
CREATE TABLE idempotency_keys (
  user_id       uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  key           text NOT NULL,
  route         text NOT NULL,
  request_hash  text NOT NULL,
  status        integer,
  response      jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
COMMENT ON TABLE idempotency_keys IS 'One row per (user, Idempotency-Key) of a POST: pending while it runs (status NULL), then its answer, replayed to a retry. Kept 24 hours.';
COMMENT ON COLUMN idempotency_keys.response IS 'Personal data possible: the answer of the first request (e.g. the case file just registered), replayed only to the same user.';
COMMENT ON COLUMN idempotency_keys.request_hash IS 'SHA-256 of route and body: the same key with a different request is refused, not replayed.';
