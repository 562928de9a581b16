/* money_cn.c - 人民币大写: an amount in fen written the way a receipt
 * writes it (壹仟零壹拾元零伍分, 壹拾元整), so no figure on it can be
 * altered.  Zeros follow the bank rules: one 零 for a run of zeros inside
 * the number, none at the end of a section, 整 when there is no 分. */
#include "bianmin/slip.h"

#include <stdlib.h>

static const char *const DIG[] = { "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖" };
static const char *const UNIT[] = { "", "拾", "佰", "仟" };

/* One section of up to four digits (1..9999). */
static void section(int g, bm_buf *b)
{
	int d[4] = { g % 10, g / 10 % 10, g / 100 % 10, g / 1000 % 10 };
	bool started = false, zero = false;
	for (int pos = 3; pos >= 0; pos--) {
		if (d[pos] == 0) {
			zero = started;
			continue;
		}
		if (zero)
			bm_buf_puts(b, "零");
		zero = false;
		bm_buf_puts(b, DIG[d[pos]]);
		bm_buf_puts(b, UNIT[pos]);
		started = true;
	}
}

char *slip_money_upper(int64_t fen)
{
	bm_buf b = {0};
	bm_buf_append(&b, "", 0);
	if (fen < 0) {
		bm_buf_puts(&b, "负");
		fen = -fen;
	}
	int64_t yuan = fen / 100;
	int jiao = (int)(fen / 10 % 10), f = (int)(fen % 10);
	/* sections of 亿, 万 and units (亿 itself may exceed 9999: its own sections) */
	int64_t secs[] = { yuan / 1000000000000LL, yuan / 100000000 % 10000, yuan / 10000 % 10000, yuan % 10000 };
	static const char *const SEC[] = { "万亿", "亿", "万", "" };
	bool any = false, gap = false;
	for (int i = 0; i < 4; i++) {
		int g = (int)(secs[i] % 10000);
		if (g == 0) {
			gap = any;
			continue;
		}
		if (any && (gap || g < 1000))
			bm_buf_puts(&b, "零");
		section(g, &b);
		bm_buf_puts(&b, SEC[i]);
		any = true;
		gap = false;
	}
	if (any)
		bm_buf_puts(&b, "元");
	if (!any && !jiao && !f) {
		bm_buf_puts(&b, "零元整");
		return bm_buf_steal(&b);
	}
	if (jiao)
		bm_buf_printf(&b, "%s角", DIG[jiao]);
	else if (any && f)
		bm_buf_puts(&b, "零");
	if (f)
		bm_buf_printf(&b, "%s分", DIG[f]);
	else
		bm_buf_puts(&b, "整");
	return bm_buf_steal(&b);
}
