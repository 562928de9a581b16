/* county_schema.c - the county database's numbered migrations (PostgreSQL).
 * Forward only: a released step is never edited; a change is a new step at
 * the end.  `bianmin county init` runs them (county_init.c).
 *
 * The chain check lives here, in the server: the trigger on events accepts
 * the rows of an INSERT or COPY only when they continue their center's last
 * stored hash (seq = last + 1, prev_hash = the hash before) and each hash is
 * the SHA-256 of its own fields, computed exactly as case_record.c's
 * event_hash does.
 * So a client that skips bianmin's own checks still cannot break or fork a
 * chain.  Events and receipts are append-only; a center's chain head
 * (centers.last_seq/last_hash/genesis) moves only through that trigger. */
#include "county_int.h"

#include <stddef.h>

/* 1: centers, events, cases, receipts, clerks, the county calendar, the
 *    chain trigger, and county_figures() (the month/quarter/year figures,
 *    same definitions as lifecycle_report_month). */
static const char *const COUNTY_1[] = {
/* ---- helpers -------------------------------------------------------- */
"CREATE FUNCTION bm_field(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$"
"  SELECT CASE WHEN v IS NULL THEN '-;' ELSE octet_length(v)::text || ':' || v || ';' END $$;"
"CREATE FUNCTION bm_event_hash(prev text, seq bigint, case_no text, at text, clerk text,"
"  type text, details text, reason text) RETURNS text LANGUAGE sql IMMUTABLE AS $$"
"  SELECT encode(sha256(convert_to(bm_field(prev) || bm_field(seq::text) || bm_field(case_no)"
"    || bm_field(at) || bm_field(clerk) || bm_field(type) || bm_field(details) || bm_field(reason),"
"    'UTF8')), 'hex') $$;"
/* the civil day of an ISO 8601 timestamp as written (its own offset) */
"CREATE FUNCTION bm_day(at text) RETURNS date LANGUAGE sql IMMUTABLE AS $$"
"  SELECT make_date(substr(at, 1, 4)::int, substr(at, 6, 2)::int, substr(at, 9, 2)::int) $$;"
/* What the figures read from an event, as figures.c does: the case
 * fields it set (state, kind, due, completed_day; a key present with null
 * clears it) and, from its note (x.note, lc_event_note), a rating's level
 * and a completion's approved. */
"CREATE FUNCTION bm_facts(type text, details text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$"
"DECLARE d jsonb; f jsonb; note text; n jsonb;"
"BEGIN"
"  d := details::jsonb;"
"  SELECT coalesce(jsonb_object_agg(key, value), '{}') INTO f FROM jsonb_each(d)"
"    WHERE key IN ('state', 'kind', 'due', 'completed_day');"
"  IF type IN ('rate', 'complete') THEN"
"    note := d ->> 'x.note';"
"    IF note IS NOT NULL AND left(note, 1) = '{' THEN"
"      n := note::jsonb;"
"      f := f || jsonb_build_object('level', n -> 'level', 'approved', n -> 'approved');"
"    END IF;"
"  END IF;"
"  RETURN f;"
"END $$;"
/* atoi() of a level; 0 when none */
"CREATE FUNCTION bm_level(facts jsonb) RETURNS int LANGUAGE sql IMMUTABLE AS $$"
"  SELECT coalesce(substring(facts ->> 'level' FROM '^\\s*[+-]?[0-9]{1,9}')::int, 0) $$;"
/* 'YYYY-MM-DD' as a date, NULL for anything else (day_from_text) */
"CREATE FUNCTION bm_date(v text) RETURNS date LANGUAGE sql IMMUTABLE AS $$"
"  SELECT CASE WHEN v ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN make_date(substr(v, 1, 4)::int,"
"    substr(v, 6, 2)::int, substr(v, 9, 2)::int) END $$;"
,
/* ---- tables --------------------------------------------------------- */
"CREATE TABLE centers ("
"  code text PRIMARY KEY,"
"  name text NOT NULL,"
"  genesis text,"                                   /* hash of event 1: which ledger holds the code */
"  last_seq bigint NOT NULL DEFAULT 0,"
"  last_hash text NOT NULL DEFAULT '" COUNTY_GENESIS "',"
"  synced_at timestamptz"
");"
"CREATE TABLE events ("
"  center text NOT NULL REFERENCES centers(code),"
"  seq bigint NOT NULL,"
"  case_no text,"
"  at text NOT NULL, clerk text NOT NULL, type text NOT NULL,"
"  details text NOT NULL, reason text,"
"  prev_hash text NOT NULL, hash text NOT NULL,"
"  day date GENERATED ALWAYS AS (bm_day(at)) STORED,"
"  facts jsonb GENERATED ALWAYS AS (bm_facts(type, details)) STORED,"
"  PRIMARY KEY (center, seq)"
");"
"CREATE TABLE cases ("
"  center text NOT NULL REFERENCES centers(code),"
"  no text NOT NULL,"
"  local_id bigint NOT NULL,"
"  applicant_name text NOT NULL, id_type text NOT NULL, id_no text NOT NULL,"
"  phone text, address text, proxy_name text, proxy_id text, proxy_is_agent int NOT NULL,"
"  first_clerk text NOT NULL, owner_clerk text NOT NULL,"
"  item_code text NOT NULL, item_name text NOT NULL, item_window text NOT NULL,"
"  item_department text, item_regime text NOT NULL, item_basis text,"
"  item_statutory_days int, item_promised_days int,"
"  item_has_fee int NOT NULL, item_fee_fen bigint NOT NULL, item_fee_basis text,"
"  item_forward_to text, item_refusal text, item_joint_windows text,"
"  catalog_fingerprint text NOT NULL,"
"  kind text NOT NULL, decided text NOT NULL, override_reason text, return_reason text,"
"  state text NOT NULL,"
"  accepted_at text NOT NULL, accepted_day date NOT NULL,"
"  clock_start date, due date, due_uncertain int NOT NULL,"
"  limit_days int, completed_day date,"
"  fee_fen bigint NOT NULL, receipt_no text,"
"  as_of bigint NOT NULL,"                           /* the case's last event: the row is as of it */
"  as_of_day date,"                                  /* that event's day (bm_case_as_of) */
"  PRIMARY KEY (center, no),"
"  FOREIGN KEY (center, as_of) REFERENCES events(center, seq)"
");"
"CREATE TABLE receipts ("
"  center text NOT NULL REFERENCES centers(code),"
"  local_id bigint NOT NULL,"
"  no text, year int, seq int,"
"  case_no text NOT NULL,"
"  amount_fen bigint NOT NULL, basis text,"
"  at text NOT NULL, clerk text NOT NULL,"
"  voids bigint, reason text,"
"  PRIMARY KEY (center, local_id),"
"  FOREIGN KEY (center, case_no) REFERENCES cases(center, no),"
"  CHECK ((no IS NULL) = (voids IS NOT NULL))"
");"
"CREATE TABLE clerks ("
"  center text NOT NULL REFERENCES centers(code),"
"  code text NOT NULL,"
"  name text NOT NULL, window_name text, role text NOT NULL, active int NOT NULL,"
"  PRIMARY KEY (center, code)"
");"
/* the county's working-day calendar: the listed exceptions to Mon-Fri
 * (holidays.yaml, loaded by `bianmin county init`) */
"CREATE TABLE calendar_days (day date PRIMARY KEY, workday boolean NOT NULL, name text);"
,
/* ---- the chain ------------------------------------------------------ */
/* After each INSERT or COPY statement, over the rows it added (a
 * transition table): per center, the rows must be seq last+1 .. last+n,
 * each linking to the one before (the first to the stored head), each
 * hash the SHA-256 of its own fields; then the head moves, once.  Any
 * violation aborts the statement, and with it the batch's transaction. */
"CREATE FUNCTION bm_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$"
"DECLARE c centers%ROWTYPE; g record; bad bigint;"
"BEGIN"
"  FOR g IN SELECT center, min(seq) AS lo, max(seq) AS hi, count(*) AS n FROM new_events GROUP BY center ORDER BY center LOOP"
"    SELECT * INTO c FROM centers WHERE code = g.center FOR UPDATE;"
"    IF NOT FOUND THEN"
"      RAISE EXCEPTION USING ERRCODE = 'BMC01', MESSAGE = format('center %s is not registered on the county server', g.center);"
"    END IF;"
"    IF g.lo <> c.last_seq + 1 OR g.hi - g.lo + 1 <> g.n THEN"
"      RAISE EXCEPTION USING ERRCODE = 'BMC01', MESSAGE = format("
"        'event %s of center %s does not continue the chain stored on the county server (which ends at event %s, hash %s)',"
"        g.lo, g.center, c.last_seq, left(c.last_hash, 12));"
"    END IF;"
"    SELECT seq INTO bad FROM (SELECT seq, prev_hash, lag(hash) OVER (ORDER BY seq) AS before"
"      FROM new_events WHERE center = g.center) x"
"      WHERE prev_hash <> coalesce(before, c.last_hash) ORDER BY seq LIMIT 1;"
"    IF FOUND THEN"
"      RAISE EXCEPTION USING ERRCODE = 'BMC01', MESSAGE = format("
"        'event %s of center %s does not continue the chain stored on the county server (which ends at event %s, hash %s)',"
"        bad, g.center, c.last_seq, left(c.last_hash, 12));"
"    END IF;"
"    SELECT seq INTO bad FROM new_events WHERE center = g.center"
"      AND hash <> bm_event_hash(prev_hash, seq, case_no, at, clerk, type, details, reason) ORDER BY seq LIMIT 1;"
"    IF FOUND THEN"
"      RAISE EXCEPTION USING ERRCODE = 'BMC02', MESSAGE = format("
"        'event %s of center %s does not match its own hash (it was changed after it was written)', bad, g.center);"
"    END IF;"
"    UPDATE centers SET last_seq = g.hi,"
"      last_hash = (SELECT hash FROM new_events WHERE center = g.center AND seq = g.hi),"
"      genesis = CASE WHEN g.lo = 1 THEN (SELECT hash FROM new_events WHERE center = g.center AND seq = 1) ELSE genesis END"
"      WHERE code = g.center;"
"  END LOOP;"
"  RETURN NULL;"
"END $$;"
"CREATE TRIGGER events_chain AFTER INSERT ON events REFERENCING NEW TABLE AS new_events"
"  FOR EACH STATEMENT EXECUTE FUNCTION bm_event_chain();"
"CREATE FUNCTION bm_append_only() RETURNS trigger LANGUAGE plpgsql AS $$"
"BEGIN RAISE EXCEPTION USING ERRCODE = 'BMC04', MESSAGE = TG_TABLE_NAME || ' are append-only'; END $$;"
"CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION bm_append_only();"
"CREATE TRIGGER receipts_append_only BEFORE UPDATE OR DELETE ON receipts FOR EACH ROW EXECUTE FUNCTION bm_append_only();"
"CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events EXECUTE FUNCTION bm_append_only();"
,
/* the chain head moves only from inside the events trigger */
"CREATE FUNCTION bm_center_head() RETURNS trigger LANGUAGE plpgsql AS $$"
"BEGIN"
"  IF pg_trigger_depth() < 2 AND (NEW.last_seq IS DISTINCT FROM OLD.last_seq OR NEW.last_hash IS DISTINCT FROM OLD.last_hash"
"      OR NEW.genesis IS DISTINCT FROM OLD.genesis OR NEW.code IS DISTINCT FROM OLD.code) THEN"
"    RAISE EXCEPTION USING ERRCODE = 'BMC04', MESSAGE = 'a center''s chain head changes only by appending events';"
"  END IF;"
"  RETURN NEW;"
"END $$;"
"CREATE TRIGGER centers_head BEFORE UPDATE ON centers FOR EACH ROW EXECUTE FUNCTION bm_center_head();"
"CREATE FUNCTION bm_center_new() RETURNS trigger LANGUAGE plpgsql AS $$"
"BEGIN"
"  IF NEW.last_seq <> 0 OR NEW.genesis IS NOT NULL OR NEW.last_hash <> '" COUNTY_GENESIS "' THEN"
"    RAISE EXCEPTION USING ERRCODE = 'BMC04', MESSAGE = 'a new center starts with an empty chain';"
"  END IF;"
"  RETURN NEW;"
"END $$;"
"CREATE TRIGGER centers_new BEFORE INSERT ON centers FOR EACH ROW EXECUTE FUNCTION bm_center_new();"
"CREATE TRIGGER centers_no_delete BEFORE DELETE ON centers FOR EACH ROW EXECUTE FUNCTION bm_append_only();"
/* a case row knows the day of the event it is as of: the figures replay
 * only the cases that changed after a period's end */
"CREATE FUNCTION bm_case_as_of() RETURNS trigger LANGUAGE plpgsql AS $$"
"BEGIN"
"  NEW.as_of_day := (SELECT day FROM events WHERE center = NEW.center AND seq = NEW.as_of);"
"  RETURN NEW;"
"END $$;"
"CREATE TRIGGER cases_as_of BEFORE INSERT OR UPDATE ON cases FOR EACH ROW EXECUTE FUNCTION bm_case_as_of();"
,
/* ---- the county's questions ----------------------------------------- */
"CREATE INDEX events_case ON events(center, case_no, seq);"
"CREATE INDEX events_counted ON events(day) WHERE type IN ('rate', 'notice_breach', 'return', 'complete', 'extend');"
"CREATE INDEX cases_accepted ON cases(accepted_day);"
"CREATE INDEX cases_completed ON cases(completed_day);"
"CREATE INDEX cases_open ON cases(accepted_day) WHERE completed_day IS NULL;"
"CREATE INDEX cases_item ON cases(item_window, item_code);"
"CREATE INDEX receipts_case ON receipts(center, case_no);"
/* a working day in (a, b]? (calendar_workdays_between(a, b) > 0) */
"CREATE FUNCTION bm_any_workday(a date, b date) RETURNS boolean LANGUAGE sql STABLE AS $$"
"  SELECT a IS NOT NULL AND b IS NOT NULL AND b > a AND (b - a > 40 OR EXISTS ("
"    SELECT 1 FROM generate_series(a + 1, b, interval '1 day') g(d)"
"    LEFT JOIN calendar_days k ON k.day = g.d::date"
"    WHERE coalesce(k.workday, extract(isodow FROM g.d) < 6))) $$;"
,
/* One row per case (and per counted event) of the period [first, last]
 * with exactly the definitions of lc_case_figures (figures.c): every case
 * as its events up to `last` made it (state, due date, closing day, the
 * kind decided at intake, its last pause), then 受理 received, 不予受理
 * refused at intake, 办结 completed, 退回 returned, 超期 overdue (closed
 * late in the period, or open and overdue at its end, pauses excluded);
 * and from the events of the period: 二次告知 breaches, 差评 bad ratings
 * (level 4 and worse), 否定报备 negatives (returns, refused completions),
 * 延期 extensions.  A part that counts nothing is left out, as the
 * center leaves out a case that counts nothing. */
"CREATE FUNCTION bm_overdue(due date, ref date) RETURNS int LANGUAGE sql STABLE AS $$"
"  SELECT CASE WHEN ref IS NULL OR due IS NULL OR ref <= due THEN 0 WHEN ref - due > 40 THEN 1"
"    ELSE bm_any_workday(due, ref)::int END $$;"
"CREATE FUNCTION county_case_figures(first date, last date)"
"  RETURNS TABLE (center text, window_name text, item_code text, item_name text, received int,"
"    completed int, returned int, overdue int, breaches int, bad_ratings int, refused int,"
"    negatives int, extensions int)"
"  LANGUAGE sql STABLE AS $$"
"  WITH k AS ("
"    SELECT c.center, c.item_window, c.item_code, c.item_name, c.accepted_day,"
"      coalesce(a.state, c.state) AS state,"
/* 不予受理 is a case returned at intake: returned for good since */
"      CASE WHEN c.state = 'returned' AND c.accepted_day >= first THEN coalesce((SELECT e.facts ->> 'kind'"
"        FROM events e WHERE e.center = c.center AND e.case_no = c.no AND e.type = 'intake'"
"        AND e.facts ->> 'kind' IS NOT NULL ORDER BY e.seq DESC LIMIT 1), c.kind) END AS intake_kind,"
"      CASE WHEN a.n_due > 0 THEN bm_date(a.due) ELSE c.due END AS due,"
"      CASE WHEN a.n_done > 0 THEN bm_date(a.done) ELSE c.completed_day END AS completed_day,"
"      CASE WHEN coalesce(a.state, c.state) = 'paused' THEN (SELECT e.day FROM events e"
"        WHERE e.center = c.center AND e.case_no = c.no AND e.type = 'pause' AND e.day <= last"
"        ORDER BY e.seq DESC LIMIT 1) END AS pause_day"
"    FROM cases c LEFT JOIN LATERAL ("
"      SELECT (array_agg(e.facts ->> 'state' ORDER BY e.seq DESC) FILTER (WHERE e.facts ->> 'state' IS NOT NULL))[1] AS state,"
"        count(*) FILTER (WHERE e.facts ? 'due') AS n_due,"
"        (array_agg(e.facts ->> 'due' ORDER BY e.seq DESC) FILTER (WHERE e.facts ? 'due'))[1] AS due,"
"        count(*) FILTER (WHERE e.facts ? 'completed_day') AS n_done,"
"        (array_agg(e.facts ->> 'completed_day' ORDER BY e.seq DESC) FILTER (WHERE e.facts ? 'completed_day'))[1] AS done"
"      FROM events e WHERE c.as_of_day > last AND e.center = c.center AND e.case_no = c.no AND e.day <= last"
"    ) a ON true"
"    WHERE c.accepted_day <= last AND (c.completed_day IS NULL OR c.completed_day >= first)"
"  ), r AS ("
"    SELECT k.*, k.accepted_day >= first AS recv,"
"      k.state IN ('completed', 'returned', 'withdrawn') AS final,"
"      k.state IN ('completed', 'returned', 'withdrawn') AND k.completed_day BETWEEN first AND last AS closed_in"
"    FROM k"
"  ), f AS ("
"    SELECT center, item_window, item_code, item_name, recv::int AS received,"
"      (closed_in AND state = 'completed')::int AS completed,"
"      (closed_in AND state = 'returned')::int AS returned,"
"      CASE WHEN closed_in THEN bm_overdue(due, completed_day)"
"        WHEN NOT final THEN bm_overdue(due, CASE WHEN state = 'paused' AND pause_day < last THEN pause_day"
"          WHEN state = 'waiting_materials' THEN NULL ELSE last END)"
"        ELSE 0 END AS overdue,"
"      (recv AND intake_kind = 'returned')::int AS refused"
"    FROM r"
"  )"
"  SELECT center, item_window, item_code, item_name, received, completed, returned, overdue, 0, 0,"
"    refused, 0, 0"
"    FROM f WHERE received + completed + returned + overdue > 0"
"  UNION ALL"
"  SELECT * FROM ("
"    SELECT c.center, c.item_window, c.item_code, c.item_name, 0, 0, 0, 0,"
"      (e.type = 'notice_breach')::int AS breaches, (e.type = 'rate' AND bm_level(e.facts) >= 4)::int AS bad,"
"      0, (e.type = 'return' OR (e.type = 'complete' AND e.facts ->> 'approved' = '0'))::int AS negatives,"
"      (e.type = 'extend')::int AS extensions"
"    FROM events e JOIN cases c ON c.center = e.center AND c.no = e.case_no"
"    WHERE e.day BETWEEN first AND last AND e.type IN ('rate', 'notice_breach', 'return', 'complete', 'extend')"
"  ) x WHERE breaches + bad + negatives + extensions > 0"
"$$;"
,
/* The figures by center, window and item, with the subtotals: level 0 =
 * center/window/item, 1 = center/window, 2 = center, 3 = window (county),
 * 4 = the county. */
"CREATE FUNCTION county_figures(first date, last date)"
"  RETURNS TABLE (level int, center text, window_name text, item_code text, received bigint,"
"    completed bigint, returned bigint, overdue bigint, breaches bigint, bad_ratings bigint,"
"    refused bigint, negatives bigint, extensions bigint)"
"  LANGUAGE plpgsql STABLE AS $f$"
"BEGIN"
/* EXECUTE: planned for these very dates (a plan for any dates would
 * read every case of the decade) */
"  RETURN QUERY EXECUTE 'SELECT CASE GROUPING(center, window_name, item_code) WHEN 0 THEN 0 WHEN 1 THEN 1"
"      WHEN 3 THEN 2 WHEN 5 THEN 3 ELSE 4 END,"
"    center, window_name, item_code, sum(received), sum(completed), sum(returned), sum(overdue),"
"    sum(breaches), sum(bad_ratings), sum(refused), sum(negatives), sum(extensions)"
"  FROM county_case_figures($1, $2)"
"  GROUP BY GROUPING SETS ((center, window_name, item_code), (center, window_name), (center),"
"    (window_name), ())' USING first, last;"
"END $f$;"
/* the planner's cost for this (the calendar function) switches JIT on,
 * whose compiling takes seconds longer than the query itself */
"ALTER FUNCTION county_figures(date, date) SET jit = off;",
NULL };

const char *const *const county_migrations[] = { NULL, COUNTY_1 };
const int county_n_migrations = 1;
