package org.orgllm.inference.template.jinja;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orgllm.inference.template.jinja.Node.Expr;
import org.orgllm.inference.template.jinja.Node.Stmt;

/**
 * Walks the syntax tree for one render. Scoping follows Jinja: every for-loop iteration, macro
 * call, {@code with} block and filter/set block body gets a fresh child scope, so assignments
 * inside them do not leak out (templates use {@code namespace()} for that); {@code if} bodies
 * share their parent's scope.
 */
final class Interpreter {

  /** A variable scope; lookups fall through to the parent, assignments stay local. */
  static final class Frame {
    private final Frame parent;
    private final Map<String, Object> vars = new HashMap<>(8);

    Frame(Frame parent) {
      this.parent = parent;
    }

    void set(String name, Object value) {
      vars.put(name, value);
    }

    Object resolve(String name) {
      for (Frame f = this; f != null; f = f.parent) {
        if (f.vars.containsKey(name)) {
          return f.vars.get(name);
        }
      }
      return Py.MISSING;
    }
  }

  /** How a statement list ended: normally, or by break / continue of the enclosing loop. */
  enum Flow { NORMAL, BREAK, CONTINUE }

  private final Map<String, Object> context;
  private final Map<String, Object> globals;

  Interpreter(Map<String, Object> context, Map<String, Object> globals) {
    this.context = context;
    this.globals = globals;
  }

  String render(List<Stmt> body) {
    StringBuilder out = new StringBuilder();
    try {
      exec(body, new Frame(null), out);
    } catch (StackOverflowError e) {
      throw TemplateException.runtime("maximum recursion depth exceeded while rendering");
    }
    return out.toString();
  }

  // ---- statements ----

  Flow exec(List<Stmt> body, Frame frame, StringBuilder out) {
    for (Stmt stmt : body) {
      Flow flow;
      try {
        flow = execOne(stmt, frame, out);
      } catch (TemplateException e) {
        throw e.atLine(stmt.line());
      }
      if (flow != Flow.NORMAL) {
        return flow;
      }
    }
    return Flow.NORMAL;
  }

  private Flow execOne(Stmt stmt, Frame frame, StringBuilder out) {
    switch (stmt) {
      case Node.Text t -> out.append(t.text());
      case Node.Print p -> out.append(Py.str(eval(p.expr(), frame)));
      case Node.If i -> {
        for (int k = 0; k < i.tests().size(); k++) {
          if (Py.truthy(eval(i.tests().get(k), frame))) {
            return exec(i.bodies().get(k), frame, out);
          }
        }
        return exec(i.otherwise(), frame, out);
      }
      case Node.For f -> forLoop(f, eval(f.iter(), frame), frame, out, 0);
      case Node.Assign a -> assign(a.target(), eval(a.value(), frame), frame);
      case Node.AssignBlock b -> {
        StringBuilder captured = new StringBuilder();
        exec(b.body(), new Frame(frame), captured);
        Object value = b.filter() == null ? captured.toString() : filter(b.filter(), frame, captured.toString());
        assign(b.target(), value, frame);
      }
      case Node.Macro m -> frame.set(m.name(), new Macro(m, this, frame));
      case Node.CallBlock c -> {
        Map<String, Object> extra = Map.of("caller", new Macro(c.caller(), this, frame));
        out.append(Py.str(call(eval(c.call().target(), frame), c.call().args(), frame, extra)));
      }
      case Node.FilterBlock fb -> {
        StringBuilder captured = new StringBuilder();
        exec(fb.body(), new Frame(frame), captured);
        out.append(Py.str(filter(fb.filter(), frame, captured.toString())));
      }
      case Node.With w -> {
        Frame inner = new Frame(frame);
        for (int k = 0; k < w.targets().size(); k++) {
          assign(w.targets().get(k), eval(w.values().get(k), frame), inner);
        }
        return exec(w.body(), inner, out);
      }
      case Node.Scope s -> {
        return exec(s.body(), new Frame(frame), out);
      }
      case Node.Break b -> {
        return Flow.BREAK;
      }
      case Node.Continue c -> {
        return Flow.CONTINUE;
      }
    }
    return Flow.NORMAL;
  }

