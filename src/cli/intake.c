/* intake.c - `bianmin intake`: decide (intake_decide) and accept a case
 * from the command line. */
#include "bianmin/duplicate.h"
#include "bianmin/eligible.h"
#include "bianmin/phone.h"
#include "ledger_cli.h"
#include "bianmin/agent.h"
#include "bianmin/ledger.h"
#include "bianmin/cases.h"
#include "bianmin/idno.h"
#include "bianmin/register.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const USAGE = N_(
	"usage: bianmin intake [--clerk CODE] --item CODE --name NAME --id IDNO\n"
	"         [--id-type resident|uscc|other] [--phone P] [--address A]\n"
	"         [--have N,N,...|--have-all] [--has-not-brought N,...]\n"
	"         [--agent CODE|NAME|INITIALS |\n"
	"          --proxy-name N --proxy-id ID [--proxy-agent]]\n"
	"         [--override KIND --reason TEXT] [--duplicate-reason TEXT]\n"
	"         [--from ENTRY]\n"
	"\n"
	"Accept a case.  Materials are numbered from 1 in catalog order; those\n"
	"not in --have are missing; --has-not-brought marks a main material the\n"
	"applicant has but did not bring.  --agent: brought by a registered village\n"
	"agent (bianmin agent list); a proxy case has one more material, the\n"
	"授权委托书, numbered last; an item whose catalog says proxy: false refuses\n"
	"a proxy.  The clerk is --clerk or BIANMIN_CLERK,\n"
	"the PIN from BIANMIN_PIN or the terminal.  Prints the case number, the\n"
	"kind, the due date (or -) and the missing materials, one per line.\n"
	"An applicant the item's conditions exclude (age, sex from the ID) is\n"
	"refused with the reason.  An open case of the same ID and item, or the\n"
	"same ID under another name, stops the intake (exit 3) and is listed;\n"
	"--duplicate-reason goes on and records why.  --from takes the person of\n"
	"a book entry (a consultation, a home visit) and links the case to it; a\n"
	"home visit's case is received on the visit's date and time.  A case\n"
	"taken outside the center's hours is marked 延时服务 (bianmin book list\n"
	"extended).\n");

/* --from: the entry's person fills what was not given; a home visit's
 * date and time become the receipt (受理) time, *visit its number (上门服务:
 * taken there, entered now). */
static int from_entry(bm_app *app, const char *no, reg_entry *e, const char **name, const char **id,
		      const char **phone, const char **address, bm_time *received, const char **visit)
{
	bm_error err = {0};
	bm_diags d = {0};
	bm_store *s = app_store(app, &err);
	if (!s || reg_load(s, NULL, no, e, &err))
		return cli_error("intake", &err);
	if (!*name && e->f[RF_PERSON])
		*name = e->f[RF_PERSON];
	if (!*id && e->f[RF_ID_NO])
		*id = e->f[RF_ID_NO];
	if (!*phone && e->f[RF_PHONE])
		*phone = e->f[RF_PHONE];
	if (!*address && e->f[RF_VILLAGE])
		*address = e->f[RF_VILLAGE];
	if (strcmp(reg_get(e, RF_BOOK), book_key(BOOK_VISIT)) != 0)
		return 0;
	bm_calendar *cal = app_calendar(app, &d);
	if (!cal) {
		cli_print_diags(&d);
		diags_free(&d);
		return 1;
	}
	diags_free(&d);
	if (reg_visit_receipt(s, e, cal, app->now, received, &err))
		return cli_error("intake", &err);
	*visit = reg_get(e, RF_NO);
	return 0;
}

/* "1,3,4" -> marks[i] = v for each; false on junk (spaces, signs, empty
 * items) or out of range. */
static bool parse_list(const char *s, bm_mat_state *marks, size_t n, bm_mat_state v)
{
	const char *p = s;
	if (!*p)
		return false;
	while (*p) {
		if (*p < '0' || *p > '9')
			return false;
		char *end;
		long k = strtol(p, &end, 10);
		if (end == p || k < 1 || (size_t)k > n)
			return false;
		marks[k - 1] = v;
		p = end;
		if (*p == ',' && p[1])
			p++;
		else if (*p)
			return false;
	}
	return true;
}

