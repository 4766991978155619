package org.rnnplayground.training;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.EpochReport;
import org.rnnplayground.model.Generation;
import org.rnnplayground.model.TrainListener;
import org.rnnplayground.model.TrainOutcome;
import org.rnnplayground.model.TrainProgress;
import org.rnnplayground.model.budget.BudgetProblem;
import org.rnnplayground.model.budget.ComputeBudget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process training runtime, the embedded default: it queues runs and dispatches them to the
 * threads of {@code workers} (one per slot), waiting runs served fairly between users. A run that
 * trains longer than the limit is stopped; {@link #sweep} (called every few seconds) stops the runs
 * of users who are away and releases old finished runs and their models.
 *
 * <p>It composes parts with one responsibility each: the runs it holds ({@link RunBook}), the
 * slots and the line ({@link SlotScheduler}, under this class's lock), the kept models' budget
 * ({@link KeptModels}) and the progress feed ({@link RunFeed}, {@link #feed}). A cluster replaces
 * the dispatch and the feed.
 */
public final class LocalTraining implements RunQueue, RunRegistry, TrainedModels, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalTraining.class);

    private final RunExecutor executor;
    private final ComputeBudget budget;
    private final ExecutorService workers;
    private final Clock clock;
    private final UserPresence presence;
    private final RunFeed feed = new RunFeed();
    private final RunBook book = new RunBook();
    private final KeptModels models;

    /** Guards the scheduler and {@link #closed}. */
    private final Object lock = new Object();

    private final SlotScheduler<Run> scheduler = new SlotScheduler<>();

    private volatile TrainingLimits limits;
    private volatile EpochCheckpoints checkpoints = EpochCheckpoints.NONE;
    private boolean closed;

    /**
     * @param workers runs the training; needs at least {@code limits.slots()} threads, and more if
     *     the admin may raise the slots later (a cached thread pool fits)
     */
    public LocalTraining(RunExecutor executor, ExecutorService workers, TrainingLimits limits, Clock clock) {
        this(executor, workers, limits, clock, new UserPresence(clock), ComputeBudget.defaults());
    }

    /** As the full constructor, with every run checked against {@code budget}. */
    public LocalTraining(
            RunExecutor executor, ExecutorService workers, TrainingLimits limits, Clock clock, ComputeBudget budget) {
        this(executor, workers, limits, clock, new UserPresence(clock), budget);
    }

    /** As the full constructor, with the default budget. */
    public LocalTraining(
            RunExecutor executor, ExecutorService workers, TrainingLimits limits, Clock clock, UserPresence presence) {
        this(executor, workers, limits, clock, presence, ComputeBudget.defaults());
    }

    /**
     * @param presence tells which users are away, and their client addresses
     * @param budget every run is checked against it before it is queued
     */
    public LocalTraining(
            RunExecutor executor,
            ExecutorService workers,
            TrainingLimits limits,
            Clock clock,
            UserPresence presence,
            ComputeBudget budget) {
        this.executor = executor;
        this.budget = budget;
        this.workers = workers;
        this.limits = limits;
        this.clock = clock;
        this.presence = presence;
        this.models = new KeptModels(budget.keptModelsBytes());
    }

    /** The events of the runs trained here. */
    public ProgressFeed feed() {
        return feed;
    }

    /**
     * Adds ended runs read back from the store (after a restart, or for a learner who comes back),
     * those not here already; their owners' next runs are numbered after them.
     *
     * @param restored runs that have ended, each with its history
     */
    void restore(List<Run> restored) {
        adopt(restored, false).forEach(r -> publish(RunEvent.Kind.ENDED, r));
        releaseModelsOverBudget(); // restored runs may hold the models of their last checkpoints
    }

    /**
     * Stops starting runs and accepting launches (the server is shutting down); runs training go on
     * until {@link #close}.
     *
     * @return the ids of the runs waiting or training now
     */
    List<String> stopClaiming() {
        synchronized (lock) {
            closed = true;
        }
        return book.select(r -> !r.status().isFinal()).stream().map(Run::id).toList();
    }

    /** Who takes checkpoints of the runs at the ends of their epochs. */
    void setCheckpoints(EpochCheckpoints taker) {
        checkpoints = taker;
    }

    /**
     * Queues runs again that a restart cut off, each going on from its checkpoint (see {@link
     * Run#resumeFrom}); their owners' next runs are numbered after them.
     */
    void requeue(List<Run> resumed) {
        adopt(resumed, true).forEach(r -> publish(RunEvent.Kind.QUEUED, r));
        dispatch();
    }

    /**
     * Takes runs read back from the store that are not here yet, waiting ({@code queue}) or ended;
     * their owners' next runs are numbered after them.
     *
     * @return the runs taken
     */
    private List<Run> adopt(List<Run> stored, boolean queue) {
        List<Run> added = new ArrayList<>();
        synchronized (lock) {
            for (Run run : stored) {
                if (book.adopt(run)) {
                    if (queue) {
                        scheduler.enqueue(run.owner(), run);
                    }
                    added.add(run);
                }
            }
        }
        return added;
    }

    /** True when the run is here (waiting, training, or ended and not yet released). */
    boolean holds(String runId) {
        return book.holds(runId);
    }

    // ---- RunQueue

    @Override
    public LaunchResult launch(UserId owner, RunSpec spec, RunText text) {
        if (!text.codec().options().equals(spec.options())) {
            throw new IllegalArgumentException("the run's text was processed with other options than its spec names");
        }
        // before anything is queued or built: the model's own estimate against the budget
        Optional<BudgetProblem> over =
                budget.checkTraining(spec.model(), text.vocab().vocabSize(), spec.config());
        if (over.isPresent()) {
            return LaunchResult.overBudget(over.get());
        }
        presence.seen(owner); // launching is activity
        String address = presence.address(owner).orElse(null);
        Run run;
        synchronized (lock) {
            if (closed) {
                return LaunchResult.refused(LaunchResult.Refusal.SHUTTING_DOWN, 0);
            }
            boolean startsNow = scheduler.startsNow(owner, limits);
            if (!startsNow && scheduler.waiting(owner) >= limits.maxQueuedPerUser()) {
                return LaunchResult.refused(LaunchResult.Refusal.TOO_MANY_QUEUED, limits.maxQueuedPerUser());
            }
            if (!startsNow && scheduler.waiting() >= limits.maxQueuedTotal()) {
                return LaunchResult.refused(LaunchResult.Refusal.QUEUE_FULL, limits.maxQueuedTotal());
            }
            if (limits.maxRunsPerAddress() > 0 && book.activeFrom(address) >= limits.maxRunsPerAddress()) {
                return LaunchResult.refused(LaunchResult.Refusal.TOO_MANY_FROM_ADDRESS, limits.maxRunsPerAddress());
            }
            int number = book.nextNumber(owner);
            run = new Run(UUID.randomUUID().toString(), number, owner, spec, text, clock.instant(), address);
            book.add(run);
            scheduler.enqueue(owner, run);
        }
        publish(RunEvent.Kind.QUEUED, run);
        dispatch();
        return LaunchResult.accepted(snapshot(run));
    }

    @Override
    public boolean stop(String runId, UserId requester) {
        return book.owned(runId, requester)
                .map(run -> stop(run, StopReason.BY_USER))
                .orElse(false);
    }

    private boolean stop(Run run, StopReason why) {
        boolean unqueued;
        synchronized (lock) {
            if (run.status().isFinal()) {
                return false;
            }
            run.requestCancel(why);
            unqueued = scheduler.unqueue(run.owner(), run);
            if (unqueued) {
                run.ended(RunStatus.STOPPED, 0, "stopped before it started", null, clock);
            }
        }
        if (unqueued) {
            publish(RunEvent.Kind.ENDED, run);
            publishPositions();
        }
        return true;
    }

    @Override
    public TrainingLimits limits() {
        return limits;
    }

    @Override
    public void setLimits(TrainingLimits newLimits) {
        synchronized (lock) {
            limits = newLimits;
        }
        dispatch();
    }

    @Override
    public int running() {
        synchronized (lock) {
            return scheduler.running();
        }
    }

    @Override
    public int queued() {
        synchronized (lock) {
            return scheduler.waiting();
        }
    }

    /** Starts waiting runs while slots are free. */
    private void dispatch() {
        List<Run> started = new ArrayList<>();
        synchronized (lock) {
            while (!closed) {
                Optional<Run> next = scheduler.startNext(limits);
                if (next.isEmpty()) {
                    break;
                }
                Run run = next.get();
                scheduler.started(run.owner());
                run.started(clock);
                started.add(run);
            }
        }
        for (Run run : started) {
            publish(RunEvent.Kind.STARTED, run);
            workers.execute(() -> train(run));
        }
        publishPositions(); // starts, ends, launches and new limits all move places in the line
    }

    private void train(Run run) {
        RunExecutor.Result result = null;
        try {
            result = executor.train(run.spec(), run.text(), listenerFor(run), () -> shouldStop(run), run.takeResume());
            TrainOutcome outcome = result.outcome();
            RunStatus status = switch (outcome.status()) {
                case COMPLETED -> RunStatus.FINISHED;
                case CANCELLED -> RunStatus.STOPPED;
                case DIVERGED -> RunStatus.DIVERGED;
            };
            run.ended(status, outcome.divergedAtEpoch(), outcome.message(), result.model(), clock);
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.warn("Run {} of {} failed", run.id(), run.owner().shortForm(), e);
            run.ended(RunStatus.FAILED, 0, e.getClass().getSimpleName() + ": " + e.getMessage(), null, clock);
        } finally {
            synchronized (lock) {
                scheduler.ended(run.owner(), limits);
            }
        }
        publish(RunEvent.Kind.ENDED, run);
        evictFinished(run.owner());
        releaseModelsOverBudget();
        dispatch();
    }

    /** Polled by the training before every minibatch: stopped, or over its time limit. */
    private boolean shouldStop(Run run) {
        if (!run.cancelRequested() && run.trainedLongerThan(limits.maxRunTime(), clock)) {
            run.requestCancel(StopReason.TIME_LIMIT);
        }
        return run.cancelRequested();
    }

    /**
     * Stops the runs of users who are away and releases their finished runs, and releases finished
     * runs older than {@link TrainingLimits#keepFinishedFor()}, with their models. Called every few
     * seconds; a stopped run of a user who is away is released by the next sweep after it ends.
     */
    public void sweep() {
        TrainingLimits l = limits;
        Instant oldest = clock.instant().minus(l.keepFinishedFor());
        List<Run> toStop = book.select(r -> !r.status().isFinal() && presence.isAway(r.owner(), l.awayAfter()));
        List<Run> released = book.releaseEnded(owner -> presence.isAway(owner, l.awayAfter()), oldest);
        toStop.forEach(r -> stop(r, StopReason.AWAY));
        released.forEach(r -> publish(RunEvent.Kind.REMOVED, r));
        presence.forgetAway(l.awayAfter());
    }

    private TrainListener listenerFor(Run run) {
        return new TrainListener() {
            @Override
            public void onEpoch(EpochReport report) {
                run.addEpoch(report);
                publish(RunEvent.Kind.EPOCH, run);
            }

            @Override
            public void afterStep(CharModel model) {
                run.serveSnapshots(model);
            }

            @Override
            public void atEpochEnd(int epochsDone, CharModel model) {
                checkpoints.atEpochEnd(run.id(), run.spec(), epochsDone, model);
            }

            @Override
            public void onProgress(TrainProgress progress) {
                run.addProgress(progress);
                publish(RunEvent.Kind.PROGRESS, run);
            }

            @Override
            public void onSample(int epoch, Generation sample) {
                run.addSample(new RunSample(epoch, sample.text(), sample.unknown()));
                publish(RunEvent.Kind.SAMPLE, run);
            }
        };
    }

    /**
     * Releases the models of the runs that ended longest ago while the models kept, all users
     * together, need more memory than the budget allows; their curves and samples stay.
     */
    private void releaseModelsOverBudget() {
        models.releaseOverBudget(book.select(Run::holdsModel)).forEach(r -> publish(RunEvent.Kind.ENDED, r));
    }

    /** Drops the oldest finished runs of a user beyond the limit, freeing their models. */
    private void evictFinished(UserId owner) {
        book.evictEnded(owner, limits.keepFinishedPerUser()).forEach(r -> publish(RunEvent.Kind.REMOVED, r));
    }

    // ---- RunRegistry

    @Override
    public List<RunSnapshot> runsOf(UserId owner) {
        return snapshots(r -> r.owner().equals(owner));
    }

    @Override
    public Optional<RunSnapshot> find(String runId, UserId requester) {
        return book.owned(runId, requester).map(this::snapshot);
    }

    @Override
    public List<RunSnapshot> all() {
        return snapshots(r -> true);
    }

    @Override
    public List<UserSummary> users() {
        Map<UserId, int[]> counts = new LinkedHashMap<>();
        for (Run r : book.select(r -> true)) {
            int[] c = counts.computeIfAbsent(r.owner(), u -> new int[3]);
            RunStatus s = r.status();
            c[s == RunStatus.QUEUED ? 0 : s == RunStatus.RUNNING ? 1 : 2]++;
        }
        return counts.entrySet().stream()
                .map(e -> new UserSummary(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
    }

    @Override
    public boolean stopAny(String runId) {
        return book.get(runId).map(run -> stop(run, StopReason.BY_INSTRUCTOR)).orElse(false);
    }

    @Override
    public Optional<CompletableFuture<CharModel>> modelNow(String runId, UserId requester) {
        return book.owned(runId, requester).flatMap(Run::modelForGeneration);
    }

    private List<RunSnapshot> snapshots(java.util.function.Predicate<Run> filter) {
        return book.select(filter).stream()
                .map(this::snapshot)
                .sorted(Comparator.comparing(RunSnapshot::createdAt)
                        .thenComparing(RunSnapshot::id)
                        .reversed())
                .toList();
    }

    private RunSnapshot snapshot(Run run) {
        QueuePlace place = QueuePlace.NONE;
        if (run.status() == RunStatus.QUEUED) {
            synchronized (lock) {
                place = scheduler.place(run.owner(), run, limits);
            }
        }
        return run.snapshot(place);
    }

    // ---- the feed

    private void publish(RunEvent.Kind kind, Run run) {
        feed.publish(kind, snapshot(run));
    }

    /** Queue positions moved: tell the owners of waiting runs. */
    private void publishPositions() {
        book.select(r -> r.status() == RunStatus.QUEUED).forEach(r -> publish(RunEvent.Kind.QUEUED, r));
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        book.select(r -> !r.status().isFinal()).forEach(r -> r.requestCancel(StopReason.SHUTDOWN));
        workers.shutdown();
    }
}
