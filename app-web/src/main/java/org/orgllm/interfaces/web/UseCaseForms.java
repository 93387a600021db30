package org.orgllm.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.orgllm.application.OrganizationProfile;
import org.orgllm.application.usecases.CommunicationRequest;
import org.orgllm.application.usecases.CommunicationService;
import org.orgllm.application.usecases.CommunicationType;
import org.orgllm.application.usecases.CompetitorAnalysisRequest;
import org.orgllm.application.usecases.CompetitorIntelligenceService;
import org.orgllm.application.usecases.CustomerCommunicationRequest;
import org.orgllm.application.usecases.CustomerResponseService;
import org.orgllm.application.usecases.DocumentAnalysisRequest;
import org.orgllm.application.usecases.DocumentAnalysisService;
import org.orgllm.application.usecases.DocumentSummaryRequest;
import org.orgllm.application.usecases.DocumentSummaryService;
import org.orgllm.application.usecases.KnowledgeAnswerService;
import org.orgllm.application.usecases.KnowledgeQuery;
import org.orgllm.application.usecases.StrategyRequest;
import org.orgllm.application.usecases.StrategyService;
import org.orgllm.application.usecases.UseCase;
import org.orgllm.application.usecases.UseCaseOptions;
import org.orgllm.application.usecases.UseCaseRequest;
import org.orgllm.application.usecases.UseCaseResult;

/**
 * The workspace's forms, one per use case, read off the request records (so a field added to a request
 * shows up in the portal), and the call of each use case's service. Organization id and name come from
 * the organization switcher, not from the form.
 */
@ApplicationScoped
public class UseCaseForms {

    /** Fields entered as paragraphs rather than a single line. */
    private static final Set<String> LONG_TEXT = Set.of("content", "scenario", "context", "marketData",
            "customerMessage", "competitorAction", "question", "currentPosition", "communicationStyle", "riskProfile");

    /** Fields the portal fills itself. */
    private static final Set<String> IMPLICIT = Set.of("organizationId", "organizationName");

    private static final Map<String, String> TITLES = Map.of(
            UseCase.ANALYZE_DOCUMENT.name(), "Analyze a document",
            UseCase.STRATEGY.name(), "Strategic recommendations",
            UseCase.COMMUNICATION.name(), "Internal communication",
            UseCase.COMPETITOR.name(), "Competitor intelligence",
            UseCase.KNOWLEDGE.name(), "Ask the knowledge base",
            UseCase.CUSTOMER.name(), "Customer response",
            UseCase.SUMMARY.name(), "Summarize a document");

    @Inject
    Validator validator;

    @Inject
    DocumentAnalysisService documentAnalysis;

    @Inject
    StrategyService strategy;

    @Inject
    CommunicationService communication;

    @Inject
    CompetitorIntelligenceService competitor;

    @Inject
    KnowledgeAnswerService knowledge;

    @Inject
    CustomerResponseService customer;

    @Inject
    DocumentSummaryService summary;

    public static String title(String useCase) {
        return TITLES.getOrDefault(useCase, useCase);
    }

    public static UseCase<?, ?> useCase(String name) {
        return UseCase.ALL.stream().filter(u -> u.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown use case " + name));
    }

    /** The inputs of the use case's form, in the order of its request record. */
    public static List<FormField> fields(String useCaseName) {
        List<FormField> fields = new ArrayList<>();
        for (RecordComponent c : useCase(useCaseName).requestType().getRecordComponents()) {
            if (IMPLICIT.contains(c.getName())) {
                continue;
            }
            boolean required = c.getAccessor().isAnnotationPresent(NotBlank.class)
                    || c.isAnnotationPresent(NotBlank.class);
            FormField.Kind kind;
            List<String> options = List.of();
            if (c.getName().equals("communicationType") && c.getDeclaringRecord() == CommunicationRequest.class) {
                kind = FormField.Kind.CHOICE;
                options = Arrays.stream(CommunicationType.values()).map(t -> t.name().toLowerCase(Locale.ROOT)).toList();
            } else if (List.class.isAssignableFrom(c.getType())) {
                kind = FormField.Kind.LIST;
            } else if (c.getType() == Integer.class) {
                kind = FormField.Kind.NUMBER;
            } else if (LONG_TEXT.contains(c.getName())) {
                kind = FormField.Kind.TEXTAREA;
            } else {
                kind = FormField.Kind.TEXT;
            }
            fields.add(new FormField(c.getName(), label(c.getName(), kind), kind, required, options));
        }
        return fields;
    }

    /** Form values pre-filled from the organization's profile (what the request would take from it anyway). */
    public static Map<String, String> prefilled(String useCaseName, OrganizationProfile profile) {
        UseCaseRequest<?> filled = build(useCaseName, profile.id(), Map.of()).withProfile(profile);
        Map<String, String> values = new LinkedHashMap<>();
        for (RecordComponent c : filled.getClass().getRecordComponents()) {
            if (IMPLICIT.contains(c.getName())) {
                continue;
            }
            Object value = read(c, filled);
            values.put(c.getName(), value instanceof List<?> list ? String.join("\n", list.stream().map(String::valueOf).toList())
                    : value == null ? null : String.valueOf(value));
        }
        return values;
    }

    /**
     * The request from the form's values: lists one item per line, numbers parsed.
     *
     * @throws NumberFormatException when a number field holds something else
     */
    public static UseCaseRequest<?> build(String useCaseName, String organizationId, Map<String, String> values) {
        Class<?> type = useCase(useCaseName).requestType();
        RecordComponent[] components = type.getRecordComponents();
        Object[] arguments = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            String raw = values.get(c.getName());
            String value = raw == null || raw.isBlank() ? null : raw.strip();
            if (c.getName().equals("organizationId")) {
                arguments[i] = organizationId;
            } else if (List.class.isAssignableFrom(c.getType())) {
                arguments[i] = value == null ? null
                        : value.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
            } else if (c.getType() == Integer.class) {
                arguments[i] = value == null ? null : Integer.valueOf(value);
            } else {
                arguments[i] = value;
            }
        }
        try {
            return (UseCaseRequest<?>) type.getDeclaredConstructor(types).newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    /** Bean Validation of a request before it is started, so mistakes become messages, not failed generations. */
    public Set<ConstraintViolation<Object>> validate(UseCaseRequest<?> request) {
        return validator.validate((Object) request);
    }

    /** Runs the use case through its service. */
    public UseCaseResult<?> run(UseCaseRequest<?> request, UseCaseOptions options) {
        return switch (request) {
            case DocumentAnalysisRequest r -> documentAnalysis.analyze(r, options);
            case StrategyRequest r -> strategy.recommend(r, options);
            case CommunicationRequest r -> communication.draft(r, options);
            case CompetitorAnalysisRequest r -> competitor.analyze(r, options);
            case KnowledgeQuery r -> knowledge.answer(r, options);
            case CustomerCommunicationRequest r -> customer.draft(r, options);
            case DocumentSummaryRequest r -> summary.summarize(r, options);
            default -> throw new IllegalArgumentException("no service for " + request.getClass().getSimpleName());
        };
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String label(String name, FormField.Kind kind) {
        String words = name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        String label = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return kind == FormField.Kind.LIST ? label + " (one per line)" : label;
    }
}
