package com.edgecloud.http;

import com.edgecloud.billing.error.FieldError;
import io.micronaut.serde.annotation.SerdeImport;

/** Domain records that appear in responses; the billing module knows nothing of Micronaut. */
@SerdeImport(FieldError.class)
final class SerdeImports {
    private SerdeImports() {
    }
}
