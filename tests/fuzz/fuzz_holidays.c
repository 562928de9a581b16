/* fuzz_holidays.c - any bytes as holidays.yaml: calendar_load, then some
 * working-day arithmetic on what loaded. */
#include "fuzz.h"
#include "bianmin/calendar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size, "yaml");
	bm_diags d = {0};
	bm_calendar *cal = calendar_load(path, &d);
	unlink(path);
	if (cal) {
		bm_day day;
		bool uncertain = false;
		if (bm_day_from_ymd(2025, 9, 28, &day)) {
			bm_day due = calendar_add_workdays(cal, day, 20, &uncertain);
			(void)calendar_workdays_between(cal, day, due, &uncertain);
			(void)calendar_day_name(cal, due);
		}
		calendar_free(cal);
	} else if (d.errors == 0) {
		abort();
	}
	diags_free(&d);
	return 0;
}
