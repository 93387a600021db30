#!/usr/bin/env python3
"""Dev tool: regenerates expected.json, the reference renders for ChatTemplateOracleTest.

Renders every template in templates/ (and the real Qwen3 template, read in place from
shared/fixtures) over a set of conversations with the exact Jinja environment that Hugging Face
transformers (4.45) uses in apply_chat_template, and records the output or the error.
Needs only Python 3 and jinja2 (3.1.x); see README.md.

    python3 generate_expected.py [path/to/shared/fixtures]
"""
import json
import os
import sys
from datetime import datetime

import jinja2
from jinja2 import nodes
from jinja2.exceptions import TemplateError
from jinja2.ext import Extension
from jinja2.sandbox import ImmutableSandboxedEnvironment

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.abspath(sys.argv[1] if len(sys.argv) > 1
                           else os.path.join(HERE, *[os.pardir] * 6, "shared", "fixtures"))
# strftime_now is pinned so renders are reproducible; the Java test uses the same instant (UTC).
FIXED_NOW = datetime(2024, 9, 5, 13, 7, 9)
SPECIAL_TOKENS_ATTRIBUTES = ["bos_token", "eos_token", "unk_token", "sep_token", "pad_token",
                             "cls_token", "mask_token", "additional_special_tokens"]


# ---- the environment of transformers' PreTrainedTokenizerBase._compile_jinja_template ----

