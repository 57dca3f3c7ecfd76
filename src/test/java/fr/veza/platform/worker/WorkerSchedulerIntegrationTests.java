package fr.veza.platform.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.support.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The shared worker pattern against a real PostgreSQL holding the ShedLock table. */
class WorkerSchedulerIntegrationTests {

    private static DataSource dataSource;
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final List<WorkerScheduler> started = new java.util.ArrayList<>();

    @BeforeAll
    static void database() {
        dataSource = new DriverManagerDataSource(TestDatabase.jdbcUrl());
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @AfterEach
    void stopAll() {
        started.forEach(WorkerScheduler::stop);
    }

    @Test
    void aStartupWorkerRunsAtOnceAndItsWorkIsCounted() {
        TestWorker worker = new TestWorker(unique("startup"), Duration.ofHours(1), true, run -> new WorkReport(3, 1));

        start(worker, meters);

        await().atMost(Duration.ofSeconds(10)).until(() -> counter("veza.worker.processed", worker) == 3);
        assertThat(counter("veza.worker.failed", worker)).isEqualTo(1);
        assertThat(meters.find("veza.worker.duration")
                        .tag("worker", worker.name())
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(meters.find("veza.worker.lag.seconds")
                        .tag("worker", worker.name())
                        .gauge()
                        .value())
                .isLessThan(60);
    }

    @Test
    void shutdownLetsTheRunningItemFinishAndTellsTheWorkerToStop() throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean sawStopSignal = new AtomicBoolean();
        TestWorker worker = new TestWorker(unique("slow"), Duration.ofHours(1), true, run -> {
            inside.countDown();
            sleep(700);
            sawStopSignal.set(run.stopping());
            finished.set(true);
            return new WorkReport(1, 0);
        });
        WorkerScheduler scheduler = start(worker, meters);
        assertThat(inside.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        scheduler.stop();

        assertThat(finished).isTrue();
        assertThat(sawStopSignal).isTrue();
        assertThat(scheduler.isRunning()).isFalse();
    }

    @Test
    void twoInstancesNeverRunTheSameWorkerAtTheSameTime() {
        String name = unique("shared");
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        java.util.function.Function<WorkerRun, WorkReport> job = run -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(150);
            running.decrementAndGet();
            runs.incrementAndGet();
            return WorkReport.NOTHING;
        };

        start(new TestWorker(name, Duration.ofMillis(20), true, job), new SimpleMeterRegistry());
        start(new TestWorker(name, Duration.ofMillis(20), true, job), new SimpleMeterRegistry());

        await().atMost(Duration.ofSeconds(20)).until(() -> runs.get() >= 4);
        assertThat(mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void aFailedRunIsCountedAndTheScheduleGoesOn() {
        AtomicInteger calls = new AtomicInteger();
        TestWorker worker = new TestWorker(unique("flaky"), Duration.ofMillis(50), true, run -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("provider down");
            }
            return new WorkReport(1, 0);
        });

        start(worker, meters);

        await().atMost(Duration.ofSeconds(20)).until(() -> counter("veza.worker.processed", worker) >= 1);
        assertThat(counter("veza.worker.errors", worker)).isEqualTo(1);
    }

    @Test
    void disabledWorkersNeverRun() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        TestWorker worker =
                new TestWorker(unique("off"), Duration.ofMillis(10), true, run -> {
                    calls.incrementAndGet();
                    return WorkReport.NOTHING;
                }) {
                    @Override
                    public boolean enabled() {
                        return false;
                    }
                };

        start(worker, meters);
        Thread.sleep(300);

        assertThat(calls).hasValue(0);
    }

    private WorkerScheduler start(PeriodicWorker worker, MeterRegistry registry) {
        WorkerScheduler scheduler = new WorkerScheduler(
                List.of(worker),
                new WorkerConfiguration().lockProvider(dataSource),
                registry,
                Clock.systemUTC(),
                new WorkerSettings(true, Duration.ofSeconds(10)));
        scheduler.start();
        started.add(scheduler);
        return scheduler;
    }

    private double counter(String name, PeriodicWorker worker) {
        var counter = meters.find(name).tag("worker", worker.name()).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String unique(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static class TestWorker implements PeriodicWorker {
        private final String name;
        private final Duration interval;
        private final boolean atStartup;
        private final java.util.function.Function<WorkerRun, WorkReport> job;

        TestWorker(
                String name,
                Duration interval,
                boolean atStartup,
                java.util.function.Function<WorkerRun, WorkReport> job) {
            this.name = name;
            this.interval = interval;
            this.atStartup = atStartup;
            this.job = job;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Duration interval() {
            return interval;
        }

        @Override
        public boolean runAtStartup() {
            return atStartup;
        }

        @Override
        public WorkReport run(WorkerRun run) {
            return job.apply(run);
        }
    }
}
