package org.orgllm.inference.registry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.orgllm.inference.ModelLoadException;
import org.orgllm.inference.config.ModelConfig;
import org.orgllm.inference.lora.LoraAdapter;
import org.orgllm.inference.torch.DeviceSpec;

/**
 * Organizations' adapters for one base model: which exist, which version is active, and leases on
 * loaded ones. Activation takes effect for requests submitted afterwards; running requests keep the
 * adapter object they started with (their lease), and older cached versions are evicted so their
 * memory goes as soon as those requests end. Thread-safe.
 */
public final class AdapterRegistry {

  private final ModelStore store;
  private final AdapterCache cache;
  private final ModelConfig baseConfig;
  private final DeviceSpec device;
  private final String baseName;
  private final boolean strictBaseName;

  /**
   * @param store the models folder
   * @param cache where loaded adapters live
   * @param baseConfig the served model's config: every adapter's shapes are checked against it
   * @param device where adapter weights go
   * @param baseName the served model's name (its folder name)
   * @param strictBaseName refuse adapters whose {@code base_model_name_or_path} names another model
   */
  public AdapterRegistry(ModelStore store, AdapterCache cache, ModelConfig baseConfig, DeviceSpec device,
      String baseName, boolean strictBaseName) {
    this.store = store;
    this.cache = cache;
    this.baseConfig = baseConfig;
    this.device = device;
    this.baseName = baseName;
    this.strictBaseName = strictBaseName;
  }

  /** Organizations with an adapter folder. */
  public List<OrganizationId> organizations() {
    return store.organizations();
  }

  /** An organization's versions, oldest first. */
  public List<String> versions(String organization) {
    return store.versions(OrganizationId.of(organization));
  }

  /**
   * The version new requests of {@code organization} use.
   *
   * @throws InvalidOrganizationException for a malformed id
   * @throws NoAdapterException when the organization has no adapter
   */
  public AdapterKey activeVersion(String organization) {
    return store.active(OrganizationId.of(organization));
  }

  /** Makes {@code version} active for new requests and evicts the organization's other cached versions. */
  public void activate(String organization, String version) {
    AdapterKey key = new AdapterKey(OrganizationId.of(organization), AdapterKey.checkVersion(version));
    store.activate(key);
    cache.evict(k -> k.organization().equals(key.organization()) && !k.equals(key));
  }

  /** Drops an organization's cached adapters (running requests keep theirs until they finish). */
  public int evict(String organization) {
    OrganizationId org = OrganizationId.of(organization);
    return cache.evict(k -> k.organization().equals(org));
  }

  /**
   * A lease on {@code key}'s adapter, loaded on a miss.
   *
   * @throws AdapterLoadException when the files are corrupt or made for another base model
   */
  public AdapterLease acquire(AdapterKey key) {
    return cache.acquire(key, this::load);
  }

  /** Cache counters. */
  public AdapterCacheStats cacheStats() {
    return cache.stats();
  }

  /** Adapters in memory now, with their bytes, least recently used first. */
  public Map<AdapterKey, Long> loaded() {
    return cache.loaded();
  }

  /** The cache (for tests and the engine). */
  public AdapterCache cache() {
    return cache;
  }

  private LoraAdapter load(AdapterKey key) {
    Path folder = store.adapterFolder(key);
    LoraAdapter adapter;
    try {
      adapter = LoraAdapter.load(folder, baseConfig, device);
    } catch (ModelLoadException e) {
      throw new AdapterLoadException(key, e.getMessage(), e);
    } catch (RuntimeException e) {
      // The safetensors reader and libtorch can fail in other ways on a damaged file.
      throw new AdapterLoadException(key, folder + ": " + e, e);
    }
    if (strictBaseName && !BaseModelMatch.matches(adapter.baseModelNameOrPath(), baseName)) {
      adapter.close();
      throw new AdapterLoadException(key, folder.resolve(LoraAdapter.CONFIG_FILE) + ": base_model_name_or_path '"
          + adapter.baseModelNameOrPath() + "' does not name the served base model '" + baseName + "'", null);
    }
    return adapter;
  }
}
