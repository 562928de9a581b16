/* idno.c - the 18-digit resident identity number (居民身份证号码, GB 11643)
 * and the unified social credit code (统一社会信用代码, GB 32100).  Every
 * message names the check that failed and the characters concerned. */
#include "bianmin/idno.h"
#include "bianmin/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void say(char *msg, size_t msglen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say(char *msg, size_t msglen, const char *fmt, ...)
{
	if (!msg || msglen == 0)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, msglen, fmt, ap);
	va_end(ap);
}

/* Surrounding spaces and tabs removed: *len gets the length of what is
 * left, the return value where it starts. */
static const char *trim(const char *in, size_t *len)
{
	while (*in == ' ' || *in == '\t')
		in++;
	size_t n = strlen(in);
	while (n > 0 && (in[n - 1] == ' ' || in[n - 1] == '\t' || in[n - 1] == '\n' || in[n - 1] == '\r'))
		n--;
	*len = n;
	return in;
}

/* Full-width forms typed with a Chinese input method (０-９, Ａ-Ｚ, ａ-ｚ,
 * the ideographic space) read as their ASCII selves; out gets at most
 * size-1 bytes. */
static const char *fold_width(const char *in, char *out, size_t size)
{
	size_t o = 0, n = strlen(in);
	for (size_t i = 0; i < n && o + 4 < size;) {
		uint32_t cp;
		size_t used = text_utf8_decode(in + i, n - i, &cp);
		if (cp >= 0xFF01 && cp <= 0xFF5E) {
			out[o++] = (char)(cp - 0xFF01 + 0x21);
		} else if (cp == 0x3000) {
			out[o++] = ' ';
		} else {
			memcpy(out + o, in + i, used);
			o += used;
		}
		i += used;
	}
	out[o] = '\0';
	return out;
}

/* Number of characters (code points; a bad byte counts as one). */
static size_t count_chars(const char *s, size_t n)
{
	size_t count = 0, i = 0;
	while (i < n) {
		uint32_t cp;
		i += text_utf8_decode(s + i, n - i, &cp);
		count++;
	}
	return count;
}

/* The character at position i (0-based, counting characters) as UTF-8,
 * for messages. */
static void char_at(const char *s, size_t n, size_t pos, char out[8])
{
	size_t i = 0;
	out[0] = '\0';
	for (size_t k = 0; i < n; k++) {
		uint32_t cp;
		size_t used = text_utf8_decode(s + i, n - i, &cp);
		if (k == pos) {
			size_t len = text_utf8_encode(cp, out);
			out[len] = '\0';
			return;
		}
		i += used;
	}
}

/* ---- resident ID (GB 11643) ------------------------------------------ */

static const int resident_weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

char idno_resident_check_char(const char *first17)
{
	static const char check[] = "10X98765432";
	int sum = 0;
	for (int i = 0; i < 17; i++) {
		if (first17[i] < '0' || first17[i] > '9')
			return '?';
		sum += (first17[i] - '0') * resident_weights[i];
	}
	return check[sum % 11];
}

/* Province-level codes (省级行政区划代码) in use, plus 71 Taiwan, 81 Hong
 * Kong, 82 Macao, 83 (residence permits for Taiwan residents), 91 (abroad). */
static bool province_ok(int p)
{
	return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37)
		|| (p >= 41 && p <= 46) || (p >= 50 && p <= 54) || (p >= 61 && p <= 65)
		|| p == 71 || p == 81 || p == 82 || p == 83 || p == 91;
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

bm_day idno_resident_birth(const char *id18)
{
	if (!id18 || strlen(id18) < 14)
		return BM_NO_DAY;
	for (int i = 6; i < 14; i++)
		if (id18[i] < '0' || id18[i] > '9')
			return BM_NO_DAY;
	bm_day day;
	if (!bm_day_from_ymd(digits(id18 + 6, 4), digits(id18 + 10, 2), digits(id18 + 12, 2), &day))
		return BM_NO_DAY;
	return day;
}

