package org.aibase.sandbox.internal;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.aibase.api.plugin.ResourceLimits;
import org.aibase.sandbox.Governor;
import org.aibase.sandbox.GovernorException;
import org.aibase.sandbox.GovernorException.Reason;
import org.aibase.sandbox.PlatformThreads;
import org.aibase.sandbox.PluginLoad;
import org.aibase.sandbox.RequestMeter;
import org.aibase.sandbox.WorkUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's {@link Governor}: plugin requests and tasks run on its own threads, so a plugin
 * never holds a Jetty thread, and a watchdog samples every running unit's thread
 * ({@code com.sun.management.ThreadMXBean}) for CPU, allocations and its deadline. Stopped work that
 * ignores its interrupt is counted and reported to the quarantine policy ({@link PluginQuarantines}),
 * whatever kind of work it is.
 */
@Component(service = Governor.class, configurationPid = SandboxConfiguration.PID)
public final class PluginGovernor implements Governor {

    private static final Logger LOG = LoggerFactory.getLogger(PluginGovernor.class);

    /** How often the watchdog looks: the precision of timeouts and the reaction time to a memory hog. */
    static final long TICK_MILLIS = 25;
    /** How long work waits for a concurrency slot before it is refused. */
    static final long SLOT_WAIT_MILLIS = 250;
    private static final long CPU_POLL_MILLIS = 50;
    /** How long a work thread looks for its next unit before it sleeps, unless configured ({@code work.linger.micros}). */
    static final int LINGER_MICROS = 20;
    static final Duration LINGER = Duration.of(LINGER_MICROS, ChronoUnit.MICROS);

    private final Map<String, PluginBudget> budgets = new ConcurrentHashMap<>();
    private final Set<RunningUnit<?>> active = ConcurrentHashMap.newKeySet();
    private final WorkThreads workers;
    private final ScheduledExecutorService watchdog;
    private final RunawayReports runaways;
    /** A work thread's handover while it runs units ({@link #work}); none on other threads. */
    private final ThreadLocal<SlotHandover> handovers = new ThreadLocal<>();
    private final IdleWorkers<RunningUnit<?>> idle;
    /** Renews the work threads when a bundle's code is replaced or removed; none outside OSGi. */
    private BundleContext context;
    private SynchronousBundleListener codeChanges;
    private volatile PlatformDefaults defaults;
    private volatile long graceNanos;

    /** A governor whose runaways go to the platform's quarantine policy. */
    @Activate
    public PluginGovernor(SandboxConfiguration configuration, @Reference RunawayReports runaways, BundleContext context) {
        this(PlatformDefaults.from(configuration), configuration.work_threads(), linger(configuration), grace(configuration),
                runaways);
        this.context = context;
        // synchronous: the renewal comes with the change itself, and adds nothing to the framework's event queue
        this.codeChanges = event -> {
            if ((event.getType() & (BundleEvent.UPDATED | BundleEvent.UNINSTALLED)) != 0) {
                renewWorkThreads();
            }
        };
        context.addBundleListener(codeChanges);
    }

    /**
     * A governor with the built-in default limits, outside OSGi: for tests and tools of other modules
     * (this package is never exported, so no bundle can reach it). Its runaways are counted and logged;
     * no quarantine policy hears of them.
     */
    public PluginGovernor(int workThreads, Duration grace) {
        this(PlatformDefaults.BUILT_IN, workThreads, LINGER, grace,
                work -> LOG.warn("Plugin {}: {} (no quarantine policy here)", work.pluginId(), work.description()));
    }

