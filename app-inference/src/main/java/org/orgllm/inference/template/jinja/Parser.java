package org.orgllm.inference.template.jinja;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.orgllm.inference.template.jinja.Node.Args;
import org.orgllm.inference.template.jinja.Node.Expr;
import org.orgllm.inference.template.jinja.Node.Stmt;
import org.orgllm.inference.template.jinja.TemplateException.Kind;
import org.orgllm.inference.template.jinja.Token.Type;

/**
 * Recursive-descent parser mirroring Jinja2's {@code parser.py} rule for rule (operator precedence,
 * where conditional expressions and tuples are allowed, the test-argument shorthand
 * {@code x is divisibleby 3}), so templates parse the same way they do in Python.
 */
final class Parser {

  private static final Set<String> COMPARE_OPS = Set.of("==", "!=", "<", "<=", ">", ">=");

  private final List<Token> tokens;
  private int index;
  /** End tags the enclosing blocks wait for, innermost last (for "unknown tag" messages). */
  private final Deque<List<String>> endTokenStack = new ArrayDeque<>();
  /** Per enclosing macro: which of caller/varargs/kwargs its body mentions. */
  private final Deque<Set<String>> macroSpecials = new ArrayDeque<>();
  private int loopDepth;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static List<Stmt> parse(List<Token> tokens) {
    Parser parser = new Parser(tokens);
    List<Stmt> body = parser.subparse(null);
    if (parser.current().type() != Type.EOF) {
      throw parser.fail("unexpected " + parser.current().describe(), parser.current().line());
    }
    NameCheck.check(body);
    return body;
  }

  // ---- token stream ----

  private Token current() {
    return tokens.get(index);
  }

