package org.orgllm.db.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WithEmbeddedDatabaseTest {

    @Test
    void parsesOptionsAndTheChildCommand() {
        var options = WithEmbeddedDatabase.Options.parse(
                new String[] {"--data", "/tmp/pg", "--database", "demo", "--", "java", "-jar", "x.jar"});
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/pg"));
        assertThat(options.database()).isEqualTo("demo");
        assertThat(options.command()).isEqualTo(List.of("java", "-jar", "x.jar"));
    }

    @Test
    void refusesAMissingCommand() {
        assertThatThrownBy(() -> WithEmbeddedDatabase.Options.parse(new String[] {"--data", "x"}))
                .hasMessageContaining("usage");
    }
}
