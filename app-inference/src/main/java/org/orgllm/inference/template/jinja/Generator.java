package org.orgllm.inference.template.jinja;

import java.util.Iterator;

/**
 * A one-shot Python generator, as returned by {@code map}, {@code select}, {@code selectattr},
 * {@code unique}, ... : always truthy, has no length, and is exhausted after one iteration, which
 * is why templates write {@code | list}.
 */
final class Generator implements Iterable<Object> {

  private final String name;
  private Iterator<Object> source;

  Generator(String name, Iterator<Object> source) {
    this.name = name;
    this.source = source;
  }

  @Override
  public Iterator<Object> iterator() {
    Iterator<Object> it = source;
    source = java.util.Collections.emptyIterator();
    return it;
  }

  @Override
  public String toString() {
    return "<generator object " + name + ">";
  }
}
