/* common.c - errors, memory, buffers, civil dates, the clock, money. */
#define _POSIX_C_SOURCE 200809L
#include "bianmin/common.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int bm_fail(bm_error *err, int code, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
		err->code = code;
	}
	return code;
}

void bm_error_clear(bm_error *err)
{
	if (err) {
		err->code = BM_OK;
		err->msg[0] = '\0';
	}
}

static void out_of_memory(void)
{
	fputs("bianmin: out of memory\n", stderr);
	abort();
}

void *bm_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *bm_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *bm_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		out_of_memory();
	return q;
}

char *bm_xstrdup(const char *s)
{
	return s ? bm_xstrndup(s, strlen(s)) : NULL;
}

char *bm_xstrndup(const char *s, size_t n)
{
	char *p = bm_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *bm_xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		out_of_memory();
	char *p = bm_xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void bm_buf_append(bm_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->data = bm_xrealloc(b->data, cap);
		b->cap = cap;
	}
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void bm_buf_puts(bm_buf *b, const char *s)
{
	bm_buf_append(b, s, strlen(s));
}

void bm_buf_printf(bm_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	bm_buf_append(b, "", 0);
	if (b->len + (size_t)n + 1 > b->cap) {
		b->cap = b->len + (size_t)n + 1;
		b->data = bm_xrealloc(b->data, b->cap);
	}
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *bm_buf_steal(bm_buf *b)
{
	char *p = b->data ? b->data : bm_xstrdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

void bm_buf_free(bm_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *bm_read_file(const char *path, size_t *len, bm_error *err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		bm_fail(err, BM_EIO, _("%s: cannot open: %s"), path, strerror(errno));
		return NULL;
	}
	bm_buf b = {0};
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		bm_buf_append(&b, chunk, n);
	if (ferror(f)) {
		bm_fail(err, BM_EIO, _("%s: cannot read: %s"), path, strerror(errno));
		fclose(f);
		bm_buf_free(&b);
		return NULL;
	}
	fclose(f);
	bm_buf_append(&b, "", 0);
	if (len)
		*len = b.len;
	return bm_buf_steal(&b);
}

/* ---- civil dates (H. Hinnant's days_from_civil / civil_from_days) ---- */

static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	const int64_t era = (y >= 0 ? y : y - 399) / 400;
	const unsigned yoe = (unsigned)(y - era * 400);
	const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : dm[m - 1];
}

bool bm_day_from_ymd(int y, int m, int d, bm_day *out)
{
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return false;
	*out = (bm_day)days_from_civil(y, (unsigned)m, (unsigned)d);
	return true;
}

void bm_day_to_ymd(bm_day day, int *y, int *m, int *d)
{
	int64_t z = (int64_t)day + 719468;
	const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	const unsigned doe = (unsigned)(z - era * 146097);
	const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	const int64_t yy = (int64_t)yoe + era * 400;
	const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	const unsigned mp = (5 * doy + 2) / 153;
	const unsigned dd = doy - (153 * mp + 2) / 5 + 1;
	const unsigned mm = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yy + (mm <= 2));
	*m = (int)mm;
	*d = (int)dd;
}

bool bm_day_parse(const char *s, bm_day *out)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	return bm_day_from_ymd(y, m, d, out);
}

