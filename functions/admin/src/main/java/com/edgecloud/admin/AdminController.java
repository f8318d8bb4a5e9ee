package com.edgecloud.admin;

import com.edgecloud.billing.Ids;
import com.edgecloud.billing.account.AccountRepository;
import com.edgecloud.billing.account.Contact;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.catalog.DiskType;
import com.edgecloud.billing.catalog.Hardware;
import com.edgecloud.billing.catalog.SpecChanges;
import com.edgecloud.billing.catalog.Node;
import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.billing.catalog.Spec;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.idempotency.Canonical;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.wallet.Coupon;
import com.edgecloud.billing.wallet.WalletRepository;
import com.edgecloud.http.Caller;
import com.edgecloud.http.CallerBinder;
import com.edgecloud.http.IdempotentRequests;
import com.edgecloud.http.IdempotentRequests.StoredAnswer;
import com.edgecloud.http.JsonRequest;
import com.edgecloud.http.Views;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Operator endpoints: accounts (A1), coupons (A2), catalog and stock (C1, C2). Admin role only. */
@Controller("/admin")
public class AdminController {

    private static final String ANY = "*/*";
    /** The most one coupon can be worth: an operator's typo must not overflow the balances. */
    static final Money MAX_COUPON = Money.parse("100000000.00");

    private final AccountRepository accounts;
    private final WalletRepository wallets;
    private final CatalogRepository catalog;
    private final SpecChanges specChanges;
    private final IdempotentRequests idempotent;
    private final Views views;
    private final JsonMapper json;
    private final Clock clock;

    public AdminController(AccountRepository accounts, WalletRepository wallets, CatalogRepository catalog,
                           IdempotentRequests idempotent, Views views, JsonMapper json, Clock clock) {
        this.accounts = accounts;
        this.wallets = wallets;
        this.catalog = catalog;
        this.specChanges = new SpecChanges(catalog, clock);
        this.idempotent = idempotent;
        this.views = views;
        this.json = json;
        this.clock = clock;
    }

    @Put(value = "/accounts/{id}", consumes = ANY)
    public Views.AccountView putAccount(Caller caller, @PathVariable String id, @Nullable @Body String body) {
        CallerBinder.requireAdmin(caller);
        JsonRequest in = JsonRequest.parse(json, body);
        requireId(in, "id", id);
        Boolean activated = in.requiredBoolean("activated");
        Verification verification = in.requiredEnum("verification", Verification.class);
        JsonRequest c = in.optionalObject("contact");
        Contact contact = c == null ? null
                : new Contact(c.optionalText("name", 100), c.optionalText("phone", 32), c.optionalText("email", 254));
        in.validate();
        Instant now = clock.instant();
        return views.account(accounts.saveProfile(id, activated, verification, contact, now), now);
    }

    /** Grants a coupon; a retry with the same Idempotency-Key (optional here) grants it once. */
    @Post(value = "/accounts/{id}/coupons", consumes = ANY)
    public HttpResponse<?> grantCoupon(Caller caller, @PathVariable String id,
                                       @Nullable @Header(IdempotentRequests.HEADER) String idempotencyKey,
                                       @Nullable @Body String body) {
        CallerBinder.requireAdmin(caller);
        JsonRequest in = JsonRequest.parse(json, body);
        requireId(in, "id", id);
        Money amount = in.requiredMoney("amount");
        Instant expiresAt = in.requiredInstant("expiresAt");
        Instant now = clock.instant();
        if (amount != null && !amount.isPositive()) {
            in.reject("amount", "must be more than 0.00");
        } else if (amount != null && MAX_COUPON.isLessThan(amount)) {
            in.reject("amount", "must be at most " + MAX_COUPON);
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            in.reject("expiresAt", "must be in the future: a coupon that has already expired is worth nothing (A2)");
        }
        in.validate();
        accounts.find(id).orElseThrow(() -> BillingException.notFound("account " + id));
        Coupon coupon = Coupon.grant(Ids.next("cpn"), amount, expiresAt);
        if (idempotencyKey == null) {
            return HttpResponse.status(HttpStatus.CREATED).body(views.coupon(wallets.grantCoupon(id, coupon, now, null)));
        }
        String canonical = Canonical.of("coupon-grant").with("accountId", id).with("amount", amount)
                .with("expiresAt", expiresAt).form();
        return idempotent.run(caller, "coupon-grant", IdempotentRequests.requireKey(idempotencyKey),
                canonical, stored -> { }, claim -> {
                    // the answer is stored with the grant: a retry can never grant twice
                    StoredAnswer answer = new StoredAnswer(201, write(views.coupon(coupon)));
                    wallets.grantCoupon(id, coupon, now,
                            new IdempotentCompletion(claim.key(), claim.token(), answer.status(), answer.body()));
                    return answer;
                });
    }

