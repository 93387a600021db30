package org.orgllm.inference.structured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The shared tokenizers, loaded once per test JVM. */
final class Fixtures {

    /** Qwen2.5-0.5B's LM head: more rows than the tokenizer has ids. */
    static final int QWEN_LOGITS = 151_936;
    static final int QWEN_EOS = 151_645; // <|im_end|>
    static final int QWEN_ENDOFTEXT = 151_643;
    static final int TINY_EOS = 299;

    private static TokenVocabulary tiny;
    private static TokenVocabulary qwen;

    private Fixtures() {
    }

    static Path dir() {
        return Path.of(System.getProperty("orgllm.fixtures", "../../shared/fixtures"));
    }

    static synchronized TokenVocabulary tiny() {
        if (tiny == null) {
            tiny = load("tiny-qwen2/tokenizer.json");
        }
        return tiny;
    }

    static synchronized TokenVocabulary qwen() {
        if (qwen == null) {
            qwen = load("qwen3-tokenizer/tokenizer.json");
        }
        return qwen;
    }

    private static TokenVocabulary load(String file) {
        try {
            return TokenVocabulary.fromTokenizerJson(dir().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
