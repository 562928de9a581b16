/* queries_int.h - (internal) the SQL texts that queries.c lists, defined
 * in the file that runs each. */
#ifndef BIANMIN_QUERIES_INT_H
#define BIANMIN_QUERIES_INT_H

extern const char SQL_CASES_MINE_OPEN[], SQL_CASES_OPEN[], SQL_CASES_MINE_ALL[];
extern const char SQL_CASES_FIND[], SQL_CASES_FIND_OPEN[], SQL_CASES_PREFIX[], SQL_CASES_PREFIX_OPEN[];
extern const char SQL_CASE_LOAD[], SQL_CASE_BY_ID_NO[], SQL_DAY_COUNTS[];
extern const char SQL_DAY_RECEIPTS[], SQL_DAY_CLOSES[];
extern const char SQL_WATCH_FOLLOWUP[], SQL_WATCH_JOINT[], SQL_MONTH[];
extern const char SQL_HANDOVERS_PENDING[], SQL_REFUSALS[];
extern const char SQL_DAY_CLOSES_SINCE[], SQL_DAY_CARRIED[], SQL_DAY_REFUNDS[], SQL_HANDINS[];

#endif
