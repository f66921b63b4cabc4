package org.aibase.sandbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.aibase.sandbox.PlatformThreads;
import org.aibase.sandbox.Quarantine;
import org.aibase.sandbox.QuarantineKeeper;
import org.aibase.sandbox.Quarantines;
import org.aibase.sandbox.internal.QuarantinePolicy.Decision;
import org.aibase.sandbox.internal.QuarantinePolicy.Known;
import org.aibase.sandbox.internal.QuarantinePolicy.Observation;
import org.aibase.sandbox.internal.QuarantinePolicy.OperatorWord;
import org.aibase.sandbox.internal.QuarantinePolicy.Runaway;
import org.aibase.sandbox.internal.QuarantinePolicy.Stuck;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@link QuarantinePolicy} to what the governor reports and operators ask, and has the
 * {@link QuarantineKeeper} (the deployer) carry out its decisions. Everything runs on one thread of
 * its own, so decisions are taken one at a time and the governor's watchdog never waits for a plugin
 * to stop. Once a second it looks for runaways that will not stop and for quarantines due to lift;
 * those are the keeper's, so a quarantine kept across a restart lifts at the first look after it.
 */
@Component(service = { Quarantines.class, RunawayReports.class }, configurationPid = SandboxConfiguration.PID)
public final class PluginQuarantines implements Quarantines, RunawayReports {

    private static final Logger LOG = LoggerFactory.getLogger(PluginQuarantines.class);

    /** How often stopped work and quarantines are looked at: the precision of lifts and of the stuck rule. */
    static final long CHECK_MILLIS = 1000;

    /** A runaway being watched until its thread returns. */
    private static final class Watched {
        final StoppedWork work;
        boolean stuck;

        Watched(StoppedWork work) {
            this.work = work;
        }
    }

    /**
     * The keeper (the deployer), obtained when a decision is carried out rather than bound by DS or
     * taken when it registers: the deployer uses this component too, so getting either service while
     * the other is being activated is a cycle, and the framework answers it with nothing.
     */
    private final Supplier<QuarantineKeeper> keepers;
    private final KeeperTracker tracker;

    private final ScheduledExecutorService thread;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private volatile QuarantinePolicy policy;
    // the fields below are touched on the policy's thread only
    private final Map<String, List<Instant>> runaways = new HashMap<>();
    private final List<Watched> watched = new ArrayList<>();

    @Activate
    public PluginQuarantines(BundleContext context, SandboxConfiguration configuration) {
        this(QuarantineRules.from(configuration), Clock.systemUTC(), System::nanoTime, CHECK_MILLIS,
                new KeeperTracker(context));
    }

    private PluginQuarantines(QuarantineRules rules, Clock clock, LongSupplier nanoTime, long checkMillis,
            KeeperTracker tracker) {
        this(rules, clock, nanoTime, checkMillis, tracker, tracker::keeper);
        tracker.open();
    }

    /** For tests: the keeper comes from the supplier. */
    PluginQuarantines(QuarantineRules rules, Clock clock, LongSupplier nanoTime, long checkMillis,
            Supplier<QuarantineKeeper> keepers) {
        this(rules, clock, nanoTime, checkMillis, null, keepers);
    }

