package org.orgllm.inference.template.jinja;

import java.util.List;
import java.util.Set;

/** The syntax tree: immutable records, so a compiled template can be shared between threads. */
final class Node {

  private Node() {
  }

  /** An expression. */
  sealed interface Expr {
  }

  record Const(Object value) implements Expr {
  }

  record Name(String name) implements Expr {
  }

  /** {@code ns.attr} as an assignment target (Jinja's NSRef). */
  record NamespaceRef(String name, String attr) implements Expr {
  }

  record ListLit(List<Expr> items) implements Expr {
  }

  record TupleLit(List<Expr> items) implements Expr {
  }

  record DictLit(List<Expr> keys, List<Expr> values) implements Expr {
  }

  record GetAttr(Expr target, String name) implements Expr {
  }

  record GetItem(Expr target, Expr key) implements Expr {
  }

  /** Only valid as the key of a {@link GetItem}; null parts are omitted bounds. */
  record Slice(Expr start, Expr stop, Expr step) implements Expr {
  }

  /** Positional and keyword arguments of a call, filter or test, with optional *args / **kwargs. */
  record Args(List<Expr> positional, List<String> names, List<Expr> named, Expr starArgs, Expr starKwargs) {
    static final Args NONE = new Args(List.of(), List.of(), List.of(), null, null);
  }

  record Call(Expr target, Args args) implements Expr {
  }

  /** {@code value | name(args)}; {@code value} is null inside a filter block or block set. */
  record Filter(Expr value, String name, Args args) implements Expr {
  }

  record Test(Expr value, String name, Args args) implements Expr {
  }

  record Unary(String op, Expr operand) implements Expr {
  }

  /** Arithmetic ({@code + - * / // % **}) and the short-circuit {@code and} / {@code or}. */
  record Binary(String op, Expr left, Expr right) implements Expr {
  }

  /** {@code a ~ b ~ c}: string concatenation. */
  record Concat(List<Expr> parts) implements Expr {
  }

  /** A comparison chain {@code a < b <= c}; ops are eq ne lt lteq gt gteq in notin. */
  record Compare(Expr first, List<String> ops, List<Expr> operands) implements Expr {
  }

  /** {@code then if test else otherwise}; {@code otherwise} may be null. */
  record CondExpr(Expr test, Expr then, Expr otherwise) implements Expr {
  }

  /** A statement; {@code line} is where it starts, used in runtime error messages. */
  sealed interface Stmt {
    int line();
  }

  record Text(String text, int line) implements Stmt {
  }

  record Print(Expr expr, int line) implements Stmt {
  }

  record If(List<Expr> tests, List<List<Stmt>> bodies, List<Stmt> otherwise, int line) implements Stmt {
  }

  record For(Expr target, Expr iter, Expr filter, boolean recursive, List<Stmt> body, List<Stmt> otherwise,
      int line) implements Stmt {
  }

  record Assign(Expr target, Expr value, int line) implements Stmt {
  }

  /** {@code {% set x | filters %}body{% endset %}}; {@code filter} may be null. */
  record AssignBlock(Expr target, Filter filter, List<Stmt> body, int line) implements Stmt {
  }

  /** A macro, or the body of a call block ({@code name} "caller"). */
  record Macro(String name, List<String> params, List<Expr> defaults, List<Stmt> body,
      Set<String> specialNames, int line) implements Stmt {
    boolean uses(String special) {
      return specialNames.contains(special);
    }

    Macro withBody(Parser.MacroBody parsed) {
      return new Macro(name, params, defaults, parsed.body(), parsed.specials(), line);
    }
  }

  record CallBlock(Call call, Macro caller, int line) implements Stmt {
  }

  record FilterBlock(Filter filter, List<Stmt> body, int line) implements Stmt {
  }

  record With(List<Expr> targets, List<Expr> values, List<Stmt> body, int line) implements Stmt {
  }

  /** A {@code {% generation %}} block (Hugging Face's assistant-mask marker): renders its body. */
  record Scope(List<Stmt> body, int line) implements Stmt {
  }

  record Break(int line) implements Stmt {
  }

  record Continue(int line) implements Stmt {
  }

  static final Set<String> MACRO_SPECIALS = Set.of("caller", "varargs", "kwargs");
}
