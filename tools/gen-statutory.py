#!/usr/bin/env python3
"""gen-statutory.py - the statutory holidays that need no announcement
(全国年节及纪念日放假办法, 2025 revision) for years the holiday file does
not cover, written once as src/core/statutory_table.c and checked in.

The fixed ones (元旦 1/1, 劳动节 5/1-5/2, 国庆节 10/1-10/3) need no table;
the lunar ones do: 春节 (除夕 .. 初三), 清明节 (the day the Sun reaches
ecliptic longitude 15 degrees), 端午节 (5/5) and 中秋节 (8/15).  They are
computed here with no network and no library, from Meeus, "Astronomical
Algorithms" (2nd ed.): new moons (ch. 49, with the planetary terms) and
the Sun's apparent longitude (ch. 25, low accuracy, ~0.01 degree), in
Beijing time (UTC+8), by the rules of GB/T 33661-2017 (农历的编算和颁行):
a month begins on the day of its new moon; month 11 holds the winter
solstice; in a year of 13 months the first month with no principal term
(中气) is the leap month.

    python3 tools/gen-statutory.py [--check data/holidays.yaml] > src/core/statutory_table.c

--check compares the computed dates with every year of the holiday file
(each must fall inside the published holiday of that name) and exits 1 on a
mismatch.  Days whose solar term or new moon falls within 20 minutes of
midnight are listed on stderr: check those by hand.
"""
import math
import re
import sys

FIRST, LAST = 2020, 2080


def jd_from_ymd(y, m, d):
    if m <= 2:
        y -= 1
        m += 12
    a = y // 100
    b = 2 - a + a // 4
    return math.floor(365.25 * (y + 4716)) + math.floor(30.6001 * (m + 1)) + d + b - 1524.5


def ymd_from_jd(jd):
    jd += 0.5
    z = int(math.floor(jd))
    f = jd - z
    alpha = int((z - 1867216.25) / 36524.25)
    a = z + 1 + alpha - alpha // 4
    b = a + 1524
    c = int((b - 122.1) / 365.25)
    d = int(365.25 * c)
    e = int((b - d) / 30.6001)
    day = b - d - int(30.6001 * e) + f
    month = e - 1 if e < 14 else e - 13
    year = c - 4716 if month > 2 else c - 4715
    return year, month, int(math.floor(day)), day - math.floor(day)


def delta_t(year):
    """TT - UT in seconds (Espenak & Meeus polynomials)."""
    t = year - 2000
    if year < 2050:
        return 62.92 + 0.32217 * t + 0.005589 * t * t
    u = (year - 1820) / 100
    return -20 + 32 * u * u - 0.5628 * (2150 - year)


def beijing(jde):
    """A JDE instant as a Beijing civil day (a JD at 0h) and the fraction of it."""
    y = ymd_from_jd(jde)[0]
    jd = jde - delta_t(y) / 86400 + 8 / 24
    day0 = math.floor(jd - 0.5) + 0.5
    return day0, jd - day0


def sin(x):
    return math.sin(math.radians(x))


def new_moon(k):
    """JDE of the new moon of lunation k (k = 0 near 2000-01-06)."""
    t = k / 1236.85
    jde = (2451550.09766 + 29.530588861 * k + 0.00015437 * t ** 2
           - 0.000000150 * t ** 3 + 0.00000000073 * t ** 4)
    e = 1 - 0.002516 * t - 0.0000074 * t ** 2
    m = 2.5534 + 29.10535670 * k - 0.0000014 * t ** 2 - 0.00000011 * t ** 3
    mp = (201.5643 + 385.81693528 * k + 0.0107582 * t ** 2 + 0.00001238 * t ** 3
          - 0.000000058 * t ** 4)
    f = (160.7108 + 390.67050284 * k - 0.0016118 * t ** 2 - 0.00000227 * t ** 3
         + 0.000000011 * t ** 4)
    om = 124.7746 - 1.56375588 * k + 0.0020672 * t ** 2 + 0.00000215 * t ** 3
    c = (-0.40720 * sin(mp) + 0.17241 * e * sin(m) + 0.01608 * sin(2 * mp)
         + 0.01039 * sin(2 * f) + 0.00739 * e * sin(mp - m) - 0.00514 * e * sin(mp + m)
         + 0.00208 * e * e * sin(2 * m) - 0.00111 * sin(mp - 2 * f)
         - 0.00057 * sin(mp + 2 * f) + 0.00056 * e * sin(2 * mp + m)
         - 0.00042 * sin(3 * mp) + 0.00042 * e * sin(m + 2 * f)
         + 0.00038 * e * sin(m - 2 * f) - 0.00024 * e * sin(2 * mp - m)
         - 0.00017 * sin(om) - 0.00007 * sin(mp + 2 * m) + 0.00004 * sin(2 * mp - 2 * f)
         + 0.00004 * sin(3 * m) + 0.00003 * sin(mp + m - 2 * f) + 0.00003 * sin(2 * mp + 2 * f)
         - 0.00003 * sin(mp + m + 2 * f) + 0.00003 * sin(mp - m + 2 * f)
         - 0.00002 * sin(mp - m - 2 * f) - 0.00002 * sin(3 * mp + m) + 0.00002 * sin(4 * mp))
    a = [
        (0.000325, 299.77 + 0.107408 * k - 0.009173 * t ** 2),
        (0.000165, 251.88 + 0.016321 * k), (0.000164, 251.83 + 26.651886 * k),
        (0.000126, 349.42 + 36.412478 * k), (0.000110, 84.66 + 18.206239 * k),
        (0.000062, 141.74 + 53.303771 * k), (0.000060, 207.14 + 2.453732 * k),
        (0.000056, 154.84 + 7.306860 * k), (0.000047, 34.52 + 27.261239 * k),
        (0.000042, 207.19 + 0.121824 * k), (0.000040, 291.34 + 1.844379 * k),
        (0.000037, 161.72 + 24.198154 * k), (0.000035, 239.56 + 25.513099 * k),
        (0.000023, 331.55 + 3.592518 * k),
    ]
    return jde + c + sum(w * sin(x) for w, x in a)


