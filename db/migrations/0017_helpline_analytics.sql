-- 0017 Helpline pattern analytics. Counts are kept as rollups (completed contacts with a place,
-- one row per category they carry), updated in the transaction that completes a contact and
-- rebuilt after an import or a seed; nothing personal is in them. The spike detector's flagged
-- cells, its runs and (for the national seed) the outbreaks the seed planted are kept beside.
CREATE TABLE helpline_weekly_counts (
  week      date NOT NULL,
  adm1_code text NOT NULL,
  adm2_code text NOT NULL,
  category  text NOT NULL,
  n         integer NOT NULL CHECK (n >= 0),
  PRIMARY KEY (adm2_code, category, week)
);
COMMENT ON TABLE helpline_weekly_counts IS 'Completed helpline contacts per district, category and week (Monday, in the country''s time zone): the spike detector''s series.';
CREATE INDEX helpline_weekly_counts_week_idx ON helpline_weekly_counts (week, category);

CREATE TABLE helpline_monthly_counts (
  month     date NOT NULL,
  adm1_code text NOT NULL,
  adm2_code text NOT NULL,
  adm3_code text NOT NULL,
  category  text NOT NULL,
  n         integer NOT NULL CHECK (n >= 0),
  PRIMARY KEY (adm3_code, category, month)
);
COMMENT ON TABLE helpline_monthly_counts IS 'Completed helpline contacts per upazila, category and month: counts, seasonality and forecasts.';
CREATE INDEX helpline_monthly_counts_month_idx ON helpline_monthly_counts (month, category);
CREATE INDEX helpline_monthly_counts_district_idx ON helpline_monthly_counts (adm2_code, category, month);

CREATE TABLE helpline_spikes (
  level      smallint NOT NULL CHECK (level IN (1, 2)),
  area_code  text NOT NULL,
  adm1_code  text NOT NULL,
  adm2_code  text,
  category   text NOT NULL,
  week       date NOT NULL,
  observed   integer NOT NULL,
  expected   double precision NOT NULL,
  upper      double precision NOT NULL,
  score      double precision NOT NULL,
  method     text NOT NULL CHECK (method IN ('farrington', 'ears')),
  alerted    boolean NOT NULL DEFAULT false,
  detected_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (level, area_code, category, week)
);
COMMENT ON TABLE helpline_spikes IS 'Cells (area x category x week) the spike detector flagged; alerted: raised to the area''s officers (the rest were inside a cool-down).';
CREATE INDEX helpline_spikes_week_idx ON helpline_spikes (week, level);

CREATE TABLE helpline_detector_runs (
  id         bigserial PRIMARY KEY,
  ran_at     timestamptz NOT NULL DEFAULT now(),
  first_week date NOT NULL,
  last_week  date NOT NULL,
  judged     integer NOT NULL,
  flagged    integer NOT NULL,
  alerted    integer NOT NULL,
  millis     integer NOT NULL
);
COMMENT ON TABLE helpline_detector_runs IS 'Each run of the spike detector: the weeks it judged, how many cells it judged, flagged and alerted.';

CREATE TABLE helpline_planted_outbreaks (
  area_code  text NOT NULL,
  category   text NOT NULL,
  first_week date NOT NULL,
  weeks      integer NOT NULL,
  extra      integer NOT NULL,
  PRIMARY KEY (area_code, category, first_week)
);
COMMENT ON TABLE helpline_planted_outbreaks IS 'Outbreaks a seed planted in its synthetic contacts (district, category, weeks, extra contacts a week): the truth the detector''s backtest is scored against. Empty on real data.';
