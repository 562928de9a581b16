/* phone.c - is a typed phone number a whole one (phone.h)? */
#include "bianmin/phone.h"

#include <stdio.h>
#include <string.h>

bool phone_check(const char *s, char *why, size_t len)
{
	char d[40];
	size_t n = 0;
	bool plus = false;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (n + 1 < sizeof d)
				d[n++] = *p;
			else {
				snprintf(why, len, "%s", _("A phone number has at most 15 digits."));
				return false;
			}
		} else if (*p == '+' && n == 0 && !plus) {
			plus = true;
		} else if (*p != ' ' && *p != '-') {
			snprintf(why, len, "%s", _("A phone number has only digits, spaces, + and -."));
			return false;
		}
	}
	d[n] = '\0';
	if (n == 0)
		return !plus || (snprintf(why, len, "%s", _("A phone number needs digits.")), false);
	const char *v = d;
	if ((plus || n == 13) && strncmp(v, "86", 2) == 0)
		v += 2;   /* the country code */
	size_t m = strlen(v);
	if (v[0] == '1') {
		if (m == 11)
			return true;
		snprintf(why, len, _("%s has %zu digits; a mobile number has 11."), s, m);
		return false;
	}
	if (v[0] == '0') {
		if (m >= 10 && m <= 12)
			return true;
		snprintf(why, len, _("%s has %zu digits; a landline with its area code (0838 ...) has 10 to 12."), s,
			 m);
		return false;
	}
	if (m == 7 || m == 8)
		return true;
	snprintf(why, len, _("%s has %zu digits: a mobile number has 11, a local landline 7 or 8."), s, m);
	return false;
}
