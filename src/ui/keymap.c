/* keymap.c - actions are names, keys are data (after calcurse's keys.c):
 * one table of {action, label, help, contexts, default keys}.  The status
 * line and the F1 help are generated from it; center.yaml `keys:` rebinds
 * an action by name. */
#include "uipriv.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wctype.h>

#define MAX_KEYS 4

typedef struct binding {
	enum action action;
	const char *name;       /* config name */
	const char *label;      /* status line msgid (short) */
	const char *help;       /* help msgid (a sentence) */
	int ctx;                /* where it works */
	bool status;            /* shown on the status line */
	const char *defaults[MAX_KEYS];
} binding;

#define FIELDS (CTX_APPLICANT | CTX_ITEM | CTX_SEARCH | CTX_LOGIN)
#define LISTS (CTX_HOME | CTX_ITEM | CTX_MATERIALS | CTX_SEARCH | CTX_CASE | CTX_HELP | CTX_OUTCOME | CTX_VIEW | CTX_REPORT | CTX_AGENTS | \
	       CTX_BOOKS)

/* Order = order on the status line. */
static const binding table[] = {
	{A_HELP, "help", N_("Help"), N_("show the keys of this screen"), CTX_ALL, true, {"F1"}},
	{A_NEW, "new_intake", N_("New"), N_("start a new intake (受理)"), CTX_HOME | CTX_DONE, true, {"F2", "n"}},
	{A_SEARCH, "search", N_("Search"), N_("find a case by number, ID number, name or phone"),
	 CTX_HOME | CTX_DONE, true, {"F3", "/"}},
	{A_OPEN, "open", N_("Open"), N_("open the selected case"), CTX_HOME | CTX_SEARCH | CTX_BOOKS, true, {"Enter"}},
	{A_VIEW_CASE, "view_case", N_("View case"), N_("open the case just accepted"), CTX_DONE, true, {"F4", "v"}},
	{A_USE_PRIOR, "use_earlier", N_("Use earlier"),
	 N_("fill name, phone and address from the applicant's earlier case"), CTX_APPLICANT, true, {"F4"}},
	{A_NEXT, "next", N_("Next"), N_("next field; on the last field, the next step"),
	 CTX_LOGIN | CTX_APPLICANT | CTX_ITEM | CTX_MATERIALS | CTX_DIALOG, true, {"Enter"}},
	{A_NEXT_FIELD, "next_field", N_("Field"), N_("next field (also the optional ones)"),
	 CTX_LOGIN | CTX_APPLICANT | CTX_DIALOG, true, {"Tab"}},
	{A_PREV_FIELD, "prev_field", NULL, N_("previous field"), CTX_LOGIN | CTX_APPLICANT | CTX_DIALOG, false,
	 {"BTab"}},
	{A_TOGGLE, "toggle", N_("Present"),
	 N_("mark the material present / missing; in a step's form: tick a row or take the next choice"),
	 CTX_MATERIALS | CTX_DIALOG, true, {"Space"}},
	{A_ALL_PRESENT, "all_present", N_("All"), N_("mark every material present"), CTX_MATERIALS, true, {"a"}},
	{A_NOT_BROUGHT, "not_brought", N_("Not brought"),
	 N_("a main material the applicant has but did not bring (promises to bring it)"), CTX_MATERIALS, true,
	 {"n"}},
	{A_CONFIRM, "confirm", N_("Confirm"), N_("accept the case: save it and print the paper"), CTX_OUTCOME,
	 true, {"F10", "Enter"}},
	{A_OVERRIDE, "override", N_("Override"), N_("decide another kind of case (a written reason is required)"),
	 CTX_OUTCOME, true, {"F6"}},
	{A_STATUS, "status", N_("Status"), N_("the status answer (公开查询) for the case, to read out or print"),
	 CTX_CASE | CTX_SEARCH, true, {"F6", "S"}},
	{A_PRINT, "print", N_("Print"), N_("print what is shown"), CTX_VIEW | CTX_AGENTS, true, {"p", "F7"}},
	{A_FIGURES, "figures", N_("Figures"),
	 N_("today's 日结 (receipts and total, close the day); supervisors: the month's figures by window"),
	 CTX_HOME, true, {"F7"}},
	{A_CLOSE_DAY, "close_day", N_("Close day"), N_("日结: close today and print the 日结单 (once a day)"),
	 CTX_REPORT, true, {"F8", "c"}},
	{A_PREV_MONTH, "prev_month", N_("Month"), N_("the month before (a supervisor's by window, a clerk's own)"), CTX_REPORT | CTX_AGENTS, true, {"Left"}},
	{A_NEXT_MONTH, "next_month", NULL, N_("the month after"), CTX_REPORT | CTX_AGENTS, false, {"Right"}},
	{A_PICK_AGENT, "pick_agent", N_("Agent"),
	 N_("brought by a village agent (代办员): pick them by name or pinyin initials"), CTX_APPLICANT, true, {"F6"}},
	{A_BLANK_POA, "blank_poa", N_("委托书"), N_("print a blank 授权委托书 for the applicant to sign"),
	 CTX_APPLICANT, true, {"F7"}},
	{A_AGENTS, "agents", N_("Agents"),
	 N_("supervisor: the village agents (代办员), their month's register and subsidy"), CTX_HOME, true, {"F8"}},
	{A_AGENT_ADD, "agent_add", N_("Add"), N_("add a village agent"), CTX_AGENTS, true, {"F2", "a"}},
	{A_AGENT_DISABLE, "agent_disable", N_("Disable"), N_("disable the selected agent from today"), CTX_AGENTS,
	 true, {"d"}},
	{A_AGENT_CSV, "agent_csv", N_("CSV"), N_("export the month's register as CSV (Excel, WPS)"), CTX_AGENTS,
	 true, {"e"}},
	{A_BOOKS, "books", N_("Books"),
	 N_("the other books: consultations, complaints, appointments, home visits, key people, extended hours"),
	 CTX_HOME, true, {"b"}},
	{A_BOOK_ADD, "book_add", N_("Add"), N_("a new entry of this book (a walk-in question with its answer: type both, Enter)"),
	 CTX_BOOKS, true, {"a", "F2"}},
	{A_BOOK_ANSWER, "book_answer", N_("Answer"), N_("record the answer (投诉: supervisors)"), CTX_BOOKS, true, {"r"}},
	{A_BOOK_TRANSFER, "book_transfer", N_("Transfer"), N_("转办: to a window or office, with a due date"),
	 CTX_BOOKS, true, {"t"}},
	{A_BOOK_CLOSE, "book_close", N_("Close"), N_("close the entry (归档; an appointment or visit done)"),
	 CTX_BOOKS, true, {"x"}},
	{A_BOOK_CASE, "book_case", N_("Case"), N_("make a case of the entry: intake with its person carried over"),
	 CTX_BOOKS, true, {"c"}},
	{A_BOOK_SUPERVISE, "book_supervise", N_("Supervise"), N_("督办: only the open entries past their due date (again: all)"),
	 CTX_BOOKS, true, {"s"}},
	{A_BOOK_EXPORT, "book_export", N_("Export"), N_("write the book as CSV and TSV to the spool folder"),
	 CTX_BOOKS, true, {"e"}},
	{A_BOOK_FIGURES, "book_figures", N_("Figures"), N_("this month's figures of every book"), CTX_BOOKS, true,
	 {"f"}},
	{A_BOOK_PRINT, "book_print", N_("Print"),
	 N_("print the entry's paper: 预约服务登记表, 上门服务登记表, the written answer to a written complaint"),
	 CTX_BOOKS, true, {"p"}},
	{A_BOOK_NEXT, "book_next", N_("Book"), N_("the next book"), CTX_BOOKS, true, {"Right", "Tab"}},
	{A_BOOK_PREV, "book_prev", NULL, N_("the previous book"), CTX_BOOKS, false, {"Left", "BTab"}},
	{A_REFRESH, "refresh", N_("Refresh"), N_("reload the list"), CTX_HOME, true, {"F5"}},
	{A_BACK, "back", N_("Back"), N_("go back (asks before throwing away typed data)"),
	 CTX_ALL & ~(CTX_HOME | CTX_LOGIN), true, {"Esc"}},
	{A_UP, "up", NULL, N_("move up"), LISTS | CTX_APPLICANT | CTX_DIALOG, false, {"Up"}},
	{A_DOWN, "down", NULL, N_("move down"), LISTS | CTX_APPLICANT | CTX_DIALOG, false, {"Down"}},
	{A_PGUP, "page_up", NULL, N_("a page up"), LISTS, false, {"PgUp"}},
	{A_PGDN, "page_down", NULL, N_("a page down"), LISTS, false, {"PgDn"}},
	{A_FIRST, "first", NULL, N_("to the first row"), LISTS & ~(CTX_ITEM | CTX_SEARCH), false, {"Home"}},
	{A_LAST, "last", NULL, N_("to the last row"), LISTS & ~(CTX_ITEM | CTX_SEARCH), false, {"End"}},
	/* the steps: on the status line only where lifecycle_allowed says yes */
	{A_STEP_SUPPLEMENT, "step_supplement", N_("Supply"),
	 N_("补齐: the applicant brought missing materials (tick which)"), CTX_CASE, true, {"s"}},
	{A_STEP_COMPLETE, "step_complete", N_("Complete"),
	 N_("办结: approved or refused, the result, a certificate number"), CTX_CASE, true, {"c"}},
	{A_STEP_RETURN, "step_return", N_("Return"), N_("退回: return the case, with the reason"), CTX_CASE, true,
	 {"x"}},
	{A_STEP_EXTEND, "step_extend", N_("Extend"),
	 N_("延期: a new due date, approved on the spot by a supervisor's 工号 and PIN"), CTX_CASE, true, {"e"}},
	{A_STEP_PAUSE, "step_pause", N_("Pause"),
	 N_("特别程序: hearing, site visit, expert review or public notice; its days do not count"), CTX_CASE,
	 true, {"p"}},
	{A_STEP_RESUME, "step_resume", N_("Resume"), N_("end the special procedure; the due date moves"),
	 CTX_CASE, true, {"u"}},
	{A_STEP_OPINION, "step_opinion", N_("Opinion"), N_("联办: a window's opinion, agree or disagree"),
	 CTX_CASE, true, {"o"}},
	{A_STEP_FORWARD, "step_forward", N_("Forward"), N_("上报: forward the case up, to whom"), CTX_CASE, true,
	 {"f"}},
	{A_STEP_RESULT, "step_result", N_("Result"), N_("the upper result of a forwarded case"), CTX_CASE, true,
	 {"g"}},
	{A_STEP_NOTIFY, "step_notify", N_("Notify"), N_("回复: the applicant was told (phone, in person, agent)"),
	 CTX_CASE, true, {"i"}},
	{A_STEP_RATE, "step_rate", N_("Rate"), N_("好差评: the applicant's rating, 非常满意 to 非常不满意"),
	 CTX_CASE, true, {"r"}},
	{A_STEP_WITHDRAW, "step_withdraw", N_("Withdraw"), N_("撤回: the applicant withdraws, with the reason"),
	 CTX_CASE, true, {"w"}},
	{A_STEP_DEMAND, "step_demand", N_("Demand"),
	 N_("二次告知: demand a material not on the notice (recorded as a notice breach)"), CTX_CASE, true,
	 {"d"}},
	{A_STEP_FOLLOWUP, "step_followup", N_("Follow-up"),
	 N_("supervisor: record how a bad rating was handled"), CTX_CASE, true, {"h"}},
	{A_STEP_FEEDBACK, "step_feedback", N_("Feedback"),
	 N_("代理件: the applicant's 服务意见反馈表 (satisfied or not, the rating); before it completes"), CTX_CASE,
	 true, {"b"}},
	{A_STEP_REPLY, "step_reply", N_("Reply"), N_("代理件: the village agent told the applicant the result (回复)"),
	 CTX_CASE, true, {"y"}},
	{A_AGENT_PAPERS, "agent_papers", N_("Proxy papers"),
	 N_("代理件: print the 授权委托书, the 服务意见反馈表 (pre-filled) or the 转报联系单"), CTX_CASE, true, {"B"}},
	{A_STEP_REPRINT, "step_reprint", N_("Reprint"),
	 N_("补打: print any paper of the case again, marked 补打 and recorded"), CTX_CASE, true, {"P"}},
	{A_LOGOUT, "logout", N_("Log out"), N_("log out, back to the login screen"), CTX_HOME, true, {"F9"}},
	{A_QUIT, "quit", N_("Quit"), N_("leave bianmin"), CTX_HOME | CTX_LOGIN, true, {"F10", "q"}},
	{A_ACKNOWLEDGE, "acknowledge", N_("Take over"),
	 N_("acknowledge the handovers to me (AB岗交接): I own those cases from now on"), CTX_HOME, true, {"a"}},
	{A_HANDOVER, "handover", N_("Hand over"),
	 N_("hand the marked cases (or all my open cases) to another clerk; prints the 交接单"), CTX_HOME, true,
	 {"h"}},
	{A_HANDOVER_CASE, "handover_case", N_("Hand over"),
	 N_("hand this case to another clerk (a supervisor reassigns it); prints the 交接单"), CTX_CASE, true,
	 {"H"}},
	{A_MARK, "mark", N_("Mark"), N_("mark / unmark the selected case for a handover"), CTX_HOME, true,
	 {"Space", "m"}},
	{A_ALL_OVERDUE, "all_overdue", N_("Overdue"),
	 N_("supervisor: every overdue case of the center (again: back to my cases)"), CTX_HOME, true, {"o"}},
	{A_WAITING_ON, "waiting_on", N_("My window"),
	 N_("joint cases (联办件) waiting on my window's opinion (again: back to my cases)"), CTX_HOME, true,
	 {"w"}},
	{A_CHANGE_PIN, "change_pin", N_("My PIN"), N_("change my own PIN (the current one, then the new one twice)"),
	 CTX_HOME, true, {"p"}},
	{A_VOID_RECEIPT, "void_receipt", N_("Void receipt"),
	 N_("supervisor: void (作废) the case's receipt, with the reason; it stays in the ledger, marked"), CTX_CASE,
	 true, {"V"}},
	{A_EXPORT, "export", N_("Export"),
	 N_("save the figures shown as a CSV file in the spool folder (for a spreadsheet)"), CTX_REPORT, true,
	 {"x"}},
};
#define N_TABLE (sizeof table / sizeof table[0])