/* Check the ID: a resident ID, or a social credit code; out >= 19 bytes.
 * Returns false (message printed) when it is neither. */
static bool check_id(const char *id, bm_id_type *type, bool type_given, bm_day today, char *out)
{
	char msg[256] = "";
	if (type_given && *type == IDTYPE_OTHER) {
		snprintf(out, 64, "%s", id);
		return *id != '\0';
	}
	if (!type_given || *type == IDTYPE_RESIDENT) {
		if (idno_check_resident(id, today, out, msg, sizeof msg) == IDNO_OK) {
			*type = IDTYPE_RESIDENT;
			return true;
		}
		char umsg[256];
		if (!type_given && idno_check_uscc(id, out, umsg, sizeof umsg) == USCC_OK) {
			*type = IDTYPE_USCC;
			return true;
		}
		fprintf(stderr, _("bianmin intake: bad ID number %s: %s\n"), id, msg);
		return false;
	}
	uscc_status u = idno_check_uscc(id, out, msg, sizeof msg);
	if (u == USCC_OK)
		return true;
	fprintf(stderr, _("bianmin intake: bad social credit code %s: %s\n"), id, msg);
	return false;
}

/* The entry of --from: its fields back name, ID ... until the end. */
static reg_entry from_src;

static int intake_main(bm_app *app, int argc, char **argv)
{
	enum { O_HAVE_ALL = 256, O_NOT_BROUGHT, O_PROXY_NAME, O_PROXY_ID, O_PROXY_AGENT, O_ID_TYPE, O_AGENT };
	static const struct option opts[] = {
		{"clerk", required_argument, NULL, 'k'},
		{"item", required_argument, NULL, 'i'},
		{"name", required_argument, NULL, 'n'},
		{"id", required_argument, NULL, 'd'},
		{"id-type", required_argument, NULL, O_ID_TYPE},
		{"phone", required_argument, NULL, 'p'},
		{"address", required_argument, NULL, 'a'},
		{"have", required_argument, NULL, 'H'},
		{"have-all", no_argument, NULL, O_HAVE_ALL},
		{"has-not-brought", required_argument, NULL, O_NOT_BROUGHT},
		{"proxy-name", required_argument, NULL, O_PROXY_NAME},
		{"proxy-id", required_argument, NULL, O_PROXY_ID},
		{"proxy-agent", no_argument, NULL, O_PROXY_AGENT},
		{"agent", required_argument, NULL, O_AGENT},
		{"override", required_argument, NULL, 'o'},
		{"reason", required_argument, NULL, 'r'},
		{"from", required_argument, NULL, 'F'},
		{"duplicate-reason", required_argument, NULL, 'D'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *clerk = NULL, *item_code = NULL, *name = NULL, *id = NULL, *phone = NULL;
	const char *address = NULL, *have = NULL, *not_brought = NULL, *pname = NULL, *pid = NULL;
	const char *override = NULL, *reason = NULL, *id_type_s = NULL, *dup_reason = NULL, *from = NULL, *agent_q = NULL;
	bool have_all = false, agent = false;
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'k': clerk = optarg; break;
		case 'i': item_code = optarg; break;
		case 'n': name = optarg; break;
		case 'd': id = optarg; break;
		case 'p': phone = optarg; break;
		case 'a': address = optarg; break;
		case 'H': have = optarg; break;
		case O_HAVE_ALL: have_all = true; break;
		case O_NOT_BROUGHT: not_brought = optarg; break;
		case O_PROXY_NAME: pname = optarg; break;
		case O_PROXY_ID: pid = optarg; break;
		case O_PROXY_AGENT: agent = true; break;
		case O_AGENT: agent_q = optarg; break;
		case O_ID_TYPE: id_type_s = optarg; break;
		case 'o': override = optarg; break;
		case 'r': reason = optarg; break;
		case 'F': from = optarg; break;
		case 'D': dup_reason = optarg; break;
		case 'h': return cli_usage(_(USAGE), false, 0);
		default: return cli_usage(_(USAGE), true, 2);
		}
	}
	if (!clerk)
		clerk = getenv("BIANMIN_CLERK");   /* like every other command */
	bm_time when = app->now;   /* received (受理): now, or on the home visit */
	const char *visit = NULL;
	if (from && from_entry(app, from, &from_src, &name, &id, &phone, &address, &when, &visit))
		return 1;
	if (optind != argc || !clerk || !*clerk || !item_code || !name || !*name || !id ||
	    (have && have_all) || (!pname != !pid) || (override && !reason) || (agent_q && pname))
		return cli_usage(_(USAGE), true, 2);
	bm_kind okind = KIND_PROMISED;
	if (override && !kind_parse(override, &okind)) {
		fprintf(stderr, _("bianmin intake: unknown kind '%s' (immediate, promised, supplement, returned, joint, forwarded)\n"), override);
		return 2;
	}
	bm_id_type id_type = IDTYPE_RESIDENT;
	if (id_type_s && !id_type_parse(id_type_s, &id_type)) {
		fprintf(stderr, _("bianmin intake: unknown ID type '%s' (resident, uscc, other)\n"), id_type_s);
		return 2;
	}

	bm_diags d = {0};
	bm_center *center = app_center(app, &d);
	bm_catalog *cat = center ? app_catalog(app, &d) : NULL;
	bm_calendar *cal = cat ? app_calendar(app, &d) : NULL;
	if (!cal) {
		cli_print_diags(&d);
		diags_free(&d);
		return 1;
	}
	diags_free(&d);
	bm_day today = bm_time_day(when);

	char idn[64], pidn[64];
	if (!check_id(id, &id_type, id_type_s != NULL, today, idn))
		return 1;
	if (pid && idno_check_resident(pid, today, pidn, NULL, 0) != IDNO_OK) {
		char msg[256] = "";
		idno_check_resident(pid, today, pidn, msg, sizeof msg);
		fprintf(stderr, _("bianmin intake: bad proxy ID number %s: %s\n"), pid, msg);
		return 1;
	}
	const bm_item *item = catalog_find(cat, item_code);
	if (!item) {
		fprintf(stderr, _("bianmin intake: there is no item %s in %s\n"), item_code, cat->path);
		return 1;
	}
	char why[512];
	if (phone && !phone_check(phone, why, sizeof why)) {
		fprintf(stderr, _("bianmin intake: bad phone number: %s\n"), why);
		return 1;
	}
	if (!item_eligible(item, id_type, idn, today, why, sizeof why)) {
		fprintf(stderr, _("bianmin intake: refused: %s\n"), why);
		return 1;
	}
	/* 代理件: the catalog must allow a proxy, and the 授权委托书 is a material */
	bm_item proxy_item;
	bm_error perr = {0};
	if ((pname || agent_q) && !agent_item_allows_proxy(item, &perr)) {
		fprintf(stderr, "bianmin intake: %s\n", perr.msg);
		return 1;
	}
	if (pname || agent_q) {
		agent_proxy_item(item, id_type, &proxy_item);
		item = &proxy_item;
	}
	size_t nm = item->n_materials;
	bm_mat_state *marks = bm_xcalloc(nm ? nm : 1, sizeof *marks);
	for (size_t i = 0; i < nm; i++)
		marks[i] = have_all ? MAT_PRESENT : MAT_MISSING;
	if ((have && !parse_list(have, marks, nm, MAT_PRESENT)) ||
	    (not_brought && !parse_list(not_brought, marks, nm, MAT_NOT_BROUGHT))) {
		fprintf(stderr, _("bianmin intake: material numbers go from 1 to %zu for item %s\n"), nm, item->code);
		free(marks);
		if (item == &proxy_item)
			agent_proxy_item_free(&proxy_item);
		return 2;
	}

	bm_store *s;
	bm_clerk me;
	int rc = cli_session(app, clerk, "BIANMIN_PIN", &s, &me);
	bm_agent ag;
	memset(&ag, 0, sizeof ag);
	bm_error err = {0};
	if (!rc && agent_q && agent_find(s, agent_q, &ag, &err)) {
		auth_clerk_free(&me);
		rc = cli_error("intake", &err);
	}
	if (rc) {
		free(marks);
		if (item == &proxy_item)
			agent_proxy_item_free(&proxy_item);
		return rc;
	}
	/* an earlier case this intake repeats stops it, unless a reason is given */
	case_dup *dups = NULL;
	size_t ndup = 0;
	bm_error derr = {0};
	if (case_duplicates(s, idn, name, item->code, &dups, &ndup, &derr) != BM_OK) {
		free(marks);
		auth_clerk_free(&me);
		return cli_error("intake", &derr);
	}
	char dup_of[256] = "";
	for (size_t i = 0; i < ndup; i++) {
		char line[512];
		if (!dup_reason)
			fprintf(stderr, _("bianmin intake: earlier case: %s\n"), case_dup_line(&dups[i], line, sizeof line));
		size_t l = strlen(dup_of);
		snprintf(dup_of + l, sizeof dup_of - l, "%s%s", l ? " " : "", dups[i].no);
	}
	case_dups_free(dups, ndup);
	if (ndup && !dup_reason) {
		fprintf(stderr, "%s", _("bianmin intake: not saved; open the earlier case, or give --duplicate-reason TEXT to go on\n"));
		free(marks);
		auth_clerk_free(&me);
		return 3;
	}
	intake_input in = {
		.item = item, .materials = marks, .today = today, .cal = cal,
		.override = override != NULL, .override_kind = okind, .override_reason = reason,
	};
	intake_outcome out;
	if (intake_decide(&in, &out, &err)) {
		free(marks);
		auth_clerk_free(&me);
		agent_free(&ag);
		if (item == &proxy_item)
			agent_proxy_item_free(&proxy_item);
		return cli_error("intake", &err);
	}
	bm_party ap = {
		.name = (char *)name, .id_type = id_type, .id_no = idn,
		.phone = (char *)phone, .address = (char *)address,
	};
	case_intake ci = {
		.center_code = center->code, .catalog_fingerprint = cat->fingerprint,
		.applicant = &ap, .proxy_name = pname, .proxy_id = pid ? pidn : NULL,
		.proxy_is_agent = agent, .clerk = me.code, .now = app->now,
		.agent_code = agent_q ? ag.code : NULL, .visit = visit, .received = when,
	};
	char no[CASE_NO_MAX];
	/* the case, its 延时服务 mark and its link to the entry: one transaction */
	bool extended = false;   /* listed by `bianmin book list extended` */
	rc = store_begin(s, &err);
	if (!rc)
		rc = case_accept_noted(s, &ci, &in, &out, ndup ? dup_of : NULL, ndup ? dup_reason : NULL, no, &err);
	if (!rc)
		rc = reg_mark_extended_at(s, &me, center, cal, no, name, item->name, when, app->now, &extended, &err);
	if (!rc && from) {
		reg_set link = {RF_CASE_NO, no};
		rc = reg_step(s, &me, cal, center, from, "link", &link, 1, NULL, app->now, &err);
	}
	if (!rc)
		rc = store_commit(s, &err);
	else if (store_in_transaction(s))
		store_rollback(s);
	if (rc == BM_OK) {
		char due[11];
		printf("%s\n%s\n%s\n", no, cli_chinese() ? kind_label(out.kind) : kind_key(out.kind),
		       bm_day_format(out.due, due));
		for (size_t i = 0; i < out.n_missing; i++)
			printf("%s\n", item->materials[out.missing[i]].name);
		bool closed = false;
		bm_error e2 = {0};
		if (out.fee_fen > 0 && out.kind != KIND_RETURNED &&
		    ledger_day_closed(s, bm_time_day(app->now), me.code, &closed, &e2) == BM_OK && closed)
			fprintf(stderr, _("bianmin intake: today's 日结 of %s is already closed: this fee goes to the next day's close\n"),
				me.code);
		if (out.due_uncertain)
			fprintf(stderr, _("bianmin intake: due date %s is provisional (暂定): its year's holiday schedule is "
					  "not published; counted with the statutory holidays only\n"), due);
	}
	intake_outcome_free(&out);
	free(marks);
	auth_clerk_free(&me);
	agent_free(&ag);
	if (item == &proxy_item)
		agent_proxy_item_free(&proxy_item);
	return rc ? cli_error("intake", &err) : 0;
}

int cli_intake(bm_app *app, int argc, char **argv)
{
	int rc = intake_main(app, argc, argv);
	reg_entry_free(&from_src);
	return rc;
}
