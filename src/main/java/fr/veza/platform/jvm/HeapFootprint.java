package fr.veza.platform.jvm;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The JVM sizes its heap for the machine and keeps whatever the start used: Spring's start allocates fast, so G1 grows
 * the heap to hundreds of megabytes that then sit mostly empty. Once Veza is ready, the heap is told to keep little
 * free room (10 to 30 %) and, with G1, to collect and give memory back after 30 quiet seconds; one collection then
 * returns the start's garbage. Under load the heap grows again as it needs. A value the operator set with
 * {@code -XX} is left as it is.
 */
@Component
@ConditionalOnProperty(name = "veza.platform.return-idle-heap", havingValue = "true", matchIfMissing = true)
class HeapFootprint implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(HeapFootprint.class);

    /** How long without a collection before G1 runs one to give memory back. */
    static final java.time.Duration QUIET = java.time.Duration.ofSeconds(30);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        // the minimum first: the JVM refuses a maximum below the minimum in force
        setUnlessOperatorSet(vm, "MinHeapFreeRatio", "10");
        setUnlessOperatorSet(vm, "MaxHeapFreeRatio", "30");
        if (usesG1()) {
            setUnlessOperatorSet(vm, "G1PeriodicGCInterval", Long.toString(QUIET.toMillis()));
        }
        long before = committedHeap();
        System.gc();
        log.info("heap after start: {} MB committed, {} MB before the collection", committedHeap() >> 20, before >> 20);
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

    private static boolean usesG1() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .anyMatch(name -> name.startsWith("G1"));
    }

    private static long committedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    }
}
