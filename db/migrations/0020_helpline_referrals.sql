-- 0020 Referrals from a helpline contact to a service in the directory. The agent gives the
-- caller a service's details during the call (what helplines call signposting); nothing about
-- the child goes to the provider, which a formal referral of a case does under its consents.
CREATE TABLE helpline_referrals (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contact_id   uuid NOT NULL REFERENCES helpline_contacts(id),
  service_id   uuid NOT NULL REFERENCES services(id),
  note         text NOT NULL DEFAULT '',
  referred_by  uuid NOT NULL REFERENCES users(id),
  referred_at  timestamptz NOT NULL DEFAULT now(),
  -- One referral of a contact to a service: a retried or repeated referral finds the first.
  UNIQUE (contact_id, service_id)
);
COMMENT ON TABLE helpline_referrals IS 'Services a helpline agent referred the caller to from a contact (the caller was given the service''s details).';
COMMENT ON COLUMN helpline_referrals.note IS 'Personal data possible: what the caller was told to ask the service for.';