/* The keys in effect (defaults, or the config's). */
static ui_key keys[A__COUNT][MAX_KEYS];
static char key_names[A__COUNT][MAX_KEYS][16];
static int n_keys[A__COUNT];

static const binding *find(enum action a)
{
	for (size_t i = 0; i < N_TABLE; i++)
		if (table[i].action == a)
			return &table[i];
	return NULL;
}

static const struct {
	const char *name;
	bool fn;
	wint_t ch;
} named[] = {
	{"Enter", false, L'\r'}, {"Esc", false, 27}, {"Tab", false, L'\t'}, {"BTab", true, KEY_BTAB},
	{"S-Tab", true, KEY_BTAB}, {"Space", false, L' '}, {"Up", true, KEY_UP}, {"Down", true, KEY_DOWN},
	{"Left", true, KEY_LEFT}, {"Right", true, KEY_RIGHT}, {"PgUp", true, KEY_PPAGE},
	{"PgDn", true, KEY_NPAGE}, {"Home", true, KEY_HOME}, {"End", true, KEY_END},
	{"Del", true, KEY_DC}, {"Ins", true, KEY_IC}, {"Backspace", true, KEY_BACKSPACE},
};

bool keymap_parse_key(const char *name, ui_key *out)
{
	if (!name || !*name)
		return false;
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strcasecmp(name, named[i].name) == 0) {
			out->fn = named[i].fn;
			out->ch = named[i].ch;
			return true;
		}
	if ((name[0] == 'F' || name[0] == 'f') && name[1]) {
		char *end;
		long n = strtol(name + 1, &end, 10);
		if (*end == '\0' && n >= 1 && n <= 24) {
			out->fn = true;
			out->ch = (wint_t)KEY_F(n);
			return true;
		}
	}
	if (name[0] == '^' && name[1] && !name[2]) {
		int c = name[1];
		if (c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		if (c < '@' || c > '_')
			return false;
		out->fn = false;
		out->ch = (wint_t)(c - '@');
		return true;
	}
	/* a single character (UTF-8) */
	uint32_t cp;
	size_t used = text_utf8_decode(name, strlen(name), &cp);
	if (name[used] != '\0' || cp == 0xFFFD)
		return false;
	out->fn = false;
	out->ch = (wint_t)cp;
	return true;
}

