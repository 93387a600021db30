package org.orgllm.interfaces.openai;

import java.util.List;
import org.orgllm.application.ServedModel;

/** {@code GET /v1/models}: OpenAI's list shape. */
public record ModelList(String object, List<Model> data) {

    /** One model the caller may name; {@code created} is in seconds since the epoch. */
    public record Model(String id, String object, long created, String ownedBy) {

        static Model of(ServedModel m) {
            return new Model(m.id(), "model", m.created().getEpochSecond(), m.ownedBy());
        }
    }

    static ModelList of(List<ServedModel> models) {
        return new ModelList("list", models.stream().map(Model::of).toList());
    }
}
