package org.rnnplayground.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnnplayground.model.Activation;
import org.rnnplayground.model.Decoding;
import org.rnnplayground.model.EpochReport;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.TrainHyper;
import org.rnnplayground.model.TrainProgress;
import org.rnnplayground.model.concise.CellType;
import org.rnnplayground.model.concise.ModelSpec;
import org.rnnplayground.sampling.SamplerKind;
import org.rnnplayground.text.CleaningMode;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TokenizerKind;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The migrations and every store, on H2 in file mode and on a real PostgreSQL: the same SQL must
 * behave the same on both.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class StoreTest {

    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    @Parameter
    TestDatabase database;

    @TempDir
    Path folder;

    private DataSource dataSource;
    private JdbcClient jdbc;
    private StoreConfiguration.Stores stores;

    @BeforeEach
    void openFreshDatabase() {
        dataSource = database.fresh(folder);
        jdbc = JdbcClient.create(dataSource);
        stores = storesAt(T0);
    }

    /** The stores with their clock standing at {@code now}. */
    private StoreConfiguration.Stores storesAt(Instant now) {
        return StoreConfiguration.Stores.on(
                dataSource, new DataSourceTransactionManager(dataSource), Clock.fixed(now, ZoneOffset.UTC), 2);
    }

    private long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void migrationsCreateEveryTableEmpty() {
        for (String table : List.of(
                "learners",
                "texts",
                "learner_texts",
                "runs",
                "run_epochs",
                "run_progress",
                "run_samples",
                "run_checkpoints")) {
            assertThat(rows(table)).as(table).isZero();
        }
        MigrationInfo[] applied =
                Flyway.configure().dataSource(dataSource).load().info().applied();
        assertThat(applied).extracting(m -> m.getVersion().getVersion()).containsExactly("1", "2");
        assertThat(applied).allMatch(m -> m.getState() == MigrationState.SUCCESS);
    }

    @Test
    void learnerIsFoundByCookieTokenAndByCode() {
        NewLearner created = stores.learners().create();
        UUID id = created.learner().id();

        assertThat(stores.learners().find(id)).contains(new Learner(id, T0, T0));
        assertThat(stores.learners().findByToken(id, created.token())).contains(created.learner());
        assertThat(stores.learners().findByToken(id, created.token() + "x")).isEmpty();
        assertThat(stores.learners().findByToken(UUID.randomUUID(), created.token()))
                .isEmpty();
        assertThat(created.code()).matches("[2-9A-Z]{5}-[2-9A-Z]{5}");
        String typed = " " + created.code().replace("-", "").toLowerCase() + " ";
        assertThat(stores.learners().findByCode(typed)).contains(created.learner());
        assertThat(stores.learners().findByCode("not a code")).isEmpty();
    }

    @Test
    void anotherBrowserGetsASecretOfItsOwnAndBothKeepWorking() {
        NewLearner created = stores.learners().create();
        UUID id = created.learner().id();

        String second = stores.learners().addDevice(id);

        assertThat(second).isNotEqualTo(created.token());
        assertThat(stores.learners().findByToken(id, second)).contains(created.learner());
        assertThat(stores.learners().findByToken(id, created.token())).contains(created.learner());
        NewLearner other = stores.learners().create();
        assertThat(stores.learners().findByToken(other.learner().id(), second))
                .as("a secret opens only its own learner")
                .isEmpty();
        assertThat(stores.learners().addDevice(UUID.randomUUID())).isNull();
        assertThat(jdbc.sql("SELECT token_hash FROM learner_devices")
                        .query(String.class)
                        .single())
                .isEqualTo(Sha256.hex(second));

        stores.learners().purgeUnseenSince(T0.plusSeconds(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM learner_devices")
                        .query(Integer.class)
                        .single())
                .as("purged with the learner")
                .isZero();
    }

    @Test
    void storesOnlyHashesOfTheSecrets() {
        NewLearner created = stores.learners().create();

        String stored = jdbc.sql("SELECT code_hash || token_hash FROM learners")
                .query(String.class)
                .single();
        assertThat(stored)
                .doesNotContain(created.token())
                .doesNotContain(created.code().replace("-", ""))
                .contains(Sha256.hex(created.token()));
    }

    @Test
    void aNewCodeReplacesTheOldOne() {
        NewLearner created = stores.learners().create();

        String fresh = stores.learners().newCode(created.learner().id()).orElseThrow();

        assertThat(stores.learners().findByCode(created.code())).isEmpty();
        assertThat(stores.learners().findByCode(fresh)).contains(created.learner());
        assertThat(stores.learners().newCode(UUID.randomUUID())).isEmpty();
    }

    @Test
    void touchMovesLastSeen() {
        UUID id = stores.learners().create().learner().id();
        Instant later = T0.plus(Duration.ofHours(3));

        assertThat(storesAt(later).learners().touch(id)).isTrue();

        assertThat(stores.learners().find(id).orElseThrow().lastSeenAt()).isEqualTo(later);
        assertThat(stores.learners().find(id).orElseThrow().createdAt()).isEqualTo(T0);
        assertThat(stores.learners().touch(UUID.randomUUID())).isFalse();
    }

    @Test
    void aTextIsStoredOnceUnderItsHash() {
        String content = "时间机器 the time machine\nby h g wells\n";

        String sha = stores.texts().put(content);
        String again = stores.texts().put(content);

        assertThat(sha).isEqualTo(again).isEqualTo(Sha256.hex(content)).hasSize(64);
        assertThat(rows("texts")).isEqualTo(1);
        assertThat(stores.texts().get(sha)).contains(content);
        assertThat(stores.texts().contains(sha)).isTrue();
        assertThat(stores.texts().get(Sha256.hex("other"))).isEmpty();
    }

    @Test
    void aLearnersTextsKeepNameAndOptionsNewestFirst() {
        UUID learner = stores.learners().create().learner().id();
        String first = stores.texts().put("first text");
        String second = stores.texts().put("second text");
        TextOptions words = new TextOptions(CleaningMode.UNICODE, false, TokenizerKind.BPE, 300, 2);

        stores.texts().link(learner, first, "first.txt", TextOptions.bookChars());
        storesAt(T0.plusSeconds(60)).texts().link(learner, second, "second.txt", TextOptions.bookChars());
        storesAt(T0.plusSeconds(120)).texts().link(learner, first, "renamed.txt", words);

        assertThat(stores.texts().textsOf(learner))
                .containsExactly(
                        new LearnerText(first, "renamed.txt", words, T0.plusSeconds(120)),
                        new LearnerText(second, "second.txt", TextOptions.bookChars(), T0.plusSeconds(60)));
        assertThat(stores.texts().unlink(learner, second)).isTrue();
        assertThat(stores.texts().textsOf(learner))
                .extracting(LearnerText::sha256)
                .containsExactly(first);
    }

    @Test
    void linkingAnUnknownTextOrLearnerIsRefused() {
        UUID learner = stores.learners().create().learner().id();
        String sha = stores.texts().put("a text");

        assertThatThrownBy(() -> stores.texts().link(learner, Sha256.hex("never stored"), "x", TextOptions.bookChars()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> stores.texts().link(UUID.randomUUID(), sha, "x", TextOptions.bookChars()))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private NewRun launch(UUID learner, String sha, Instant at) {
        TrainConfig config = TrainConfig.book()
                .withNumEpochs(7)
                .withHyper(TrainHyper.unclipped(0.5))
                .withSampler(SamplerKind.RANDOM)
                .withActivation(Activation.RELU)
                .withSeed(42)
                .withSamples(2, "时间 traveller", 30, Decoding.sampling(0.8, 7));
        return new NewRun(
                UUID.randomUUID(),
                learner,
                sha,
                "The Time Machine",
                TextOptions.bookWords().withMinFreq(3),
                10_000,
                config,
                ModelSpec.concise(CellType.LSTM, 2, 16),
                at);
    }

    @Test
    void aRunReadsBackAsLaunched() {
        UUID learner = stores.learners().create().learner().id();
        NewRun launched = launch(learner, stores.texts().put("text"), T0);

        stores.runs().insert(launched, "QUEUED");

        StoredRun stored = stores.runs().find(launched.id()).orElseThrow();
        assertThat(stored).isEqualTo(new StoredRun(launched, "QUEUED", null, null, null, null, "", 0, false, null, 0));
    }

    @Test
    void aRunsLifeIsRecorded() {
        UUID learner = stores.learners().create().learner().id();
        NewRun run = launch(learner, stores.texts().put("text"), T0);
        stores.runs().insert(run, "QUEUED");
        UUID id = run.id();

        assertThat(stores.runs().started(id, "RUNNING", "RUNNING", T0.plusSeconds(1)))
                .isFalse();
        assertThat(stores.runs().started(id, "QUEUED", "RUNNING", T0.plusSeconds(5)))
                .isTrue();
        assertThat(stores.runs().markForResumption(id)).isTrue();
        assertThat(stores.runs().find(id).orElseThrow().resumePending()).isTrue();
        assertThat(stores.runs().resumed(id, "QUEUED", 120)).isTrue();
        assertThat(stores.runs().started(id, "QUEUED", "RUNNING", T0.plusSeconds(50)))
                .isTrue();
        assertThat(stores.runs()
                        .ended(id, new RunEnd("STOPPED", T0.plusSeconds(90), "BY_INSTRUCTOR", "admin", "stopped", 0)))
                .isTrue();

        StoredRun stored = stores.runs().find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo("STOPPED");
        assertThat(stored.startedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(stored.finishedAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(stored.stopReason()).isEqualTo("BY_INSTRUCTOR");
        assertThat(stored.stoppedBy()).isEqualTo("admin");
        assertThat(stored.message()).isEqualTo("stopped");
        assertThat(stored.resumePending()).isFalse();
        assertThat(stored.resumedFromEpoch()).isEqualTo(120);
        assertThat(stored.resumeCount()).isEqualTo(1);
        assertThat(stores.runs().changeStatus(id, "RUNNING", "FAILED")).isFalse();
        assertThat(stores.runs().ended(UUID.randomUUID(), new RunEnd("FAILED", T0, null, null, null, 0)))
                .isFalse();
    }

    @Test
    void runsAreListedPerLearnerAndByStatus() {
        UUID alice = stores.learners().create().learner().id();
        UUID bob = stores.learners().create().learner().id();
        String sha = stores.texts().put("text");
        NewRun older = launch(alice, sha, T0);
        NewRun newer = launch(alice, sha, T0.plusSeconds(10));
        NewRun bobs = launch(bob, sha, T0.plusSeconds(5));
        stores.runs().insert(older, "RUNNING");
        stores.runs().insert(newer, "FINISHED");
        stores.runs().insert(bobs, "QUEUED");

        assertThat(stores.runs().listByLearner(alice))
                .extracting(StoredRun::id)
                .containsExactly(newer.id(), older.id());
        assertThat(stores.runs().withStatus(Set.of("QUEUED", "RUNNING")))
                .extracting(StoredRun::id)
                .containsExactly(older.id(), bobs.id());
        assertThat(stores.runs().withStatus(Set.of())).isEmpty();
        assertThat(stores.runs().delete(newer.id())).isTrue();
        assertThat(stores.runs().listByLearner(alice)).hasSize(1);
    }

    @Test
    void aRunNeedsAStoredText() {
        UUID learner = stores.learners().create().learner().id();

        assertThatThrownBy(() -> stores.runs().insert(launch(learner, Sha256.hex("missing"), T0), "QUEUED"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private UUID storedRun() {
        UUID learner = stores.learners().create().learner().id();
        NewRun run = launch(learner, stores.texts().put("text"), T0);
        stores.runs().insert(run, "RUNNING");
        return run.id();
    }

    private static EpochReport epoch(int n, double perplexity) {
        return new EpochReport(
                n,
                perplexity,
                1234.5 * n,
                0.25 * n,
                0.5 * n,
                1.0 / n,
                40 + n,
                44_800L * n,
                Duration.ofNanos(987_654_321L * n),
                Duration.ofMillis(1500L * n));
    }

    @Test
    void historyReadsBackInOrderWithDivergence() {
        UUID run = storedRun();
        List<EpochReport> epochs = List.of(epoch(1, 27.9), epoch(2, 12.25), epoch(3, Double.POSITIVE_INFINITY));
        List<TrainProgress> progress = List.of(
                new TrainProgress(0.5, 28.5, 900, 3.5, Duration.ofMillis(700), false),
                new TrainProgress(1.5, 14.0, 950.5, 2.25, Duration.ofMillis(2100), false),
                new TrainProgress(2.75, Double.POSITIVE_INFINITY, 960, Double.NaN, Duration.ofMillis(4000), true));
        List<StoredSample> samples = List.of(
                new StoredSample(1, "time traveller the", List.of()),
                new StoredSample(2, "时间 traveller and", List.of("时间")));

        epochs.forEach(e -> stores.metrics().appendEpoch(run, e));
        progress.forEach(p -> stores.metrics().appendProgress(run, p));
        samples.forEach(s -> stores.metrics().appendSample(run, s));

        assertThat(stores.metrics().history(run)).isEqualTo(new RunHistory(epochs, progress, samples));
        assertThat(stores.metrics().history(UUID.randomUUID()))
                .isEqualTo(new RunHistory(List.of(), List.of(), List.of()));
        assertThatThrownBy(() -> stores.metrics().appendEpoch(run, epoch(2, 1)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void resumingDiscardsWhatCameAfterTheCheckpoint() {
        UUID run = storedRun();
        for (int e = 1; e <= 4; e++) {
            stores.metrics().appendEpoch(run, epoch(e, 30.0 / e));
            stores.metrics()
                    .appendProgress(run, new TrainProgress(e - 0.5, 30.0 / e, 1, 1, Duration.ofSeconds(e), false));
            stores.metrics().appendProgress(run, new TrainProgress(e, 30.0 / e, 1, 1, Duration.ofSeconds(e), false));
            stores.metrics().appendSample(run, new StoredSample(e, "sample " + e, List.of()));
        }

        stores.metrics().discardAfter(run, 2);

        RunHistory kept = stores.metrics().history(run);
        assertThat(kept.epochs()).extracting(EpochReport::epoch).containsExactly(1, 2);
        assertThat(kept.progress()).extracting(TrainProgress::epochs).containsExactly(0.5, 1.0, 1.5, 2.0);
        assertThat(kept.samples()).extracting(StoredSample::epoch).containsExactly(1, 2);
    }

    private static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    @Test
    void onlyTheNewestCheckpointsAreKept() {
        UUID run = storedRun();
        for (int e = 1; e <= 4; e++) {
            stores.checkpoints()
                    .save(new Checkpoint(run, e, 0, "test-v1", bytes(100, e), null, null, null, T0.plusSeconds(e)));
        }
        stores.checkpoints()
                .save(new Checkpoint(
                        run,
                        4,
                        17,
                        "test-v1",
                        bytes(100, 99),
                        bytes(3, 1),
                        bytes(5, 2),
                        bytes(7, 3),
                        T0.plusSeconds(9)));

        assertThat(stores.checkpoints().count(run)).isEqualTo(2);
        Checkpoint latest = stores.checkpoints().latest(run).orElseThrow();
        assertThat(latest.epoch()).isEqualTo(4);
        assertThat(latest.minibatch()).isEqualTo(17);
        assertThat(latest.parameters()).isEqualTo(bytes(100, 99));
        assertThat(latest.samplerState()).isEqualTo(bytes(3, 1));
        assertThat(latest.randomState()).isEqualTo(bytes(5, 2));
        assertThat(latest.extraState()).isEqualTo(bytes(7, 3));
        assertThat(latest.createdAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(stores.checkpoints().latest(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aLargeCheckpointRoundTripsAndTheSamePositionIsReplaced() {
        UUID run = storedRun();
        byte[] parameters = bytes(8 * 1024 * 1024, 5);
        stores.checkpoints().save(new Checkpoint(run, 3, 0, "test-v1", bytes(10, 1), null, null, null, T0));

        stores.checkpoints()
                .save(new Checkpoint(run, 3, 0, "test-v2", parameters, null, null, null, T0.plusSeconds(1)));

        Checkpoint latest = stores.checkpoints().latest(run).orElseThrow();
        assertThat(stores.checkpoints().count(run)).isEqualTo(1);
        assertThat(latest.format()).isEqualTo("test-v2");
        assertThat(latest.parameters()).isEqualTo(parameters);
        assertThat(latest.samplerState()).isNull();
        assertThat(stores.checkpoints().deleteAll(run)).isEqualTo(1);
        assertThat(stores.checkpoints().latest(run)).isEmpty();
    }

    @Test
    void purgeDeletesLearnersUnseenSinceTheRetentionWithAllTheirsAndUnusedTexts() {
        StoreConfiguration.Stores longAgo = storesAt(T0.minus(Duration.ofDays(40)));
        UUID gone = longAgo.learners().create().learner().id();
        String onlyTheirs = longAgo.texts().put("only the departed learner's text");
        String shared = longAgo.texts().put("a text both learners use");
        String orphan = longAgo.texts().put("a text nobody links");
        longAgo.texts().link(gone, onlyTheirs, "mine.txt", TextOptions.bookChars());
        longAgo.texts().link(gone, shared, "shared.txt", TextOptions.bookChars());
        NewRun goneRun = launch(gone, onlyTheirs, T0.minus(Duration.ofDays(40)));
        longAgo.runs().insert(goneRun, "FINISHED");
        longAgo.metrics().appendEpoch(goneRun.id(), epoch(1, 10));
        longAgo.metrics().appendProgress(goneRun.id(), new TrainProgress(0.5, 12, 1, 1, Duration.ofSeconds(1), false));
        longAgo.metrics().appendSample(goneRun.id(), new StoredSample(1, "sample", List.of()));
        longAgo.checkpoints().save(new Checkpoint(goneRun.id(), 1, 0, "test-v1", bytes(10, 1), null, null, null, T0));

        UUID stays = storesAt(T0.minus(Duration.ofDays(40)))
                .learners()
                .create()
                .learner()
                .id();
        stores.learners().touch(stays);
        stores.texts().link(stays, shared, "shared.txt", TextOptions.bookChars());
        String recent = stores.texts().put("stored just now, not linked yet");
        NewRun staysRun = launch(stays, shared, T0);
        stores.runs().insert(staysRun, "QUEUED");

        StorePurge.Result result = new StorePurge(
                        stores.learners(), stores.texts(), Duration.ofDays(30), Clock.fixed(T0, ZoneOffset.UTC))
                .purge();

        assertThat(result).isEqualTo(new StorePurge.Result(1, 2));
        assertThat(stores.learners().find(gone)).isEmpty();
        assertThat(stores.learners().find(stays)).isPresent();
        assertThat(stores.runs().find(goneRun.id())).isEmpty();
        assertThat(stores.runs().find(staysRun.id())).isPresent();
        assertThat(rows("run_epochs") + rows("run_progress") + rows("run_samples") + rows("run_checkpoints"))
                .isZero();
        assertThat(stores.texts().contains(onlyTheirs)).isFalse();
        assertThat(stores.texts().contains(orphan)).isFalse();
        assertThat(stores.texts().contains(shared)).isTrue();
        assertThat(stores.texts().contains(recent)).isTrue();
        assertThat(rows("learner_texts")).isEqualTo(1);
    }
}
