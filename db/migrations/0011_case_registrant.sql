-- 0011 a case registered by someone who does not work cases there (a 1098 agent, a police
-- desk) goes to the team of the child's upazila; the registrant keeps a read of it (an
-- assignment as 'registrant'), and so does their organisation's supervision (cases.read_registered).
ALTER TABLE case_assignments DROP CONSTRAINT case_assignments_role_check;
ALTER TABLE case_assignments ADD CONSTRAINT case_assignments_role_check CHECK (role IN ('caseworker', 'supervisor', 'member', 'registrant'));
ALTER TABLE cases ADD COLUMN registered_by_org uuid REFERENCES organisations(id);
COMMENT ON COLUMN cases.registered_by_org IS 'The organisation of whoever registered the case (a helpline, a police desk): its holders of cases.read_registered keep a read.';
CREATE INDEX cases_registered_by_org_idx ON cases (registered_by_org) WHERE registered_by_org IS NOT NULL;
