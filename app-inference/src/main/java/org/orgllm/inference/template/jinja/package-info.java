/**
 * A compact Jinja2 interpreter, faithful to Python Jinja2 3.1 (as Hugging Face runs it) for what
 * chat templates use.
 *
 * <p>Pipeline: {@code Lexer} (Jinja's exact delimiters, {@code -}/{@code +} whitespace control and
 * trim_blocks/lstrip_blocks rules) → {@code Parser} (Jinja's grammar, producing the immutable tree
 * in {@code Node}; {@code NameCheck} rejects unknown filters/tests at compile time like Jinja) →
 * {@code Interpreter} (tree walker with Jinja's scoping). Python value semantics live in
 * {@code Py} (truthiness, str/repr, comparison, lookup, slicing) and {@code Arithmetic}; methods on
 * values in {@code Methods}/{@code StringOps}; filters, tests and globals in {@code Filters},
 * {@code Tests} and {@code Builtins}; {@code %}/{@code str.format} in {@code PyFormat};
 * {@code json.dumps} in {@code JsonDumps}. Runtime values that are not plain Java types:
 * {@code Undefined}, {@code Tuple}, {@code DictView}, {@code Generator}, {@code Markup},
 * {@code Namespace}, {@code LoopContext}, {@code Macro}.
 *
 * <p>Templates are data: nothing here reflects on Java objects; context values are converted to
 * None, bool, int, float, str, list and dict. As in Jinja's ImmutableSandboxedEnvironment,
 * templates cannot mutate lists or dicts (only {@code namespace()} objects).
 *
 * <p>Public API: {@link org.orgllm.inference.template.jinja.Environment},
 * {@link org.orgllm.inference.template.jinja.Template},
 * {@link org.orgllm.inference.template.jinja.TemplateException} and
 * {@link org.orgllm.inference.template.jinja.JinjaFunction}.
 */
package org.orgllm.inference.template.jinja;
