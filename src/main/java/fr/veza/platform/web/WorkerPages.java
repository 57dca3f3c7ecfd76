package fr.veza.platform.web;

import fr.veza.platform.worker.WorkerConsole;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin console's workers: each periodic worker with its last run, outcome and counts. */
@Page
class WorkerPages {

    private final WorkerConsole console;

    WorkerPages(WorkerConsole console) {
        this.console = console;
    }

    @GetMapping("/admin/workers")
    String workers(Model model) {
        model.addAttribute("workers", console.workers());
        model.addAttribute("enabledHere", console.enabledHere());
        return "platform/admin-workers";
    }
}
