package dev.fxmatrix.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * When the ECB publishes its reference rates: around 16:00 CET on every TARGET business day, that
 * is every weekday but New Year's Day, Good Friday, Easter Monday, 1 May and 25-26 December.
 */
public final class EcbCalendar {
  /** The ECB's own time zone (CET/CEST), in which it publishes "around 16:00". */
  public static final ZoneId FRANKFURT = ZoneId.of("Europe/Berlin");

  static final LocalTime PUBLISHED_AT = LocalTime.of(16, 0);

  private static final Set<MonthDay> FIXED_HOLIDAYS =
      Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(12, 25), MonthDay.of(12, 26));

  private EcbCalendar() {}

  public static boolean isBusinessDay(LocalDate day) {
    if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return false;
    }
    if (FIXED_HOLIDAYS.contains(MonthDay.from(day))) {
      return false;
    }
    LocalDate easter = easterSunday(day.getYear());
    return !day.equals(easter.minusDays(2)) && !day.equals(easter.plusDays(1));
  }

  /**
   * The moment rates dated {@code date} stop being the newest: the next business day's
   * publication. An answer of "latest" dated {@code date} is stale from then on.
   */
  public static Instant nextPublicationAfter(LocalDate date) {
    LocalDate next = date.plusDays(1);
    while (!isBusinessDay(next)) {
      next = next.plusDays(1);
    }
    return next.atTime(PUBLISHED_AT).atZone(FRANKFURT).toInstant();
  }

  /**
   * When an answer of the ECB's rates dated {@code answered} stops being the newest: at the next
   * publication, if it could still change (an answer for the latest, {@code asked} null, or one
   * older than the day asked for); empty for a past day's answer, which never changes.
   */
  public static Optional<Instant> staleFrom(LocalDate answered, LocalDate asked) {
    if (answered == null || (asked != null && !asked.isAfter(answered))) {
      return Optional.empty();
    }
    return Optional.of(nextPublicationAfter(answered));
  }

  /** Business days from {@code date} to {@code today}: 0 for today, 1 for the last business day before it. */
  public static int businessDaysBetween(LocalDate date, LocalDate today) {
    int days = 0;
    for (LocalDate day = date.plusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
      if (isBusinessDay(day)) {
        days++;
      }
    }
    return days;
  }

  /** Easter Sunday of {@code year} in the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }
}