def sun_longitude(jde):
    """Apparent ecliptic longitude of the Sun, degrees (Meeus ch. 25)."""
    t = (jde - 2451545.0) / 36525
    l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t
    m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t
    c = ((1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(m)
         + (0.019993 - 0.000101 * t) * sin(2 * m) + 0.000289 * sin(3 * m))
    om = 125.04 - 1934.136 * t
    return (l0 + c - 0.00569 - 0.00478 * sin(om)) % 360


def solar_term(year, lon):
    """JDE when the Sun's apparent longitude reaches lon in `year`."""
    # a first guess from the mean motion, then Newton steps
    jde = jd_from_ymd(year, 3, 21) + ((lon - 0) % 360) * 365.2422 / 360
    for _ in range(50):
        d = (lon - sun_longitude(jde) + 180) % 360 - 180
        jde += d * 365.2422 / 360
        if abs(d) < 1e-7:
            break
    return jde


NEAR = []


def civil(jde, what):
    day0, frac = beijing(jde)
    if frac < 20 / 1440 or frac > 1 - 20 / 1440:
        NEAR.append((what, ymd_from_jd(day0)[:3], frac * 24))
    return day0


def new_moon_days(jd_from, jd_to):
    """Beijing days of new moons in [jd_from - 40, jd_to + 40]."""
    k = math.floor((jd_from - 40 - 2451550.09766) / 29.530588861)
    out = []
    while True:
        jde = new_moon(k)
        if jde > jd_to + 40:
            return out
        out.append(civil(jde, "new moon"))
        k += 1


def lunar_year(y):
    """{(month, leap): first day} for the months of lunar year y (and the
    months 11, 12 of y - 1 before them)."""
    ws_a = civil(solar_term(y - 1, 270), "winter solstice")
    ws_b = civil(solar_term(y, 270), "winter solstice")
    moons = new_moon_days(ws_a, ws_b)
    m11a = max(d for d in moons if d <= ws_a)
    m11b = max(d for d in moons if d <= ws_b)
    span = [d for d in moons if m11a <= d <= m11b]
    nxt = [d for d in moons if d > m11b][0]
    starts = span + [nxt]
    n = len(span) - 1          # lunations from month 11 to month 11
    # principal terms (中气) between the solstices: longitudes 270, 300, ... 270
    zq = []
    for yy in (y - 1, y):
        for lon in range(0, 360, 30):
            d = civil(solar_term(yy, lon), "principal term")
            if m11a <= d < nxt:
                zq.append(d)
    months = {}
    num, leap_done = 11, False
    for i in range(len(span)):
        lo, hi = starts[i], starts[i + 1]
        has_zq = any(lo <= d < hi for d in zq)
        if i == 0:
            months[(11, False)] = lo
            continue
        if n == 13 and not leap_done and not has_zq:
            leap_done = True
            months[(num, True)] = lo
            continue
        num = num % 12 + 1
        months[(num, False)] = lo
    return months


def fmt(jd):
    y, m, d, _ = ymd_from_jd(jd)
    return "%04d-%02d-%02d" % (y, m, d)


def festivals(y):
    lm = lunar_year(y)
    first = lm[(1, False)]
    return {
        "除夕": first - 1,
        "清明": civil(solar_term(y, 15), "清明"),
        "端午": lm[(5, False)] + 4,
        "中秋": lm[(8, False)] + 14,
    }


def check(path, table):
    """Each computed day inside the published holiday of that name."""
    text = open(path, encoding="utf-8").read()
    bad = 0
    names = {"除夕": "春节", "清明": "清明", "端午": "端午", "中秋": "中秋"}
    for y, fest in table.items():
        spans = re.findall(r"name: ([^,]+), from: (%d-\d\d-\d\d), to: (\d{4}-\d\d-\d\d)" % y, text)
        if not spans:
            continue
        for key, jd in fest.items():
            day = fmt(jd)
            hit = [s for s in spans if names[key] in s[0] and s[1] <= day <= s[2]]
            print("check %d %s %s: %s" % (y, key, day, "ok" if hit else "NOT in the holiday file"),
                  file=sys.stderr)
            bad += not hit
    return bad


def main():
    table = {y: festivals(y) for y in range(FIRST, LAST + 1)}
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        bad = check(sys.argv[2], table)
        report_near()
        sys.exit(1 if bad else 0)
    print("/* statutory_table.c - GENERATED by tools/gen-statutory.py; do not edit.")
    print(" * The lunar statutory holidays (全国年节及纪念日放假办法) by year:")
    print(" * 除夕 (春节 is 除夕 .. 初三), 清明节, 端午节, 中秋节, in Beijing time. */")
    print('#include "statutory.h"')
    print("")
    print("const statutory_year STATUTORY_YEARS[] = {")
    for y, f in table.items():
        cells = ", ".join('"%s"' % fmt(f[k]) for k in ("除夕", "清明", "端午", "中秋"))
        print("\t{ %d, %s }," % (y, cells))
    print("};")
    print("const int STATUTORY_N = %d;" % len(table))
    report_near()


def report_near():
    for what, day, hour in sorted(set(NEAR), key=lambda x: x[1]):
        print("near midnight: %s %04d-%02d-%02d at %.2f h" % ((what,) + day + (hour,)), file=sys.stderr)


if __name__ == "__main__":
    main()
