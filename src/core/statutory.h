/* statutory.h - (internal) the lunar statutory holidays by year, a table
 * generated once by tools/gen-statutory.py (statutory_table.c). */
#ifndef BIANMIN_STATUTORY_H
#define BIANMIN_STATUTORY_H

typedef struct statutory_year {
	int year;
	const char *eve;        /* 除夕: 春节 is this day and the next three */
	const char *qingming, *duanwu, *zhongqiu;
} statutory_year;

extern const statutory_year STATUTORY_YEARS[];
extern const int STATUTORY_N;

#endif
