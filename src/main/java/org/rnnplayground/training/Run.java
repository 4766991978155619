package org.rnnplayground.training;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.EpochReport;
import org.rnnplayground.model.Footprint;
import org.rnnplayground.model.Resume;
import org.rnnplayground.model.TrainProgress;

/**
 * One run's live state. Written by its training thread and the queue, read through {@link
 * #snapshot}; every method is synchronized, so readers always see a consistent picture.
 */
final class Run {

    /** Progress points kept per run, about two for every pixel of a chart's width. */
    static final int MAX_PROGRESS_POINTS = 2000;

    private final String id;
    private final int number;
    private final UserId owner;
    private final RunSpec spec;
    private final RunText text;
    private final Footprint footprint;
    private final Instant createdAt;
    private final String address;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final List<EpochReport> epochs = new ArrayList<>();
    private final List<RunSample> samples = new ArrayList<>();
    private final List<TrainProgress> progress = new ArrayList<>();
    /** Requests for a copy of the model while it trains, served between two steps. */
    private final List<CompletableFuture<CharModel>> snapshotRequests = new ArrayList<>();

    private RunStatus status = RunStatus.QUEUED;
    private int divergedAtEpoch;
    private String message = "";
    private Instant startedAt;
    private Instant finishedAt;
    private CharModel model;
    private boolean modelReleased;
    /** The checkpoint it goes on from after a restart, until it starts; then null. */
    private Resume resume;
    /** The epochs done when it was resumed after a restart, or 0. */
    private int resumedFromEpoch;

    private StopReason stopReason;

    /**
     * @param id unique among all runs, ever (a UUID)
     * @param number the owner's count of runs launched, this one included: the learner knows it as
     *     r{number}
     * @param text what the spec names, resolved
     * @param address the client address it was launched from, or null when unknown
     */
    Run(String id, int number, UserId owner, RunSpec spec, RunText text, Instant createdAt, String address) {
        this.id = id;
        this.number = number;
        this.owner = owner;
        this.spec = spec;
        this.text = text;
        this.footprint = spec.model().footprint(text.vocab().vocabSize(), spec.config());
        this.createdAt = createdAt;
        this.address = address;
    }

    String id() {
        return id;
    }

    int number() {
        return number;
    }

    UserId owner() {
        return owner;
    }

    RunSpec spec() {
        return spec;
    }

    RunText text() {
        return text;
    }

    String address() {
        return address;
    }

    boolean cancelRequested() {
        return cancelRequested.get();
    }

    /** Asks the training to stop; the first reason given is the one the owner sees. */
    synchronized void requestCancel(StopReason why) {
        if (stopReason == null) {
            stopReason = why;
        }
        cancelRequested.set(true);
    }

    /** Whether it has trained longer than {@code limit} by {@code clock}. */
    synchronized boolean trainedLongerThan(Duration limit, Clock clock) {
        return status == RunStatus.RUNNING && startedAt.plus(limit).isBefore(clock.instant());
    }

    /**
     * Fills in a run read back from the store after a restart: its history and how it ended. It
     * holds no model (it does not generate until it is trained again).
     */
    synchronized void restore(
            RunStatus finalStatus,
            Instant started,
            Instant finished,
            StopReason reason,
            String why,
            int divergedAt,
            List<EpochReport> storedEpochs,
            List<TrainProgress> storedProgress,
            List<RunSample> storedSamples) {
        if (!finalStatus.isFinal()) {
            throw new IllegalArgumentException("a restored run has ended, not " + finalStatus);
        }
        status = finalStatus;
        startedAt = started;
        finishedAt = finished;
        stopReason = reason;
        message = why == null ? "" : why;
        divergedAtEpoch = divergedAt;
        epochs.addAll(storedEpochs);
        storedProgress.forEach(this::addProgress); // thinned as when they came in
        samples.addAll(storedSamples);
    }

    /**
     * Puts a run that was cut off by a restart back in the queue: its history up to the checkpoint,
     * and the checkpoint it goes on from.
     */
    synchronized void resumeFrom(
            Resume from,
            List<EpochReport> storedEpochs,
            List<TrainProgress> storedProgress,
            List<RunSample> storedSamples) {
        resume = from;
        resumedFromEpoch = from.epochsDone();
        epochs.addAll(storedEpochs);
        storedProgress.forEach(this::addProgress); // thinned as when they came in
        samples.addAll(storedSamples);
    }

    /** The checkpoint to go on from, handed over once (to the training that starts it). */
    synchronized Resume takeResume() {
        Resume r = resume;
        resume = null;
        return r;
    }

