#include "UtcTime.h"

namespace koodrive::sim::UtcTime {

namespace {
struct Civil
{
    qint64 year;
    int month, day, hour, minute, second, millisecond;
};

// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's civil_from_days). QDateTime::toString
// costs about 30 times more, and the files list writes two times per file.
Civil civil(qint64 ms)
{
    qint64 secs = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    const int millisecond = int(ms - secs * 1000);
    qint64 days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
    const int secondOfDay = int(secs - days * 86400);
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return {year, month, day, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60, millisecond};
}

void digits(char *at, qint64 value, int count)
{
    for (int i = count - 1; i >= 0; --i) {
        at[i] = char('0' + value % 10);
        value /= 10;
    }
}
} // namespace

QByteArray iso(qint64 msecsSinceEpoch)
{
    const Civil c = civil(msecsSinceEpoch);
    char text[] = "0000-00-00T00:00:00.000Z";
    digits(text, c.year, 4);
    digits(text + 5, c.month, 2);
    digits(text + 8, c.day, 2);
    digits(text + 11, c.hour, 2);
    digits(text + 14, c.minute, 2);
    digits(text + 17, c.second, 2);
    digits(text + 20, c.millisecond, 3);
    return QByteArray(text, sizeof text - 1);
}

QByteArray compact(qint64 secsSinceEpoch)
{
    const Civil c = civil(secsSinceEpoch * 1000);
    char text[] = "00000000T000000Z";
    digits(text, c.year, 4);
    digits(text + 4, c.month, 2);
    digits(text + 6, c.day, 2);
    digits(text + 9, c.hour, 2);
    digits(text + 11, c.minute, 2);
    digits(text + 13, c.second, 2);
    return QByteArray(text, sizeof text - 1);
}

} // namespace koodrive::sim::UtcTime
