-- 0021 A version of the helpline's count rollups. The analytics page reads the same counts
-- again and again (every official opening it); the app keeps the answers it computed and
-- reuses one only while this version is unchanged. The triggers move it with every statement
-- that writes either rollup (a completed contact, an import, a rebuild), in that statement's
-- transaction: a reader that sees the old version has not seen the new counts either.
CREATE TABLE helpline_counts_version (
  id      boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL
);
COMMENT ON TABLE helpline_counts_version IS 'One row: moves on with every write to helpline_weekly_counts or helpline_monthly_counts, so cached counts are known stale.';
INSERT INTO helpline_counts_version (id, version) VALUES (true, 0);

CREATE FUNCTION helpline_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE helpline_counts_version SET version = version + 1 WHERE id;
  RETURN NULL;
END $$;
CREATE TRIGGER helpline_weekly_counts_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON helpline_weekly_counts
  FOR EACH STATEMENT EXECUTE FUNCTION helpline_counts_changed();
CREATE TRIGGER helpline_monthly_counts_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON helpline_monthly_counts
  FOR EACH STATEMENT EXECUTE FUNCTION helpline_counts_changed();
