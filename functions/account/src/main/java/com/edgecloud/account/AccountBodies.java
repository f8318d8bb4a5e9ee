package com.edgecloud.account;

import com.edgecloud.http.CheckedBodies;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import jakarta.inject.Singleton;

/** The strict readers of this function's request bodies (CheckedBodies). */
@Factory
class AccountBodies {

    @Singleton
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    MessageBodyReader<RechargeBody> rechargeBody(CheckedBodies bodies) {
        return bodies.reader(RechargeBody.class);
    }

    @Singleton
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    MessageBodyReader<MessageSettingsBody> messageSettingsBody(CheckedBodies bodies) {
        return bodies.reader(MessageSettingsBody.class);
    }
}