/* Write v as exactly n decimal digits (zero-padded). */
static void put_digits(char *p, unsigned v, int n)
{
	for (int i = n - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
}

char *bm_day_format(bm_day day, char *buf)
{
	if (day == BM_NO_DAY) {
		strcpy(buf, "-");
		return buf;
	}
	int y, m, d;
	bm_day_to_ymd(day, &y, &m, &d);
	put_digits(buf, (unsigned)y % 10000, 4);
	buf[4] = '-';
	put_digits(buf + 5, (unsigned)m, 2);
	buf[7] = '-';
	put_digits(buf + 8, (unsigned)d, 2);
	buf[10] = '\0';
	return buf;
}

int bm_day_weekday(bm_day day)
{
	/* 1970-01-01 was a Thursday (4). */
	int64_t w = ((int64_t)day + 3) % 7;
	if (w < 0)
		w += 7;
	return (int)w + 1;
}

/* ---- time ------------------------------------------------------------- */

bm_time bm_clock_now(void)
{
	bm_time t;
	time_t now = time(NULL);
	struct tm lt;
	localtime_r(&now, &lt);
	t.epoch = (int64_t)now;
	/* offset = local civil seconds - UTC seconds */
	int64_t local = days_from_civil(lt.tm_year + 1900, (unsigned)lt.tm_mon + 1, (unsigned)lt.tm_mday) * 86400
		+ lt.tm_hour * 3600 + lt.tm_min * 60 + lt.tm_sec;
	t.utc_offset = (int32_t)(local - (int64_t)now);
	return t;
}

bm_day bm_time_day(bm_time t)
{
	int64_t s = t.epoch + t.utc_offset;
	int64_t d = s / 86400;
	if (s % 86400 < 0)
		d--;
	return (bm_day)d;
}

char *bm_time_format(bm_time t, char *buf)
{
	int64_t s = t.epoch + t.utc_offset;
	int64_t d = s / 86400, r = s % 86400;
	if (r < 0) {
		r += 86400;
		d--;
	}
	int off = t.utc_offset;
	char sign = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	bm_day_format((bm_day)d, buf);
	buf[10] = 'T';
	put_digits(buf + 11, (unsigned)(r / 3600), 2);
	buf[13] = ':';
	put_digits(buf + 14, (unsigned)(r % 3600 / 60), 2);
	buf[16] = ':';
	put_digits(buf + 17, (unsigned)(r % 60), 2);
	buf[19] = sign;
	put_digits(buf + 20, (unsigned)(off / 3600) % 100, 2);
	buf[22] = ':';
	put_digits(buf + 23, (unsigned)(off % 3600 / 60), 2);
	buf[25] = '\0';
	return buf;
}

bool bm_time_parse(const char *s, bm_time *out)
{
	int y, m, d, hh, mm, ss, oh, om;
	char sign;
	if (!s || strlen(s) != 25)
		return false;
	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%c%2d:%2d", &y, &m, &d, &hh, &mm, &ss, &sign, &oh, &om) != 9)
		return false;
	bm_day day;
	if (!bm_day_from_ymd(y, m, d, &day) || hh > 23 || mm > 59 || ss > 60 || (sign != '+' && sign != '-'))
		return false;
	int32_t off = (oh * 3600 + om * 60) * (sign == '-' ? -1 : 1);
	out->utc_offset = off;
	out->epoch = (int64_t)day * 86400 + hh * 3600 + mm * 60 + ss - off;
	return true;
}

/* ---- money ------------------------------------------------------------ */

bool bm_money_parse(const char *s, int64_t *fen)
{
	if (!s || !*s)
		return false;
	int64_t yuan = 0;
	const char *p = s;
	if (*p < '0' || *p > '9')
		return false;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (yuan > (INT64_MAX / 100 - 9) / 10)
			return false;
		yuan = yuan * 10 + (*p - '0');
	}
	int64_t cents = 0;
	if (*p == '.') {
		p++;
		int digits = 0;
		for (; *p >= '0' && *p <= '9'; p++, digits++) {
			if (digits >= 2)
				return false;
			cents = cents * 10 + (*p - '0');
		}
		if (digits == 0)
			return false;
		if (digits == 1)
			cents *= 10;
	}
	if (*p)
		return false;
	*fen = yuan * 100 + cents;
	return true;
}

char *bm_money_format(int64_t fen, char *buf)
{
	const char *sign = fen < 0 ? "-" : "";
	uint64_t a = fen < 0 ? (uint64_t)(-(fen + 1)) + 1 : (uint64_t)fen;
	snprintf(buf, 24, "%s%llu.%02llu", sign, (unsigned long long)(a / 100), (unsigned long long)(a % 100));
	return buf;
}
