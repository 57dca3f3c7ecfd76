package fr.veza.identity.web;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.Role;
import fr.veza.identity.UserDirectory;
import fr.veza.identity.internal.AccountAdministration;
import fr.veza.identity.internal.AccountService;
import fr.veza.identity.internal.UserRecord;
import fr.veza.platform.audit.AuditTrail;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.AdminDecisions;
import fr.veza.platform.web.FormErrors;
import fr.veza.platform.web.Page;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin's users: search, one account with its role, status and audit trail (its DMCA strikes come from the
 * legal pages), and the decisions: change the role (the last admin stays), suspend with a reason, reinstate. Each
 * asks for a ticked box and is audited by the service the admin API uses.
 */
@Page
class UserAdminPages {

    private static final int TRAIL = 200;

    private final AccountAdministration administration;
    private final AccountService accounts;
    private final UserDirectory directory;
    private final AuditTrail audit;
    private final ClientContexts clients;
    private final AdminDecisions decisions;
    private final FormErrors formErrors;

    UserAdminPages(
            AccountAdministration administration,
            AccountService accounts,
            UserDirectory directory,
            AuditTrail audit,
            ClientContexts clients,
            AdminDecisions decisions,
            FormErrors formErrors) {
        this.decisions = decisions;
        this.administration = administration;
        this.accounts = accounts;
        this.directory = directory;
        this.audit = audit;
        this.clients = clients;
        this.formErrors = formErrors;
    }

    @GetMapping("/admin")
    String console() {
        return "redirect:/admin/dmca";
    }

    @GetMapping("/admin/users")
    String search(@RequestParam(defaultValue = "") String q, Model model) {
        String query = q.length() > 100 ? q.substring(0, 100) : q;
        model.addAttribute("q", query);
        model.addAttribute("users", administration.search(query));
        return "identity/admin-users";
    }

    @GetMapping("/admin/users/{id}")
    String user(@PathVariable UUID id, Model model) {
        return userPage(administration.get(id), model, Map.of(), Map.of());
    }

    @PostMapping("/admin/users/{id}/role")
    String changeRole(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "false") boolean confirm,
            @AuthenticationPrincipal CurrentUser admin,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return decide(id, "role", response, model, decisions.take("role", confirm, () -> {
            Role to;
            try {
                to = Role.of(role);
            } catch (IllegalArgumentException unknown) {
                throw VezaException.invalid("role", "must be listener, artist, moderator or admin");
            }
            return accounts.changeRole(admin, id, to, clients.of(request));
        }));
    }

    @PostMapping("/admin/users/{id}/suspend")
    String suspend(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") boolean confirm,
            @AuthenticationPrincipal CurrentUser admin,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (reason.isBlank() || reason.length() > 500) {
            response.setStatus(422);
            return userPage(
                    administration.get(id),
                    model,
                    Map.of("reason", reason),
                    Map.of("reason", formErrors.text("admin.users.reason-needed")));
        }
        return decide(
                id,
                "suspend",
                response,
                model,
                decisions.take(
                        "suspend",
                        confirm,
                        () -> administration.suspend(admin, id, reason.strip(), clients.of(request))));
    }

    @PostMapping("/admin/users/{id}/reinstate")
    String reinstate(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirm,
            @AuthenticationPrincipal CurrentUser admin,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return decide(
                id,
                "reinstate",
                response,
                model,
                decisions.take("reinstate", confirm, () -> administration.reinstate(admin, id, clients.of(request))));
    }

    private String decide(
            UUID id, String decision, HttpServletResponse response, Model model, AdminDecisions.Decision<?> decided) {
        if (decided.taken()) {
            return "redirect:/admin/users/" + id + "?decided=" + decision;
        }
        response.setStatus(422);
        return userPage(administration.get(id), model, Map.of(), decided.refused());
    }

    private String userPage(UserRecord user, Model model, Map<String, String> form, Map<String, String> errors) {
        List<AuditTrail.Logged> trail = audit.of("user", user.id(), TRAIL);
        model.addAttribute("user", user);
        model.addAttribute("roles", Role.values());
        model.addAttribute("trail", trail);
        model.addAttribute("people", directory.findAll(AuditTrail.actors(trail).toList()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "identity/admin-user";
    }
}
