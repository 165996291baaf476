# datetime arithmetic with fixed values only (no clock): timedelta math, formatting, parsing,
# timezones with fixed offsets, calendar.
import datetime as dt
import calendar

d = dt.date(2024, 2, 28)
for i in range(4):
    print(d + dt.timedelta(days=i), (d + dt.timedelta(days=i)).strftime("%a %d %b %Y"), (d + dt.timedelta(days=i)).isoweekday())
t = dt.datetime(2023, 12, 31, 23, 59, 30, 500000)
print(t + dt.timedelta(seconds=45), t.isoformat(), t.replace(year=2000), t.timetuple().tm_yday)
delta = dt.datetime(2024, 3, 1) - dt.datetime(2023, 3, 1, 12)
print(delta, delta.days, delta.seconds, delta.total_seconds(), -delta, delta // 3, delta * 1.5)
tz = dt.timezone(dt.timedelta(hours=5, minutes=30), "IST")
aware = dt.datetime(2024, 1, 1, 12, tzinfo=tz)
print(aware, aware.astimezone(dt.timezone.utc), aware.utcoffset(), aware.tzname())
print(dt.datetime.strptime("2021-07-04 10:20", "%Y-%m-%d %H:%M"), dt.date.fromisoformat("2020-02-29").weekday())
print(dt.date(2024, 1, 1) < dt.date(2024, 1, 2), max(dt.date(2020, 5, 5), dt.date(2019, 12, 31)), dt.time(13, 5).strftime("%I:%M %p"))
print(calendar.isleap(1900), calendar.isleap(2000), calendar.monthrange(2024, 2), calendar.weekday(2024, 7, 4))
print(calendar.month(2024, 2))
print(dt.timedelta(days=1, hours=25, minutes=-30), dt.timedelta(microseconds=-1), str(dt.timedelta(weeks=3)))
try:
    dt.date(2023, 2, 29)
except ValueError as e:
    print("ValueError:", e)
