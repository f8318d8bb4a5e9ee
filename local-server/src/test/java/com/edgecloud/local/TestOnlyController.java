package com.edgecloud.local;

import com.edgecloud.http.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Clock;
import java.util.List;

/** Test-only endpoints: who the resolver says is calling, and the "now" a controller's clock gives. */
@Controller("/_test")
public class TestOnlyController {

    private final Clock clock;

    public TestOnlyController(Clock clock) {
        this.clock = clock;
    }

    @Get("/whoami")
    public WhoAmI whoami(Caller caller) {
        return new WhoAmI(caller.accountId(), caller.roles().stream().sorted().toList());
    }

    @Get("/now")
    public Now now() {
        return new Now(clock.instant().toString());
    }

    @Serdeable
    public record WhoAmI(String accountId, List<String> roles) {
    }

    @Serdeable
    public record Now(String now) {
    }
}
