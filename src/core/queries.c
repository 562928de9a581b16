/* queries.c - the list of every screen's and report's SQL (queries.h). */
#include "bianmin/queries.h"
#include "queries_int.h"

static const bm_query QUERIES[] = {
	{ "home: my open cases", SQL_CASES_MINE_OPEN },
	{ "home: the center's open / overdue cases", SQL_CASES_OPEN },
	{ "a clerk's cases", SQL_CASES_MINE_ALL },
	{ "search: any part (3+ characters)", SQL_CASES_FIND },
	{ "search: any part, open cases", SQL_CASES_FIND_OPEN },
	{ "search: the start (1-2 characters)", SQL_CASES_PREFIX },
	{ "search: the start, open cases", SQL_CASES_PREFIX_OPEN },
	{ "case view", SQL_CASE_LOAD },
	{ "intake: the previous applicant by ID", SQL_CASE_BY_ID_NO },
	{ "home: the day's figures", SQL_DAY_COUNTS },
	{ "report day: receipts", SQL_DAY_RECEIPTS },
	{ "report day: closes", SQL_DAY_CLOSES },
	{ "report day: closes since (the carry window)", SQL_DAY_CLOSES_SINCE },
	{ "report day: receipts carried from earlier days", SQL_DAY_CARRIED },
	{ "report day: refunds (退费)", SQL_DAY_REFUNDS },
	{ "report day: hand-ins (上缴)", SQL_HANDINS },
	{ "watch: follow-ups", SQL_WATCH_FOLLOWUP },
	{ "watch: 联办件 waiting on a window", SQL_WATCH_JOINT },
	{ "watch: pending handovers", SQL_HANDOVERS_PENDING },
	{ "report month", SQL_MONTH },
	{ "report day: refusals (否定报备)", SQL_REFUSALS },
};

const bm_query *bm_queries(size_t *n)
{
	*n = sizeof QUERIES / sizeof QUERIES[0];
	return QUERIES;
}
