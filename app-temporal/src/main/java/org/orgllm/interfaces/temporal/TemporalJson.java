package org.orgllm.interfaces.temporal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;

/**
 * The JSON every OrgLLM Temporal client, worker and test environment must use: snake_case like the
 * REST API's records, and unknown fields ignored — the SDK's default mapper rejects a Python dataclass
 * that carries one field more, and a decoding failure there is retried forever.
 */
public final class TemporalJson {

    private TemporalJson() {}

    /** A new mapper with Temporal's defaults (java.time, Optional) plus snake_case and leniency. */
    public static ObjectMapper newMapper() {
        return JacksonJsonPayloadConverter.newDefaultObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** The data converter to install on clients, workers and test environments. */
    public static DataConverter dataConverter() {
        return DefaultDataConverter.newDefaultInstance()
                .withPayloadConverterOverrides(new JacksonJsonPayloadConverter(newMapper()));
    }
}
