package org.orgllm.inference.template.jinja;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * What {@code d.items()}, {@code d.keys()} and {@code d.values()} return: iterable and sized like a
 * list, but printed as {@code dict_items([...])}, not indexable and not a sequence.
 */
final class DictView extends AbstractList<Object> implements RandomAccess {

  private final String kind;
  private final List<Object> items;

  DictView(String kind, List<Object> items) {
    this.kind = kind;
    this.items = items;
  }

  /** {@code dict_items}, {@code dict_keys} or {@code dict_values}. */
  String kind() {
    return kind;
  }

  @Override
  public Object get(int index) {
    return items.get(index);
  }

  @Override
  public int size() {
    return items.size();
  }
}
