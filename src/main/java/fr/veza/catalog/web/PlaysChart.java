package fr.veza.catalog.web;

import fr.veza.catalog.internal.PlayStatistics;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The plays of a period as a bar chart the server draws: one bar per day in an SVG of fixed coordinates, with the
 * day's label under every seventh bar and a scale that ends on a round number.
 */
public record PlaysChart(int width, int height, int top, int baseline, long scale, List<Bar> bars) {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 200;
    private static final int LEFT = 36;
    private static final int RIGHT = 24;
    private static final int TOP = 10;
    private static final int BASELINE = 176;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM", java.util.Locale.ENGLISH);

    static PlaysChart of(PlayStatistics.Plays plays) {
        long scale = roundUp(Math.max(plays.busiest(), 1));
        int count = plays.days().size();
        double slot = (double) (WIDTH - LEFT - RIGHT) / count;
        List<Bar> bars = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            PlayStatistics.Day day = plays.days().get(i);
            int barHeight = (int) Math.round((double) day.plays() * (BASELINE - TOP) / scale);
            bars.add(new Bar(
                    (int) Math.round(LEFT + i * slot + slot * 0.15),
                    BASELINE - barHeight,
                    Math.max((int) Math.round(slot * 0.7), 1),
                    barHeight,
                    day.date().toString(),
                    (count - 1 - i) % 7 == 0 ? LABEL.format(day.date()) : null,
                    (int) Math.round(LEFT + i * slot + slot / 2),
                    day.plays()));
        }
        return new PlaysChart(WIDTH, HEIGHT, TOP, BASELINE, scale, bars);
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    /** 1, 2 or 5 times a power of ten: a scale a reader takes in at a glance. */
    private static long roundUp(long value) {
        long power = 1;
        while (power * 10 < value) {
            power *= 10;
        }
        for (long step : new long[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    /** @param label the day under the bar, on every seventh day counted back from today */
    public record Bar(int x, int y, int width, int height, String date, String label, int labelX, long plays) {}
}
