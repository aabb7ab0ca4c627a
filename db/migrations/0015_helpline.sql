-- 0015 Child Helpline 1098: contacts as agents take them. A contact is saved as a draft while
-- the call goes on (keyed by the browser's client id, so a retried save never makes two) and
-- completed once, when it may open a case through the case service.
CREATE TABLE helpline_contacts (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id         uuid NOT NULL UNIQUE,
  agent_id          uuid NOT NULL REFERENCES users(id),
  organisation_id   uuid NOT NULL REFERENCES organisations(id),
  status            text NOT NULL CHECK (status IN ('draft', 'completed')),
  received_at       timestamptz NOT NULL,
  channel           text NOT NULL,
  call_type         text,
  urgency           text,
  caller            jsonb NOT NULL DEFAULT '{}'::jsonb,
  caller_phone_hash text,
  caller_phone_enc  text,
  child             jsonb NOT NULL DEFAULT '{}'::jsonb,
  geo_code          text REFERENCES geo_units(code),
  adm1_code         text,
  adm2_code         text,
  adm3_code         text,
  categories        text[] NOT NULL DEFAULT '{}',
  summary           text,
  case_id           uuid REFERENCES cases(id),
  case_link         text CHECK (case_link IN ('created', 'linked')),
  completed_at      timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE helpline_contacts IS 'Helpline contacts (calls, messages, walk-ins): drafts while the agent types, then completed; a contact may open or join a case.';
COMMENT ON COLUMN helpline_contacts.client_id IS 'The id the agent''s browser gave the contact: every save of one contact carries it, so a retry updates rather than duplicates.';
COMMENT ON COLUMN helpline_contacts.caller IS 'Personal data: the caller''s name and relation to the child, or that they stayed anonymous.';
COMMENT ON COLUMN helpline_contacts.caller_phone_hash IS 'Personal data (pseudonymous): HMAC-SHA-256 of the caller''s number under the platform key, to find earlier contacts from the same number.';
COMMENT ON COLUMN helpline_contacts.caller_phone_enc IS 'Personal data: the caller''s number, encrypted (AES-256-GCM) under the platform key.';
COMMENT ON COLUMN helpline_contacts.child IS 'Personal data: the child''s name, sex and (perhaps estimated) age as the caller gave them.';
COMMENT ON COLUMN helpline_contacts.summary IS 'Personal data: what the caller said, in the agent''s words.';
COMMENT ON COLUMN helpline_contacts.geo_code IS 'Where the child is (union, or the finest level the caller could name).';
CREATE INDEX helpline_contacts_agent_idx ON helpline_contacts (agent_id, status, updated_at DESC);
CREATE INDEX helpline_contacts_place_idx ON helpline_contacts (adm2_code, received_at);
CREATE INDEX helpline_contacts_phone_idx ON helpline_contacts (caller_phone_hash) WHERE caller_phone_hash IS NOT NULL;
