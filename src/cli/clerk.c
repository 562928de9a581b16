/* clerk.c - `bianmin clerk add|list|passwd|disable`. */
#include "ledger_cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const USAGE = N_(
	"usage: bianmin clerk add CODE NAME [--window W] [--role clerk|supervisor|admin]\n"
	"                         [--by ADMIN]\n"
	"       bianmin clerk list [--clerk CODE]\n"
	"       bianmin clerk passwd CODE [--by ADMIN]\n"
	"       bianmin clerk disable CODE --by ADMIN\n"
	"       bianmin clerk unlock CODE --by SUPERVISOR\n"
	"\n"
	"The first clerk of an empty database is an admin and needs no --by.\n"
	"After that an admin (--by, PIN from BIANMIN_ADMIN_PIN or the terminal)\n"
	"adds, disables and resets clerks.  A new PIN comes from BIANMIN_PIN or is\n"
	"asked twice on the terminal.  passwd without --by: the clerk changes\n"
	"their own PIN (current one from BIANMIN_PIN, new one from BIANMIN_NEW_PIN\n"
	"or the terminal).  list: a logged-in clerk (--clerk or BIANMIN_CLERK,\n"
	"PIN from BIANMIN_PIN).  unlock: a supervisor (--by, PIN from\n"
	"BIANMIN_SUPERVISOR_PIN) clears the lock that pin_lock_after wrong PINs\n"
	"put on a clerk.\n");

static int admin_login(bm_app *app, const char *by, bm_store **s, bm_clerk *admin)
{
	if (!by) {
		fprintf(stderr, "%s\n", _("bianmin clerk: name the admin with --by ADMIN"));
		return 2;
	}
	return cli_session(app, by, "BIANMIN_ADMIN_PIN", s, admin);
}

static int do_add(bm_app *app, int argc, char **argv, const char *window, const char *role_s,
		  const char *by)
{
	if (argc != 2)
		return cli_usage(_(USAGE), true, 2);
	bm_role role = ROLE_CLERK;
	if (role_s && !role_parse(role_s, &role)) {
		fprintf(stderr, _("bianmin clerk: unknown role '%s' (clerk, supervisor or admin)\n"), role_s);
		return 2;
	}
	bm_error err = {0};
	bm_store *s = app_store(app, &err);
	if (!s)
		return cli_error("clerk", &err);
	int n = 0;
	if (auth_clerk_count(s, &n, &err))
		return cli_error("clerk", &err);
	bm_clerk admin = {0};
	int rc;
	if (n > 0 && (rc = admin_login(app, by, &s, &admin)))
		return rc;
	char prompt[128];
	snprintf(prompt, sizeof prompt, _("New PIN for clerk %s: "), argv[0]);
	char *pin = cli_read_pin("BIANMIN_PIN", prompt, true);
	if (!pin) {
		auth_clerk_free(&admin);
		return 1;
	}
	rc = auth_clerk_add(s, n > 0 ? &admin : NULL, argv[0], argv[1], window, role, pin, app->now, &err);
	free(pin);
	auth_clerk_free(&admin);
	if (rc)
		return cli_error("clerk", &err);
	bm_clerk c;
	if (auth_clerk_get(s, argv[0], &c, &err) == BM_OK) {
		printf(_("added clerk %s %s (%s)\n"), c.code, c.name, role_key(c.role));
		auth_clerk_free(&c);
	}
	return 0;
}

static int do_list(bm_app *app, const char *who)
{
	bm_store *s;
	bm_clerk me;
	int rc = cli_session(app, who, "BIANMIN_PIN", &s, &me);
	if (rc)
		return rc;
	auth_clerk_free(&me);
	bm_clerk *v;
	size_t n;
	bm_error err = {0};
	if (auth_clerk_list(s, &v, &n, &err))
		return cli_error("clerk", &err);
	for (size_t i = 0; i < n; i++) {
		bool locked = false;
		auth_clerk_locked(s, v[i].code, &locked, NULL, NULL);
		printf("%s\t%s\t%s\t%s\t%s\n", v[i].code, v[i].name, v[i].window ? v[i].window : "-",
		       role_key(v[i].role), !v[i].active ? "disabled" : locked ? "locked" : "active");
	}
	auth_clerks_free(v, n);
	return 0;
}

