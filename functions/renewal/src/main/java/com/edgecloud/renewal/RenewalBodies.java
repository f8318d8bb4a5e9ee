package com.edgecloud.renewal;

import com.edgecloud.http.CheckedBodies;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import jakarta.inject.Singleton;

/** The strict readers of this function's request bodies (CheckedBodies). */
@Factory
class RenewalBodies {

    @Singleton
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    MessageBodyReader<RenewalBody> renewalBody(CheckedBodies bodies) {
        return bodies.reader(RenewalBody.class);
    }

    @Singleton
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    MessageBodyReader<AutoRenewalBody> autoRenewalBody(CheckedBodies bodies) {
        return bodies.reader(AutoRenewalBody.class);
    }
}
