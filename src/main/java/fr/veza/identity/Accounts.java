package fr.veza.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What other capabilities may ask of accounts beyond their public face. */
public interface Accounts {

    /** Where to write to the person: open accounts only, so a closed account is never written to. */
    Optional<String> email(UUID userId);

    /**
     * Where to send mail beyond account mails (notifications, digests): open, active accounts whose address is
     * confirmed; nothing for the others.
     */
    Optional<Mailbox> mailbox(UUID userId);

    /** The language of an open, active account (for words sent to its devices); nothing for the others. */
    Optional<String> activeLocale(UUID userId);

    /** Closed accounts whose recovery deadline passed and that are not erased yet, oldest first. */
    List<UUID> pastRecoveryDeadline(Instant now, int limit);

    /**
     * Suspends an open account (repeat infringement): signed out everywhere, hidden with everything it published.
     * False if it was not open.
     */
    boolean suspend(UUID userId, String reason);

    /** The role of an account that is not erased. */
    Optional<Role> roleOf(UUID userId);

    /** Active admins and moderators: who hears that reports wait. */
    List<UUID> moderators();

    /** Lifts a suspension: the person may sign in again and what they published is visible again. */
    boolean reinstate(UUID userId);
}
