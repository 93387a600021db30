package org.orgllm.inference.template.jinja;

import java.util.List;
import org.orgllm.inference.template.jinja.Node.Args;
import org.orgllm.inference.template.jinja.Node.Expr;
import org.orgllm.inference.template.jinja.Node.Stmt;
import org.orgllm.inference.template.jinja.TemplateException.Kind;

/**
 * Unknown filters and tests are compile errors in Jinja, except inside if statements and
 * conditional expressions ("soft" frames), where templates may guard them with
 * {@code is filter}; there the check happens when the filter is applied.
 */
final class NameCheck {

  private NameCheck() {
  }

  /** Fails with a syntax error naming the first unknown filter or test outside a soft frame. */
  static void check(List<Stmt> template) {
    checkStatements(template, false);
  }

  private static void checkStatements(List<Stmt> body, boolean soft) {
    for (Stmt stmt : body) {
      int line = stmt.line();
      switch (stmt) {
        case Node.Print p -> checkNames(p.expr(), soft, line);
        case Node.If i -> {
          i.tests().forEach(t -> checkNames(t, true, line));
          i.bodies().forEach(b -> checkStatements(b, true));
          checkStatements(i.otherwise(), true);
        }
        case Node.For f -> {
          checkNames(f.iter(), soft, line);
          checkNames(f.filter(), false, line);
          checkStatements(f.body(), false);
          checkStatements(f.otherwise(), false);
        }
        case Node.Assign a -> checkNames(a.value(), soft, line);
        case Node.AssignBlock b -> {
          checkNames(b.filter(), soft, line);
          checkStatements(b.body(), false);
        }
        case Node.Macro m -> {
          m.defaults().forEach(d -> checkNames(d, false, line));
          checkStatements(m.body(), false);
        }
        case Node.CallBlock c -> {
          checkNames(c.call(), soft, line);
          checkStatements(c.caller().body(), false);
        }
        case Node.FilterBlock fb -> {
          checkNames(fb.filter(), soft, line);
          checkStatements(fb.body(), false);
        }
        case Node.With w -> {
          w.values().forEach(v -> checkNames(v, soft, line));
          checkStatements(w.body(), false);
        }
        case Node.Scope s -> checkStatements(s.body(), false);
        case Node.Text t -> { }
        case Node.Break b -> { }
        case Node.Continue c -> { }
      }
    }
  }

  private static void checkNames(Expr expr, boolean soft, int line) {
    switch (expr) {
      case null -> { }
      case Node.Filter f -> {
        if (!soft && Filters.get(f.name()) == null) {
          throw new TemplateException(Kind.SYNTAX, "No filter named '" + f.name() + "'.", line);
        }
        checkNames(f.value(), soft, line);
        checkArgs(f.args(), soft, line);
      }
      case Node.Test t -> {
        if (!soft && Tests.get(t.name()) == null) {
          throw new TemplateException(Kind.SYNTAX, "No test named '" + t.name() + "'.", line);
        }
        checkNames(t.value(), soft, line);
        checkArgs(t.args(), soft, line);
      }
      case Node.CondExpr c -> {
        checkNames(c.test(), true, line);
        checkNames(c.then(), true, line);
        checkNames(c.otherwise(), true, line);
      }
      case Node.ListLit l -> l.items().forEach(e -> checkNames(e, soft, line));
      case Node.TupleLit t -> t.items().forEach(e -> checkNames(e, soft, line));
      case Node.DictLit d -> {
        d.keys().forEach(e -> checkNames(e, soft, line));
        d.values().forEach(e -> checkNames(e, soft, line));
      }
      case Node.GetAttr g -> checkNames(g.target(), soft, line);
      case Node.GetItem g -> {
        checkNames(g.target(), soft, line);
        checkNames(g.key(), soft, line);
      }
      case Node.Slice s -> {
        checkNames(s.start(), soft, line);
        checkNames(s.stop(), soft, line);
        checkNames(s.step(), soft, line);
      }
      case Node.Call c -> {
        checkNames(c.target(), soft, line);
        checkArgs(c.args(), soft, line);
      }
      case Node.Unary u -> checkNames(u.operand(), soft, line);
      case Node.Binary b -> {
        checkNames(b.left(), soft, line);
        checkNames(b.right(), soft, line);
      }
      case Node.Concat c -> c.parts().forEach(e -> checkNames(e, soft, line));
      case Node.Compare c -> {
        checkNames(c.first(), soft, line);
        c.operands().forEach(e -> checkNames(e, soft, line));
      }
      case Node.Const c -> { }
      case Node.Name n -> { }
      case Node.NamespaceRef r -> { }
    }
  }

  private static void checkArgs(Args args, boolean soft, int line) {
    args.positional().forEach(e -> checkNames(e, soft, line));
    args.named().forEach(e -> checkNames(e, soft, line));
    checkNames(args.starArgs(), soft, line);
    checkNames(args.starKwargs(), soft, line);
  }
}
