package org.orgllm.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orgllm.inference.lora.LoraAdapter;
import org.orgllm.inference.model.DecoderModel;
import org.orgllm.inference.model.GreedyDecoder;
import org.orgllm.inference.model.LoadOptions;
import org.orgllm.inference.model.ModelLoader;
import org.orgllm.inference.tokenizer.Tokenizer;
import org.orgllm.inference.torch.TorchRuntime;

/** The demo model folders load in the engine exactly like a downloaded model and its adapter. */
class DemoModelBuilderTest {

    @TempDir
    static Path root;

    @BeforeAll
    static void build() throws Exception {
        TorchRuntime.init();
        DemoModelBuilder.main(new String[] {root.toString()});
    }

    @Test
    void theTokenizerRoundTripsTextAndKnowsTheChatTokens() {
        try (Tokenizer tokenizer = Tokenizer.load(root.resolve("base/orgllm-demo"))) {
            String text = "TechCorp values integrity — and its customers! Ünïcödé 42.";
            int[] ids = tokenizer.encode(text);
            assertThat(tokenizer.decode(ids, false)).isEqualTo(text);
            // trained merges make the corpus' common words single tokens
            String familiar = "Our customers value integrity, innovation and sustainability.";
            assertThat(tokenizer.encode(familiar).length).isLessThan(familiar.length() / 2);
            assertThat(tokenizer.tokenToId("<|im_start|>")).isPresent();
            assertThat(tokenizer.encode("<|im_start|>user\nHi<|im_end|>", false)[0])
                    .isEqualTo(tokenizer.tokenToId("<|im_start|>").orElseThrow());
            assertThat(tokenizer.chatTemplate()).hasValueSatisfying(t -> assertThat(t).contains("<|im_start|>"));
        }
    }

    @Test
    void theModelGeneratesWithAndWithoutTheTechcorpAdapter() {
        Path base = root.resolve("base/orgllm-demo");
        try (DecoderModel model = ModelLoader.load(base, LoadOptions.defaults());
             Tokenizer tokenizer = Tokenizer.load(base)) {
            LoraAdapter adapter = LoraAdapter.load(root.resolve("trained/org-techcorp/v1"), model.config());
            int[] prompt = tokenizer.encode("<|im_start|>user\nSummarize our strategy<|im_end|>\n<|im_start|>assistant\n", false);
            var plain = new GreedyDecoder(model).generate(prompt, null, 12, Set.of());
            var tuned = new GreedyDecoder(model).generate(prompt, adapter, 12, Set.of());
            assertThat(plain.newIds()).hasSize(12);
            assertThat(tuned.newIds()).hasSize(12);
            assertThat(tuned.newIds()).as("the adapter changes the output").isNotEqualTo(plain.newIds());
            assertThat(model.config().maxPositionEmbeddings()).isEqualTo(DemoModelBuilder.CONTEXT);
        }
        assertThat(root.resolve("trained/org-techcorp/ACTIVE")).content().isEqualToIgnoringNewLines("v1");
    }

    @Test
    void buildingIsDeterministic(@TempDir Path other) throws Exception {
        DemoModelBuilder.main(new String[] {other.toString()});
        for (String file : new String[] {"base/orgllm-demo/model.safetensors", "base/orgllm-demo/tokenizer.json",
                "trained/org-techcorp/v1/adapter_model.safetensors"}) {
            assertThat(Files.mismatch(root.resolve(file), other.resolve(file))).as(file).isEqualTo(-1L);
        }
    }
}