def raise_exception(message):
    raise TemplateError(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def strftime_now(format):
    return FIXED_NOW.strftime(format)


class AssistantTracker(Extension):
    """The {% generation %} tag (mask tracking dropped: it does not change the rendered text)."""
    tags = {"generation"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(["name:endgeneration"], drop_needle=True)
        return nodes.CallBlock(self.call_method("_generation_support"), [], [], body).set_lineno(lineno)

    def _generation_support(self, caller):
        return caller()


ENV = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True,
                                    extensions=[AssistantTracker, jinja2.ext.loopcontrols])
ENV.filters["tojson"] = tojson
ENV.globals["raise_exception"] = raise_exception
ENV.globals["strftime_now"] = strftime_now


def render(source, special_tokens, messages, add_generation_prompt, kwargs):
    """apply_chat_template(..., tokenize=False): special tokens, then kwargs, plus messages/tools/documents."""
    kwargs = dict(kwargs)
    tools = kwargs.pop("tools", None)
    documents = kwargs.pop("documents", None)
    context = {**special_tokens, **kwargs}
    return ENV.from_string(source).render(messages=messages, tools=tools, documents=documents,
                                          add_generation_prompt=add_generation_prompt, **context)


# ---- conversations ----

SYSTEM = {"role": "system", "content": "You are a concise assistant for Acme Corp."}
U1 = {"role": "user", "content": "What is the capital of France?"}
A1 = {"role": "assistant", "content": "Paris."}
U2 = {"role": "user", "content": "And of Japan?"}
A2 = {"role": "assistant", "content": "Tokyo."}
UNICODE = {"role": "user", "content": "Grüße! 日本語のテキスト 😀 — «quotes», \"double\" and 'single' \\ backslash"}
SPACES = {"role": "user", "content": "  leading spaces\n\tand a tab line\n\ntrailing newlines\n\n"}
THINK_A1 = {"role": "assistant", "content": "<think>\nThe user asks about France.\n</think>\n\nParis."}
THINK_A2 = {"role": "assistant", "content": "<think>\nJapan's capital is Tokyo.\n\n</think>\n\n\nTokyo."}
REASONING_A1 = {"role": "assistant", "content": "Paris.", "reasoning_content": "France → Paris."}
WEATHER_Q = {"role": "user", "content": "What's the weather in Zürich?"}
TOOLS = [{"type": "function", "function": {
    "name": "get_weather", "description": "Get the current weather in a city",
    "parameters": {"type": "object", "properties": {
        "city": {"type": "string", "description": "City name, e.g. Zürich"},
        "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}},
        "required": ["city"]}}}]
TOOL_CALL = {"role": "assistant", "content": "", "tool_calls": [{
    "id": "call12345", "type": "function",
    "function": {"name": "get_weather", "arguments": {"city": "Zürich", "unit": "celsius"}}}]}
TOOL_CALL_NONE = {"role": "assistant", "content": None, "tool_calls": TOOL_CALL["tool_calls"]}
TOOL_CALL_STR = {"role": "assistant", "content": None, "tool_calls": [{
    "id": "call12345", "type": "function",
    "function": {"name": "get_weather", "arguments": "{\"city\": \"Zürich\"}"}}]}
TOOL_RESULT = {"role": "tool", "tool_call_id": "call12345", "name": "get_weather",
               "content": "{\"temperature\": 21.5, \"condition\": \"sunny\"}"}
TOOL_RESULT_2 = {"role": "tool", "tool_call_id": "call67890", "name": "get_weather",
                 "content": "{\"temperature\": 9, \"condition\": \"rain\"}"}
FINAL = {"role": "assistant", "content": "It is 21.5 °C and sunny in Zürich."}
RICH_TOOLS = TOOLS + [{"type": "function", "function": {
    "name": "calculate", "description": "Evaluate an expression",
    "parameters": {"type": "object", "properties": {
        "expr": {"type": ["string", "number"], "description": "The expression"},
        "values": {"type": "array", "items": {"type": "number"}, "description": "Inputs"},
        "flags": {"type": "object", "additionalProperties": {"type": "boolean"}, "description": "Options"},
        "note": {"description": "Free-form"}},
        "required": ["expr"]}}}]
OLD_STYLE_TOOLS = [{"name": "internet_search", "description": "Returns relevant snippets for a query",
                    "parameter_definitions": {"query": {"description": "The query", "type": "str", "required": True},
                                              "limit": {"description": "Max results", "type": "int", "required": False}}}]

CHAT = [
    ("single-user", [U1], True, {}),
    ("system-user", [SYSTEM, U1], True, {}),
    ("multi-turn", [SYSTEM, U1, A1, U2], True, {}),
    ("ends-with-assistant", [U1, A1], False, {}),
    ("unicode-and-whitespace", [UNICODE, A1, SPACES], True, {}),
]
TOOL_TURN = [SYSTEM, WEATHER_Q, TOOL_CALL, TOOL_RESULT, FINAL]

TEMPLATES = [
    ("fixture:qwen3-tokenizer/tokenizer_config.json", None, CHAT + [
        ("thinking-history", [U1, THINK_A1, U2, THINK_A2], False, {}),
        ("thinking-history-then-user", [U1, THINK_A1, U2], True, {}),
        ("enable-thinking-false", [U1], True, {"enable_thinking": False}),
        ("enable-thinking-true", [SYSTEM, U1, THINK_A1, U2], True, {"enable_thinking": True}),
        ("reasoning-content", [U1, REASONING_A1, U2], True, {}),
        ("tools", TOOL_TURN, False, {"tools": TOOLS}),
        ("tools-two-results", [WEATHER_Q, TOOL_CALL, TOOL_RESULT, TOOL_RESULT_2], True, {"tools": TOOLS}),
    ]),
    ("fixture:tiny-qwen2/tokenizer_config.json", None, CHAT),
    ("templates/qwen2.5-instruct.jinja", {"eos_token": "<|im_end|>"}, CHAT + [
        ("tools", TOOL_TURN, False, {"tools": TOOLS}),
        ("tools-default-system", [WEATHER_Q, TOOL_CALL, TOOL_RESULT, TOOL_RESULT_2], True, {"tools": TOOLS}),
    ]),
    ("templates/llama-3.1-instruct.jinja", {"bos_token": "<|begin_of_text|>", "eos_token": "<|eot_id|>"}, CHAT + [
        ("tools-in-user-message", [WEATHER_Q, TOOL_CALL, TOOL_RESULT], True, {"tools": TOOLS}),
        ("tools-in-system", [SYSTEM, WEATHER_Q], True, {"tools": TOOLS, "tools_in_user_message": False}),
        ("builtin-tools", [SYSTEM, U1], True, {"builtin_tools": ["brave_search", "code_interpreter", "wolfram_alpha"]}),
        ("date-string", [U1], True, {"date_string": "01 Jan 2025"}),
        ("two-tool-calls-rejected", [WEATHER_Q, {"role": "assistant", "content": "", "tool_calls":
                                                  TOOL_CALL["tool_calls"] * 2}], False, {}),
    ]),
    ("templates/llama-3.2-instruct.jinja", {"bos_token": "<|begin_of_text|>", "eos_token": "<|eot_id|>"}, CHAT + [
        ("tools-in-user-message", [WEATHER_Q, TOOL_CALL, TOOL_RESULT], True, {"tools": TOOLS}),
        ("tools-without-user-rejected", [SYSTEM], True, {"tools": TOOLS}),
    ]),
    ("templates/mixtral-8x7b-instruct-v0.1.jinja", {"bos_token": "<s>", "eos_token": "</s>"}, [
        ("single-user", [U1], True, {}),
        ("multi-turn", [U1, A1, U2, A2], False, {}),
        ("system-rejected", [SYSTEM, U1], True, {}),
        ("not-alternating-rejected", [U1, U2], True, {}),
    ]),
    ("templates/mistral-nemo-instruct-2407.jinja", {"bos_token": "<s>", "eos_token": "</s>"}, [
        ("single-user", [U1], True, {}),
        ("system-multi-turn", [SYSTEM, U1, A1, U2], True, {}),
        ("tools", [WEATHER_Q, TOOL_CALL_NONE, TOOL_RESULT, FINAL, U2], True, {"tools": TOOLS}),
        ("not-alternating-rejected", [U1, U2], True, {}),
    ]),
    ("templates/gemma-2-it.jinja", {"bos_token": "<bos>", "eos_token": "<eos>"}, [
        ("single-user", [U1], True, {}),
        ("multi-turn", [U1, A1, U2], True, {}),
        ("whitespace-trimmed", [SPACES], False, {}),
        ("system-rejected", [SYSTEM, U1], True, {}),
    ]),
    ("templates/phi-3.5-mini-instruct.jinja", {"bos_token": "<s>", "eos_token": "<|endoftext|>"}, CHAT),
    ("templates/deepseek-r1-distill-qwen.jinja",
     {"bos_token": "<｜begin▁of▁sentence｜>", "eos_token": "<｜end▁of▁sentence｜>"}, CHAT + [
        ("thinking-history", [SYSTEM, U1, THINK_A1, U2], True, {}),
        ("tool-calls", [WEATHER_Q, TOOL_CALL_STR, TOOL_RESULT, TOOL_RESULT_2, FINAL], False, {}),
    ]),
    ("templates/functionary-medium-v3.1.jinja", {"bos_token": "<|begin_of_text|>", "eos_token": "<|eot_id|>"},
     CHAT + [
        ("tools", [WEATHER_Q, TOOL_CALL_STR, TOOL_RESULT], True,
         {"tools": TOOLS + [{"type": "code_interpreter"}]}),
    ]),
    ("templates/glm-4.6.jinja", {"eos_token": "<|endoftext|>"}, CHAT + [
        ("thinking-history", [U1, THINK_A1, U2, THINK_A2], False, {}),
        ("enable-thinking-false", [SYSTEM, U1], True, {"enable_thinking": False}),
        ("tools", TOOL_TURN, True, {"tools": TOOLS}),
    ]),
    ("templates/command-r-plus-tool-use.jinja", {"bos_token": "<BOS_TOKEN>", "eos_token": "<|END_OF_TURN_TOKEN|>"}, [
        ("json-schema-tools", [SYSTEM, U1], True, {"tools": RICH_TOOLS[1:]}),
        ("json-schema-tool-call", [U1, {"role": "assistant", "content": "Let me compute.", "tool_calls": [
            {"type": "function", "function": {"name": "calculate", "arguments": {"expr": "6*7", "values": [6, 7.5]}}},
            {"type": "function", "function": {"name": "calculate", "arguments": {}}}]},
            {"role": "tool", "content": "  42  "}], True, {"tools": RICH_TOOLS[1:]}),
        ("undocumented-parameter-rejected", TOOL_TURN, True, {"tools": RICH_TOOLS}),
        ("old-style-tools", [U1], True, {"tools": OLD_STYLE_TOOLS}),
        ("no-tools-rejected", [U1], True, {}),
    ]),
    ("templates/torture.jinja", {"bos_token": "<s>", "eos_token": "</s>"}, CHAT + [
        ("empty-conversation", [], True, {}),
        ("system-only", [SYSTEM], False, {}),
        ("raise-exception", [U1], True, {"fail": "style"}),
    ]),
]


def load(template_ref):
    """(source, special tokens) for a template file, or a tokenizer_config.json in the fixtures."""
    if template_ref.startswith("fixture:"):
        with open(os.path.join(FIXTURES, template_ref[len("fixture:"):]), encoding="utf-8") as f:
            config = json.load(f)
        tokens = {}
        for name in SPECIAL_TOKENS_ATTRIBUTES:
            value = config.get(name)
            if isinstance(value, dict):
                value = value.get("content")
            if value:
                tokens[name] = value
        return config["chat_template"], tokens
    with open(os.path.join(HERE, template_ref), encoding="utf-8") as f:
        return f.read(), None


def main():
    cases = []
    for template_ref, special_tokens, conversations in TEMPLATES:
        source, config_tokens = load(template_ref)
        tokens = special_tokens if special_tokens is not None else config_tokens
        label = template_ref.split("/")[0][len("fixture:"):] if template_ref.startswith("fixture:") \
            else os.path.splitext(os.path.basename(template_ref))[0]
        for name, messages, add_generation_prompt, kwargs in conversations:
            case = {"id": f"{label}/{name}", "template": template_ref, "special_tokens": special_tokens,
                    "messages": messages, "add_generation_prompt": add_generation_prompt, "kwargs": kwargs}
            try:
                case["rendered"] = render(source, tokens, messages, add_generation_prompt, kwargs)
            except Exception as e:  # pylint: disable=broad-except
                # raise_exception raises a plain TemplateError; Jinja's own errors are subclasses, and
                # Python errors (TypeError, ...) escape apply_chat_template as they are.
                case["error"] = {"kind": "raised" if type(e) is TemplateError else "runtime", "message": str(e)}
            cases.append(case)
    out = {"about": "Reference renders by Python jinja2 " + jinja2.__version__
                    + " with Hugging Face's chat-template environment; regenerate with generate_expected.py",
           "strftime_now": FIXED_NOW.isoformat(),
           "cases": cases}
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote {len(cases)} cases ({sum('error' in c for c in cases)} expected errors)")


if __name__ == "__main__":
    main()
