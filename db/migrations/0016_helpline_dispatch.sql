-- 0016 Emergency dispatch from a helpline contact: who was sent (police 999, a DSS field
-- worker, a hospital: the country's list), by when they must acknowledge, and the escalation to
-- the helpline supervisors when nobody has by then (a job sweeps every minute).
CREATE TABLE helpline_dispatches (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contact_id      uuid NOT NULL REFERENCES helpline_contacts(id),
  target          text NOT NULL,
  note            text NOT NULL DEFAULT '',
  status          text NOT NULL CHECK (status IN ('sent', 'acknowledged', 'escalated')),
  ack_due         timestamptz NOT NULL,
  sent_by         uuid NOT NULL REFERENCES users(id),
  sent_at         timestamptz NOT NULL DEFAULT now(),
  acknowledged_at timestamptz,
  acknowledged_by uuid REFERENCES users(id),
  ack_note        text,
  escalated_at    timestamptz
);
COMMENT ON TABLE helpline_dispatches IS 'Emergency dispatches from helpline contacts, with their acknowledgement deadline and escalation.';
COMMENT ON COLUMN helpline_dispatches.note IS 'Personal data possible: what the responders were told (where the child is, what is happening).';
COMMENT ON COLUMN helpline_dispatches.ack_note IS 'Personal data possible: how the acknowledgement came (who, on which number).';
CREATE INDEX helpline_dispatches_contact_idx ON helpline_dispatches (contact_id);
CREATE INDEX helpline_dispatches_due_idx ON helpline_dispatches (ack_due) WHERE status = 'sent';
