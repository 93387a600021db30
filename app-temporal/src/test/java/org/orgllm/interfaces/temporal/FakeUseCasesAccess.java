package org.orgllm.interfaces.temporal;

import java.util.List;
import java.util.concurrent.ExecutorService;

/** Opens the package-private fakes to tests of the samples package. */
public final class FakeUseCasesAccess implements AutoCloseable {

    private final FakeUseCases fakes = new FakeUseCases();

    /** The activities, served by the fakes. */
    public UseCaseActivitiesImpl activities(ExecutorService calls) {
        return new UseCaseActivitiesImpl(UseCaseBinding.all(fakes.bean()), calls);
    }

    /** The requests the services received, in order. */
    public List<Object> requests() {
        return fakes.calls.stream().map(FakeUseCases.Call::request).toList();
    }

    @Override
    public void close() {
        fakes.close();
    }
}
