package fr.veza.platform.web;

import fr.veza.platform.errors.VezaException;
import fr.veza.platform.worker.WorkerConsole;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The admin console's workers: each periodic worker with its last run, outcome and counts, and Run now. */
@Page
class WorkerPages {

    private final WorkerConsole console;
    private final ClientIpResolver clients;

    WorkerPages(WorkerConsole console, ClientIpResolver clients) {
        this.console = console;
        this.clients = clients;
    }

    @GetMapping("/admin/workers")
    String workers(Model model) {
        model.addAttribute("workers", console.workers());
        model.addAttribute("enabledHere", console.enabledHere());
        return "platform/admin-workers";
    }

    /** One pass now, as the API's run does (the same lock, the same audit entry), then the list with its counts. */
    @PostMapping("/admin/workers/{name}/run")
    String run(@PathVariable String name, Principal principal, HttpServletRequest request, Model model) {
        WorkerConsole.ManualRun run = console.runNow(
                        name, UUID.fromString(principal.getName()), clients.resolve(request))
                .orElseThrow(() -> VezaException.notFound("Worker " + name));
        model.addAttribute("ran", run);
        model.addAttribute("ranName", name);
        return workers(model);
    }
}
