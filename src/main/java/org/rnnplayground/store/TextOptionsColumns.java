package org.rnnplayground.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.rnnplayground.text.CleaningMode;
import org.rnnplayground.text.TextOptions;
import org.rnnplayground.text.TokenizerKind;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * {@link TextOptions} as the five columns {@code cleaning, lower_case, tokenizer, bpe_merges,
 * min_freq} that {@code learner_texts} and {@code runs} share.
 */
final class TextOptionsColumns {

    private TextOptionsColumns() {}

    /** Binds the named parameters {@code :cleaning, :lowerCase, :tokenizer, :bpeMerges, :minFreq}. */
    static StatementSpec bind(StatementSpec statement, TextOptions options) {
        return statement
                .param("cleaning", options.cleaning().name())
                .param("lowerCase", options.lowerCase())
                .param("tokenizer", options.tokenizer().name())
                .param("bpeMerges", options.bpeMerges())
                .param("minFreq", options.minFreq());
    }

    static TextOptions read(ResultSet rs) throws SQLException {
        return new TextOptions(
                CleaningMode.valueOf(rs.getString("cleaning")),
                rs.getBoolean("lower_case"),
                TokenizerKind.valueOf(rs.getString("tokenizer")),
                rs.getInt("bpe_merges"),
                rs.getInt("min_freq"));
    }
}