    private PluginQuarantines(QuarantineRules rules, Clock clock, LongSupplier nanoTime, long checkMillis,
            KeeperTracker tracker, Supplier<QuarantineKeeper> keepers) {
        this.tracker = tracker;
        this.keepers = keepers;
        this.policy = new QuarantinePolicy(rules);
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.thread = Executors.newSingleThreadScheduledExecutor(
                PlatformThreads.named("aibase-quarantine", PluginQuarantines.class.getClassLoader()));
        thread.scheduleWithFixedDelay(this::checkSafely, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
    }

    /** New terms apply to the next decision; runaways counted so far stay counted. */
    @Modified
    void modified(SandboxConfiguration configuration) {
        this.policy = new QuarantinePolicy(QuarantineRules.from(configuration));
    }

    @Deactivate
    void deactivate() {
        thread.shutdownNow();
        if (tracker != null) {
            tracker.close();
        }
    }

    @Override
    public void runaway(StoppedWork work) {
        try {
            thread.execute(() -> {
                watched.add(new Watched(work));
                decide(new Runaway(work.pluginId(), work.description(), clock.instant()));
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("Plugin {}: {} (the quarantine policy is stopping)", work.pluginId(), work.description());
        }
    }

    @Override
    public void forced(String pluginId, String description) {
        try {
            thread.execute(() -> decide(new Runaway(pluginId, description, clock.instant())));
        } catch (RejectedExecutionException e) {
            LOG.warn("Plugin {}: {} (the quarantine policy is stopping)", pluginId, description);
        }
    }

    @Override
    public Quarantine quarantine(String pluginId, Optional<String> reason, boolean pinned) {
        try {
            return thread.submit(() -> {
                if (keepers.get() == null) {
                    throw new IllegalStateException("plugin '" + pluginId + "' cannot be quarantined: nothing can stop "
                            + "plugins (the deployer is not running)");
                }
                return decide(new OperatorWord(pluginId, reason, pinned, clock.instant())).orElseThrow();
            }).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("quarantining plugin '" + pluginId + "' was interrupted", e);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("plugin '" + pluginId + "' cannot be quarantined: the platform is stopping", e);
        }
    }

    /** Decides on an observation and carries the decision out; the quarantine imposed, if any. */
    private Optional<Quarantine> decide(Observation observed) {
        String pluginId = observed.pluginId();
        QuarantineKeeper current = keepers.get();
        Known known = new Known(runaways.getOrDefault(pluginId, List.of()),
                current == null ? Optional.empty() : current.quarantine(pluginId));
        Decision decision = policy.decide(observed, known);
        if (decision.runaways().isEmpty()) {
            runaways.remove(pluginId);
        } else {
            runaways.put(pluginId, decision.runaways());
        }
        LOG.warn("Plugin {}: {}", pluginId, decision.note());
        decision.quarantine().ifPresent(quarantine -> {
            if (current == null) {
                LOG.error("Plugin {} is not quarantined: nothing can stop plugins (the deployer is not running)", pluginId);
            } else {
                current.quarantine(quarantine);
            }
        });
        return decision.quarantine();
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.error("The quarantine policy failed a round; it goes on", e);
        }
    }

    /** One look: runaways that ended are let go, ones that will not stop quarantine, due quarantines lift. */
    private void check() {
        QuarantinePolicy rules = policy;
        long now = nanoTime.getAsLong();
        long stuckNanos = rules.rules().stuckAfter().toNanos();
        for (Iterator<Watched> it = watched.iterator(); it.hasNext();) {
            Watched one = it.next();
            long running = now - one.work.stoppedAtNanos();
            if (!one.work.running().getAsBoolean()) {
                it.remove();
            } else if (!one.stuck && running >= stuckNanos) {
                one.stuck = true;
                decide(new Stuck(one.work.pluginId(), one.work.name(), Duration.ofNanos(running), clock.instant()));
            }
        }
        Instant instant = clock.instant();
        Instant windowStart = instant.minus(rules.rules().window());
        runaways.values().removeIf(at -> !at.get(at.size() - 1).isAfter(windowStart));
        QuarantineKeeper current = keepers.get();
        if (current == null) {
            return;
        }
        for (Quarantine quarantine : current.quarantines()) {
            if (rules.liftDue(quarantine, instant, stillRunning(quarantine.pluginId()))) {
                LOG.info("Lifting the quarantine of plugin {} (since {}: {})", quarantine.pluginId(), quarantine.since(),
                        quarantine.reason());
                current.lift(quarantine);
            }
        }
    }

    private int stillRunning(String pluginId) {
        int count = 0;
        for (Watched one : watched) {
            if (one.work.pluginId().equals(pluginId)) {
                count++;
            }
        }
        return count;
    }

    /** Tracks the keeper's registration only; its object is taken at its first use, then kept until it goes. */
    private static final class KeeperTracker extends ServiceTracker<QuarantineKeeper, ServiceReference<QuarantineKeeper>> {

        private final BundleContext context;
        private QuarantineKeeper keeper;
        private ServiceReference<QuarantineKeeper> taken;

        KeeperTracker(BundleContext context) {
            super(context, QuarantineKeeper.class, null);
            this.context = context;
        }

        @Override
        public ServiceReference<QuarantineKeeper> addingService(ServiceReference<QuarantineKeeper> reference) {
            return reference; // not getService here: the keeper may be in the middle of its own activation
        }

        @Override
        public synchronized void removedService(ServiceReference<QuarantineKeeper> reference,
                ServiceReference<QuarantineKeeper> tracked) {
            if (reference.equals(taken)) {
                keeper = null;
                taken = null;
                context.ungetService(reference);
            }
        }

        synchronized QuarantineKeeper keeper() {
            if (keeper == null) {
                ServiceReference<QuarantineKeeper> reference = getServiceReference();
                if (reference != null) {
                    keeper = context.getService(reference);
                    taken = keeper == null ? null : reference;
                }
            }
            return keeper;
        }
    }
}
