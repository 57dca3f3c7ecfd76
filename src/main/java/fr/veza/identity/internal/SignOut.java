package fr.veza.identity.internal;

import fr.veza.platform.db.AfterCommit;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Signs an account out everywhere when it is closed or suspended: its sessions and API keys revoked, its public face
 * changed. Cached "this session is valid" answers are dropped once the transaction committed, so a request racing
 * the change cannot cache the old answer again.
 */
@Component
class SignOut {

    private final ClosedAccountRepository accounts;
    private final SessionStatus sessionStatus;
    private final ProfileChanges profileChanges;

    SignOut(ClosedAccountRepository accounts, SessionStatus sessionStatus, ProfileChanges profileChanges) {
        this.accounts = accounts;
        this.sessionStatus = sessionStatus;
        this.profileChanges = profileChanges;
    }

    record Revoked(int sessions, int apiKeys, int appPasswords) {}

    Revoked everywhere(UUID userId, String reason) {
        int sessions = accounts.revokeSessions(userId, reason);
        int apiKeys = accounts.revokeApiKeys(userId);
        int appPasswords = accounts.revokeAppPasswords(userId);
        profileChanges.changed(userId);
        AfterCommit.run(sessionStatus::forgetAll);
        return new Revoked(sessions, apiKeys, appPasswords);
    }
}
