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
import org.orgllm.application.GenerationQueryService;
import org.orgllm.application.GenerationView;
import org.orgllm.application.usecases.UseCase;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The current organization's generations, newest first, one page at a time from the database,
 * filtered by use case and date.
 */
@Named
@ViewScoped
public class HistoryBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    GenerationQueryService generations;

    @Inject
    OrganizationSwitcher switcher;

    private String useCase;
    private LocalDate from;
    private LocalDate to;
    private LazyDataModel<GenerationView> model;

    @PostConstruct
    void init() {
        model = new Rows();
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
            return organization == null ? 0
                    : (int) generations.search(organization, useCase, start(), end(), 0, 1).total();
        }

        @Override
        public List<GenerationView> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            String organization = switcher.getCurrent();
            if (organization == null) {
                return List.of();
            }
            var page = generations.search(organization, useCase, start(), end(), first / pageSize, pageSize);
            setRowCount((int) page.total());
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
