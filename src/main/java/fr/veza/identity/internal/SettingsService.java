package fr.veza.identity.internal;

import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class SettingsService {

    private final UserSettingsRepository settings;

    SettingsService(UserSettingsRepository settings) {
        this.settings = settings;
    }

    public UserSettings get(UUID userId) {
        return settings.find(userId);
    }

    @Transactional
    public UserSettings update(UUID userId, UnaryOperator<UserSettings> change) {
        UserSettings updated = change.apply(settings.find(userId));
        settings.save(userId, updated);
        return updated;
    }
}
