package org.rnnplayground.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnplayground.Application;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app starts on its default store, with nothing configured but the folder: an H2 file there,
 * migrated by Flyway, the stores wired to it.
 */
@SpringBootTest(classes = Application.class)
class StoreContextTest {

    @TempDir
    static Path folder;

    @DynamicPropertySource
    static void storeFolder(DynamicPropertyRegistry registry) {
        registry.add("playground.store.folder", () -> folder.toString());
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    LearnerStore learners;

    @Autowired
    StoreProperties properties;

    @Test
    void theDefaultStoreIsAnH2FileInTheConfiguredFolder() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
            assertThat(connection.getMetaData().getURL()).startsWith("jdbc:h2:file:" + folder);
        }
        UUID id = learners.create().learner().id();

        assertThat(learners.find(id)).isPresent();
        assertThat(folder.resolve("playground.mv.db"))
                .satisfies(file -> assertThat(Files.size(file)).isPositive());
    }

    @Test
    void theDefaultsAreThoseTheReadmeGives() {
        assertThat(properties.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(properties.purgeEvery()).isEqualTo(Duration.ofHours(1));
        assertThat(properties.checkpointsKept()).isEqualTo(2);
    }
}
