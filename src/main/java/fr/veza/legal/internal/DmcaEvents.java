package fr.veza.legal.internal;

import java.util.UUID;

/** What the DMCA steps tell people about, after commit. */
final class DmcaEvents {

    private DmcaEvents() {}

    record CounterNoticed(UUID noticeId) {}
}
