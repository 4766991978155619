/**
 * What outlives a restart: learners, their texts, runs with their metrics and samples, and
 * checkpoints, in a relational database through {@code JdbcClient} (records in, records out).
 *
 * <p>The schema is Flyway's ({@code db/migration}), in SQL that runs unchanged on H2 2.x (the
 * embedded default, a file in {@code playground.store.folder}) and on PostgreSQL (chosen by the
 * usual {@code spring.datasource.*} properties). Deleting a learner deletes their text links, runs
 * and everything of those runs; texts are shared by content hash and purged once no run and no
 * learner refers to them.
 *
 * <p>This package depends on the framework-free core ({@code text}, {@code model}) but not on
 * {@code training}: the training runtime calls these stores, so a dependency back would be a
 * cycle. A run's status and stop reason are therefore kept as the names of the runtime's enums.
 * Instants are stored as {@code TIMESTAMP WITH TIME ZONE} in UTC, to the microsecond.
 *
 * <p>Each method runs on its own (auto-commit) unless it says otherwise. Call the methods that
 * retry after a duplicate key ({@link org.rnnplayground.store.LearnerStore#create}, {@link
 * org.rnnplayground.store.TextStore#put}, {@link org.rnnplayground.store.TextStore#link}) outside
 * a surrounding transaction: on PostgreSQL a failed statement aborts the whole transaction.
 */
package org.rnnplayground.store;
