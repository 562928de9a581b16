/* eligible.h - who may apply for an item, as the resident ID number proves
 * it: the item's min_age / max_age (whole years on the day of application)
 * and sex (digit 17: odd male, even female).  bianmin-catalog(5). */
#ifndef BIANMIN_ELIGIBLE_H
#define BIANMIN_ELIGIBLE_H

#include "bianmin/cases.h"
#include "bianmin/catalog.h"

/* Does the applicant with ID id_no (of type t) meet item it's conditions
 * on day today?  When not, why gets the sentence for the clerk, e.g.
 * "高龄津贴申领 is for applicants aged 80 and over; this applicant
 * (born 1990-01-01) is 36." */
bool item_eligible(const bm_item *it, bm_id_type t, const char *id_no, bm_day today, char *why, size_t len);

/* Whole years from birth to day. */
int age_on(bm_day birth, bm_day day);

#endif