    @Put(value = "/catalog/nodes/{nodeId}", consumes = ANY)
    public Views.NodeView putNode(Caller caller, @PathVariable String nodeId, @Nullable @Body String body) {
        CallerBinder.requireAdmin(caller);
        JsonRequest in = JsonRequest.parse(json, body);
        requireId(in, "nodeId", nodeId);
        String name = in.optionalText("name", 100);
        String region = in.requiredText("region", 100); // C3: operators give the location
        String city = in.requiredText("city", 100);
        Double latitude = in.requiredNumber("latitude", -90, 90);
        Double longitude = in.requiredNumber("longitude", -180, 180);
        NodeStatus status = nodeStatus(in);
        in.validate();
        Node node = new Node(nodeId, name == null ? nodeId : name, region, city, latitude, longitude, status);
        catalog.saveNode(node);
        return Views.node(node, null);
    }

    /** C2, C3: hardware and prices replaced; the stock set as a change, so racing purchases keep theirs. */
    @Put(value = "/catalog/nodes/{nodeId}/specs/{specId}", consumes = ANY)
    public Views.SpecView putSpec(Caller caller, @PathVariable String nodeId, @PathVariable String specId,
                                  @Nullable @Body String body) {
        CallerBinder.requireAdmin(caller);
        JsonRequest in = JsonRequest.parse(json, body);
        requireId(in, "nodeId", nodeId);
        requireId(in, "specId", specId);
        String name = in.optionalText("name", 100);
        Hardware hardware = hardware(in);
        Money monthly = price(in, "monthlyPrice");
        Money yearly = price(in, "yearlyPrice");
        Money hourly = price(in, "hourlyPrice");
        Integer stock = in.requiredInteger("stock", 0, 1_000_000);
        in.validate();
        catalog.node(nodeId).orElseThrow(() -> BillingException.notFound("node " + nodeId));
        return Views.spec(specChanges.put(new Spec(nodeId, specId, name == null ? specId : name, hardware,
                monthly, yearly, hourly, stock)));
    }

    /** C3: every part of the configuration is required; null when any is missing or bad (all named). */
    private static Hardware hardware(JsonRequest in) {
        JsonRequest cpu = in.requiredObject("cpu");
        String model = null;
        Integer cores = null;
        if (cpu != null) {
            model = cpu.requiredText("model", 100);
            cores = cpu.requiredInteger("cores", 1, 4096);
        }
        Integer memory = in.requiredInteger("memoryGiB", 1, 1_048_576);
        List<JsonRequest> diskFields = in.requiredObjects("disks", 1, 64);
        List<Hardware.Disk> disks = new ArrayList<>();
        boolean disksValid = diskFields != null;
        for (JsonRequest disk : diskFields == null ? List.<JsonRequest>of() : diskFields) {
            DiskType type = disk.requiredEnum("type", DiskType.class);
            Integer size = disk.requiredInteger("sizeGiB", 1, 1_048_576);
            Integer count = disk.requiredInteger("count", 1, 256);
            if (type == null || size == null || count == null) {
                disksValid = false;
            } else {
                disks.add(new Hardware.Disk(type, size, count));
            }
        }
        Integer bandwidth = in.requiredInteger("bandwidthMbps", 1, 1_000_000);
        if (model == null || cores == null || memory == null || !disksValid || bandwidth == null) {
            return null;
        }
        return new Hardware(new Hardware.Cpu(model, cores), memory, disks, bandwidth);
    }

    /** C1: accepts the console's wording too ("OPEN_FOR_SALE"). */
    private static NodeStatus nodeStatus(JsonRequest in) {
        String status = in.requiredText("status", 40);
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "OPEN", "OPEN_FOR_SALE" -> NodeStatus.OPEN;
            case "UNDER_CONSTRUCTION" -> NodeStatus.UNDER_CONSTRUCTION;
            default -> {
                in.reject("status", "must be OPEN (or OPEN_FOR_SALE) or UNDER_CONSTRUCTION");
                yield null;
            }
        };
    }

    private static Money price(JsonRequest in, String field) {
        Money price = in.requiredMoney(field);
        if (price != null && price.isNegative()) {
            in.reject(field, "must not be negative");
        }
        return price;
    }

    /** Path ids are checked like body ids, so nothing odd becomes a key. */
    private static void requireId(JsonRequest in, String field, String value) {
        if (value == null || !value.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")) {
            in.reject(field, "must be 1-64 letters, digits, '.', '_', ':' or '-'");
        }
    }

    private String write(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