    PluginGovernor(PlatformDefaults defaults, int workThreads, Duration linger, Duration grace, RunawayReports runaways) {
        this.runaways = runaways;
        if (workThreads < 1) {
            throw new IllegalArgumentException(SandboxConfiguration.PID + ": work.threads must be at least 1, not " + workThreads);
        }
        this.defaults = defaults;
        this.graceNanos = grace.toNanos();
        this.idle = new IdleWorkers<>(linger);
        this.workers = new WorkThreads(workThreads, "aibase-work-");
        this.watchdog = Executors.newSingleThreadScheduledExecutor(PlatformThreads.named("aibase-governor-watchdog",
                PluginGovernor.class.getClassLoader()));
        watchdog.scheduleWithFixedDelay(this::tickSafely, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Modified
    void modified(SandboxConfiguration configuration) {
        this.defaults = PlatformDefaults.from(configuration);
        this.graceNanos = grace(configuration).toNanos();
        workers.setMaximumPoolSize(Math.max(1, configuration.work_threads()));
        idle.linger(linger(configuration));
    }

    /** Stops the watchdog and the work threads. */
    @Deactivate
    public void deactivate() {
        if (context != null) {
            context.removeBundleListener(codeChanges);
        }
        watchdog.shutdownNow();
        workers.shutdownNow();
        GovernorException stopping = stopping();
        long now = System.nanoTime();
        budgets.values().forEach(budget -> {
            for (RunningUnit<?> waiting; (waiting = budget.waitingForSlot.poll()) != null;) {
                waiting.stop(stopping, now, budget.rejections);
            }
            for (RunningUnit<?> waiting; (waiting = budget.waitingForCpu.poll()) != null;) {
                waiting.stop(stopping, now, budget.rejections);
            }
        });
    }

    /** Never waits: work over its plugin's concurrency waits in line for a slot, and its caller with the future. */
    @Override
    public <T> CompletableFuture<T> submit(WorkUnit unit, Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        ResourceLimits limits = defaults.effective(unit.plugin().limits());
        PluginBudget budget = budget(unit.plugin().id());
        RunningUnit<T> running = new RunningUnit<>(unit, budget, limits, System.nanoTime(), work, result, active);
        if (unit.admitted()) {
            budget.admit(running, running.concurrencyLimit);
        } else {
            admitted(running);
        }
        return result;
    }

    /** The unit holds its slot (if it needs one): it starts, or waits for CPU budget if its plugin is over it. */
    private void admitted(RunningUnit<?> running) {
        PluginBudget budget = running.budget;
        if (!budget.waitingForCpu.isEmpty() || budget.cpu.over(running.cpuLimit, System.nanoTime())) {
            // over its CPU budget: the work waits (in order) and the watchdog starts it when there is room
            budget.cpuWaits.increment();
            budget.waitingForCpu.add(running);
        } else {
            start(running);
        }
    }

    private void start(RunningUnit<?> running) {
        active.add(running);
        SlotHandover handover = handovers.get();
        if (handover != null && handover.keep(running)) {
            return; // the work thread whose unit gave this one its slot runs it next: no other thread to wake
        }
        if (idle.handOver(running)) {
            return; // a work thread that just ended a unit runs it: none to wake
        }
        try {
            workers.execute(() -> work(running));
        } catch (RejectedExecutionException e) {
            active.remove(running);
            running.stop(new GovernorException(Reason.BUSY, "Every platform work thread is taken; retry shortly",
                    Map.of("threads", workers.getMaximumPoolSize())), System.nanoTime(), running.budget.rejections);
        }
    }

    /**
     * A work thread's turn: the unit, then each unit that one ending here handed its slot to or that was
     * handed to it while it lingered.
     */
    private void work(RunningUnit<?> first) {
        SlotHandover handover = new SlotHandover();
        handovers.set(handover);
        try {
            for (RunningUnit<?> unit = first; unit != null; unit = next(handover)) {
                if (workers.isShutdown()) {
                    // kept here, it left the line before deactivate() refused the units waiting in it
                    unit.stop(stopping(), System.nanoTime(), unit.budget.rejections);
                }
                unit.run(handover);
            }
        } finally {
            handovers.remove();
        }
    }

    private RunningUnit<?> next(SlotHandover handover) {
        RunningUnit<?> kept = handover.next();
        return kept != null || workers.retiring() ? kept : idle.linger();
    }

    /**
     * Ends every work thread once it is done with its current unit, so that none keeps what replaced or
     * removed code left in its thread-locals ({@link WorkThreads}).
     */
    void renewWorkThreads() {
        workers.renew();
    }

    @Override
    public Accounted account(WorkUnit unit) throws InterruptedException {
        ResourceLimits limits = defaults.effective(unit.plugin().limits());
        PluginBudget budget = budget(unit.plugin().id());
        double cpuLimit = limits.cpu().orElseThrow();
        if (budget.cpu.over(cpuLimit, System.nanoTime())) {
            budget.cpuWaits.increment();
            do {
                Thread.sleep(CPU_POLL_MILLIS);
            } while (budget.cpu.over(cpuLimit, System.nanoTime()));
        }
        RunningUnit<Void> running = new RunningUnit<>(unit, budget, limits, System.nanoTime(), null, null, active);
        running.begin();
        active.add(running);
        return running;
    }

    @Override
    public RequestMeter requests(String pluginId) {
        return budget(pluginId).requests;
    }

    @Override
    public PluginLoad load(String pluginId) {
        PluginBudget budget = budgets.get(pluginId);
        return budget == null ? PluginLoad.NONE : budget.load(System.nanoTime());
    }

    @Override
    public Map<String, PluginLoad> loads() {
        long now = System.nanoTime();
        Map<String, PluginLoad> loads = new TreeMap<>();
        budgets.forEach((id, budget) -> loads.put(id, budget.load(now)));
        return loads;
    }

    private PluginBudget budget(String pluginId) {
        return budgets.computeIfAbsent(pluginId, id -> new PluginBudget(id, this::admitted));
    }

    private void tickSafely() {
        try {
            tick(System.nanoTime());
        } catch (RuntimeException e) {
            LOG.error("The governor's watchdog failed a round; it goes on", e);
        }
    }

    /** One round of the watchdog: sample, stop what broke a limit, report runaways, start waiting work. */
    void tick(long now) {
        for (RunningUnit<?> running : active) {
            running.sample(now);
            if (running.allocated() > running.memoryLimit) {
                if (running.stop(memoryExceeded(running), now, running.budget.memoryExceeded)) {
                    LOG.warn("Plugin {}: {} allocated more than its limit of {} bytes; interrupted",
                            running.budget.pluginId, running.unit.name(), running.memoryLimit);
                }
            } else if (running.deadline != 0 && now > running.deadline) {
                running.stop(timedOut(running, "did not finish"), now, running.budget.timeouts);
            }
            StoppedWork runaway = running.runaway(now, graceNanos);
            if (runaway != null) {
                running.budget.runaways.increment();
                runaways.runaway(runaway); // the policy decides, on its own thread, whether the plugin is quarantined
            }
        }
        budgets.values().forEach(budget -> {
            budget.refuseWaiting(now);
            startWaiting(budget, now);
        });
        workers.sweep();
    }

    private void startWaiting(PluginBudget budget, long now) {
        for (RunningUnit<?> head; (head = budget.waitingForCpu.peek()) != null;) {
            if (head.deadline != 0 && now > head.deadline) {
                budget.waitingForCpu.poll();
                head.stop(timedOut(head, "waited for CPU budget (limits.cpu) and did not start"), now, budget.timeouts);
            } else if (!budget.cpu.over(head.cpuLimit, now)) {
                budget.waitingForCpu.poll();
                start(head);
            } else {
                return;
            }
        }
    }

    private static GovernorException stopping() {
        return new GovernorException(Reason.BUSY, "The platform is stopping", Map.of());
    }

    private static GovernorException timedOut(RunningUnit<?> unit, String what) {
        return new GovernorException(Reason.TIMEOUT, unit.unit.name() + " " + what + " within its limits.timeout of "
                + unit.timeoutMillis + " ms and was stopped", Map.of("plugin", unit.budget.pluginId, "timeout_ms", unit.timeoutMillis));
    }

    private static GovernorException memoryExceeded(RunningUnit<?> unit) {
        return new GovernorException(Reason.MEMORY_LIMIT, unit.unit.name() + " allocated more than its limits.memory of "
                + unit.memoryLimit + " bytes and was stopped",
                Map.of("plugin", unit.budget.pluginId, "limit_bytes", unit.memoryLimit, "allocated_bytes", unit.allocated()));
    }

    private static Duration linger(SandboxConfiguration configuration) {
        if (configuration.work_linger_micros() < 0) {
            throw new IllegalArgumentException(SandboxConfiguration.PID + ": work.linger.micros must be 0 (never) or more, not "
                    + configuration.work_linger_micros());
        }
        return Duration.of(configuration.work_linger_micros(), ChronoUnit.MICROS);
    }

    private static Duration grace(SandboxConfiguration configuration) {
        return QuarantineRules.duration("runaway.grace", configuration.runaway_grace());
    }
}
