package com.edgecloud.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import com.edgecloud.billing.account.Contact;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.http.CheckedBody;
import com.edgecloud.http.Fields;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A1: {@code PUT /admin/accounts/{id}}, an account's standing and its own contact. */
@Serdeable
public record AccountProfileBody(@NotNull Boolean activated, @NotNull Verification verification,
                                 // @Nullable, not a property-level @Schema: micronaut-openapi 6.20 would file the
                                 // contact a second time as 'AccountProfileBody.ContactBody'; absent and null are one
                                 // thing to AdminController (no contact)
                                 @Nullable @Valid ContactBody contact) implements CheckedBody {

    /** The account holder's contact (N1's 'self'); every part optional. */
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
}
