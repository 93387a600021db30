package org.orgllm.inference.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The automaton on byte strings, fed one single-byte token at a time over the tiny vocabulary. */
class AutomatonTest {

    private static final String PERSON = """
            {"type":"object","properties":{
              "name":{"type":"string","maxLength":5},
              "age":{"type":"integer","minimum":0,"maximum":120},
              "nick":{"type":"string"},
              "ok":{"type":"boolean"}},
             "required":["name","age","ok"],"additionalProperties":false}""";

    /** The state after feeding the bytes, or {@code null} at the first rejected byte. */
    static ConstrainedSequence feed(String schema, byte[] bytes) {
        TokenVocabulary vocab = Fixtures.tiny();
        JsonSchemaConstraint c = JsonSchemaConstraint.compile(SchemaCompiler.parse(schema), vocab,
                ConstraintOptions.defaults().withMaxWhitespaceRun(2), Fixtures.TINY_EOS);
        ConstrainedSequence s = c.start();
        int[] byteToken = singleByteTokens(vocab);
        for (byte b : bytes) {
            int id = byteToken[b & 0xFF];
            if (!s.allows(id)) {
                return null;
            }
            s.accept(id);
        }
        return s;
    }

    static int[] singleByteTokens(TokenVocabulary vocab) {
        int[] ids = new int[256];
        for (int id = 0; id < vocab.size(); id++) {
            byte[] b = vocab.bytes(id);
            if (b != null && b.length == 1 && !vocab.isSpecial(id)) {
                ids[b[0] & 0xFF] = id;
            }
        }
        return ids;
    }

    static boolean accepts(String schema, String text) {
        return feed(schema, text.getBytes(StandardCharsets.UTF_8)) != null;
    }

    static boolean completes(String schema, String text) {
        ConstrainedSequence s = feed(schema, text.getBytes(StandardCharsets.UTF_8));
        return s != null && s.isComplete();
    }

    @Test
    void objectsFollowDeclarationOrderWithOptionalPropertiesSkippable() {
        assertThat(completes(PERSON, "{\"name\":\"Ann\",\"age\":41,\"ok\":true}")).isTrue();
        assertThat(completes(PERSON, "{\"name\":\"Ann\",\"age\":41,\"nick\":\"A\",\"ok\":false}")).isTrue();
        assertThat(completes(PERSON, "{ \"name\" : \"Ann\",\n \"age\": 41 ,\"ok\":true }")).isTrue();
        assertThat(accepts(PERSON, "{\"age\"")).isFalse();
        assertThat(accepts(PERSON, "{\"name\":\"Ann\",\"ok\"")).isFalse();
        assertThat(accepts(PERSON, "{\"name\":\"Ann\",\"age\":41}")).isFalse();
        assertThat(accepts(PERSON, "{\"name\":\"Ann\",\"age\":41,\"other\"")).isFalse();
        assertThat(accepts(PERSON, "{\"name\":\"Ann\",\"name\"")).isFalse();
    }

