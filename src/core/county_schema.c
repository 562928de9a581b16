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
/* the rating level of a 'rate' event (x.note's level, as lc_event_note) */
"CREATE FUNCTION bm_rating_of(details text) RETURNS int LANGUAGE plpgsql IMMUTABLE AS $$"
"DECLARE note text; lv text;"
"BEGIN"
"  note := details::jsonb ->> 'x.note';"
"  IF note IS NULL OR left(note, 1) <> '{' THEN RETURN NULL; END IF;"
"  lv := note::jsonb ->> 'level';"
"  RETURN coalesce(substring(lv FROM '^\\s*[+-]?[0-9]{1,9}')::int, 0);"
"EXCEPTION WHEN others THEN RETURN NULL;"
"END $$;"
"CREATE FUNCTION bm_rating(type text, details text) RETURNS int LANGUAGE sql IMMUTABLE AS $$"
"  SELECT CASE WHEN type = 'rate' THEN bm_rating_of(details) END $$;"
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
"  rating int GENERATED ALWAYS AS (bm_rating(type, details)) STORED,"
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
,
/* ---- the county's questions ----------------------------------------- */
"CREATE INDEX events_case ON events(center, case_no, seq);"
"CREATE INDEX events_counted ON events(day) WHERE type IN ('rate', 'notice_breach');"
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
/* One row per case (and per counted event) of the window [first, last]:
 * 受理 received, 办结 completed, 退回 returned, 超期 overdue (completed
 * late, or open and overdue at the window's end, pauses excluded), 二次告知
 * breaches, 差评 bad ratings (level 4 and worse) - exactly the
 * definitions of lifecycle_report_month (lifecycle_watch.c). */
"CREATE FUNCTION county_case_figures(first date, last date)"
"  RETURNS TABLE (center text, window_name text, item_code text, item_name text, received int,"
"    completed int, returned int, overdue int, breaches int, bad_ratings int)"
"  LANGUAGE sql STABLE AS $$"
"  WITH k AS ("
"    SELECT c.center, c.no, c.item_window, c.item_code, c.item_name, c.state, c.accepted_day,"
"      c.completed_day, c.due,"
"      (c.state IN ('completed', 'returned', 'withdrawn') AND c.completed_day BETWEEN first AND last) AS closed_in,"
"      CASE WHEN c.state = 'paused' THEN (SELECT e.day FROM events e WHERE e.center = c.center"
"        AND e.case_no = c.no AND e.type = 'pause' ORDER BY e.seq DESC LIMIT 1) END AS pause_day"
"    FROM cases c"
"    WHERE c.accepted_day <= last AND (c.completed_day IS NULL OR c.completed_day >= first)"
"  ), r AS ("
"    SELECT k.center, k.item_window, k.item_code, k.item_name,"
"      (k.accepted_day >= first)::int AS received,"
"      (k.closed_in AND k.state = 'completed')::int AS completed,"
"      (k.closed_in AND k.state = 'returned')::int AS returned,"
"      k.due, CASE"
"        WHEN k.closed_in THEN k.completed_day"
"        WHEN k.state NOT IN ('completed', 'returned', 'withdrawn') OR k.completed_day > last THEN"
"          CASE WHEN k.state = 'paused' AND k.pause_day < last THEN k.pause_day"
"               WHEN k.state = 'waiting_materials' THEN NULL ELSE last END"
"        END AS ref"
"    FROM k"
"  ), f AS ("
/* the calendar is asked only when the clock ran past the due date by
 * fewer than 41 days (a longer span always holds a working day) */
"    SELECT center, item_window, item_code, item_name, received, completed, returned,"
"      CASE WHEN ref IS NULL OR due IS NULL OR ref <= due THEN 0 WHEN ref - due > 40 THEN 1"
"        ELSE bm_any_workday(due, ref)::int END AS overdue"
"    FROM r"
"  )"
"  SELECT center, item_window, item_code, item_name, received, completed, returned, overdue, 0, 0"
"    FROM f WHERE received + completed + returned + overdue > 0"
"  UNION ALL"
"  SELECT c.center, c.item_window, c.item_code, c.item_name, 0, 0, 0, 0,"
"    (e.type = 'notice_breach')::int, (e.type = 'rate' AND coalesce(e.rating, 0) >= 4)::int"
"  FROM events e JOIN cases c ON c.center = e.center AND c.no = e.case_no"
"  WHERE e.day BETWEEN first AND last AND e.type IN ('rate', 'notice_breach')"
"$$;"
,
/* The figures by center, window and item, with the subtotals: level 0 =
 * center/window/item, 1 = center/window, 2 = center, 3 = window (county),
 * 4 = the county. */
"CREATE FUNCTION county_figures(first date, last date)"
"  RETURNS TABLE (level int, center text, window_name text, item_code text, received bigint,"
"    completed bigint, returned bigint, overdue bigint, breaches bigint, bad_ratings bigint)"
"  LANGUAGE plpgsql STABLE AS $f$"
"BEGIN"
/* EXECUTE: planned for these very dates (a plan for any dates would
 * read every case of the decade) */
"  RETURN QUERY EXECUTE 'SELECT CASE GROUPING(center, window_name, item_code) WHEN 0 THEN 0 WHEN 1 THEN 1"
"      WHEN 3 THEN 2 WHEN 5 THEN 3 ELSE 4 END,"
"    center, window_name, item_code, sum(received), sum(completed), sum(returned), sum(overdue),"
"    sum(breaches), sum(bad_ratings)"
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
