package com.edgecloud.renewal;

import com.edgecloud.billing.renewal.AutoRenewalSettings;
import com.edgecloud.billing.time.TermDuration;
import com.edgecloud.http.Caller;
import com.edgecloud.http.JsonRequest;
import com.edgecloud.http.Views;
import com.edgecloud.http.Views.AutoRenewalView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.JsonMapper;

/**
 * R4: GET and PUT /instances/{id}/auto-renewal {enabled, duration}. A PUT is validated whole
 * first (400 naming the field, nothing written); setting the same value again changes nothing,
 * so it needs no Idempotency-Key, as the message settings' PUT.
 */
@Controller("/instances")
public class AutoRenewalController {

    private final AutoRenewalSettings settings;
    private final JsonMapper json;

    public AutoRenewalController(AutoRenewalSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
    }

    @Get("/{id}/auto-renewal")
    public AutoRenewalView get(Caller caller, @PathVariable String id) {
        return Views.autoRenewal(settings.of(caller.accountId(), id));
    }

    @Put(uri = "/{id}/auto-renewal", consumes = {"application/json", "text/plain", "*/*"})
    public AutoRenewalView put(Caller caller, @PathVariable String id, @Nullable @Body String body) {
        JsonRequest in = JsonRequest.parse(json, body);
        Boolean enabled = in.requiredBoolean("enabled");
        // R4: the duration (P1) is required when enabled; one given with enabled=false is kept for later.
        TermDuration duration = Boolean.TRUE.equals(enabled) || in.has("duration") ? in.requiredDuration("duration") : null;
        in.validate();
        return Views.autoRenewal(settings.set(caller.accountId(), id, enabled, duration));
    }
}
