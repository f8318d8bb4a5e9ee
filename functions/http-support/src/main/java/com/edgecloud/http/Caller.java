package com.edgecloud.http;

import java.util.Set;

/**
 * Who is calling: the JWT's {@code sub} (the account id) and its roles (SPEC §9). Bound from the token
 * (CallerBinder), never sent by a client: a parameter of this type is {@link Bound} (or {@link AdminOnly}), hidden from the API document.
 */
public record Caller(String accountId, Set<String> roles) {

    public static final String ADMIN_ROLE = "admin";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN_ROLE);
    }
}
