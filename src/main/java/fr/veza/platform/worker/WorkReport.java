package fr.veza.platform.worker;

/** What one run did: items handled and items that failed (and will be tried again). */
public record WorkReport(int processed, int failed) {

    public static final WorkReport NOTHING = new WorkReport(0, 0);

    public WorkReport plus(WorkReport other) {
        return new WorkReport(processed + other.processed, failed + other.failed);
    }
}
