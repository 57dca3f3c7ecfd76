package fr.veza.legal.internal;

import java.util.UUID;

/** What the DMCA steps tell people about, after commit. */
final class DmcaEvents {

    private DmcaEvents() {}

    record TakenDown(UUID noticeId, UUID uploaderId) {}

    record CounterNoticed(UUID noticeId) {}
}
