package org.orgllm.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.orgllm.application.FeedbackService;
import org.orgllm.application.GenerationQueryService;
import org.orgllm.application.GenerationQueryService.HistoryCriteria;
import org.orgllm.application.GenerationQueryService.ModelChoices;
import org.orgllm.application.GenerationView;
import org.orgllm.application.usecases.UseCase;
import org.orgllm.domain.model.feedback.FeedbackSummary;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The current organization's generations, newest first, one page at a time from the database,
 * filtered by use case, date, model, adapter version and rating, with the reviewers' ratings.
 */
@Named
@ViewScoped
public class HistoryBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    GenerationQueryService generations;

    @Inject
    OrganizationSwitcher switcher;

    @Inject
    FeedbackService feedback;

    private String useCase;
    private LocalDate from;
    private LocalDate to;
    private String baseModel;
    private String adapterVersion;
    private String rating;
    private LazyDataModel<GenerationView> model;
    private ModelChoices choices = new ModelChoices(List.of(), List.of());
    private Map<UUID, FeedbackSummary> summaries = Map.of();

    @PostConstruct
    void init() {
        model = new Rows();
        if (switcher.getCurrent() != null) {
            choices = generations.modelChoices(switcher.getCurrent());
        }
    }

    /** The reviewers' rating of a row, when it has any. */
    public FeedbackSummary summary(GenerationView g) {
        return summaries.get(g.id());
    }

    /** The average quality rounded to whole stars. */
    public Integer stars(GenerationView g) {
        FeedbackSummary s = summaries.get(g.id());
        return s == null ? null : (int) Math.round(s.quality());
    }

    public ModelChoices getChoices() {
        return choices;
    }

    private HistoryCriteria criteria(String organization) {
        Integer minQuality = null;
        Boolean rated = null;
        if ("unrated".equals(rating)) {
            rated = false;
        } else if ("rated".equals(rating)) {
            rated = true;
        } else if (rating != null && rating.matches("[1-5]")) {
            minQuality = Integer.valueOf(rating);
        }
        return new HistoryCriteria(organization, useCase, start(), end(), baseModel, adapterVersion, minQuality, rated);
    }

    /** The table's lazy model; reads only the page on screen. */
    public LazyDataModel<GenerationView> getModel() {
        return model;
    }

    public List<UseCase<?, ?>> getUseCases() {
        return UseCase.ALL;
    }

    public String title(String name) {
        return UseCaseForms.title(name);
    }

    private final class Rows extends LazyDataModel<GenerationView> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            String organization = switcher.getCurrent();
            return organization == null ? 0 : (int) generations.search(criteria(organization), 0, 1).total();
        }

        @Override
        public List<GenerationView> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            String organization = switcher.getCurrent();
            if (organization == null) {
                return List.of();
            }
            var page = generations.search(criteria(organization), first / pageSize, pageSize);
            setRowCount((int) page.total());
            summaries = feedback.summaries(page.items().stream().map(GenerationView::id).toList());
            return page.items();
        }

        @Override
        public String getRowKey(GenerationView row) {
            return row.id().toString();
        }

        @Override
        public GenerationView getRowData(String rowKey) {
            return getWrappedData() == null ? null
                    : ((List<GenerationView>) getWrappedData()).stream().filter(g -> g.id().toString().equals(rowKey))
                            .findFirst().orElse(null);
        }
    }

    private Instant start() {
        return from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The end date is inclusive: up to the start of the next day. */
    private Instant end() {
        return to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public String getBaseModel() {
        return baseModel;
    }

    public void setBaseModel(String baseModel) {
        this.baseModel = baseModel;
    }

    public String getAdapterVersion() {
        return adapterVersion;
    }

    public void setAdapterVersion(String adapterVersion) {
        this.adapterVersion = adapterVersion;
    }

    public String getRating() {
        return rating;
    }

    public void setRating(String rating) {
        this.rating = rating;
    }

    public String getUseCase() {
        return useCase;
    }

    public void setUseCase(String useCase) {
        this.useCase = useCase;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
