package org.rnnplayground.training;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rnnplayground.model.CharModel;
import org.rnnplayground.model.EpochReport;

/**
 * One run's live state. Written by its training thread and the queue, read through {@link
 * #snapshot}; every method is synchronized, so readers always see a consistent picture.
 */
final class Run {

    private final String id;
    private final UserId owner;
    private final RunSpec spec;
    private final Instant createdAt;
    private final String address;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final List<EpochReport> epochs = new ArrayList<>();
    private final List<RunSample> samples = new ArrayList<>();

    private RunStatus status = RunStatus.QUEUED;
    private int divergedAtEpoch;
    private String message = "";
    private Instant startedAt;
    private Instant finishedAt;
    private CharModel model;
    private StopReason stopReason;

    /** @param address the client address it was launched from, or null when unknown */
    Run(String id, UserId owner, RunSpec spec, Instant createdAt, String address) {
        this.id = id;
        this.owner = owner;
        this.spec = spec;
        this.createdAt = createdAt;
        this.address = address;
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
                status == RunStatus.STOPPED ? stopReason : null);
    }
}
