package fr.veza.identity.web;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.UserDirectory;
import fr.veza.platform.web.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Who is looking at a page, for the layout's header: null for a visitor. */
@ControllerAdvice(annotations = Page.class)
class ViewerModel {

    private final UserDirectory users;

    ViewerModel(UserDirectory users) {
        this.users = users;
    }

    @ModelAttribute("viewer")
    Viewer viewer(@AuthenticationPrincipal CurrentUser user) {
        if (user == null) {
            return null;
        }
        return users.find(user.id())
                .map(summary -> new Viewer(
                        user.id().toString(), summary.username(), summary.name(), user.canPublish(), user.isAdmin()))
                .orElse(null);
    }

    record Viewer(String id, String username, String name, boolean artist, boolean admin) {}
}