static void bind_set(enum action a, const char *const *names, size_t n, char **warn, const char *what)
{
	n_keys[a] = 0;
	for (size_t i = 0; i < n && n_keys[a] < MAX_KEYS; i++) {
		ui_key k;
		if (!keymap_parse_key(names[i], &k)) {
			if (warn && !*warn)
				*warn = bm_xasprintf(_("center file: keys: %s: '%s' is not a key name "
						       "(use e.g. F2, n, ^N, Enter, Esc)"),
						     what, names[i]);
			continue;
		}
		keys[a][n_keys[a]] = k;
		snprintf(key_names[a][n_keys[a]], sizeof key_names[a][0], "%s", names[i]);
		n_keys[a]++;
	}
}

void keymap_init(const bm_center *c, char **warn)
{
	if (warn)
		*warn = NULL;
	for (size_t i = 0; i < N_TABLE; i++) {
		size_t n = 0;
		while (n < MAX_KEYS && table[i].defaults[n])
			n++;
		bind_set(table[i].action, table[i].defaults, n, NULL, table[i].name);
	}
	if (!c)
		return;
	for (size_t i = 0; i < c->n_keys; i++) {
		const bm_keybinding *kb = &c->keys[i];
		const binding *b = NULL;
		for (size_t j = 0; j < N_TABLE; j++)
			if (kb->action && strcmp(kb->action, table[j].name) == 0)
				b = &table[j];
		if (!b) {
			if (warn && !*warn)
				*warn = bm_xasprintf(_("center file: keys: '%s' is not an action; see bianmin(1)"),
						     kb->action ? kb->action : "");
			continue;
		}
		bind_set(b->action, (const char *const *)kb->keys, kb->n_keys, warn, b->name);
	}
}