  private Token look() {
    return tokens.get(Math.min(index + 1, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(index);
    if (t.type() != Type.EOF) {
      index++;
    }
    return t;
  }

  private Token expect(Type type) {
    Token t = current();
    if (t.type() != type) {
      throw fail("expected " + describe(type) + ", got '" + t.describe() + "'", t.line());
    }
    return next();
  }

  private Token expectName(String name) {
    if (!current().isName(name)) {
      throw fail("expected token '" + name + "', got '" + current().describe() + "'", current().line());
    }
    return next();
  }

  private void expectOp(String op) {
    if (!current().isOp(op)) {
      throw fail("expected token '" + op + "', got '" + current().describe() + "'", current().line());
    }
    next();
  }

  private boolean skipOp(String op) {
    if (current().isOp(op)) {
      next();
      return true;
    }
    return false;
  }

  private boolean skipName(String name) {
    if (current().isName(name)) {
      next();
      return true;
    }
    return false;
  }

  private static String describe(Type type) {
    return switch (type) {
      case NAME -> "name";
      case BLOCK_END -> "end of statement block";
      case VARIABLE_END -> "end of print statement";
      default -> type.name().toLowerCase();
    };
  }

  private TemplateException fail(String message, int line) {
    return new TemplateException(Kind.SYNTAX, message, line);
  }

  // ---- statements ----

  private List<Stmt> subparse(List<String> endTokens) {
    List<Stmt> body = new ArrayList<>();
    if (endTokens != null) {
      endTokenStack.push(endTokens);
    }
    try {
      while (current().type() != Type.EOF) {
        Token t = current();
        switch (t.type()) {
          case DATA -> body.add(new Node.Text((String) next().value(), t.line()));
          case VARIABLE_BEGIN -> {
            next();
            body.add(new Node.Print(parseTuple(false, true, List.of(), false, false), t.line()));
            expect(Type.VARIABLE_END);
          }
          case BLOCK_BEGIN -> {
            next();
            if (endTokens != null && current().type() == Type.NAME && endTokens.contains((String) current().value())) {
              return body;
            }
            body.addAll(parseStatement());
            expect(Type.BLOCK_END);
          }
          default -> throw fail("unexpected " + t.describe(), t.line());
        }
      }
      return body;
    } finally {
      if (endTokens != null) {
        endTokenStack.pop();
      }
    }
  }

  /** Parses a block body up to one of the end tags; the end tag is left current unless dropped. */
  private List<Stmt> parseStatements(List<String> endTokens, boolean dropNeedle) {
    skipOp(":");
    expect(Type.BLOCK_END);
    List<Stmt> body = subparse(endTokens);
    if (current().type() == Type.EOF) {
      throw fail("Unexpected end of template. Jinja was looking for the following tags: "
          + quoteAll(endTokens) + "." + innermostBlock(endTokens), current().line());
    }
    if (dropNeedle) {
      next();
    }
    return body;
  }

  private List<Stmt> parseStatement() {
    Token t = current();
    if (t.type() != Type.NAME) {
      throw fail("tag name expected", t.line());
    }
    String tag = (String) t.value();
    return switch (tag) {
      case "if" -> List.of(parseIf());
      case "for" -> List.of(parseFor());
      case "set" -> List.of(parseSet());
      case "macro" -> List.of(parseMacro());
      case "call" -> List.of(parseCallBlock());
      case "filter" -> List.of(parseFilterBlock());
      case "with" -> List.of(parseWith());
      case "print" -> parsePrint();
      case "generation" -> {
        next();
        yield List.of(new Node.Scope(parseStatements(List.of("endgeneration"), true), t.line()));
      }
      case "break", "continue" -> {
        next();
        if (loopDepth == 0) {
          throw fail("'" + tag + "' outside of a loop", t.line());
        }
        yield List.of(tag.equals("break") ? new Node.Break(t.line()) : new Node.Continue(t.line()));
      }
      case "block", "extends", "include", "import", "from", "autoescape" ->
          throw fail("tag '" + tag + "' is not supported: chat templates are standalone", t.line());
      default -> throw unknownTag(tag, t.line());
    };
  }

  private TemplateException unknownTag(String tag, int line) {
    StringBuilder msg = new StringBuilder("Encountered unknown tag '" + tag + "'.");
    if (!endTokenStack.isEmpty()) {
      List<String> innermost = endTokenStack.peek();
      msg.append(" Jinja was looking for the following tags: ").append(quoteAll(innermost)).append('.')
          .append(innermostBlock(innermost));
    }
    return fail(msg.toString(), line);
  }

  private static String innermostBlock(List<String> endTokens) {
    return " The innermost block that needs to be closed is '" + endTokens.getFirst().replaceFirst("^end", "") + "'.";
  }

  private static String quoteAll(List<String> names) {
    List<String> quoted = names.stream().map(n -> "'" + n + "'").toList();
    return String.join(" or ", quoted);
  }

  private Stmt parseIf() {
    int line = expectName("if").line();
    List<Expr> tests = new ArrayList<>();
    List<List<Stmt>> bodies = new ArrayList<>();
    List<Stmt> otherwise = List.of();
    while (true) {
      tests.add(parseTuple(false, false, List.of(), false, false));
      bodies.add(parseStatements(List.of("elif", "else", "endif"), false));
      Token t = next();
      if (t.isName("elif")) {
        continue;
      }
      if (t.isName("else")) {
        otherwise = parseStatements(List.of("endif"), true);
      }
      break;
    }
    return new Node.If(tests, bodies, otherwise, line);
  }

  private Stmt parseFor() {
    int line = expectName("for").line();
    Expr target = parseAssignTarget(true, false, List.of("name:in"), false);
    expectName("in");
    Expr iter = parseTuple(false, false, List.of("name:recursive"), false, false);
    Expr filter = skipName("if") ? parseExpression(true) : null;
    boolean recursive = skipName("recursive");
    loopDepth++;
    List<Stmt> body;
    try {
      body = parseStatements(List.of("endfor", "else"), false);
    } finally {
      loopDepth--;
    }
    List<Stmt> otherwise = next().isName("endfor") ? List.of() : parseStatements(List.of("endfor"), true);
    return new Node.For(target, iter, filter, recursive, body, otherwise, line);
  }

  private Stmt parseSet() {
    int line = next().line();
    Expr target = parseAssignTarget(true, false, List.of(), true);
    if (skipOp("=")) {
      return new Node.Assign(target, parseTuple(false, true, List.of(), false, false), line);
    }
    Node.Filter filter = (Node.Filter) parseFilter(null, false);
    List<Stmt> body = parseStatements(List.of("endset"), true);
    return new Node.AssignBlock(target, filter, body, line);
  }

  private Stmt parseWith() {
    int line = next().line();
    List<Expr> targets = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    while (current().type() != Type.BLOCK_END) {
      if (!targets.isEmpty()) {
        expectOp(",");
      }
      targets.add(parseAssignTarget(true, false, List.of(), false));
      expectOp("=");
      values.add(parseExpression(true));
    }
    return new Node.With(targets, values, parseStatements(List.of("endwith"), true), line);
  }

  private List<Stmt> parsePrint() {
    int line = next().line();
    List<Stmt> prints = new ArrayList<>();
    while (current().type() != Type.BLOCK_END) {
      if (!prints.isEmpty()) {
        expectOp(",");
      }
      prints.add(new Node.Print(parseExpression(true), line));
    }
    return prints;
  }

  private Stmt parseMacro() {
    int line = next().line();
    String name = (String) expect(Type.NAME).value();
    return parseMacroRest(name, line, List.of("endmacro"));
  }

  /** Signature and body of a macro. */
  private Node.Macro parseMacroRest(String name, int line, List<String> endTokens) {
    List<String> params = new ArrayList<>();
    List<Expr> defaults = new ArrayList<>();
    parseSignature(params, defaults);
    return new Node.Macro(name, params, defaults, List.of(), Set.of(), line).withBody(parseMacroBody(endTokens));
  }

  /** A macro or caller body: loop controls do not reach through it; it records caller/varargs/kwargs use. */
  private MacroBody parseMacroBody(List<String> endTokens) {
    int savedLoopDepth = loopDepth;
    loopDepth = 0;
    macroSpecials.push(new HashSet<>());
    try {
      List<Stmt> body = parseStatements(endTokens, true);
      return new MacroBody(body, Set.copyOf(macroSpecials.peek()));
    } finally {
      macroSpecials.pop();
      loopDepth = savedLoopDepth;
    }
  }

  record MacroBody(List<Stmt> body, Set<String> specials) {
  }

  private void parseSignature(List<String> params, List<Expr> defaults) {
    expectOp("(");
    while (!current().isOp(")")) {
      if (!params.isEmpty()) {
        expectOp(",");
      }
      params.add((String) expect(Type.NAME).value());
      if (skipOp("=")) {
        defaults.add(parseExpression(true));
      } else if (!defaults.isEmpty()) {
        throw fail("non-default argument follows default argument", current().line());
      }
    }
    expectOp(")");
  }

  private Stmt parseCallBlock() {
    int line = next().line();
    List<String> params = new ArrayList<>();
    List<Expr> defaults = new ArrayList<>();
    if (current().isOp("(")) {
      parseSignature(params, defaults);
    }
    Expr call = parseExpression(true);
    if (!(call instanceof Node.Call c)) {
      throw fail("expected call", line);
    }
    Node.Macro caller = new Node.Macro("caller", params, defaults, List.of(), Set.of(), line)
        .withBody(parseMacroBody(List.of("endcall")));
    return new Node.CallBlock(c, caller, line);
  }

  private Stmt parseFilterBlock() {
    int line = next().line();
    Node.Filter filter = (Node.Filter) parseFilter(null, true);
    return new Node.FilterBlock(filter, parseStatements(List.of("endfilter"), true), line);
  }

  private Expr parseAssignTarget(boolean withTuple, boolean nameOnly, List<String> extraEnd, boolean withNamespace) {
    Expr target;
    if (nameOnly) {
      target = new Node.Name((String) expect(Type.NAME).value());
    } else if (withTuple) {
      target = parseTuple(true, true, extraEnd, false, withNamespace);
    } else {
      target = parsePrimary(withNamespace);
    }
    checkAssignable(target);
    return target;
  }

  private void checkAssignable(Expr target) {
    switch (target) {
      case Node.Name n -> { }
      case Node.NamespaceRef r -> { }
      case Node.TupleLit t -> t.items().forEach(this::checkAssignable);
      default -> throw fail("can't assign to '" + target.getClass().getSimpleName().toLowerCase() + "'",
          current().line());
    }
  }

  // ---- expressions ----

  private Expr parseExpression(boolean withCondexpr) {
    return withCondexpr ? parseCondexpr() : parseOr();
  }

  private Expr parseCondexpr() {
    Expr expr1 = parseOr();
    while (skipName("if")) {
      Expr expr2 = parseOr();
      Expr expr3 = skipName("else") ? parseCondexpr() : null;
      expr1 = new Node.CondExpr(expr2, expr1, expr3);
    }
    return expr1;
  }

  private Expr parseOr() {
    Expr left = parseAnd();
    while (skipName("or")) {
      left = new Node.Binary("or", left, parseAnd());
    }
    return left;
  }

  private Expr parseAnd() {
    Expr left = parseNot();
    while (skipName("and")) {
      left = new Node.Binary("and", left, parseNot());
    }
    return left;
  }

  private Expr parseNot() {
    if (skipName("not")) {
      return new Node.Unary("not", parseNot());
    }
    return parseCompare();
  }

  private Expr parseCompare() {
    Expr first = parseMath1();
    List<String> ops = new ArrayList<>();
    List<Expr> operands = new ArrayList<>();
    while (true) {
      Token t = current();
      if (t.type() == Type.OPERATOR && COMPARE_OPS.contains((String) t.value())) {
        next();
        ops.add((String) t.value());
      } else if (skipName("in")) {
        ops.add("in");
      } else if (t.isName("not") && look().isName("in")) {
        next();
        next();
        ops.add("notin");
      } else {
        break;
      }
      operands.add(parseMath1());
    }
    return ops.isEmpty() ? first : new Node.Compare(first, ops, operands);
  }

  private Expr parseMath1() {
    Expr left = parseConcat();
    while (current().isOp("+") || current().isOp("-")) {
      String op = (String) next().value();
      left = new Node.Binary(op, left, parseConcat());
    }
    return left;
  }

  private Expr parseConcat() {
    List<Expr> parts = new ArrayList<>();
    parts.add(parseMath2());
    while (skipOp("~")) {
      parts.add(parseMath2());
    }
    return parts.size() == 1 ? parts.getFirst() : new Node.Concat(parts);
  }

  private Expr parseMath2() {
    Expr left = parsePow();
    while (current().isOp("*") || current().isOp("/") || current().isOp("//") || current().isOp("%")) {
      String op = (String) next().value();
      left = new Node.Binary(op, left, parsePow());
    }
    return left;
  }

  /** Jinja's {@code **} is left-associative ({@code 2**3**2 == 64}), unlike Python's. */
  private Expr parsePow() {
    Expr left = parseUnary(true);
    while (skipOp("**")) {
      left = new Node.Binary("**", left, parseUnary(true));
    }
    return left;
  }

  private Expr parseUnary(boolean withFilter) {
    Expr node;
    if (skipOp("-")) {
      node = new Node.Unary("-", parseUnary(false));
    } else if (skipOp("+")) {
      node = new Node.Unary("+", parseUnary(false));
    } else {
      node = parsePrimary(false);
    }
    node = parsePostfix(node);
    return withFilter ? parseFilterExpr(node) : node;
  }

  private Expr parsePrimary(boolean withNamespace) {
    Token t = current();
    switch (t.type()) {
      case NAME -> {
        next();
        String name = (String) t.value();
        switch (name) {
          case "true", "True" -> {
            return new Node.Const(Boolean.TRUE);
          }
          case "false", "False" -> {
            return new Node.Const(Boolean.FALSE);
          }
          case "none", "None" -> {
            return new Node.Const(null);
          }
          default -> {
            if (withNamespace && current().isOp(".")) {
              next();
              return new Node.NamespaceRef(name, (String) expect(Type.NAME).value());
            }
            if (Node.MACRO_SPECIALS.contains(name)) {
              macroSpecials.forEach(s -> s.add(name));
            }
            return new Node.Name(name);
          }
        }
      }
      case STRING -> {
        StringBuilder buf = new StringBuilder();
        while (current().type() == Type.STRING) {
          buf.append((String) next().value());
        }
        return new Node.Const(buf.toString());
      }
      case INTEGER, FLOAT -> {
        next();
        return new Node.Const(t.value());
      }
      case OPERATOR -> {
        if (t.isOp("(")) {
          next();
          Expr node = parseTuple(false, true, List.of(), true, false);
          expectOp(")");
          return node;
        }
        if (t.isOp("[")) {
          return parseList();
        }
        if (t.isOp("{")) {
          return parseDict();
        }
      }
      default -> { }
    }
    throw fail("unexpected '" + t.describe() + "'", t.line());
  }

  /**
   * A comma-separated tuple, or a single expression when there is no comma. {@code simplified}
   * only allows names and literals (assignment targets).
   */
  private Expr parseTuple(boolean simplified, boolean withCondexpr, List<String> extraEnd, boolean explicitParens,
      boolean withNamespace) {
    List<Expr> items = new ArrayList<>();
    boolean isTuple = false;
    while (true) {
      if (!items.isEmpty()) {
        expectOp(",");
      }
      if (isTupleEnd(extraEnd)) {
        break;
      }
      items.add(simplified ? parsePrimary(withNamespace) : parseExpression(withCondexpr));
      if (current().isOp(",")) {
        isTuple = true;
      } else {
        break;
      }
    }
    if (!isTuple) {
      if (!items.isEmpty()) {
        return items.getFirst();
      }
      if (!explicitParens) {
        throw fail("Expected an expression, got '" + current().describe() + "'", current().line());
      }
    }
    return new Node.TupleLit(items);
  }

  private boolean isTupleEnd(List<String> extraEnd) {
    Token t = current();
    if (t.type() == Type.VARIABLE_END || t.type() == Type.BLOCK_END || t.type() == Type.EOF || t.isOp(")")) {
      return true;
    }
    for (String rule : extraEnd) {
      if (t.isName(rule.substring("name:".length()))) {
        return true;
      }
    }
    return false;
  }

  private Expr parseList() {
    expectOp("[");
    List<Expr> items = new ArrayList<>();
    while (!current().isOp("]")) {
      if (!items.isEmpty()) {
        expectOp(",");
      }
      if (current().isOp("]")) {
        break;
      }
      items.add(parseExpression(true));
    }
    expectOp("]");
    return new Node.ListLit(items);
  }

  private Expr parseDict() {
    expectOp("{");
    List<Expr> keys = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    while (!current().isOp("}")) {
      if (!keys.isEmpty()) {
        expectOp(",");
      }
      if (current().isOp("}")) {
        break;
      }
      keys.add(parseExpression(true));
      expectOp(":");
      values.add(parseExpression(true));
    }
    expectOp("}");
    return new Node.DictLit(keys, values);
  }

  private Expr parsePostfix(Expr node) {
    while (true) {
      if (current().isOp(".") || current().isOp("[")) {
        node = parseSubscript(node);
      } else if (current().isOp("(")) {
        node = new Node.Call(node, parseCallArgs());
      } else {
        return node;
      }
    }
  }

  private Expr parseFilterExpr(Expr node) {
    while (true) {
      if (current().isOp("|")) {
        node = parseFilter(node, false);
      } else if (current().isName("is")) {
        node = parseTest(node);
      } else if (current().isOp("(")) {
        node = new Node.Call(node, parseCallArgs());
      } else {
        return node;
      }
    }
  }

  private Expr parseSubscript(Expr node) {
    Token t = next();
    if (t.isOp(".")) {
      Token attr = next();
      if (attr.type() == Type.NAME) {
        return new Node.GetAttr(node, (String) attr.value());
      }
      if (attr.type() != Type.INTEGER) {
        throw fail("expected name or number", attr.line());
      }
      return new Node.GetItem(node, new Node.Const(attr.value()));
    }
    List<Expr> args = new ArrayList<>();
    while (!current().isOp("]")) {
      if (!args.isEmpty()) {
        expectOp(",");
      }
      args.add(parseSubscribed());
    }
    expectOp("]");
    return new Node.GetItem(node, args.size() == 1 ? args.getFirst() : new Node.TupleLit(args));
  }

  private Expr parseSubscribed() {
    Expr start = null;
    if (!current().isOp(":")) {
      Expr node = parseExpression(true);
      if (!current().isOp(":")) {
        return node;
      }
      start = node;
    }
    next();
    Expr stop = null;
    Expr step = null;
    if (!current().isOp(":") && !current().isOp("]") && !current().isOp(",")) {
      stop = parseExpression(true);
    }
    if (skipOp(":") && !current().isOp("]") && !current().isOp(",")) {
      step = parseExpression(true);
    }
    return new Node.Slice(start, stop, step);
  }

  private Args parseCallArgs() {
    Token open = current();
    expectOp("(");
    List<Expr> positional = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Expr> named = new ArrayList<>();
    Expr starArgs = null;
    Expr starKwargs = null;
    boolean requireComma = false;
    while (!current().isOp(")")) {
      if (requireComma) {
        expectOp(",");
        if (current().isOp(")")) {
          break;
        }
      }
      if (current().isOp("*")) {
        ensure(starArgs == null && starKwargs == null, open);
        next();
        starArgs = parseExpression(true);
      } else if (current().isOp("**")) {
        ensure(starKwargs == null, open);
        next();
        starKwargs = parseExpression(true);
      } else if (current().type() == Type.NAME && look().isOp("=")) {
        ensure(starKwargs == null, open);
        names.add((String) next().value());
        next();
        named.add(parseExpression(true));
      } else {
        ensure(starArgs == null && starKwargs == null && names.isEmpty(), open);
        positional.add(parseExpression(true));
      }
      requireComma = true;
    }
    expectOp(")");
    return new Args(positional, names, named, starArgs, starKwargs);
  }

  private void ensure(boolean ok, Token open) {
    if (!ok) {
      throw fail("invalid syntax for function call expression", open.line());
    }
  }

  private Expr parseFilter(Expr node, boolean startInline) {
    while (current().isOp("|") || startInline) {
      if (!startInline) {
        next();
      }
      String name = dottedName();
      Args args = current().isOp("(") ? parseCallArgs() : Args.NONE;
      node = new Node.Filter(node, name, args);
      startInline = false;
    }
    return node;
  }

  private String dottedName() {
    StringBuilder name = new StringBuilder((String) expect(Type.NAME).value());
    while (skipOp(".")) {
      name.append('.').append((String) expect(Type.NAME).value());
    }
    return name.toString();
  }

  private Expr parseTest(Expr node) {
    next();
    boolean negated = skipName("not");
    String name = dottedName();
    Args args = Args.NONE;
    Token t = current();
    if (t.isOp("(")) {
      args = parseCallArgs();
    } else if ((t.type() == Type.NAME || t.type() == Type.STRING || t.type() == Type.INTEGER
        || t.type() == Type.FLOAT || t.isOp("[") || t.isOp("{"))
        && !t.isName("else") && !t.isName("or") && !t.isName("and")) {
      if (t.isName("is")) {
        throw fail("You cannot chain multiple tests with is", t.line());
      }
      Expr arg = parsePostfix(parsePrimary(false));
      args = new Args(List.of(arg), List.of(), List.of(), null, null);
    }
    Expr test = new Node.Test(node, name, args);
    return negated ? new Node.Unary("not", test) : test;
  }
}
