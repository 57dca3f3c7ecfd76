package fr.veza.platform.jvm;

import com.sun.management.GcInfo;
import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The JVM starts with a heap of 1/64 of the machine's memory and keeps whatever it grew to: Spring's start and a
 * burst of requests allocate fast, and G1 expands the heap to hundreds of megabytes that then sit mostly empty.
 * Once Veza is ready, the heap is told to keep little free room (10 to 30 %) after a full collection, and one
 * collection returns the start's garbage. Then, every {@link #QUIET}, a heap that has not been collected since the
 * last look (nothing is happening) and holds much more room than its last collection kept is collected once more,
 * which gives the room back;
 * under load the heap grows again as it needs. A ratio the operator set with {@code -XX} is left as it is.
 */
@Component
@ConditionalOnProperty(name = "veza.platform.return-idle-heap", havingValue = "true", matchIfMissing = true)
class HeapFootprint implements ApplicationListener<ApplicationReadyEvent>, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HeapFootprint.class);

    static final Duration QUIET = Duration.ofSeconds(30);
    /** Less idle room than this is not worth a collection. */
    private static final long WORTH_RETURNING = 64L << 20;

    private volatile ScheduledExecutorService watcher;
    private long collectionsAtLastLook = -1;

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        // the minimum first: the JVM refuses a maximum below the minimum in force
        setUnlessOperatorSet(vm, "MinHeapFreeRatio", "10");
        setUnlessOperatorSet(vm, "MaxHeapFreeRatio", "30");
        long before = heap().getCommitted();
        System.gc();
        log.info(
                "heap after start: {} MB committed, {} MB before the collection",
                heap().getCommitted() >> 20,
                before >> 20);
    }

    @Override
    public void start() {
        watcher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "heap-return");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(this::returnIdleRoom, QUIET.toSeconds(), QUIET.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * The room is measured against what the last collection kept, not against the heap's current use, which counts
     * the garbage made since; a heap already within its free ratio is never collected again for this.
     */
    private void returnIdleRoom() {
        long collections = collections();
        long committed = heap().getCommitted();
        long idleRoom = committed - keptByLastCollection();
        if (collections == collectionsAtLastLook && idleRoom > WORTH_RETURNING && idleRoom > committed * 2 / 5) {
            System.gc();
            collections = collections();
        }
        collectionsAtLastLook = collections;
    }

    /** The heap's pools (eden, survivor, old): a JVM's pools never change while it runs. */
    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());

    private static long keptByLastCollection() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> gc instanceof com.sun.management.GarbageCollectorMXBean)
                .map(gc -> ((com.sun.management.GarbageCollectorMXBean) gc).getLastGcInfo())
                .filter(Objects::nonNull)
                .max(Comparator.comparingLong(GcInfo::getEndTime))
                .map(last -> last.getMemoryUsageAfterGc().entrySet().stream()
                        .filter(pool -> HEAP_POOLS.contains(pool.getKey()))
                        .mapToLong(pool -> pool.getValue().getUsed())
                        .sum())
                .orElse(heap().getUsed());
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = watcher;
        if (running != null) {
            running.shutdownNow();
        }
        watcher = null;
    }

    @Override
    public boolean isRunning() {
        return watcher != null;
    }

    private static void setUnlessOperatorSet(HotSpotDiagnosticMXBean vm, String option, String value) {
        try {
            VMOption current = vm.getVMOption(option);
            if (current.getOrigin() == VMOption.Origin.DEFAULT || current.getOrigin() == VMOption.Origin.ERGONOMIC) {
                vm.setVMOption(option, value);
            }
        } catch (IllegalArgumentException notOnThisJvm) {
            // another JVM or collector without this option: its own sizing applies
        }
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .filter(count -> count >= 0)
                .sum();
    }

    private static MemoryUsage heap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    }
}
