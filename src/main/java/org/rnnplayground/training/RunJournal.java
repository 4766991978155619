package org.rnnplayground.training;

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
import org.rnnplayground.model.EpochReport;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps runs for good: writes every stored run's launch, start, epochs, samples and end to the
 * store as the runtime publishes them (on a thread of its own, in the order published), and reads
 * a learner's ended runs back into the runtime after a restart or when they come back. A run is
 * stored when its spec refers to a stored text ({@link RunSpec#textSha256()}).
 *
 * <p>Runs that were waiting or training when the server went down come back as stopped by the
 * shutdown, with the epochs they had finished. (Resuming them from a checkpoint comes next.)
 */
public final class RunJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunJournal.class);

    private final LearnerStore learners;
    private final TextStore texts;
    private final RunStore runStore;
    private final MetricStore metrics;
    private final LocalTraining training;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("run-journal").daemon().factory());

    /** Per stored run: how much of its history is written. Only the writer thread touches it. */
    private final Map<String, Written> written = new HashMap<>();

    private static final class Written {
        boolean started;
        int epochs;
        int samples;
    }

    private final AutoCloseable subscription;

    public RunJournal(
            LearnerStore learners, TextStore texts, RunStore runs, MetricStore metrics, LocalTraining training) {
        this.learners = learners;
        this.texts = texts;
        this.runStore = runs;
        this.metrics = metrics;
        this.training = training;
        this.subscription = training.subscribeAll(event -> {
            if (event.run().spec().textSha256() != null) {
                writer.execute(() -> write(event));
            }
        });
    }

    /**
     * Stores the raw text a learner trains on (once per content) and makes sure the learner is
     * stored; returns the text's SHA-256 for {@link RunSpec#withText}.
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
            if (run.status().isFinal()) {
                run.progress().forEach(p -> metrics.appendProgress(id, p));
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
        Map<String, ProcessedText> processed = new HashMap<>();
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

    private Optional<Run> toRun(StoredRun s, int number, UserId owner, Map<String, ProcessedText> processed) {
        NewRun launch = s.launch();
        Optional<String> raw = texts.get(launch.textSha256());
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        ProcessedText text = processed.computeIfAbsent(
                launch.textSha256() + launch.options(), k -> TextPipeline.process(raw.get(), launch.options()));
        RunSpec spec = RunSpec.of(
                        launch.textName(),
                        text.codec(),
                        text.corpus(),
                        launch.maxTokens(),
                        launch.config(),
                        launch.model())
                .withText(launch.textSha256());
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
        Run run = new Run(launch.id().toString(), number, owner, spec, launch.createdAt(), null);
        run.restore(
                status,
                s.startedAt(),
                finished,
                reason,
                s.message(),
                s.divergedAtEpoch(),
                history.epochs(),
                history.progress(),
                history.samples().stream()
                        .map(x -> new RunSample(x.epoch(), x.text(), x.unknown()))
                        .toList());
        return Optional.of(run);
    }

    /** Waits until every event published so far is written (for tests and shutdown). */
    public void flush() throws Exception {
        writer.submit(() -> {}).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        subscription.close();
        writer.shutdown();
        writer.awaitTermination(10, TimeUnit.SECONDS);
    }
}
