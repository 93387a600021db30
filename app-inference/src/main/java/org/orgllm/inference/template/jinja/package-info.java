/**
 * A compact Jinja2 interpreter, faithful to Python Jinja2 3.1 semantics for what chat templates
 * use: lexer ({@code Lexer}, exact whitespace control and trim/lstrip rules) → parser
 * ({@code Parser}, producing the immutable tree in {@code Node}) → tree-walking evaluator
 * ({@code Interpreter}). Python value semantics (truthiness, str/repr, arithmetic, comparisons,
 * slicing, sandboxed attribute lookup) live in {@code Py}, string methods in {@code Methods} and
 * {@code StringOps}, filters in {@code Filters}, tests in {@code Tests}, globals in
 * {@code Builtins}, {@code %}/{@code format} in {@code PyFormat}, and {@code json.dumps} in
 * {@code JsonDumps}.
 *
 * <p>Templates are data: nothing here reflects on Java objects; values are None, bool, int, float,
 * str, list, tuple, dict and a few runtime objects (namespace, loop, macro). Like Jinja's
 * ImmutableSandboxedEnvironment, templates cannot mutate lists or dicts.
 *
 * <p>Public API: {@link org.orgllm.inference.template.jinja.Environment},
 * {@link org.orgllm.inference.template.jinja.Template},
 * {@link org.orgllm.inference.template.jinja.TemplateException} and
 * {@link org.orgllm.inference.template.jinja.JinjaFunction}.
 */
package org.orgllm.inference.template.jinja;
