package com.edgecloud.admin;

import com.edgecloud.billing.account.Contact;
import com.edgecloud.http.Fields;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The account holder's contact (N1's 'self') in {@link AccountProfileBody}; every part optional. A class of
 * its own: nested, micronaut-openapi 6.20 would file it a second time as 'AccountProfileBody.ContactBody'
 * wherever the property carries a @Schema.
 */
@Serdeable
@Schema(name = "ContactBody")
public record ContactBody(
        @Nullable @Size(max = 100) String name,
        @Nullable @Pattern(regexp = Fields.E164, message = Fields.E164_MESSAGE) String phone,
        @Nullable @Size(max = 254) @Pattern(regexp = Fields.EMAIL, message = "must be an email address") String email) {

    Contact toContact() {
        return new Contact(name, phone, email);
    }
}
