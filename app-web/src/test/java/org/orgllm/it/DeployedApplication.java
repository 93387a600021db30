package org.orgllm.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension: boots the application once for the whole test run (Payara Micro takes minutes)
 * and hands the {@link RunningServer} to test classes as a parameter; it stops when the run ends.
 */
public final class DeployedApplication implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DeployedApplication.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static RunningServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("server", key -> {
            try {
                return new Resource(RunningServer.start());
            } catch (Exception e) {
                throw new IllegalStateException("could not start the application: " + e.getMessage(), e);
            }
        }, Resource.class).server();
    }

    /** Closes the server when the root context (the whole run) closes. */
    private record Resource(RunningServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.close();
        }
    }
}