idno_status idno_check_resident(const char *in, bm_day today, char *out, char *msg, size_t msglen)
{
	char folded[256];
	if (in)
		in = fold_width(in, folded, sizeof folded);
	size_t n;
	const char *s = in ? trim(in, &n) : "";
	if (!in)
		n = 0;
	if (out)
		out[0] = '\0';
	say(msg, msglen, "%s", "");
	if (n == 0) {
		say(msg, msglen, "%s", _("no ID number given"));
		return IDNO_EMPTY;
	}
	size_t nchars = count_chars(s, n);
	if (n != 18 || nchars != 18) {
		say(msg, msglen, _("the number has %zu characters; a resident ID has 18"), nchars);
		return IDNO_LENGTH;
	}
	char id[19];
	memcpy(id, s, 18);
	id[18] = '\0';
	if (id[17] == 'x')
		id[17] = 'X';
	for (int i = 0; i < 17; i++)
		if (id[i] < '0' || id[i] > '9') {
			char c[8];
			char_at(s, n, (size_t)i, c);
			say(msg, msglen, _("character %d ('%s') is not a digit; the first 17 must be digits"), i + 1, c);
			return IDNO_CHARS;
		}
	if (!(id[17] >= '0' && id[17] <= '9') && id[17] != 'X') {
		say(msg, msglen, _("character 18 ('%c') must be a digit or X"), id[17]);
		return IDNO_CHARS;
	}
	if (out)
		memcpy(out, id, 19);
	int province = digits(id, 2);
	if (!province_ok(province)) {
		say(msg, msglen, _("region code %02d (digits 1-2) is not a province"), province);
		return IDNO_REGION;
	}
	bm_day birth = idno_resident_birth(id);
	if (birth == BM_NO_DAY) {
		say(msg, msglen, _("birth date %.8s (digits 7-14) is not a real date"), id + 6);
		return IDNO_BIRTHDATE;
	}
	int year = digits(id + 6, 4);
	if (year < 1900) {
		say(msg, msglen, _("birth year %d (digits 7-10) is before 1900"), year);
		return IDNO_TOO_OLD;
	}
	if (today != BM_NO_DAY && birth > today) {
		char b[11], t[11];
		say(msg, msglen, _("birth date %s (digits 7-14) is after today, %s"),
		    bm_day_format(birth, b), bm_day_format(today, t));
		return IDNO_FUTURE;
	}
	char want = idno_resident_check_char(id);
	if (want != id[17]) {
		say(msg, msglen, _("check digit (digit 18) should be %c, the number says %c"), want, id[17]);
		return IDNO_CHECKSUM;
	}
	return IDNO_OK;
}

/* ---- unified social credit code (GB 32100) --------------------------- */

static const char uscc_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";   /* no I O S V Z */

static int uscc_value(char c)
{
	const char *p = c ? strchr(uscc_alphabet, c) : NULL;
	return p ? (int)(p - uscc_alphabet) : -1;
}

uscc_status idno_check_uscc(const char *in, char *out, char *msg, size_t msglen)
{
	char folded[256];
	if (in)
		in = fold_width(in, folded, sizeof folded);
	size_t n;
	const char *s = in ? trim(in, &n) : "";
	if (!in)
		n = 0;
	if (out)
		out[0] = '\0';
	say(msg, msglen, "%s", "");
	if (n == 0) {
		say(msg, msglen, "%s", _("no social credit code given"));
		return USCC_EMPTY;
	}
	size_t nchars = count_chars(s, n);
	if (n != 18 || nchars != 18) {
		say(msg, msglen, _("the code has %zu characters; a unified social credit code has 18"), nchars);
		return USCC_LENGTH;
	}
	char code[19];
	for (int i = 0; i < 18; i++)
		code[i] = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 'a' + 'A') : s[i];
	code[18] = '\0';
	for (int i = 0; i < 18; i++)
		if (uscc_value(code[i]) < 0) {
			say(msg, msglen, _("character %d ('%c') is not allowed in a social credit code "
					   "(only digits and capital letters except I, O, S, V, Z)"),
			    i + 1, code[i]);
			return USCC_CHARS;
		}
	/* GB 32100: character 2 is the category (机构类别), 3-8 the region
	 * (行政区划): all digits */
	for (int i = 1; i < 8; i++)
		if (code[i] < '0' || code[i] > '9') {
			say(msg, msglen, _("character %d ('%c') must be a digit: characters 2 to 8 of a social credit code "
					   "are the category and the region code"),
			    i + 1, code[i]);
			return USCC_CHARS;
		}
	if (out)
		memcpy(out, code, 19);
	int sum = 0, weight = 1;   /* weight = 3^(i-1) mod 31 */
	for (int i = 0; i < 17; i++) {
		sum += uscc_value(code[i]) * weight;
		weight = weight * 3 % 31;
	}
	int check = 31 - sum % 31;
	if (check == 31)
		check = 0;
	if (uscc_alphabet[check] != code[17]) {
		say(msg, msglen, _("check character (character 18) should be %c, the code says %c"),
		    uscc_alphabet[check], code[17]);
		return USCC_CHECKSUM;
	}
	return USCC_OK;
}

bool idno_looks_like_uscc(const char *in)
{
	char folded[256];
	size_t n;
	const char *s = trim(fold_width(in ? in : "", folded, sizeof folded), &n);
	if (n != 18)
		return false;
	bool letter = false;
	for (size_t i = 0; i < 18; i++) {
		char c = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 'a' + 'A') : s[i];
		if (uscc_value(c) < 0 || (i >= 1 && i <= 7 && (c < '0' || c > '9')))
			return false;
		if (c >= 'A' && c <= 'Z' && !(i == 17 && c == 'X'))
			letter = true;
	}
	return letter;
}

/* ---- masking --------------------------------------------------------- */

char *idno_mask(const char *id)
{
	if (!id)
		return bm_xstrdup("");
	size_t n = strlen(id), total = count_chars(id, n), i = 0;
	bm_buf b = {0};
	bm_buf_append(&b, "", 0);
	for (size_t k = 0; i < n; k++) {
		uint32_t cp;
		size_t used = text_utf8_decode(id + i, n - i, &cp);
		if (k + 4 < total) {
			bm_buf_append(&b, "*", 1);
		} else {
			char enc[4];
			bm_buf_append(&b, enc, text_utf8_encode(cp, enc));
		}
		i += used;
	}
	return bm_buf_steal(&b);
}
