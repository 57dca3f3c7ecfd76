package fr.veza.platform.worker;

import java.time.Instant;
import java.util.function.BooleanSupplier;

/** What a running worker may ask of its scheduler. */
public record WorkerRun(Instant startedAt, BooleanSupplier stopSignal) {

    /** True once the server is shutting down: finish the current item and return. */
    public boolean stopping() {
        return stopSignal.getAsBoolean();
    }
}
