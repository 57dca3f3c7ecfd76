package fr.veza.platform.web;

import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.worker.WorkerConsole;
import fr.veza.platform.worker.WorkerConsole.ManualRun;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The background workers for admins: what each did last, and one pass now under its lock. */
@RestController
@Tag(name = "Admin")
@SecurityRequirement(name = "BearerAuth")
class WorkerController {

    private final WorkerConsole console;
    private final ClientIpResolver clients;

    WorkerController(WorkerConsole console, ClientIpResolver clients) {
        this.console = console;
        this.clients = clients;
    }

    record LastRun(Instant startedAt, long tookMs, String outcome, int processed, int failed, String error) {}

    record WorkerView(
            String name,
            boolean enabled,
            long intervalSeconds,
            LastRun lastRun,
            Instant lastStartedAnywhere,
            String lastStartedBy,
            Instant nextRun,
            String lockedBy,
            long runs,
            long processed,
            long failed,
            long errors) {}

    @GetMapping("/api/v1/admin/workers")
    @Operation(
            summary = "Every periodic worker: enabled, interval, last run here, last start anywhere, next run, and"
                    + " whether a run holds its lock now")
    Map<String, Object> workers() {
        List<WorkerView> items = console.workers().stream()
                .map(w -> new WorkerView(
                        w.name(),
                        w.enabled(),
                        w.interval().toSeconds(),
                        w.lastRunHere() == null
                                ? null
                                : new LastRun(
                                        w.lastRunHere(),
                                        w.tookMillis(),
                                        w.outcome(),
                                        w.lastProcessed(),
                                        w.lastFailed(),
                                        w.lastError()),
                        w.lastStartedAnywhere(),
                        w.lastStartedBy(),
                        w.nextRunHere(),
                        w.runningOn(),
                        w.runs(),
                        w.processed(),
                        w.failed(),
                        w.errors()))
                .toList();
        return Map.of("workers_enabled_here", console.enabledHere(), "items", items);
    }

    @PostMapping("/api/v1/admin/workers/{name}/run")
    @Operation(
            summary = "Run one pass of a worker now, under its lock, and answer its counts",
            description = "409 while another run holds the lock (here or on another instance), or when the worker"
                    + " is disabled by configuration. Audited.")
    ManualRun run(@PathVariable String name, Principal principal, HttpServletRequest request) {
        ManualRun run = console.runNow(name, UUID.fromString(principal.getName()), clients.resolve(request))
                .orElseThrow(() -> VezaException.notFound("Worker " + name));
        if (!"ran".equals(run.outcome())) {
            throw new VezaException(
                    ErrorCode.CONFLICT,
                    "busy".equals(run.outcome())
                            ? "This worker is running now; its counts come with that run."
                            : "This worker is disabled by configuration.");
        }
        return run;
    }
}
