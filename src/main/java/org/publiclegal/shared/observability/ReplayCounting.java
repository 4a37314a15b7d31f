package org.publiclegal.shared.observability;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.publiclegal.shared.idempotency.Idempotency;

/** Counts the creates answered from a stored response ({@code Idempotent-Replayed: true}) in one place. */
@Provider
public class ReplayCounting implements ContainerResponseFilter {

    private final OperationalMetrics metrics;

    public ReplayCounting(OperationalMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if ("true".equals(response.getHeaderString(Idempotency.REPLAYED_HEADER))) {
            metrics.idempotentReplay();
        }
    }
}
