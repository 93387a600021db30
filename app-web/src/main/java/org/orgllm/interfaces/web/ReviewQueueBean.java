package org.orgllm.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.orgllm.application.GenerationView;
import org.orgllm.application.ReviewService;
import org.orgllm.application.usecases.UseCase;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The reviewer queue: the current organization's answers nobody has rated yet, oldest first. */
@Named
@ViewScoped
public class ReviewQueueBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ReviewService reviews;

    @Inject
    OrganizationSwitcher switcher;

    private LazyDataModel<GenerationView> model;

    @PostConstruct
    void init() {
        model = new Rows();
    }

    public LazyDataModel<GenerationView> getModel() {
        return model;
    }

    public List<UseCase<?, ?>> getUseCases() {
        return UseCase.ALL;
    }

    public List<String> guidelines(String useCase) {
        return reviews.guidelines(useCase);
    }

    public String title(String name) {
        return UseCaseForms.title(name);
    }

    private final class Rows extends LazyDataModel<GenerationView> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            String organization = switcher.getCurrent();
            return organization == null ? 0 : (int) reviews.queue(organization, 0, 1).total();
        }

        @Override
        public List<GenerationView> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            String organization = switcher.getCurrent();
            if (organization == null) {
                return List.of();
            }
            var page = reviews.queue(organization, first / pageSize, pageSize);
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(GenerationView row) {
            return row.id().toString();
        }
    }
}