static int do_passwd(bm_app *app, int argc, char **argv, const char *by)
{
	if (argc != 1)
		return cli_usage(_(USAGE), true, 2);
	bm_store *s;
	bm_clerk actor;
	int rc = by ? admin_login(app, by, &s, &actor) : cli_session(app, argv[0], "BIANMIN_PIN", &s, &actor);
	if (rc)
		return rc;
	char prompt[128];
	snprintf(prompt, sizeof prompt, _("New PIN for clerk %s: "), argv[0]);
	char *pin = cli_read_pin(by ? "BIANMIN_PIN" : "BIANMIN_NEW_PIN", prompt, true);
	bm_error err = {0};
	rc = pin ? auth_clerk_set_pin(s, &actor, argv[0], pin, app->now, &err) : -1;
	free(pin);
	auth_clerk_free(&actor);
	if (rc < 0)
		return 1;
	if (rc)
		return cli_error("clerk", &err);
	printf(_("PIN of clerk %s changed\n"), argv[0]);
	return 0;
}

static int do_disable(bm_app *app, int argc, char **argv, const char *by)
{
	if (argc != 1)
		return cli_usage(_(USAGE), true, 2);
	bm_store *s;
	bm_clerk admin;
	int rc = admin_login(app, by, &s, &admin);
	if (rc)
		return rc;
	bm_error err = {0};
	rc = auth_clerk_disable(s, &admin, argv[0], app->now, &err);
	auth_clerk_free(&admin);
	if (rc)
		return cli_error("clerk", &err);
	printf(_("clerk %s disabled\n"), argv[0]);
	return 0;
}

static int do_unlock(bm_app *app, int argc, char **argv, const char *by)
{
	if (argc != 1)
		return cli_usage(_(USAGE), true, 2);
	if (!by) {
		fprintf(stderr, "%s\n", _("bianmin clerk: name the supervisor with --by SUPERVISOR"));
		return 2;
	}
	bm_store *s;
	bm_clerk sup;
	int rc = cli_session(app, by, "BIANMIN_SUPERVISOR_PIN", &s, &sup);
	if (rc)
		return rc;
	bm_error err = {0};
	rc = auth_clerk_unlock(s, &sup, argv[0], app->now, &err);
	auth_clerk_free(&sup);
	if (rc)
		return cli_error("clerk", &err);
	printf(_("clerk %s unlocked\n"), argv[0]);
	return 0;
}

int cli_clerk(bm_app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{"window", required_argument, NULL, 'w'},
		{"role", required_argument, NULL, 'r'},
		{"by", required_argument, NULL, 'b'},
		{"clerk", required_argument, NULL, 'k'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *window = NULL, *role = NULL, *by = NULL, *who = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'w': window = optarg; break;
		case 'r': role = optarg; break;
		case 'b': by = optarg; break;
		case 'k': who = optarg; break;
		case 'h': return cli_usage(_(USAGE), false, 0);
		default: return cli_usage(_(USAGE), true, 2);
		}
	}
	if (optind >= argc)
		return cli_usage(_(USAGE), true, 2);
	const char *sub = argv[optind];
	int n = argc - optind - 1;
	char **rest = argv + optind + 1;
	if (strcmp(sub, "add") == 0)
		return do_add(app, n, rest, window, role, by);
	if (strcmp(sub, "list") == 0)
		return n ? cli_usage(_(USAGE), true, 2) : do_list(app, who);
	if (strcmp(sub, "passwd") == 0)
		return do_passwd(app, n, rest, by);
	if (strcmp(sub, "disable") == 0)
		return do_disable(app, n, rest, by);
	if (strcmp(sub, "unlock") == 0)
		return do_unlock(app, n, rest, by);
	fprintf(stderr, _("bianmin clerk: unknown subcommand '%s'\n"), sub);
	return 2;
}