    @Test
    void whitespaceRunsAreBoundedAndNothingFollowsTheValue() {
        assertThat(accepts(PERSON, "{  \"name\"")).isTrue();
        assertThat(accepts(PERSON, "{   \"name\"")).isFalse();
        assertThat(accepts(PERSON, "  {")).isTrue();
        String done = "{\"name\":\"A\",\"age\":1,\"ok\":true}";
        assertThat(completes(PERSON, done)).isTrue();
        assertThat(accepts(PERSON, done + " ")).isFalse();
        assertThat(completes(PERSON, done.substring(0, done.length() - 1))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"abc\"", "\"a\\nb\"", "\"q\\\"\"", "\"\\\\\"", "\"\\u00e9\"", "\"\\/\\b\\f\\r\\t\"",
        "\"é中😀\"", "\"\\uFFFF\""})
    void validStringsAndEscapes(String json) {
        assertThat(completes("{\"type\":\"string\"}", json)).as(json).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\x\"", "\"\\ud83d", "\"\\uDC00", "\"a\tb\"", "\"a\nb\"", "\"\\u12g"})
    void invalidStringsAreRejected(String json) {
        assertThat(accepts("{\"type\":\"string\"}", json)).as(json).isFalse();
    }

    @Test
    void invalidUtf8IsRejected() {
        String schema = "{\"type\":\"string\"}";
        assertThat(feed(schema, new byte[] {'"', (byte) 0x80})).isNull();
        assertThat(feed(schema, new byte[] {'"', (byte) 0xC0, (byte) 0x80})).isNull();
        assertThat(feed(schema, new byte[] {'"', (byte) 0xE0, (byte) 0x80})).isNull(); // overlong
        assertThat(feed(schema, new byte[] {'"', (byte) 0xED, (byte) 0xA0})).isNull(); // surrogate
        assertThat(feed(schema, new byte[] {'"', (byte) 0xF4, (byte) 0x90})).isNull(); // > U+10FFFF
        assertThat(feed(schema, new byte[] {'"', (byte) 0xC3, '"'})).isNull(); // quote inside a character
        assertThat(feed(schema, new byte[] {'"', (byte) 0xC3, (byte) 0xA9, '"'}).isComplete()).isTrue();
    }

    @Test
    void lengthsCountCodePointsWhetherRawOrEscaped() {
        String schema = "{\"type\":\"string\",\"minLength\":2,\"maxLength\":3}";
        assertThat(completes(schema, "\"ab\"")).isTrue();
        assertThat(completes(schema, "\"😀é\\n\"")).isTrue();
        assertThat(accepts(schema, "\"a\"")).isFalse();
        assertThat(accepts(schema, "\"abcd")).isFalse();
        assertThat(accepts(schema, "\"abc\\")).isFalse();
        assertThat(accepts(schema, "\"abc\"")).isTrue();
        // The validator agrees that lengths are code points: three emoji are three characters.
        Generations.assertValid(schema, "\"😀😀😀\"");
        assertThat(completes(schema, "\"😀😀😀\"")).isTrue();
    }

    @Test
    void boundedNumbersAcceptOnlyCompletablePrefixes() {
        String unit = "{\"type\":\"number\",\"minimum\":0,\"maximum\":1}";
        assertThat(completes(unit, "0")).isTrue();
        assertThat(completes(unit, "1")).isTrue();
        assertThat(completes(unit, "0.25")).isTrue();
        assertThat(completes(unit, "1.000")).isTrue();
        assertThat(accepts(unit, "1.5")).isFalse();
        assertThat(accepts(unit, "2")).isFalse();
        assertThat(accepts(unit, "-")).isFalse();
        assertThat(accepts(unit, "00")).isFalse();
        assertThat(accepts(unit, "0.1234567")).isFalse(); // more fraction digits than allowed
        assertThat(completes(unit, "0.")).isFalse();

        String age = "{\"type\":\"integer\",\"minimum\":-5,\"maximum\":120}";
        assertThat(completes(age, "-5")).isTrue();
        assertThat(completes(age, "120")).isTrue();
        assertThat(accepts(age, "-6")).isFalse();
        assertThat(accepts(age, "121")).isFalse();
        assertThat(accepts(age, "1.")).isFalse();
        assertThat(accepts(age, "-1")).isTrue();
        assertThat(completes(age, "12")).isTrue();

        String exclusive = "{\"type\":\"number\",\"exclusiveMinimum\":0.5,\"exclusiveMaximum\":1}";
        assertThat(accepts(exclusive, "0.5")).isTrue(); // 0.51 is still possible
        assertThat(completes(exclusive, "0.5")).isFalse();
        assertThat(completes(exclusive, "0.75")).isTrue();
        assertThat(accepts(exclusive, "1")).isFalse();
        assertThat(accepts(exclusive, "0.4")).isFalse();
    }

    @Test
    void numbersEndAtTheNextSeparator() {
        String schema = "{\"type\":\"array\",\"items\":{\"type\":\"integer\",\"minimum\":10,\"maximum\":99},\"maxItems\":3}";
        assertThat(completes(schema, "[10,99, 42]")).isTrue();
        assertThat(accepts(schema, "[1,")).isFalse();
        assertThat(accepts(schema, "[1")).isTrue();
    }

    @Test
    void enumsConstsBooleansAndNull() {
        String colors = "{\"enum\":[\"red\",\"green\",1,12,null]}";
        assertThat(completes(colors, "\"red\"")).isTrue();
        assertThat(completes(colors, "1")).isTrue();
        assertThat(completes(colors, "12")).isTrue();
        assertThat(completes(colors, "null")).isTrue();
        assertThat(accepts(colors, "\"re\"")).isFalse();
        assertThat(accepts(colors, "13")).isFalse();
        assertThat(completes("{\"const\":\"x\"}", "\"x\"")).isTrue();
        assertThat(completes("{\"type\":\"boolean\"}", "false")).isTrue();
        assertThat(accepts("{\"type\":\"boolean\"}", "fals ")).isFalse();
        String inArray = "{\"type\":\"array\",\"items\":{\"enum\":[1,12]}}";
        assertThat(completes(inArray, "[1,12,1]")).isTrue();
    }

    @Test
    void arraysRespectItemCounts() {
        String schema = "{\"type\":\"array\",\"items\":{\"type\":\"boolean\"},\"minItems\":1,\"maxItems\":2}";
        assertThat(accepts(schema, "[]")).isFalse();
        assertThat(completes(schema, "[true]")).isTrue();
        assertThat(completes(schema, "[ true , false ]")).isTrue();
        assertThat(accepts(schema, "[true,false,")).isFalse();
        assertThat(completes("{\"type\":\"array\",\"items\":{\"type\":\"null\"},\"maxItems\":0}", "[]")).isTrue();
    }

    @Test
    void refsAnyOfAndTypeLists() {
        String schema = """
                {"$defs":{"point":{"type":"object","properties":{"x":{"type":"integer"}},"required":["x"]}},
                 "type":"object","properties":{
                   "p":{"$ref":"#/$defs/point"},
                   "label":{"anyOf":[{"type":"string","maxLength":3},{"type":"null"}]},
                   "n":{"type":["integer","null"]}},
                 "required":["p","label","n"]}""";
        assertThat(completes(schema, "{\"p\":{\"x\":-3},\"label\":null,\"n\":7}")).isTrue();
        assertThat(completes(schema, "{\"p\":{\"x\":0},\"label\":\"abc\",\"n\":null}")).isTrue();
        assertThat(accepts(schema, "{\"p\":{\"x\":0},\"label\":\"abcd")).isFalse();
    }

    @Test
    void freeFormObjectsTakeAnyJsonObject() {
        String schema = "{\"type\":\"object\"}";
        assertThat(completes(schema, "{}")).isTrue();
        assertThat(completes(schema, "{\"a\":1,\"b\":[true,null,\"x\",-2.5],\"c\":{\"d\":{}}}")).isTrue();
        assertThat(completes(schema, "{ \"name\" : \"Ada\" , \"tags\" : [ ] }")).isTrue();
        assertThat(accepts(schema, "[")).as("json_object is an object").isFalse();
        assertThat(accepts(schema, "{\"a\"}")).isFalse();
        assertThat(accepts(schema, "{1")).isFalse();
        assertThat(accepts(schema, "{\"\":")).as("keys are names, not empty").isFalse();
        assertThat(accepts(schema, "{\"a\":tru")).isTrue();
        assertThat(accepts(schema, "{\"a\":truth")).isFalse();
        assertThat(accepts(schema, "{\"a\":1,}")).isFalse();
        assertThat(accepts(schema, "{\"a\":01")).isFalse();
    }

    @Test
    void freeFormValuesNestOnlyAsDeepAsAllowed() {
        String schema = "{\"type\":\"object\"}";
        // the object itself plus three nested containers (the default depth), then only scalars
        assertThat(completes(schema, "{\"a\":{\"b\":[{\"c\":1}]}}")).isTrue();
        assertThat(accepts(schema, "{\"a\":{\"b\":[{\"c\":[")).isFalse();
        assertThat(accepts(schema, "{\"a\":{\"b\":[{\"c\":{")).isFalse();
    }

    @Test
    void freeFormObjectsHaveBoundedEntries() {
        StringBuilder twenty = new StringBuilder("{");
        for (int i = 0; i < 20; i++) {
            twenty.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        String schema = "{\"type\":\"object\"}";
        assertThat(completes(schema, twenty + "}")).isTrue();
        assertThat(accepts(schema, twenty + ",")).as("the 21st entry exceeds defaultMaxItems").isFalse();
    }

    @Test
    void additionalPropertiesSchemaMakesAMap() {
        String schema = "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\",\"minimum\":0}}";
        assertThat(completes(schema, "{}")).isTrue();
        assertThat(completes(schema, "{\"x\":1,\"y\":20}")).isTrue();
        assertThat(accepts(schema, "{\"x\":\"")).isFalse();
        assertThat(accepts(schema, "{\"x\":-")).isFalse();
        String closed = "{\"type\":\"object\",\"additionalProperties\":false}";
        assertThat(completes(closed, "{}")).isTrue();
        assertThat(accepts(closed, "{\"")).isFalse();
    }

    @Test
    void arraysWithoutItemsTakeAnyValues() {
        String schema = "{\"type\":\"array\",\"maxItems\":3}";
        assertThat(completes(schema, "[1,\"two\",{\"three\":[3]}]")).isTrue();
        assertThat(accepts(schema, "[1,2,3,")).isFalse();
    }

    @Test
    void freeFormClosingCountsTheShortestWay() {
        String schema = "{\"type\":\"object\"}";
        assertThat(feed(schema, new byte[0]).tokensToComplete()).isEqualTo(2); // {}
        assertThat(feed(schema, "{\"a\":[{\"b\":\"x".getBytes(StandardCharsets.UTF_8)).tokensToComplete())
                .isEqualTo(4); // "}]}
        assertThat(feed(schema, "{\"a\":1,".getBytes(StandardCharsets.UTF_8)).tokensToComplete())
                .isEqualTo(6); // "k":0}
    }

    @Test
    void tokensToCompleteCountsTheShortestClosing() {
        String schema = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"minLength\":2},"
                + "\"b\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"minItems\":1}},\"required\":[\"a\",\"b\"]}";
        ConstrainedSequence s = feed(schema, new byte[0]);
        // {"a":"xx","b":[0]}
        assertThat(s.tokensToComplete()).isEqualTo(18);
        s = feed(schema, "{\"a\":\"x".getBytes(StandardCharsets.UTF_8));
        assertThat(s.tokensToComplete()).isEqualTo(11);
        s = feed(schema, "{\"a\":\"xx\",\"b\":[5".getBytes(StandardCharsets.UTF_8));
        assertThat(s.tokensToComplete()).isEqualTo(2);
    }

    @Test
    void unsupportedKeywordsAreNamed() {
        assertThatThrownBy(() -> feed("{\"type\":\"string\",\"pattern\":\"a+\",\"format\":\"date\"}", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[format, pattern]");
        assertThatThrownBy(() -> feed("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}},"
                + "\"additionalProperties\":{\"type\":\"string\"}}", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("additionalProperties");
        assertThatThrownBy(() -> feed("{\"$defs\":{\"n\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/n\"}}},"
                + "\"$ref\":\"#/$defs/n\"}", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recursive");
        assertThatThrownBy(() -> feed("{\"anyOf\":[{\"type\":\"integer\"},{\"type\":\"number\"}]}", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start differently");
        assertThatThrownBy(() -> feed("{\"type\":\"integer\",\"minimum\":3,\"maximum\":2}", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bounds");
        assertThatThrownBy(() -> feed("{\"type\":\"object\",\"required\":[\"x\"]}", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[x]");
    }
}
