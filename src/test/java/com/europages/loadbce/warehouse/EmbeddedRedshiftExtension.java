package com.europages.loadbce.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Injects one {@link EmbeddedRedshiftStandIn} shared by every test class of the run and closed when the run ends. */
public final class EmbeddedRedshiftExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedRedshiftExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedRedshiftStandIn.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // the root store outlives single classes; JUnit 5.13+ closes AutoCloseable values when it closes
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(EmbeddedRedshiftStandIn.class, type -> startStandIn(), EmbeddedRedshiftStandIn.class);
    }

    private static EmbeddedRedshiftStandIn startStandIn() {
        try {
            return EmbeddedRedshiftStandIn.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }
}
