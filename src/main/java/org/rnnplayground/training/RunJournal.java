package org.rnnplayground.training;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.EpochReport;
import org.rnnplayground.model.Resume;
import org.rnnplayground.model.TrainProgress;
import org.rnnplayground.store.Checkpoint;
import org.rnnplayground.store.CheckpointStore;
import org.rnnplayground.store.LearnerStore;
import org.rnnplayground.store.MetricStore;
import org.rnnplayground.store.NewRun;
import org.rnnplayground.store.RunEnd;
import org.rnnplayground.store.RunHistory;
import org.rnnplayground.store.RunStore;
import org.rnnplayground.store.StoredRun;
import org.rnnplayground.store.StoredSample;
import org.rnnplayground.store.TextStore;
import org.rnnplayground.text.ProcessedText;
import org.rnnplayground.text.TextPipeline;
import org.rnnplayground.text.TextRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Keeps runs for good: writes every stored run's launch, start, epochs, in-epoch progress, samples and end to the
 * store as the runtime publishes them (on a thread of its own, in the order published), and reads
 * a learner's ended runs back into the runtime after a restart or when they come back. A run is
 * stored when its spec refers to a stored text ({@link RunSpec#textSha256()}).
 *
 * <p>Runs that were waiting or training when the server went down come back as stopped by the
 * shutdown, with the epochs they had finished. (Resuming them from a checkpoint comes next.)
 */
public final class RunJournal implements EpochCheckpoints, AutoCloseable {

    /** A checkpoint at least every so many epochs, and at the end. */
    static final int CHECKPOINT_EVERY_EPOCHS = 10;

    /** And at least this often while epochs are long. */
    static final long CHECKPOINT_EVERY_NANOS = 30_000_000_000L;

    /** Parameters as big-endian float64 values, in the model's {@link CharModel#parameters()} order. */
    static final String FORMAT = "f64-params-v1";

    private static final Logger LOG = LoggerFactory.getLogger(RunJournal.class);

    private final LearnerStore learners;
    private final TextStore texts;
    private final RunStore runStore;
    private final MetricStore metrics;
    private final LocalTraining training;
    private final CheckpointStore checkpointStore;
    /** When each training run's last checkpoint was taken (System.nanoTime). */
    private final Map<String, Long> lastCheckpoint = new java.util.concurrent.ConcurrentHashMap<>();

    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("run-journal").daemon().factory());

    /** Per stored run: how much of its history is written. Only the writer thread touches it. */
    private final Map<String, Written> written = new HashMap<>();

    private static final class Written {
        boolean started;
        int epochs;
        int samples;
        /** The last in-epoch point written (points are kept thinned in memory: found by position). */
        TrainProgress progress = BEFORE_ANY_PROGRESS;
    }

    private static final TrainProgress BEFORE_ANY_PROGRESS =
            new TrainProgress(-1, Double.NaN, 0, 0, java.time.Duration.ZERO, false);

    /** Whether {@code p} comes after {@code q} in the run: later in the epochs, or later at the same place. */
    private static boolean after(TrainProgress p, TrainProgress q) {
        return p.epochs() > q.epochs()
                || (p.epochs() == q.epochs() && p.elapsed().compareTo(q.elapsed()) > 0);
    }

    private final ProgressFeed.Subscription subscription;

    public RunJournal(
            LearnerStore learners,
            TextStore texts,
            RunStore runs,
            MetricStore metrics,
            CheckpointStore checkpoints,
            LocalTraining training) {
        this.checkpointStore = checkpoints;
        this.learners = learners;
        this.texts = texts;
        this.runStore = runs;
        this.metrics = metrics;
        this.training = training;
        this.subscription = training.feed().subscribeAll(this::enqueue);
        training.setCheckpoints(this);
    }

    /** Takes a checkpoint every {@value #CHECKPOINT_EVERY_EPOCHS} epochs, every 30 s and at the end. */
    @Override
    public void atEpochEnd(String runId, RunSpec spec, int epochsDone, CharModel model) {
        long now = System.nanoTime();
        Long last = lastCheckpoint.get(runId);
        boolean due = epochsDone == spec.config().numEpochs()
                || epochsDone % CHECKPOINT_EVERY_EPOCHS == 0
                || (last != null && now - last >= CHECKPOINT_EVERY_NANOS);
        if (last == null) {
            lastCheckpoint.put(runId, now);
        }
        if (!due) {
            return;
        }
        lastCheckpoint.put(runId, now);
        byte[] parameters = encode(model.parameters()); // on the training thread, between two epochs
        if (writer.isShutdown()) {
            return;
        }
        writer.execute(() -> {
            try {
                checkpointStore.save(new Checkpoint(
                        UUID.fromString(runId), epochsDone, 0, FORMAT, parameters, null, null, null, Instant.now()));
            } catch (DataIntegrityViolationException notStored) {
                // its launch was not stored (its text could not be kept): it trains without being kept
                LOG.debug("No checkpoint of run {}, which is not stored", runId);
            } catch (RuntimeException e) {
                LOG.warn("Could not store a checkpoint of run {} at epoch {}", runId, epochsDone, e);
            }
        });
    }

    static byte[] encode(double[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Double.BYTES);
        bytes.asDoubleBuffer().put(values);
        return bytes.array();
    }

    static double[] decode(byte[] bytes) {
        double[] values = new double[bytes.length / Double.BYTES];
        ByteBuffer.wrap(bytes).asDoubleBuffer().get(values);
        return values;
    }

    /**
     * Stores the raw text a learner trains on (once per content) and makes sure the learner is
     * stored; returns the text's SHA-256, by which a run's {@link RunSpec#text} names it. A run is kept for
     * good when its text is: the store refuses the launch of a run whose text it does not hold.
     *
     * @param learnerToken the secret of the learner's cookie, stored (hashed) with a new learner
     */
    public String keepText(UserId learner, String learnerToken, String raw) {
        UUID id = UUID.fromString(learner.value());
        if (learners.find(id).isEmpty()) {
            learners.register(id, learnerToken);
        }
        return texts.put(raw);
    }

    /**
     * Runs' newest events not written yet, one per run: a run that publishes faster than the store
     * writes (a small model, many points a second) is written from its newest snapshot, which holds
     * everything before it, so the backlog stays one event per run. The kind kept is a launch's
     * (QUEUED or STARTED) when one was merged, so that the run is inserted first.
     */
    private final Map<String, RunEvent> pending = new java.util.LinkedHashMap<>();

    private boolean drainQueued;

    private void enqueue(RunEvent event) {
        boolean schedule;
        synchronized (pending) {
            RunEvent before = pending.get(event.run().id());
            RunEvent.Kind kind =
                    before != null && isLaunch(before.kind()) && !isLaunch(event.kind()) ? before.kind() : event.kind();
            pending.put(event.run().id(), new RunEvent(event.sequence(), kind, event.run()));
            schedule = !drainQueued;
            drainQueued = true;
        }
        if (schedule && !writer.isShutdown()) {
            writer.execute(this::drain);
        }
    }

    private static boolean isLaunch(RunEvent.Kind kind) {
        return kind == RunEvent.Kind.QUEUED || kind == RunEvent.Kind.STARTED;
    }

    /** Writes the pending events, on the writer thread. */
    private void drain() {
        List<RunEvent> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending.values());
            pending.clear();
            drainQueued = false;
        }
        batch.forEach(this::write);
    }

    private void write(RunEvent event) {
        RunSnapshot run = event.run();
        try {
            UUID id = UUID.fromString(run.id());
            Written done = written.get(run.id());
            if (done == null) {
                if (event.kind() != RunEvent.Kind.QUEUED && event.kind() != RunEvent.Kind.STARTED) {
                    return; // restored from the store, or launched before the journal began
                }
                RunSpec spec = run.spec();
                runStore.insert(
                        new NewRun(
                                id,
                                UUID.fromString(run.owner().value()),
                                spec.textSha256(),
                                spec.textName(),
                                spec.options(),
                                spec.maxTokens(),
                                spec.config(),
                                spec.model(),
                                run.createdAt()),
                        RunStatus.QUEUED.name());
                done = new Written();
                written.put(run.id(), done);
            }
            if (run.startedAt() != null && !done.started) {
                runStore.started(id, RunStatus.QUEUED.name(), RunStatus.RUNNING.name(), run.startedAt());
                done.started = true;
            }
            List<EpochReport> epochs = run.epochs();
            for (; done.epochs < epochs.size(); done.epochs++) {
                metrics.appendEpoch(id, epochs.get(done.epochs));
            }
            List<RunSample> samples = run.samples();
            for (; done.samples < samples.size(); done.samples++) {
                RunSample s = samples.get(done.samples);
                metrics.appendSample(id, new StoredSample(s.epoch(), s.text(), s.unknown()));
            }
            List<TrainProgress> progress = run.progress();
            int from = progress.size();
            while (from > 0 && after(progress.get(from - 1), done.progress)) {
                from--;
            }
            for (TrainProgress p : progress.subList(from, progress.size())) {
                metrics.appendProgress(id, p);
                done.progress = p;
            }
            if (run.status().isFinal()) {
                lastCheckpoint.remove(run.id());
                runStore.ended(
                        id,
                        new RunEnd(
                                run.status().name(),
                                run.finishedAt(),
                                run.stopReason() == null
                                        ? null
                                        : run.stopReason().name(),
                                null,
                                run.message(),
                                run.divergedAtEpoch()));
                written.remove(run.id());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not store {} of run {}", event.kind(), run.id(), e);
        }
    }

    /**
     * Reads the learner's stored runs that the runtime does not hold back into it, as ended runs
     * with their history: after a restart, or after their runs were released while they were away.
     *
     * @return how many runs came back
     */
    public int restore(UserId learner) {
        UUID learnerId;
        try {
            learnerId = UUID.fromString(learner.value());
        } catch (IllegalArgumentException notStored) {
            return 0;
        }
        List<StoredRun> stored = runStore.listByLearner(learnerId).stream()
                .sorted(java.util.Comparator.comparing(r -> r.launch().createdAt()))
                .toList();
        Map<TextRef, ProcessedText> processed = new HashMap<>();
        List<Run> back = new ArrayList<>();
        int number = 0;
        for (StoredRun s : stored) {
            number++;
            String id = s.id().toString();
            if (training.holds(id)) {
                continue;
            }
            toRun(s, number, learner, processed).ifPresent(back::add);
        }
        training.restore(back);
        return back.size();
    }

    /** A stored run's spec and the text it names, processed again from the stored raw text. */
    private record Resolved(RunSpec spec, RunText text) {}

    /**
     * The run's spec as launched, with its text resolved from the store; empty when the text is
     * gone. Texts processed once per reference in {@code processed}.
     */
    private Optional<Resolved> resolve(StoredRun s, Map<TextRef, ProcessedText> processed) {
        NewRun launch = s.launch();
        RunSpec spec = new RunSpec(
                launch.textName(),
                new TextRef(launch.textSha256(), launch.options()),
                launch.maxTokens(),
                launch.config(),
                launch.model());
        ProcessedText text = processed.get(spec.text());
        if (text == null) {
            Optional<String> raw = texts.get(spec.textSha256());
            if (raw.isEmpty()) {
                return Optional.empty();
            }
            text = TextPipeline.process(raw.get(), spec.options());
            processed.put(spec.text(), text);
        }
        return Optional.of(new Resolved(spec, RunText.resolve(spec, text)));
    }

    private Optional<Run> toRun(StoredRun s, int number, UserId owner, Map<TextRef, ProcessedText> processed) {
        NewRun launch = s.launch();
        Optional<Resolved> resolved = resolve(s, processed);
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        RunSpec spec = resolved.get().spec();
        RunText text = resolved.get().text();
        RunHistory history = metrics.history(s.id());
        RunStatus status = RunStatus.valueOf(s.status());
        StopReason reason = s.stopReason() == null ? null : StopReason.valueOf(s.stopReason());
        Instant finished = s.finishedAt();
        if (!status.isFinal()) {
            // waiting or training when the server went down
            status = RunStatus.STOPPED;
            reason = StopReason.SHUTDOWN;
            finished = s.startedAt() != null ? s.startedAt() : launch.createdAt();
        }
        Run run = new Run(launch.id().toString(), number, owner, spec, text, launch.createdAt(), null);
        run.restore(
                status,
                s.startedAt(),
                finished,
                reason,
                s.message(),
                s.divergedAtEpoch(),
                history.epochs(),
                history.progress(),
                samples(history));
        if (status == RunStatus.FINISHED || status == RunStatus.STOPPED) {
            // the model of its last checkpoint, so that it generates after the restart
            checkpointStore.latest(s.id()).ifPresent(c -> {
                CharModel model = spec.model().newModel(text.vocab().vocabSize(), spec.config());
                model.loadParameters(decode(c.parameters()));
                model.releaseWorkingMemory();
                run.restoreModel(model);
            });
        }
        return Optional.of(run);
    }

    private static List<RunSample> samples(RunHistory history) {
        return history.samples().stream()
                .map(x -> new RunSample(x.epoch(), x.text(), x.unknown()))
                .toList();
    }

    /**
     * Queues again the runs that were waiting or training when the server went down, each going on
     * from its last checkpoint (or from the start when it had none), their history cut back to that
     * checkpoint. Called once the server is up.
     *
     * @return how many runs were queued again
     */
    public int resumeInterrupted() throws Exception {
        List<StoredRun> cut = runStore.withStatus(List.of(RunStatus.QUEUED.name(), RunStatus.RUNNING.name()));
        Map<TextRef, ProcessedText> processed = new HashMap<>();
        Map<UUID, List<UUID>> order = new HashMap<>();
        List<Run> again = new ArrayList<>();
        for (StoredRun s : cut) {
            if (training.holds(s.id().toString())) {
                continue;
            }
            Optional<Resolved> resolved = resolve(s, processed);
            if (resolved.isEmpty()) {
                continue;
            }
            UUID learner = s.launch().learnerId();
            List<UUID> theirs = order.computeIfAbsent(
                    learner,
                    l -> runStore.listByLearner(l).stream()
                            .sorted(java.util.Comparator.comparing(
                                    r -> r.launch().createdAt()))
                            .map(StoredRun::id)
                            .toList());
            Resume resume = checkpointStore
                    .latest(s.id())
                    .filter(c -> FORMAT.equals(c.format()) && c.epoch() >= 1)
                    .map(c -> new Resume(c.epoch(), decode(c.parameters())))
                    .orElse(null);
            int from = resume == null ? 0 : resume.epochsDone();
            metrics.discardAfter(s.id(), from);
            RunHistory history = metrics.history(s.id());
            Run run = new Run(
                    s.id().toString(),
                    theirs.indexOf(s.id()) + 1,
                    new UserId(learner.toString()),
                    resolved.get().spec(),
                    resolved.get().text(),
                    s.launch().createdAt(),
                    null);
            if (resume != null) {
                run.resumeFrom(resume, history.epochs(), history.progress(), samples(history));
            }
            runStore.resumed(s.id(), RunStatus.QUEUED.name(), from);
            String id = s.id().toString();
            int epochs = history.epochs().size();
            int sampleCount = history.samples().size();
            TrainProgress lastPoint = history.progress().isEmpty()
                    ? BEFORE_ANY_PROGRESS
                    : history.progress().getLast();
            writer.submit(() -> {
                        Written done = new Written();
                        done.epochs = epochs;
                        done.samples = sampleCount;
                        done.progress = lastPoint;
                        written.put(id, done);
                    })
                    .get(30, TimeUnit.SECONDS);
            again.add(run);
        }
        training.requeue(again);
        if (!again.isEmpty()) {
            LOG.info("{} runs cut off by the last shutdown are queued again from their checkpoints", again.size());
        }
        return again.size();
    }

    /** Waits until every event published so far is written (for tests and shutdown). */
    public void flush() throws Exception {
        writer.submit(() -> {}).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        shutDown();
    }

    /**
     * The server is going down: no run starts any more, and the stored runs still waiting or
     * training are marked for resumption (they go on from their last checkpoint when the server is
     * back); then nothing more is written. Called before the runtime stops its runs.
     */
    private void shutDown() throws InterruptedException {
        if (writer.isShutdown()) {
            return;
        }
        List<String> cut = training.stopClaiming();
        training.setCheckpoints(EpochCheckpoints.NONE);
        subscription.close();
        writer.execute(() -> cut.stream().filter(written::containsKey).forEach(id -> {
            try {
                runStore.markForResumption(UUID.fromString(id));
            } catch (RuntimeException e) {
                LOG.warn("Could not mark run {} for resumption", id, e);
            }
        }));
        writer.shutdown();
        writer.awaitTermination(10, TimeUnit.SECONDS);
    }
}
