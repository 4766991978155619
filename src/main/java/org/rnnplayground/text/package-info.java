/**
 * Text preprocessing and language statistics (d2l sections 8.2 and 8.3), free of Vaadin and Spring.
 *
 * <p>The path of a text, as in the book:
 *
 * <ol>
 *   <li><b>Cleaning</b> ({@link org.rnnplayground.text.CleaningMode}): the raw text is split into
 *       lines as Python's {@code readlines()} does, and each line is cleaned. {@code BOOK} is
 *       d2l's {@code read_time_machine}: {@code re.sub('[^A-Za-z]+', ' ', line).strip().lower()}.
 *       {@code UNICODE} keeps letters of any script, so Chinese text works.
 *   <li><b>Tokenizing</b> ({@link org.rnnplayground.text.Tokenizer}): {@code char} (one token per
 *       Unicode code point), {@code word} (Python's {@code line.split()}), or byte-pair encoding
 *       ({@link org.rnnplayground.text.BpeTokenizer}, d2l exercise 8.2.1) learned from the text.
 *   <li><b>Vocabulary</b> ({@link org.rnnplayground.text.Vocabulary}): d2l's {@code Vocab}:
 *       {@code <unk>} at index 0, then reserved tokens, then tokens by descending frequency, ties in
 *       order of first appearance; {@code minFreq} sends rare tokens to {@code <unk>}.
 *   <li><b>Corpus</b> ({@link org.rnnplayground.text.TextPipeline}, {@link
 *       org.rnnplayground.text.ProcessedText}): the token indices of all lines, flattened, as d2l's
 *       {@code load_corpus_time_machine}.
 *   <li><b>Statistics</b> ({@link org.rnnplayground.text.NGramCounts}, {@link
 *       org.rnnplayground.text.ZipfFit}): unigram, bigram and trigram counts over the flattened
 *       token sequence, and least-squares fits of Zipf's law {@code ln n_i = -alpha ln i + c}.
 * </ol>
 *
 * <p>Glossary, as in the book: a <i>token</i> is the unit a model reads; {@code vocabSize} is the
 * number of indices in the vocabulary ({@code len(vocab)}); {@code minFreq} is d2l's
 * {@code min_freq}; the <i>corpus</i> is the flat {@code int[]} of token indices; the
 * <i>rank</i> of an n-gram is its 1-based position when sorted by descending frequency.
 *
 * <p>Everything here is immutable once built and safe to share between threads. Large texts are
 * handled with primitive arrays: a 10 MB text is cleaned, tokenized, counted and indexed in well
 * under two seconds (see {@link org.rnnplayground.text.TextBenchmark}).
 */
package org.rnnplayground.text;
