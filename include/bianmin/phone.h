/* phone.h - a Chinese phone number as clerks type it: a mobile number
 * (11 digits from 1), or a landline with its area code (0 + 2-3 digits,
 * then 7-8 digits), or a landline of the county without the area code
 * (7-8 digits); +86 / 86 in front, spaces and hyphens between allowed. */
#ifndef BIANMIN_PHONE_H
#define BIANMIN_PHONE_H

#include "bianmin/common.h"

/* True when s is such a number (an empty s too: the phone is optional);
 * else why gets a sentence ("138-0838-12 has 10 digits; a mobile number
 * has 11"). */
bool phone_check(const char *s, char *why, size_t len);

#endif
