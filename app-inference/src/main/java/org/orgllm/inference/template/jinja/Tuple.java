package org.orgllm.inference.template.jinja;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** A Python tuple: an immutable list that prints as {@code (a, b)} and never equals a list. */
final class Tuple extends AbstractList<Object> implements RandomAccess {

  private final Object[] items;
  /** Field names of a named tuple (e.g. groupby's grouper/list), or null. */
  private final List<String> names;

  Tuple(Object... items) {
    this(null, items);
  }

  private Tuple(List<String> names, Object[] items) {
    this.names = names;
    this.items = items.clone();
  }

  static Tuple named(List<String> names, Object... items) {
    return new Tuple(names, items);
  }

  /** The value of a named field, or {@link Py#MISSING}. */
  Object field(String name) {
    int at = names == null ? -1 : names.indexOf(name);
    return at < 0 ? Py.MISSING : items[at];
  }

  static Tuple of(List<?> items) {
    return new Tuple(items.toArray());
  }

  @Override
  public Object get(int index) {
    return items[index];
  }

  @Override
  public int size() {
    return items.length;
  }
}
