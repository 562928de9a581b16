/* idno.h - identity numbers: the 18-digit resident ID (GB 11643) and the
 * unified social credit code of organisations (GB 32100). */
#ifndef BIANMIN_IDNO_H
#define BIANMIN_IDNO_H

#include "bianmin/common.h"

typedef enum {
	IDNO_OK = 0,
	IDNO_EMPTY,
	IDNO_LENGTH,      /* not 18 characters */
	IDNO_CHARS,       /* first 17 not all digits, or last not digit/X */
	IDNO_REGION,      /* first 6 digits cannot be a region code (e.g. 000000, province 00) */
	IDNO_BIRTHDATE,   /* digits 7-14 are not a real date */
	IDNO_FUTURE,      /* birth date after today */
	IDNO_TOO_OLD,     /* birth year before 1900 */
	IDNO_CHECKSUM,    /* digit 18 does not match */
} idno_status;

/* Check a resident ID.  out (>= 19 bytes, may be NULL) gets the normalised
 * number (upper-case X, surrounding spaces removed).  msg (may be NULL)
 * gets a sentence saying which check failed, e.g. "check digit is 5, the
 * number says 3" or "birth date 19901332 (digits 7-14) is not a real date". */
idno_status idno_check_resident(const char *in, bm_day today, char *out, char *msg, size_t msglen);
/* The expected check character for 17 digits ('0'-'9' or 'X'). */
char idno_resident_check_char(const char *first17);
/* Birth date of a valid resident ID. */
bm_day idno_resident_birth(const char *id18);

typedef enum {
	USCC_OK = 0,
	USCC_EMPTY,
	USCC_LENGTH,
	USCC_CHARS,       /* a character outside 0-9 A-H J-N P-R T U W-Y */
	USCC_CHECKSUM,    /* the check character (18) does not match: invalid */
} uscc_status;
/* Full-width digits and letters (０-９, Ａ-Ｚ) are read as ASCII by both
 * checks.  Characters 2-8 of a credit code must be digits (USCC_CHARS). */
uscc_status idno_check_uscc(const char *in, char *out, char *msg, size_t msglen);
/* Has the shape of a credit code rather than a resident ID: 18 characters
 * of its alphabet, 2-8 digits, and a letter (other than a final X). */
bool idno_looks_like_uscc(const char *in);

/* Mask for papers given to applicants: every character except the last
 * four replaced by '*'.  Works on any string (UTF-8 aware).  Returns a
 * malloc'd string. */
char *idno_mask(const char *id);

#endif
