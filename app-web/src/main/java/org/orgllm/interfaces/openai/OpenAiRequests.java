package org.orgllm.interfaces.openai;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.orgllm.application.ChatCompletionCall;
import org.orgllm.application.generation.ChatMessage;
import org.orgllm.application.generation.SamplingOptions;

/**
 * Checks an OpenAI request body and converts it to a {@link ChatCompletionCall}. A parameter is either
 * honoured, or harmless to ignore (bookkeeping such as {@code user}, {@code store}, {@code metadata}),
 * or rejected with a 400 naming it — never silently dropped when dropping it would change the answer
 * (tools, logit_bias, audio, images, n &gt; 1, logprobs, …). {@code null}, {@code {}} and {@code []}
 * count as "not sent", since client libraries send such defaults.
 */
public final class OpenAiRequests {

    /** Chat parameters this server acts on. */
    private static final Set<String> CHAT_PARAMETERS = Set.of("model", "messages", "temperature", "top_p",
            "max_tokens", "max_completion_tokens", "stop", "seed", "frequency_penalty", "presence_penalty", "n",
            "response_format", "stream", "stream_options");

    /** Text completion parameters this server acts on. */
    private static final Set<String> COMPLETION_PARAMETERS = Set.of("model", "prompt", "temperature", "top_p",
            "max_tokens", "stop", "seed", "frequency_penalty", "presence_penalty", "n", "stream", "stream_options");

    /**
     * Accepted and ignored: they label or store the call on OpenAI's side, or only matter together with
     * a parameter that is rejected (e.g. {@code parallel_tool_calls} without {@code tools}).
     */
    private static final Set<String> HARMLESS = Set.of("user", "store", "metadata", "service_tier",
            "parallel_tool_calls", "prompt_cache_key", "safety_identifier");

    /** Accepted at their "off" value only; any other value asks for something this server does not do. */
    private static final Map<String, Set<JsonValue>> OFF_VALUES = Map.of(
            "logprobs", Set.of(JsonValue.FALSE),
            "echo", Set.of(JsonValue.FALSE),
            "top_logprobs", Set.of(),
            "best_of", Set.of(Json.createValue(1)));

    /** {@code modalities} at its only value this server serves. */
    private static final JsonValue TEXT_ONLY = Json.createArrayBuilder().add("text").build();

    /** The most stop sequences OpenAI accepts. */
    private static final int MAX_STOP = 4;

    private OpenAiRequests() {
    }

    /** A checked request: the call, and how the client wants the answer. */
    public record Parsed(ChatCompletionCall call, boolean stream, boolean includeUsage) {}

    /** The call for a chat completion body. */
    static Parsed chat(JsonObject body) {
        checkParameters(body, CHAT_PARAMETERS);
        ChatCompletionRequest request = bind(body, ChatCompletionRequest.class);
        String model = model(request.model());
        checkN(request.n());
        if (request.messages() == null || request.messages().isEmpty()) {
            throw new InvalidParameterException("messages", "'messages' must be a non-empty array.");
        }
        List<ChatMessage> messages = new ArrayList<>();
        JsonArray rawMessages = body.getJsonArray("messages");
        for (int i = 0; i < request.messages().size(); i++) {
            messages.add(message(i, request.messages().get(i), rawMessages.get(i)));
        }
        Integer maxTokens = request.maxCompletionTokens() != null ? request.maxCompletionTokens() : request.maxTokens();
        String maxName = request.maxCompletionTokens() != null ? "max_completion_tokens" : "max_tokens";
        SamplingOptions sampling = sampling(request.temperature(), request.topP(), request.frequencyPenalty(),
                request.presencePenalty(), request.seed(), request.stop(), maxTokens, maxName);
        return new Parsed(ChatCompletionCall.of(model, messages, null, sampling, jsonSchema(request.responseFormat()),
                maxTokens, body.toString()), request.streaming(), request.includeUsage());
    }

