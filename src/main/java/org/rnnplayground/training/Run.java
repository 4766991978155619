package org.rnnplayground.training;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.EpochReport;
import org.rnnplayground.model.Footprint;

/**
 * One run's live state. Written by its training thread and the queue, read through {@link
 * #snapshot}; every method is synchronized, so readers always see a consistent picture.
 */
final class Run {

    private final String id;
    private final UserId owner;
    private final RunSpec spec;
    private final Footprint footprint;
    private final Instant createdAt;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final List<EpochReport> epochs = new ArrayList<>();
    private final List<RunSample> samples = new ArrayList<>();

    private RunStatus status = RunStatus.QUEUED;
    private int divergedAtEpoch;
    private String message = "";
    private Instant startedAt;
    private Instant finishedAt;
    private CharModel model;

    Run(String id, UserId owner, RunSpec spec, Instant createdAt) {
        this.id = id;
        this.owner = owner;
        this.spec = spec;
        this.footprint = spec.model().footprint(spec.vocab().vocabSize(), spec.config());
        this.createdAt = createdAt;
    }

    String id() {
        return id;
    }

    UserId owner() {
        return owner;
    }

    RunSpec spec() {
        return spec;
    }

    boolean cancelRequested() {
        return cancelRequested.get();
    }

    void requestCancel() {
        cancelRequested.set(true);
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

    synchronized void addSample(RunSample sample) {
        samples.add(sample);
    }

    synchronized void ended(RunStatus finalStatus, int divergedAt, String why, CharModel trained, Clock clock) {
        status = finalStatus;
        divergedAtEpoch = divergedAt;
        message = why == null ? "" : why;
        model = trained;
        finishedAt = clock.instant();
    }

    /** The trained model of a finished run (for generation), or null. */
    synchronized CharModel model() {
        return status.isFinal() ? model : null;
    }

    synchronized RunSnapshot snapshot(int queuePosition) {
        return new RunSnapshot(
                id,
                owner,
                spec,
                status,
                epochs,
                samples,
                status == RunStatus.QUEUED ? queuePosition : 0,
                divergedAtEpoch,
                message,
                createdAt,
                startedAt,
                finishedAt,
                footprint);
    }
}
