package org.orgllm.inference.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelStoreTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"ab", "techcorp", "org-42", "0a", "a-", "x23456789012345678901234567890123456789012345678901234567890123"})
  void acceptsValidIds(String id) {
    assertThat(OrganizationId.of(id).value()).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a", "..", "../etc", "../../root", "a/b", "/etc/passwd", "acme/../beta", "-acme", "Acme",
      "acme ", "acme\u0000", "acme.", "ac_me", "acme\\..\\x", "%2e%2e", "x234567890123456789012345678901234567890123456789012345678901234"})
  void rejectsEverythingElse(String id) {
    assertThatThrownBy(() -> OrganizationId.of(id)).isInstanceOf(InvalidOrganizationException.class)
        .hasMessageContaining("invalid organization id");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> OrganizationId.of(null)).isInstanceOf(InvalidOrganizationException.class);
  }

  @Test
  void listsOrganizationsAndIgnoresStrayFolders() throws IOException {
    Path root = ModelsTree.create(dir);
    Files.createDirectories(root.resolve("trained/org-..bad"));
    Files.createDirectories(root.resolve("trained/notes"));
    ModelStore store = new ModelStore(root);
    assertThat(store.organizations()).extracting(OrganizationId::value).containsExactly("acme", "beta");
    assertThat(store.versions(OrganizationId.of("acme"))).containsExactly("v0");
    assertThat(store.active(OrganizationId.of("acme"))).isEqualTo(new AdapterKey(OrganizationId.of("acme"), "v0"));
  }

  @Test
  void versionedFolderUsesActiveMarkerElseHighest() throws IOException {
    Path root = ModelsTree.create(dir);
    Path org = root.resolve("trained/org-multi");
    ModelsTree.writeRandomAdapter(org.resolve("v1"), 1, ModelsTree.BASE);
    ModelsTree.writeRandomAdapter(org.resolve("v2"), 2, ModelsTree.BASE);
    ModelsTree.writeRandomAdapter(org.resolve("v10"), 10, ModelsTree.BASE);
    ModelStore store = new ModelStore(root);
    OrganizationId multi = OrganizationId.of("multi");
    assertThat(store.versions(multi)).containsExactly("v1", "v2", "v10");
    assertThat(store.active(multi).version()).isEqualTo("v10");

    Files.writeString(org.resolve(ModelStore.ACTIVE_FILE), "v2\n");
    assertThat(store.active(multi).version()).isEqualTo("v2");
    assertThat(store.adapterFolder(store.active(multi))).isEqualTo(org.resolve("v2").toRealPath());

    store.activate(new AdapterKey(multi, "v1"));
    assertThat(Files.readString(org.resolve(ModelStore.ACTIVE_FILE)).strip()).isEqualTo("v1");
    assertThat(store.active(multi).version()).isEqualTo("v1");

    assertThatThrownBy(() -> store.activate(new AdapterKey(multi, "v3"))).isInstanceOf(NoAdapterException.class)
        .hasMessageContaining("no model for organization multi");
    Files.writeString(org.resolve(ModelStore.ACTIVE_FILE), "v7");
    assertThatThrownBy(() -> store.active(multi)).isInstanceOf(NoAdapterException.class).hasMessageContaining("v7");
  }

  @Test
  void unknownOrganizationIsTyped() {
    ModelStore store = new ModelStore(ModelsTree.create(dir));
    assertThatThrownBy(() -> store.active(OrganizationId.of("nobody")))
        .isInstanceOfSatisfying(NoAdapterException.class, e -> assertThat(e.organization()).isEqualTo("nobody"))
        .hasMessageStartingWith("no model for organization nobody");
  }

  @Test
  void invalidVersionNamesAreRejected() {
    OrganizationId acme = OrganizationId.of("acme");
    for (String v : List.of("../v1", "v1/..", "V1", "v01", "v", "v-1", "")) {
      assertThatThrownBy(() -> new AdapterKey(acme, v)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void symlinkedOrganizationFolderEscapingTheRootIsRefused() throws IOException {
    Path root = ModelsTree.create(dir);
    Path outside = dir.resolve("outside/adapter");
    ModelsTree.writeRandomAdapter(outside, 3, ModelsTree.BASE);
    Files.createSymbolicLink(root.resolve("trained/org-evil"), outside);
    ModelStore store = new ModelStore(root);
    assertThatThrownBy(() -> store.active(OrganizationId.of("evil"))).isInstanceOf(NoAdapterException.class)
        .hasMessageContaining("outside the models root");
  }

  @Test
  void symlinkedVersionOrFileEscapingTheRootIsRefused() throws IOException {
    Path root = ModelsTree.create(dir);
    Path outside = dir.resolve("outside/adapter");
    ModelsTree.writeRandomAdapter(outside, 3, ModelsTree.BASE);
    Path org = root.resolve("trained/org-sneaky");
    Files.createDirectories(org);
    Files.createSymbolicLink(org.resolve("v1"), outside);
    ModelStore store = new ModelStore(root);
    OrganizationId sneaky = OrganizationId.of("sneaky");
    assertThatThrownBy(() -> store.adapterFolder(store.active(sneaky))).isInstanceOf(NoAdapterException.class)
        .hasMessageContaining("outside the models root");

    Path fileLinks = root.resolve("trained/org-files");
    Files.createDirectories(fileLinks);
    Files.createSymbolicLink(fileLinks.resolve("adapter_config.json"), outside.resolve("adapter_config.json"));
    Files.createSymbolicLink(fileLinks.resolve("adapter_model.safetensors"), outside.resolve("adapter_model.safetensors"));
    assertThatThrownBy(() -> store.adapterFolder(store.active(OrganizationId.of("files"))))
        .isInstanceOf(NoAdapterException.class).hasMessageContaining("outside the models root");
  }

  @Test
  void symlinkInsideTheRootIsAllowed() throws IOException {
    Path root = ModelsTree.create(dir);
    Files.createSymbolicLink(root.resolve("trained/org-alias"), root.resolve("trained/org-acme"));
    ModelStore store = new ModelStore(root);
    AdapterKey key = store.active(OrganizationId.of("alias"));
    assertThat(store.adapterFolder(key)).isEqualTo(root.resolve("trained/org-acme").toRealPath());
  }

  @Test
  void baseModelNamesCannotTraverse() {
    ModelStore store = new ModelStore(ModelsTree.create(dir));
    assertThat(store.baseModel(ModelsTree.BASE)).endsWith(Path.of("base", ModelsTree.BASE));
    for (String bad : List.of("..", "../trained", "a/../../x", "/etc", "x/y", "", ".hidden")) {
      assertThatThrownBy(() -> store.baseModel(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
