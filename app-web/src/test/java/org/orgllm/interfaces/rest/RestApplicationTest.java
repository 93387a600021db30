package org.orgllm.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.orgllm.interfaces.openai.OpenAiApplication;

/** The two JAX-RS applications list their classes: nothing of a package may be left out or shared. */
class RestApplicationTest {

    @Test
    void everyResourceAndProviderOfTheApiPackageIsListed() throws Exception {
        List<Class<?>> expected = new java.util.ArrayList<>(annotatedClassesUnder("org/orgllm/interfaces/rest"));
        // the portal streams its generations through /api as well
        expected.addAll(annotatedClassesUnder("org/orgllm/interfaces/web"));
        assertThat(new RestApplication().getClasses()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theOpenAiApplicationSharesNoClassWithTheApi() {
        assertThat(new OpenAiApplication().getClasses()).doesNotContainAnyElementsOf(new RestApplication().getClasses());
    }

    private static List<Class<?>> annotatedClassesUnder(String folder) throws IOException, URISyntaxException {
        var root = java.nio.file.Path.of(RestApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<java.nio.file.Path> files = Files.walk(root.resolve(folder))) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .map(f -> root.relativize(f).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", ""))
                    .map(RestApplicationTest::load)
                    .filter(c -> c.isAnnotationPresent(Path.class) || c.isAnnotationPresent(Provider.class))
                    .<Class<?>>map(c -> c)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, RestApplicationTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
