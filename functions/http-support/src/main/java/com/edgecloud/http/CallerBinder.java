package com.edgecloud.http;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Lets a controller take a {@link Caller} parameter; no caller means 401, not an admin on an {@link AdminOnly} one 403 (SPEC §9). */
@Singleton
public class CallerBinder implements TypedRequestArgumentBinder<Caller> {

    private final CallerResolver resolver;

    public CallerBinder(CallerResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Argument<Caller> argumentType() {
        return Argument.of(Caller.class);
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> request) {
        Caller caller = resolver.resolve(request).orElseThrow(() -> new BillingException(
                ErrorCode.UNAUTHENTICATED, "A valid bearer token is required."));
        if (context.getAnnotationMetadata().hasAnnotation(AdminOnly.class)) {
            requireAdmin(caller);
        }
        return () -> Optional.of(caller);
    }

    /** For operator endpoints: an authenticated caller without the admin role gets 403. */
    public static Caller requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new BillingException(ErrorCode.FORBIDDEN, "This operation needs the admin role.");
        }
        return caller;
    }
}
