package fr.veza.legal.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Counting business days (Monday to Friday, in UTC) for the counter-notice waiting period. */
final class BusinessDays {

    private BusinessDays() {}

    static Instant after(Instant start, int days) {
        ZonedDateTime at = start.atZone(ZoneOffset.UTC);
        int left = days;
        while (left > 0) {
            at = at.plusDays(1);
            if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return at.toInstant();
    }
}
