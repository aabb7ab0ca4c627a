-- 0018 Calls as the contact centre reports them (offered, answered by an agent, ended), each
-- answered call opening a draft contact on that agent's screen; and callbacks a contact
-- schedules, with a due time and the agent who owes them.
CREATE TABLE helpline_calls (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  external_id  text NOT NULL UNIQUE,
  line         text,
  from_hash    text,
  from_enc     text,
  offered_at   timestamptz,
  answered_at  timestamptz,
  ended_at     timestamptz,
  end_reason   text,
  agent_id     uuid REFERENCES users(id),
  contact_id   uuid REFERENCES helpline_contacts(id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE helpline_calls IS 'Calls reported by the contact-centre system through POST /api/v1/helpline/events; an answered call opens a draft contact for its agent.';
COMMENT ON COLUMN helpline_calls.external_id IS 'The contact-centre system''s own id for the call: a repeated event finds the same row.';
COMMENT ON COLUMN helpline_calls.from_hash IS 'Personal data (pseudonymous): keyed hash of the caller''s number, as on contacts.';
COMMENT ON COLUMN helpline_calls.from_enc IS 'Personal data: the caller''s number, encrypted under the platform key.';

CREATE TABLE helpline_callbacks (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contact_id   uuid NOT NULL REFERENCES helpline_contacts(id),
  due_at       timestamptz NOT NULL,
  assigned_to  uuid NOT NULL REFERENCES users(id),
  note         text NOT NULL DEFAULT '',
  status       text NOT NULL CHECK (status IN ('scheduled', 'done', 'cancelled')),
  created_by   uuid NOT NULL REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  closed_at    timestamptz,
  closed_by    uuid REFERENCES users(id),
  outcome_note text
);
COMMENT ON TABLE helpline_callbacks IS 'Callbacks promised from a helpline contact: when, by whom, and what came of them.';
COMMENT ON COLUMN helpline_callbacks.note IS 'Personal data possible: what the callback is about (when the child can talk safely, say).';
COMMENT ON COLUMN helpline_callbacks.outcome_note IS 'Personal data possible: what the callback found.';
CREATE INDEX helpline_callbacks_due_idx ON helpline_callbacks (due_at) WHERE status = 'scheduled';
CREATE INDEX helpline_callbacks_contact_idx ON helpline_callbacks (contact_id);
