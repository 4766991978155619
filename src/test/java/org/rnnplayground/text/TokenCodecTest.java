package org.rnnplayground.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A run reads its prefix and writes its tokens as its text was read: characters, words, BPE. */
class TokenCodecTest {

    private static final String ENGLISH = "The Time Traveller (for so it will be convenient to speak of him)\n"
            + "was expounding a recondite matter to us.\n";
    private static final String CHINESE = "循环神经网络可以记住前面的内容。\n它们一步一步地读文本。\n";

    private static final TextOptions UNICODE_CHARS =
            new TextOptions(CleaningMode.UNICODE, false, TokenizerKind.CHAR, 0, 0);

    @Test
    void decodingInvertsEncodingForEveryTokenizer() {
        for (TextOptions options : List.of(
                TextOptions.bookChars(),
                TextOptions.bookWords(),
                new TextOptions(CleaningMode.BOOK, true, TokenizerKind.BPE, 30, 0))) {
            ProcessedText text = TextPipeline.process(ENGLISH, options);
            TokenCodec codec = text.codec();
            String line = text.lines().get(0);
            int[] indices = codec.encode(line).indices();
            assertEquals(line, codec.decode(indices), options.tokenizer() + " round trip");
            assertArrayEquals(indices, codec.encode(codec.decode(indices)).indices());
        }
    }

    @Test
    void unknownTokensAreListedOnceInOrder() {
        TokenCodec words =
                TextPipeline.process(ENGLISH, TextOptions.bookWords()).codec();
        TokenCodec.Encoded e = words.encode("zebra time zebra quokka time");
        assertEquals(List.of("zebra", "quokka"), e.unknown());
        assertEquals(5, e.indices().length);
        assertEquals(
                "'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h' … +2",
                TokenCodec.listForPeople(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")));
    }

    @Test
    void theBooksPrefixIsKeptWhenTheTextKnowsItAndTheTextsOpeningOtherwise() {
        ProcessedText chars = TextPipeline.process(ENGLISH, TextOptions.bookChars());
        assertEquals(TokenCodec.BOOK_PREFIX, chars.codec().suggestPrefix(chars.corpus()));

        ProcessedText chinese = TextPipeline.process(CHINESE, UNICODE_CHARS);
        String prefix = chinese.codec().suggestPrefix(chinese.corpus());
        assertEquals("循环神经网络可以记住", prefix, "the opening ten characters");
        assertEquals(List.of(), chinese.codec().encode(prefix).unknown());

        ProcessedText words = TextPipeline.process("alpha beta gamma delta\nbeta gamma", TextOptions.bookWords());
        assertEquals("alpha beta", words.codec().suggestPrefix(words.corpus()));
    }
}
