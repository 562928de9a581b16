/* agent.h - village agents (村代办员) and the proxy cases (代理件) they
 * bring: the register of villages and agents, the 授权委托书 a proxy case
 * needs, the applicant's 服务意见反馈表 and the agent's 回复, the agent's
 * register (台账) and subsidy per month.
 *
 * Where the register lives: in the ledger (the SQLite file), not in
 * center.yaml.  Agents come and go during the year, a supervisor adds or
 * disables one at the counter, and the subsidy is money paid per case
 * they brought: so every change is an event of the hash chain (types
 * agent_add, agent_disable; details = the agent's whole record after the
 * change), `bianmin verify` replays them against the agents table.  An ID
 * number is registered once, so a case names its agent by the proxy's ID
 * in its snapshot (proxy_id with proxy_is_agent): no column of its own.
 * center.yaml holds only the subsidy settings (agent_subsidy,
 * agent_subsidy_counts).
 *
 * An agent is never deleted (cases name them): disabling sets the last
 * day (active_to).  Codes are given by bianmin: A001, A002 ... */
#ifndef BIANMIN_AGENT_H
#define BIANMIN_AGENT_H

#include "bianmin/auth.h"
#include "bianmin/cases.h"
#include "bianmin/catalog.h"
#include "bianmin/config.h"
#include "bianmin/lifecycle.h"
#include "bianmin/store.h"

#define AGENT_CODE_MAX 16

typedef struct bm_agent {
	char code[AGENT_CODE_MAX];   /* "A001" */
	char *village;               /* 村 / 社区 */
	char *name;
	char *id_no;                 /* resident ID, normalised */
	char *phone;                 /* may be NULL */
	bm_day from, to;             /* active from; to = BM_NO_DAY while active */
	bool active;
} bm_agent;

void agent_free(bm_agent *a);
void agents_free(bm_agent *v, size_t n);

/* Add an agent (supervisors and admins: BM_EDENIED otherwise).  village,
 * name, a valid resident ID (BM_EINVAL with the check that failed) and an
 * optional phone; from = first active day (BM_NO_DAY = today).  An ID
 * already in the register (active or not) is refused.  code (>= AGENT_CODE_MAX)
 * gets the new code. */
int agent_add(bm_store *s, const bm_clerk *actor, const char *village, const char *name,
	      const char *id_no, const char *phone, bm_day from, bm_time now, char *code,
	      bm_error *err);
/* Disable an agent from day `to` on (BM_NO_DAY = today): they bring no new
 * case after it.  BM_ESTATE when already disabled. */
int agent_disable(bm_store *s, const bm_clerk *actor, const char *code, bm_day to,
		  const char *reason, bm_time now, bm_error *err);
/* One agent by code; BM_ENOTFOUND when none. */
int agent_get(bm_store *s, const char *code, bm_agent *out, bm_error *err);
/* The register, by village then code; active_only leaves out disabled ones. */
int agent_list(bm_store *s, bool active_only, bm_agent **out, size_t *n, bm_error *err);
/* Does the agent match a query: their code, a part of name or village,
 * or the pinyin initials of the name ("zxm" finds 张小梅)?  "" matches. */
bool agent_matches(const bm_agent *a, const char *query);
/* The one agent a query names among the active ones: a code, an exact
 * name, or a query matching exactly one (agent_matches).  BM_ENOTFOUND
 * or BM_EINVAL (several match: the sentence lists them). */
int agent_find(bm_store *s, const char *query, bm_agent *out, bm_error *err);

/* ---- proxy cases (代理件) --------------------------------------------- */
/* A proxy may apply for this item?  false with why a sentence (the
 * catalog says proxy: false: the applicant comes in person). */
bool agent_item_allows_proxy(const bm_item *it, bm_error *why);
/* The 授权委托书 a proxy case needs: the unit form for an organisation
 * (统一社会信用代码), the individual form otherwise. */
const char *agent_poa_name(bm_id_type applicant);
const char *agent_poa_form(bm_id_type applicant);   /* "poa_person" | "poa_unit" */
/* The item as a proxy case takes it: its materials plus the 授权委托书
 * (original, 1, main) as the last one.  out shares every text with it
 * except the materials array and the new material (agent_proxy_item_free). */
void agent_proxy_item(const bm_item *it, bm_id_type applicant, bm_item *out);
void agent_proxy_item_free(bm_item *out);

/* The applicant's 服务意见反馈表 (seed 004: every proxy case; the applicant
 * confirms the result): satisfied or not, a rating 1..5 (lc_rating_*),
 * an optional remark.  A proxy case cannot complete before it
 * (lifecycle_allowed).  Event "feedback" on the case. */
int agent_feedback(const lc_ctx *x, const char *no, bool satisfied, int level, const char *remark,
		   bm_error *err);
/* The agent's 回复: they told the applicant the result.  Only on a
 * completed or returned case brought by an agent.  Event "agent_reply". */
int agent_reply(const lc_ctx *x, const char *no, const char *note, bm_error *err);

/* Agent cases done (completed or returned) but not yet replied, oldest
 * first: for the home screen.  owner NULL = every clerk's. */
int agent_unreplied(bm_store *s, const char *owner, case_summary **out, size_t *n, bm_error *err);

/* ---- the register (台账) and subsidy per agent and month ---------------- */
typedef struct agent_case_row {
	char no[CASE_NO_MAX];
	char *applicant, *item_name;
	bm_day accepted, completed;  /* completed BM_NO_DAY while open */
	bm_case_state state;
	bool forwarded;              /* 转报: the item goes to an upper office */
	bool feedback, replied;
	bool counted;                /* counts for the subsidy */
} agent_case_row;

typedef struct agent_month {
	bm_agent agent;
	agent_case_row *cases; size_t n_cases;
	int brought, completed, replied, counted;
	int64_t subsidy_fen;
} agent_month;

typedef struct agent_register {
	int year, month;
	int64_t rate_fen;            /* center.yaml agent_subsidy */
	bool count_accepted;         /* agent_subsidy_counts: accepted (else completed) */
	agent_month *agents; size_t n_agents;   /* every agent with a case, or active */
	int brought, counted;
	int64_t subsidy_fen;
} agent_register;

/* The month's register: what counts is center->agent_subsidy_counts:
 * "completed" (default) counts cases completed in the month, "accepted"
 * counts cases brought (accepted) in the month that were not returned at
 * intake.  code NULL = every agent. */
int agent_register_month(bm_store *s, const bm_center *center, int year, int month,
			 const char *code, agent_register *out, bm_error *err);
void agent_register_free(agent_register *r);
/* As CSV for Excel and WPS: UTF-8 with a BOM, CRLF line ends, every
 * field quoted.  malloc'd. */
char *agent_register_csv(const agent_register *r);
/* As a paper: forms/agent_register.tmpl's context. */
struct slip_ctx *agent_register_context(const agent_register *r, const bm_center *center, bm_time now);
/* The context of a blank proxy paper (授权委托书, 服务意见反馈表):
 * only the center's fields. */
struct slip_ctx *agent_blank_context(const bm_center *center, const char *form, bm_time now);

/* ---- figures: 代办件 by village and by agent --------------------------- */
typedef struct agent_figure {
	char *key;                   /* the village, or "A001 张小梅" */
	int brought, completed;
} agent_figure;
int agent_figures_month(bm_store *s, int year, int month, agent_figure **villages, size_t *n_villages,
			agent_figure **agents, size_t *n_agents, bm_error *err);
void agent_figures_free(agent_figure *v, size_t n);

#endif
