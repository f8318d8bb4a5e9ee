package com.edgecloud.testing.aws;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(MotoExtension.class)}: the JVM's {@link MotoServer}, started before the first
 * class that needs it and stopped when JUnit closes its root context (the end of the run), as a
 * Testcontainers container would be. Test methods and constructors may take it as a parameter.
 */
public final class MotoExtension implements BeforeAllCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(MotoExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static MotoServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Stopper.class, key -> new Stopper(MotoServer.shared()), Stopper.class).server;
    }

    /** Closed by JUnit with the root context: stops the server once, at the end. */
    private record Stopper(MotoServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            MotoServer.stopShared();
        }
    }
}
