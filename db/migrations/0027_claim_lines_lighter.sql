-- 0027 A month's claims write about 117,000 lines in one statement; each line's foreign keys
-- are checked row by row (4.4 s of the 15 s a national month took on the embedded database).
-- The lines are made, in that statement, from the enrolments themselves, and enrolments are
-- never deleted (they end): the keys to persons and enrolments checked nothing a line could
-- get wrong. The key to the claim stays (a regenerated claim takes its lines with it).
ALTER TABLE grant_claim_lines DROP CONSTRAINT grant_claim_lines_person_id_fkey;
ALTER TABLE grant_claim_lines DROP CONSTRAINT grant_claim_lines_enrolment_id_fkey;
DROP INDEX grant_claim_lines_person_idx;
COMMENT ON COLUMN grant_claim_lines.person_id IS 'Personal data: the child (person registry), copied from the enrolment, which holds the foreign key.';
COMMENT ON COLUMN grant_claim_lines.enrolment_id IS 'The enrolment the line was generated from (enrolments are ended, never deleted).';