    /** The call for a text completion body. */
    static Parsed completion(JsonObject body) {
        checkParameters(body, COMPLETION_PARAMETERS);
        if (body.containsKey("suffix") && body.get("suffix").getValueType() != JsonValue.ValueType.NULL) {
            throw InvalidParameterException.unsupported("suffix");
        }
        TextCompletionRequest request = bind(body, TextCompletionRequest.class);
        String model = model(request.model());
        checkN(request.n());
        String prompt = prompt(request.prompt());
        SamplingOptions sampling = sampling(request.temperature(), request.topP(), request.frequencyPenalty(),
                request.presencePenalty(), request.seed(), request.stop(), request.maxTokens(), "max_tokens");
        return new Parsed(ChatCompletionCall.of(model, List.of(), prompt, sampling, null, request.maxTokens(),
                body.toString()), request.streaming(), request.includeUsage());
    }

    static <T> T bind(JsonObject body, Class<T> type) {
        try {
            return OpenAiJson.jsonb().fromJson(body.toString(), type);
        } catch (JsonbException e) {
            throw new InvalidParameterException(null, "Invalid request body: " + e.getMessage());
        }
    }

    private static void checkParameters(JsonObject body, Set<String> honoured) {
        for (Map.Entry<String, JsonValue> e : body.entrySet()) {
            String name = e.getKey();
            JsonValue value = e.getValue();
            if (honoured.contains(name) || HARMLESS.contains(name) || notSent(value)) {
                continue;
            }
            if (OFF_VALUES.containsKey(name) && OFF_VALUES.get(name).contains(value)) {
                continue;
            }
            if (name.equals("modalities") && value.equals(TEXT_ONLY)) {
                continue;
            }
            throw InvalidParameterException.unsupported(name);
        }
    }

