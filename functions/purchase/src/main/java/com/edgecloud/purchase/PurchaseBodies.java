package com.edgecloud.purchase;

import com.edgecloud.http.CheckedBodies;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import jakarta.inject.Singleton;

/** The strict reader of this function's request body (CheckedBodies). */
@Factory
class PurchaseBodies {

    @Singleton
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    MessageBodyReader<PurchaseBody> purchaseBody(CheckedBodies bodies) {
        return bodies.reader(PurchaseBody.class);
    }
}
