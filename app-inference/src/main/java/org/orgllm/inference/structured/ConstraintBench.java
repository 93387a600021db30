package org.orgllm.inference.structured;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.orgllm.inference.sampling.Sampler;
import org.orgllm.inference.sampling.SamplingParams;
import org.orgllm.inference.sampling.TokenHistory;

/**
 * Measures what JSON-Schema masking adds to a decode step: per-token time of masking plus sampling
 * against plain sampling, with random logits over a real vocabulary padded to the LM head's rows.
 * Not a test: run it by hand or from the CLI.
 *
 * <pre>java ... org.orgllm.inference.structured.ConstraintBench [tokenizer.json] [logits] [steps] [eosId]</pre>
 * Defaults: the shared Qwen3 tokenizer fixture, 151,936 logits (Qwen2.5-0.5B), 2,000 steps, EOS 151,645.
 */
public final class ConstraintBench {

    /** The use-case response shapes, as an application would declare them. */
    static final List<String> SCHEMAS = List.of(
            """
            {"type":"object","properties":{
              "summary":{"type":"string","minLength":1,"maxLength":400},
              "key_insights":{"type":"array","items":{"type":"string","maxLength":120},"minItems":1,"maxItems":5},
              "organizational_alignment":{"type":"number","minimum":0,"maximum":1},
              "strategic_recommendations":{"type":"array","items":{"type":"string","maxLength":120},"maxItems":5}},
             "required":["summary","key_insights","organizational_alignment","strategic_recommendations"],
             "additionalProperties":false}""",
            """
            {"type":"object","properties":{
              "draft_response":{"type":"string","maxLength":600},
              "tone_analysis":{"type":"string","maxLength":100},
              "brand_compliance":{"type":"number","minimum":0,"maximum":1},
              "escalation_needed":{"type":"boolean"},
              "suggested_actions":{"type":"array","items":{"type":"string","maxLength":80},"maxItems":4}},
             "required":["draft_response","tone_analysis","brand_compliance","escalation_needed","suggested_actions"],
             "additionalProperties":false}""",
            """
            {"type":"object","properties":{
              "answer":{"type":"string","maxLength":600},
              "confidence_score":{"type":"number","minimum":0,"maximum":1},
              "source_references":{"type":"array","items":{"type":"string","maxLength":80},"maxItems":4},
              "related_policies":{"type":"array","items":{"type":"string","maxLength":80},"maxItems":4},
              "follow_up_questions":{"type":"array","items":{"type":"string","maxLength":120},"maxItems":3}},
             "required":["answer","confidence_score","source_references","related_policies","follow_up_questions"],
             "additionalProperties":false}""",
            // OpenAI's json_object: any object, values of any type nested up to the default depth.
            """
            {"type":"object"}""");

    private ConstraintBench() {
    }

    public static void main(String[] args) throws Exception {
        Path fixtures = Path.of(System.getProperty("orgllm.fixtures", "../shared/fixtures"));
        Path tokenizer = args.length > 0 ? Path.of(args[0]) : fixtures.resolve("qwen3-tokenizer/tokenizer.json");
        int logitsLength = args.length > 1 ? Integer.parseInt(args[1]) : 151_936;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        int eos = args.length > 3 ? Integer.parseInt(args[3]) : 151_645;

        long t0 = System.nanoTime();
        TokenVocabulary vocab = TokenVocabulary.fromTokenizerJson(tokenizer);
        long t1 = System.nanoTime();
        vocab.index();
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "vocabulary: %d ids loaded in %.0f ms, index built in %.0f ms%n",
                vocab.size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6);

        for (int s = 0; s < SCHEMAS.size(); s++) {
            long c0 = System.nanoTime();
            JsonSchemaConstraint constraint = JsonSchemaConstraint.compile(SCHEMAS.get(s), vocab, eos);
            long c1 = System.nanoTime();
            // A fresh constraint: every state's first mask is a cache miss (the JIT is warm after schema 0).
            Result cold = run(constraint, logitsLength, steps / 4, 1);
            // The same constraint again: a server after a few requests with this schema.
            Result warm = run(constraint, logitsLength, steps, 2);
            System.out.printf(Locale.ROOT, "schema %d: compile %.1f ms, cold cache: mask %.3f ms/token (max %.1f ms)%n",
                    s, (c1 - c0) / 1e6, cold.mask, cold.maxMask);
            System.out.printf(Locale.ROOT,
                    "  warm, %d steps, %d documents: plain sampling %.3f ms/token | mask %.3f ms/token (max %.1f ms)"
                            + " + masked sampling %.3f ms/token | overhead %+.3f ms/token = %+.2f%% of a 100 ms"
                            + " decode step%n",
                    steps, warm.documents, warm.plain, warm.mask, warm.maxMask, warm.constrained,
                    warm.mask + warm.constrained - warm.plain, (warm.mask + warm.constrained - warm.plain));
        }
    }

    private record Result(double plain, double mask, double maxMask, double constrained, int documents) {
    }

    private static Result run(JsonSchemaConstraint constraint, int logitsLength, int steps, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] logits = new float[logitsLength];
        float[] copy = new float[logitsLength];
        Sampler plain = new Sampler(SamplingParams.builder().temperature(1).seed(seed).build());
        ConstrainedSequence sequence = constraint.start();
        Sampler constrained = new Sampler(SamplingParams.builder().temperature(1).seed(seed).build());
        TokenHistory history = TokenHistory.ofPrompt(1);
        long plainNanos = 0;
        long maskNanos = 0;
        long maxMaskNanos = 0;
        long sampleNanos = 0;
        int documents = 0;
        for (int step = 0; step < steps; step++) {
            for (int i = 0; i < logitsLength; i++) {
                logits[i] = (float) (random.nextDouble() * 8 - 4);
            }
            System.arraycopy(logits, 0, copy, 0, logitsLength);
            long a = System.nanoTime();
            plain.sample(copy, history);
            long b = System.nanoTime();
            sequence.process(logits, history);
            long c = System.nanoTime();
            int id = constrained.sample(logits, history);
            long d = System.nanoTime();
            plainNanos += b - a;
            maskNanos += c - b;
            maxMaskNanos = Math.max(maxMaskNanos, c - b);
            sampleNanos += d - c;
            sequence.accept(id);
            if (sequence.isEnded()) {
                documents++;
                sequence = constraint.start();
                history = TokenHistory.ofPrompt(1);
            }
        }
        return new Result(plainNanos / 1e6 / steps, maskNanos / 1e6 / steps, maxMaskNanos / 1e6,
                sampleNanos / 1e6 / steps, documents);
    }
}
