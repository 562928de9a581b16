/* session.c - PINs from the environment or the terminal, and logging in
 * for a subcommand. */
#include "ledger_cli.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

int cli_error(const char *cmd, const bm_error *err)
{
	fprintf(stderr, "bianmin%s%s: %s\n", cmd && *cmd ? " " : "", cmd ? cmd : "",
		err->msg[0] ? err->msg : _("failed"));
	return 1;
}

bool cli_chinese(void)
{
	const char *l = setlocale(LC_MESSAGES, NULL);
	return l && strncmp(l, "zh", 2) == 0;
}

static char *ask(FILE *tty, const char *prompt)
{
	struct termios old, noecho;
	int fd = fileno(tty);
	bool restore = tcgetattr(fd, &old) == 0;
	if (restore) {
		noecho = old;
		noecho.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(fd, TCSAFLUSH, &noecho);
	}
	fprintf(tty, "%s", prompt);
	fflush(tty);
	char buf[256];
	char *r = fgets(buf, sizeof buf, tty);
	if (restore)
		tcsetattr(fd, TCSAFLUSH, &old);
	fputc('\n', tty);
	if (!r)
		return NULL;
	buf[strcspn(buf, "\r\n")] = '\0';
	return bm_xstrdup(buf);
}

char *cli_read_pin(const char *env, const char *prompt, bool confirm)
{
	const char *e = getenv(env);
	if (e)
		return bm_xstrdup(e);
	FILE *tty = fopen("/dev/tty", "r+");
	if (!tty) {
		fprintf(stderr, _("bianmin: no PIN: set %s or run on a terminal\n"), env);
		return NULL;
	}
	char *pin = ask(tty, prompt);
	if (pin && confirm) {
		char *again = ask(tty, _("Again: "));
		if (!again || strcmp(again, pin) != 0) {
			fprintf(stderr, "%s\n", _("bianmin: the two PINs differ; nothing changed"));
			free(pin);
			pin = NULL;
		}
		free(again);
	}
	fclose(tty);
	return pin;
}

int cli_session(bm_app *app, const char *code, const char *pin_env, bm_store **store,
		bm_clerk *clerk)
{
	bm_error err = {0};
	if (!code)
		code = getenv("BIANMIN_CLERK");
	if (!code || !*code) {
		fprintf(stderr, "%s\n", _("bianmin: who are you? Give --clerk CODE (or set BIANMIN_CLERK)"));
		return 2;
	}
	if (!(*store = app_store(app, &err)))
		return cli_error("", &err);
	char prompt[128];
	snprintf(prompt, sizeof prompt, _("PIN of clerk %s: "), code);
	char *pin = cli_read_pin(pin_env, prompt, false);
	if (!pin)
		return 1;
	int rc = auth_login(*store, code, pin, clerk, &err);
	free(pin);
	if (rc)
		return cli_error("", &err);
	return 0;
}
