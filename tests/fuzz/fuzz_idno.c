/* fuzz_idno.c - any bytes as an ID number or credit code typed at the
 * counter: the checks must classify it and write only within their
 * buffers; the mask must keep exactly the last four characters. */
#include "fuzz.h"
#include "bianmin/idno.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_str(data, size);
	bm_day today;
	if (!bm_day_from_ymd(2025, 10, 1, &today))
		abort();
	char out[19], msg[200], small[8];
	idno_status st = idno_check_resident(s, today, out, msg, sizeof msg);
	if (st == IDNO_OK) {
		if (strlen(out) != 18 || idno_resident_check_char(out) != out[17])
			abort();
		(void)idno_resident_birth(out);
	}
	(void)idno_check_resident(s, today, NULL, NULL, 0);
	(void)idno_check_resident(s, today, out, small, sizeof small);
	char uout[19];
	(void)idno_check_uscc(s, uout, msg, sizeof msg);
	(void)idno_check_uscc(s, NULL, small, sizeof small);
	free(idno_mask(s));
	free(s);
	return 0;
}