/* Enter arrives as \r (nonl), \n or KEY_ENTER; Backspace as KEY_BACKSPACE,
 * ^H or DEL.  Normalise before comparing. */
static ui_key normal(ui_key k)
{
	if (k.fn && k.ch == KEY_ENTER)
		return (ui_key){false, L'\r'};
	if (!k.fn && k.ch == L'\n')
		return (ui_key){false, L'\r'};
	return k;
}

enum action keymap_action(int ctx, ui_key k, bool typing)
{
	k = normal(k);
	if (typing && !k.fn && (iswprint(k.ch) || k.ch == L' '))
		return A_NONE;
	for (size_t i = 0; i < N_TABLE; i++) {
		enum action a = table[i].action;
		if (!(table[i].ctx & ctx))
			continue;
		for (int j = 0; j < n_keys[a]; j++)
			if (keys[a][j].fn == k.fn && keys[a][j].ch == k.ch)
				return a;
	}
	return A_NONE;
}

enum action keymap_at(size_t i)
{
	return i < N_TABLE ? table[i].action : A_NONE;
}

const char *keymap_name(enum action a)
{
	const binding *b = find(a);
	return b ? b->name : "";
}

const char *keymap_label(enum action a)
{
	const binding *b = find(a);
	return b && b->label ? _(b->label) : "";
}

const char *keymap_help(enum action a)
{
	const binding *b = find(a);
	return b && b->help ? _(b->help) : "";
}

bool keymap_in(enum action a, int ctx)
{
	const binding *b = find(a);
	return b && (b->ctx & ctx);
}

bool keymap_on_status(enum action a)
{
	const binding *b = find(a);
	return b && b->status;
}

const char *keymap_key_label(enum action a, char *buf, size_t len)
{
	snprintf(buf, len, "%s", n_keys[a] ? key_names[a][0] : "");
	return buf;
}

const char *keymap_keys_label(enum action a, char *buf, size_t len)
{
	buf[0] = '\0';
	size_t used = 0;
	for (int j = 0; j < n_keys[a]; j++) {
		int w = snprintf(buf + used, len - used, "%s%s", j ? ", " : "", key_names[a][j]);
		if (w < 0 || (size_t)w >= len - used)
			break;
		used += (size_t)w;
	}
	return buf;
}
