/* eligible.c - an item's conditions checked against what the resident ID
 * number says: the birth date (digits 7-14) and the sex (digit 17). */
#include "bianmin/eligible.h"
#include "bianmin/idno.h"

#include <stdio.h>
#include <string.h>

int age_on(bm_day birth, bm_day day)
{
	int by, bm, bd, y, m, d;
	bm_day_to_ymd(birth, &by, &bm, &bd);
	bm_day_to_ymd(day, &y, &m, &d);
	int age = y - by;
	if (m < bm || (m == bm && d < bd))
		age--;
	return age;
}

bool item_eligible(const bm_item *it, bm_id_type t, const char *id_no, bm_day today, char *why, size_t len)
{
	if (why && len)
		why[0] = '\0';
	if (it->min_age < 0 && it->max_age < 0 && !it->sex)
		return true;
	char norm[40];
	if (t != IDTYPE_RESIDENT || !id_no || idno_check_resident(id_no, today, norm, NULL, 0) != IDNO_OK) {
		snprintf(why, len, _("%s has conditions only a resident ID number proves (age, sex)."), it->name);
		return false;
	}
	bm_day birth = idno_resident_birth(norm);
	int age = age_on(birth, today);
	char b[16];
	bm_day_format(birth, b);
	if (it->min_age >= 0 && age < it->min_age) {
		snprintf(why, len, _("%s is for applicants aged %d and over; this applicant (born %s) is %d."),
			 it->name, it->min_age, b, age);
		return false;
	}
	if (it->max_age >= 0 && age > it->max_age) {
		snprintf(why, len, _("%s is for applicants aged up to %d; this applicant (born %s) is %d."),
			 it->name, it->max_age, b, age);
		return false;
	}
	char sex = (norm[16] - '0') % 2 ? 'M' : 'F';
	if (it->sex && it->sex != sex) {
		snprintf(why, len, "%s", it->sex == 'F' ? _("This item is for women; the ID number is a man's (digit 17 is odd).")
							: _("This item is for men; the ID number is a woman's (digit 17 is even)."));
		return false;
	}
	return true;
}