    private static boolean notSent(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> true;
            case OBJECT -> value.asJsonObject().isEmpty();
            case ARRAY -> value.asJsonArray().isEmpty();
            default -> false;
        };
    }

    private static String model(String model) {
        if (model == null || model.isBlank()) {
            throw new InvalidParameterException("model", "you must provide a model parameter");
        }
        return model;
    }

    private static void checkN(Integer n) {
        if (n != null && n != 1) {
            throw new InvalidParameterException("n", "'n' must be 1: this server returns one choice per request.");
        }
    }

    private static ChatMessage message(int index, ChatCompletionRequest.Message message, JsonValue raw) {
        String at = "messages[" + index + "]";
        if (raw.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidParameterException(at, "'" + at + "' must be an object.");
        }
        for (Map.Entry<String, JsonValue> e : raw.asJsonObject().entrySet()) {
            if (!e.getKey().equals("role") && !e.getKey().equals("content") && !notSent(e.getValue())) {
                // name, tool_calls, function_call, audio, …: each would change what the model is told
                throw InvalidParameterException.unsupported(at + "." + e.getKey());
            }
        }
        String role = message.role();
        if (role == null) {
            throw new InvalidParameterException(at + ".role", "'" + at + ".role' is required.");
        }
        role = switch (role) {
            case "system", "user", "assistant" -> role;
            // the newer name of the system role (OpenAI's reasoning models)
            case "developer" -> "system";
            default -> throw new InvalidParameterException(at + ".role", "Unsupported role '" + role + "' in '" + at
                    + "': use system, user or assistant.", "unsupported_parameter");
        };
        return new ChatMessage(role, content(at + ".content", message.content()));
    }

    /** A string, or an array of text parts joined in order; any other part (image, audio, file) is a 400. */
    private static String content(String at, JsonValue content) {
        if (content == null || content.getValueType() == JsonValue.ValueType.NULL) {
            throw new InvalidParameterException(at, "'" + at + "' is required.");
        }
        if (content instanceof JsonString s) {
            return s.getString();
        }
        if (content.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidParameterException(at, "'" + at + "' must be a string or an array of text parts.");
        }
        StringBuilder text = new StringBuilder();
        JsonArray parts = content.asJsonArray();
        for (int i = 0; i < parts.size(); i++) {
            String partAt = at + "[" + i + "]";
            if (parts.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidParameterException(partAt, "'" + partAt + "' must be an object.");
            }
            JsonObject part = parts.getJsonObject(i);
            String type = part.getString("type", null);
            if (!"text".equals(type)) {
                throw new InvalidParameterException(partAt + ".type", "Unsupported content part type '" + type
                        + "' in '" + partAt + "': only text parts are supported.", "unsupported_parameter");
            }
            if (!(part.get("text") instanceof JsonString s)) {
                throw new InvalidParameterException(partAt + ".text", "'" + partAt + ".text' must be a string.");
            }
            text.append(s.getString());
        }
        return text.toString();
    }

    private static String prompt(JsonValue prompt) {
        if (prompt instanceof JsonString s) {
            return s.getString();
        }
        if (prompt != null && prompt.getValueType() == JsonValue.ValueType.ARRAY && prompt.asJsonArray().size() == 1
                && prompt.asJsonArray().get(0) instanceof JsonString s) {
            return s.getString();
        }
        throw new InvalidParameterException("prompt", "'prompt' must be a string (token arrays and batches of "
                + "prompts are not supported).");
    }

    private static SamplingOptions sampling(Double temperature, Double topP, Double frequencyPenalty,
            Double presencePenalty, Long seed, JsonValue stop, Integer maxTokens, String maxName) {
        range("temperature", temperature, 0, 2);
        range("top_p", topP, 0, 1);
        range("frequency_penalty", frequencyPenalty, -2, 2);
        range("presence_penalty", presencePenalty, -2, 2);
        if (maxTokens != null && maxTokens < 1) {
            throw new InvalidParameterException(maxName, "'" + maxName + "' must be at least 1.");
        }
        return new SamplingOptions(temperature, topP, null, null, null, frequencyPenalty, presencePenalty, seed,
                stop(stop));
    }

    private static void range(String name, Double value, double min, double max) {
        if (value != null && (value.isNaN() || value < min || value > max)) {
            throw new InvalidParameterException(name, "'" + name + "' must be between " + fmt(min) + " and "
                    + fmt(max) + ", got " + value + ".");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static List<String> stop(JsonValue stop) {
        if (stop == null || stop.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (stop instanceof JsonString s) {
            return List.of(s.getString());
        }
        if (stop.getValueType() == JsonValue.ValueType.ARRAY) {
            List<String> stops = new ArrayList<>();
            for (JsonValue v : stop.asJsonArray()) {
                if (!(v instanceof JsonString s) || s.getString().isEmpty()) {
                    throw new InvalidParameterException("stop", "'stop' must be a string or an array of non-empty strings.");
                }
                stops.add(s.getString());
            }
            if (stops.size() > MAX_STOP) {
                throw new InvalidParameterException("stop", "'stop' takes at most " + MAX_STOP + " sequences.");
            }
            return stops;
        }
        throw new InvalidParameterException("stop", "'stop' must be a string or an array of strings.");
    }

    /** The schema the answer is held to: none for text, any object for json_object, the given one for json_schema. */
    private static String jsonSchema(ChatCompletionRequest.ResponseFormat format) {
        if (format == null || format.type() == null || format.type().equals("text")) {
            return null;
        }
        return switch (format.type()) {
            case "json_object" -> "{\"type\":\"object\"}";
            case "json_schema" -> {
                if (format.jsonSchema() == null || format.jsonSchema().schema() == null) {
                    throw new InvalidParameterException("response_format.json_schema.schema",
                            "'response_format.json_schema.schema' is required for type json_schema.");
                }
                yield format.jsonSchema().schema().toString();
            }
            default -> throw new InvalidParameterException("response_format.type", "Unsupported response_format type '"
                    + format.type() + "': use text, json_object or json_schema.", "unsupported_parameter");
        };
    }
}