  /** Runs a for loop over {@code iterable}; recursive loops re-enter here with depth + 1. */
  private void forLoop(Node.For loop, Object iterable, Frame frame, StringBuilder out, int depth) {
    List<Object> items = Py.toList(iterable);
    if (loop.filter() != null) {
      List<Object> kept = new ArrayList<>();
      for (Object item : items) {
        Frame probe = new Frame(frame);
        assign(loop.target(), item, probe);
        if (Py.truthy(eval(loop.filter(), probe))) {
          kept.add(item);
        }
      }
      items = kept;
    }
    if (items.isEmpty()) {
      exec(loop.otherwise(), new Frame(frame), out);
      return;
    }
    JinjaFunction recurse = !loop.recursive() ? null : (args, kwargs) -> {
      StringBuilder nested = new StringBuilder();
      forLoop(loop, Arguments.bind("loop", args, kwargs, "iterable").get(0), frame, nested, depth + 1);
      return nested.toString();
    };
    LoopContext context = new LoopContext(items, depth, recurse);
    for (int i = 0; i < items.size(); i++) {
      context.index0 = i;
      Frame iteration = new Frame(frame);
      iteration.set("loop", context);
      assign(loop.target(), items.get(i), iteration);
      if (exec(loop.body(), iteration, out) == Flow.BREAK) {
        break;
      }
    }
  }

  private void assign(Expr target, Object value, Frame frame) {
    switch (target) {
      case Node.Name n -> frame.set(n.name(), value);
      case Node.TupleLit t -> {
        List<Object> values = Py.toList(value);
        int expected = t.items().size();
        if (values.size() > expected) {
          throw TemplateException.runtime("too many values to unpack (expected " + expected + ")");
        }
        if (values.size() < expected) {
          throw TemplateException.runtime("not enough values to unpack (expected " + expected + ", got "
              + values.size() + ")");
        }
        for (int i = 0; i < expected; i++) {
          assign(t.items().get(i), values.get(i), frame);
        }
      }
      case Node.NamespaceRef r -> {
        if (!(lookup(r.name(), frame) instanceof Namespace ns)) {
          throw TemplateException.runtime("cannot assign attribute on non-namespace object");
        }
        ns.attributes.put(r.attr(), value);
      }
      default -> throw TemplateException.runtime("cannot assign to " + target.getClass().getSimpleName());
    }
  }

  // ---- expressions ----

  Object lookup(String name, Frame frame) {
    Object value = frame.resolve(name);
    if (value != Py.MISSING) {
      return value;
    }
    if (context.containsKey(name)) {
      return context.get(name);
    }
    if (globals.containsKey(name)) {
      return globals.get(name);
    }
    return Undefined.variable(name);
  }

