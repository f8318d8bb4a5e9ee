package com.edgecloud.admin;

import com.edgecloud.http.CheckedBodies;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import jakarta.inject.Singleton;

/** The strict readers of this function's request bodies (CheckedBodies). */
@Factory
class AdminBodies {

    @Singleton
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    MessageBodyReader<AccountProfileBody> accountProfileBody(CheckedBodies bodies) {
        return bodies.reader(AccountProfileBody.class);
    }

    @Singleton
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    MessageBodyReader<CouponBody> couponBody(CheckedBodies bodies) {
        return bodies.reader(CouponBody.class);
    }

    @Singleton
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    MessageBodyReader<NodeBody> nodeBody(CheckedBodies bodies) {
        return bodies.reader(NodeBody.class);
    }

    @Singleton
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    MessageBodyReader<SpecBody> specBody(CheckedBodies bodies) {
        return bodies.reader(SpecBody.class);
    }
}
