package org.rnnplayground.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.rnnplayground.Application;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app on PostgreSQL, chosen by {@code spring.datasource.url} alone (as on the hosted site):
 * Flyway migrates the empty database at start-up and the stores work on it.
 */
@SpringBootTest(classes = Application.class)
class StorePostgresContextTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = TestDatabase.freshPostgresUrl();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    LearnerStore learners;

    @Test
    void theConfiguredPostgresqlIsMigratedAndUsed() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        UUID id = learners.create().learner().id();

        assertThat(learners.find(id)).isPresent();
    }
}
