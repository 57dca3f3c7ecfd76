package fr.veza.catalog.internal;

/**
 * How a rendition's segments are packed: MPEG-TS for the AAC renditions, fragmented MP4 after an initialisation
 * segment for the lossless one.
 */
enum SegmentFormat {
    MPEG_TS("ts", "video/mp2t"),
    FRAGMENTED_MP4("m4s", "audio/mp4");

    private final String suffix;
    private final String contentType;

    SegmentFormat(String suffix, String contentType) {
        this.suffix = suffix;
        this.contentType = contentType;
    }

    /** @param initialised whether the rendition has an initialisation segment */
    static SegmentFormat of(boolean initialised) {
        return initialised ? FRAGMENTED_MP4 : MPEG_TS;
    }

    String suffix() {
        return suffix;
    }

    String contentType() {
        return contentType;
    }
}