  Object eval(Expr expr, Frame frame) {
    return switch (expr) {
      case Node.Const c -> c.value();
      case Node.Name n -> lookup(n.name(), frame);
      case Node.ListLit l -> evalAll(l.items(), frame);
      case Node.TupleLit t -> Tuple.of(evalAll(t.items(), frame));
      case Node.DictLit d -> {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < d.keys().size(); i++) {
          Object key = eval(d.keys().get(i), frame);
          Py.requireHashable(key);
          Object existing = Py.findKey(map, key);
          map.put(existing == Py.MISSING ? key : existing, eval(d.values().get(i), frame));
        }
        yield map;
      }
      case Node.GetAttr g -> Py.getattr(eval(g.target(), frame), g.name());
      case Node.GetItem g -> {
        Object target = eval(g.target(), frame);
        if (g.key() instanceof Node.Slice s) {
          yield Py.slice(target, evalOrNull(s.start(), frame), evalOrNull(s.stop(), frame),
              evalOrNull(s.step(), frame));
        }
        yield Py.getitem(target, eval(g.key(), frame));
      }
      case Node.Call c -> call(eval(c.target(), frame), c.args(), frame, Map.of());
      case Node.Filter f -> filter(f, frame, null);
      case Node.Test t -> {
        List<Object> args = new ArrayList<>();
        Map<String, Object> kwargs = new LinkedHashMap<>();
        evalArgs(t.args(), frame, args, kwargs);
        yield callTest(t.name(), eval(t.value(), frame), args, kwargs);
      }
      case Node.Unary u -> switch (u.op()) {
        case "not" -> !Py.truthy(eval(u.operand(), frame));
        case "-" -> Arithmetic.negate(eval(u.operand(), frame));
        default -> Arithmetic.plus(eval(u.operand(), frame));
      };
      case Node.Binary b -> switch (b.op()) {
        case "and" -> {
          Object left = eval(b.left(), frame);
          yield Py.truthy(left) ? eval(b.right(), frame) : left;
        }
        case "or" -> {
          Object left = eval(b.left(), frame);
          yield Py.truthy(left) ? left : eval(b.right(), frame);
        }
        default -> Arithmetic.binary(b.op(), eval(b.left(), frame), eval(b.right(), frame));
      };
      case Node.Concat c -> {
        StringBuilder sb = new StringBuilder();
        c.parts().forEach(part -> sb.append(Py.str(eval(part, frame))));
        yield sb.toString();
      }
      case Node.Compare c -> compare(c, frame);
      case Node.CondExpr c -> {
        if (Py.truthy(eval(c.test(), frame))) {
          yield eval(c.then(), frame);
        }
        yield c.otherwise() != null ? eval(c.otherwise(), frame)
            : Undefined.withHint("the inline if-expression evaluated to false and no else section was defined.");
      }
      case Node.Slice s -> throw TemplateException.runtime("a slice is only valid inside a subscript");
      case Node.NamespaceRef r -> throw TemplateException.runtime("namespace reference outside an assignment");
    };
  }

  private List<Object> evalAll(List<Expr> exprs, Frame frame) {
    List<Object> out = new ArrayList<>(exprs.size());
    exprs.forEach(e -> out.add(eval(e, frame)));
    return out;
  }

  private Object evalOrNull(Expr expr, Frame frame) {
    return expr == null ? null : eval(expr, frame);
  }

  /** A comparison chain: {@code a < b < c} is {@code a < b and b < c}, each operand evaluated once. */
  private Object compare(Node.Compare c, Frame frame) {
    Object left = eval(c.first(), frame);
    for (int i = 0; i < c.ops().size(); i++) {
      Object right = eval(c.operands().get(i), frame);
      boolean result = switch (c.ops().get(i)) {
        case "==" -> Py.eq(left, right);
        case "!=" -> !Py.eq(left, right);
        case "in" -> Py.contains(right, left);
        case "notin" -> !Py.contains(right, left);
        default -> Py.order(c.ops().get(i), left, right);
      };
      if (!result) {
        return false;
      }
      left = right;
    }
    return true;
  }

  private void evalArgs(Node.Args spec, Frame frame, List<Object> args, Map<String, Object> kwargs) {
    spec.positional().forEach(e -> args.add(eval(e, frame)));
    for (int i = 0; i < spec.names().size(); i++) {
      kwargs.put(spec.names().get(i), eval(spec.named().get(i), frame));
    }
    if (spec.starArgs() != null) {
      Py.iterate(eval(spec.starArgs(), frame)).forEach(args::add);
    }
    if (spec.starKwargs() != null) {
      Object extra = eval(spec.starKwargs(), frame);
      if (!(extra instanceof Map<?, ?> m)) {
        throw TemplateException.runtime("argument after ** must be a mapping, not " + Py.typeName(extra));
      }
      m.forEach((k, v) -> kwargs.put(Py.str(k), v));
    }
  }

  private Object call(Object target, Node.Args spec, Frame frame, Map<String, Object> extraKwargs) {
    List<Object> args = new ArrayList<>();
    Map<String, Object> kwargs = new LinkedHashMap<>();
    evalArgs(spec, frame, args, kwargs);
    kwargs.putAll(extraKwargs);
    if (target instanceof Undefined u) {
      throw u.error();
    }
    if (!(target instanceof JinjaFunction fn)) {
      throw TemplateException.runtime("'" + Py.typeName(target) + "' object is not callable");
    }
    return fn.call(args, kwargs);
  }

  /** Applies a filter chain; {@code blockValue} feeds the innermost filter of a filter/set block. */
  private Object filter(Node.Filter f, Frame frame, Object blockValue) {
    Object input;
    if (f.value() == null) {
      input = blockValue;
    } else if (f.value() instanceof Node.Filter inner) {
      input = filter(inner, frame, blockValue);
    } else {
      input = eval(f.value(), frame);
    }
    List<Object> args = new ArrayList<>();
    Map<String, Object> kwargs = new LinkedHashMap<>();
    evalArgs(f.args(), frame, args, kwargs);
    return callFilter(f.name(), input, args, kwargs);
  }

  Object callFilter(String name, Object value, List<Object> args, Map<String, Object> kwargs) {
    Filters.Filter filter = Filters.get(name);
    if (filter == null) {
      throw TemplateException.runtime("No filter named '" + name + "' found.");
    }
    return filter.apply(this, value, args, kwargs);
  }

  boolean callTest(String name, Object value, List<Object> args, Map<String, Object> kwargs) {
    Tests.Test test = Tests.get(name);
    if (test == null) {
      throw TemplateException.runtime("No test named '" + name + "' found.");
    }
    return test.test(value, args, kwargs);
  }
}