    /** Gives an ended run read back from the store the model of its last checkpoint, to generate. */
    synchronized void restoreModel(CharModel trained) {
        if (status.isFinal() && status != RunStatus.DIVERGED) {
            model = trained;
        }
    }

    /** Whether it ended before {@code instant}. */
    synchronized boolean endedBefore(Instant instant) {
        return status.isFinal() && finishedAt.isBefore(instant);
    }

    synchronized RunStatus status() {
        return status;
    }

    synchronized void started(Clock clock) {
        status = RunStatus.RUNNING;
        startedAt = clock.instant();
    }

    synchronized void addEpoch(EpochReport report) {
        epochs.add(report);
    }

    /**
     * Keeps a progress point; beyond {@link #MAX_PROGRESS_POINTS} every other older point is
     * dropped (the newest and the overflow always stay), so a long run holds a bounded history.
     */
    synchronized void addProgress(TrainProgress point) {
        progress.add(point);
        if (progress.size() > MAX_PROGRESS_POINTS) {
            List<TrainProgress> kept = new ArrayList<>(progress.size() / 2 + 1);
            for (int i = 0; i < progress.size(); i++) {
                if (i % 2 == 1 || i == progress.size() - 1 || progress.get(i).overflow()) {
                    kept.add(progress.get(i));
                }
            }
            progress.clear();
            progress.addAll(kept);
        }
    }

    synchronized void addSample(RunSample sample) {
        samples.add(sample);
    }

    synchronized void ended(RunStatus finalStatus, int divergedAt, String why, CharModel trained, Clock clock) {
        status = finalStatus;
        divergedAtEpoch = divergedAt;
        message = why == null ? "" : why;
        model = trained;
        finishedAt = clock.instant();
        CharModel last = model();
        for (CompletableFuture<CharModel> request : snapshotRequests) {
            if (last != null) {
                request.complete(last);
            } else {
                request.completeExceptionally(new IllegalStateException("run " + id + " ended without a model"));
            }
        }
        snapshotRequests.clear();
    }

    /**
     * The model to generate from: a finished run's at once; a running run's as a copy of its
     * parameters taken between two of its steps (see {@link #serveSnapshots}); empty when there is
     * none (queued, diverged, failed, or dropped).
     */
    synchronized Optional<CompletableFuture<CharModel>> modelForGeneration() {
        if (status == RunStatus.RUNNING) {
            CompletableFuture<CharModel> request = new CompletableFuture<>();
            snapshotRequests.add(request);
            return Optional.of(request);
        }
        CharModel finished = model();
        return finished == null ? Optional.empty() : Optional.of(CompletableFuture.completedFuture(finished));
    }

    /** On the training thread between two steps: hands waiting requesters one copy of the model. */
    void serveSnapshots(CharModel training) {
        List<CompletableFuture<CharModel>> waiting;
        synchronized (this) {
            if (snapshotRequests.isEmpty()) {
                return;
            }
            waiting = List.copyOf(snapshotRequests);
            snapshotRequests.clear();
        }
        CharModel copy = training.snapshot();
        waiting.forEach(r -> r.complete(copy));
    }

    /**
     * The trained model of a finished or stopped run (for generation), or null: a diverged model's
     * parameters overflowed, so it generates nothing worth reading.
     */
    synchronized CharModel model() {
        return status.isFinal() && status != RunStatus.DIVERGED ? model : null;
    }

    /** What the run's model costs, estimated when it was launched. */
    Footprint footprint() {
        return footprint;
    }

    /** When it ended, or null while it waits or trains. */
    synchronized Instant finishedAt() {
        return finishedAt;
    }

    /** True when the run ended holding a model (for generation, or a diverged one). */
    synchronized boolean holdsModel() {
        return status.isFinal() && model != null;
    }

    /** Drops the ended run's model to free memory; its curves and samples stay. */
    synchronized void releaseModel() {
        if (status.isFinal() && model != null) {
            model = null;
            modelReleased = true;
        }
    }

    synchronized RunSnapshot snapshot(QueuePlace queuePlace) {
        return new RunSnapshot(
                id,
                number,
                owner,
                spec,
                text,
                status,
                epochs,
                progress,
                samples,
                status == RunStatus.QUEUED ? queuePlace : QueuePlace.NONE,
                divergedAtEpoch,
                message,
                createdAt,
                startedAt,
                finishedAt,
                footprint,
                status == RunStatus.STOPPED ? stopReason : null,
                modelReleased,
                resumedFromEpoch);
    }
}
