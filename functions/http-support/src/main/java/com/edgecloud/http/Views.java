package com.edgecloud.http;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.core.annotation.Nullable;
import com.edgecloud.billing.Page;
import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.account.Contact;
import com.edgecloud.billing.metering.BalanceForecast;
import com.edgecloud.billing.metering.BalanceForecast.Forecast;
import com.edgecloud.billing.metering.Bill;
import com.edgecloud.billing.metering.BillRepository;
import com.edgecloud.billing.payment.Payment;
import com.edgecloud.billing.wallet.Coupon;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.billing.wallet.Wallet;
import com.edgecloud.billing.catalog.Hardware;
import com.edgecloud.billing.catalog.Node;
import com.edgecloud.billing.catalog.Spec;
import com.edgecloud.billing.instance.AutoRenewal;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.OperationRecord;
import com.edgecloud.billing.instance.Term;
import com.edgecloud.billing.time.ApiTime;
import com.edgecloud.billing.time.ExpiryCalendar;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * Wire forms shared by several functions (SPEC §11); instants print in the billing zone (T1).
 * Absent fields print as null and empty lists as [] (Micronaut Serde would leave both out).
 */
@Singleton
public class Views {

    private final ExpiryCalendar calendar;
    private final BillRepository bills;
    private final BalanceForecast forecast;

    public Views(ExpiryCalendar calendar, BillRepository bills, BalanceForecast forecast) {
        this.calendar = calendar;
        this.bills = bills;
        this.forecast = forecast;
    }

    public String time(Instant instant) {
        return ApiTime.format(instant, calendar.zone());
    }

    public InstanceView instance(Instance i) {
        return new InstanceView(i.id(), i.accountId(), i.nodeId(), i.specId(), i.billingMethod().name(),
                i.billingState().name(), i.powerState().name(), time(i.termStartsAt()), time(i.expiresAt()),
                time(i.overdueSince()), time(i.releaseAt()), time(i.createdAt()), autoRenewal(i.autoRenewal()));
    }

    /** R4: {@code {enabled, duration}}, duration null until one is set. */
    public static AutoRenewalView autoRenewal(AutoRenewal a) {
        return new AutoRenewalView(a.enabled(), a.duration() == null ? null
                : new DurationView(a.duration().unit().name(), a.duration().count()));
    }

    /** SPEC §11: a term of a monthly package (P3, R2). */
    public TermView term(Term t) {
        return new TermView(time(t.termStartsAt()), time(t.expiresAt()),
                new DurationView(t.duration().unit().name(), t.duration().count()), t.amount().toString(),
                t.orderId(), t.renewalId());
    }

    /** SPEC §11: an accepted owner operation. */
    public OperationView operation(OperationRecord o) {
        return new OperationView(o.id(), time(o.at()), o.operation().name(), o.by(),
                o.powerStateFrom() == null ? null : o.powerStateFrom().name(),
                o.powerStateTo() == null ? null : o.powerStateTo().name());
    }

    /**
     * SPEC §9 GET /account; arrears are the sum of the account's unpaid usage bills (G3); G7: the
     * hourly rate of its running pay-by-configuration instances at current prices, and until when
     * the available balance covers it (null when nothing runs).
     */
    public AccountView account(Account a, Instant now) {
        Wallet w = a.wallet();
        Contact c = a.contact();
        Forecast f = forecast.of(a, now);
        return new AccountView(a.accountId(), a.activated(), a.verification().name(), w.cash().toString(),
                w.couponBalance(now).toString(), w.available(now).toString(), bills.arrears(a.accountId()).toString(),
                f.hourly().toString(), time(f.coversUntil()),
                c == null ? null : new ContactView(c.name(), c.phone(), c.email()));
    }

    /** SPEC §11 usage bill. */
    public BillView bill(Bill b) {
        return new BillView(b.id(), b.instanceId(), time(b.periodStart()), time(b.periodEnd()), b.seconds(),
                b.amount().toString(), b.status().name());
    }

    public LedgerEntryView ledgerEntry(LedgerEntry e) {
        return new LedgerEntryView(e.id(), time(e.at()), e.type().name(), e.cash().toString(), e.coupon().toString(),
                e.couponId(), e.instanceId(), e.orderId());
    }

    /** SPEC §11 Payment: {paymentId, amount, status}. */
    public static PaymentView payment(Payment p) {
        return new PaymentView(p.paymentId(), p.amount().toString(), p.status().name());
    }

    public CouponView coupon(Coupon c) {
        return new CouponView(c.id(), c.granted().toString(), c.remaining().toString(), time(c.expiresAt()));
    }

    /** C3: {@code distanceKm} (one decimal) only when the list was asked {@code near} a point. */
    public static NodeView node(Node n, BigDecimal distanceKm) {
        return new NodeView(n.nodeId(), n.name(), n.region(), n.city(), n.latitude(), n.longitude(),
                n.status().name(), distanceKm);
    }

    public static SpecView spec(Spec s) {
        Hardware h = s.hardware();
        return new SpecView(s.nodeId(), s.specId(), s.name(), new CpuView(h.cpu().model(), h.cpu().cores()),
                h.memoryGiB(), h.disks().stream().map(d -> new DiskView(d.type().name(), d.sizeGiB(), d.count())).toList(),
                h.bandwidthMbps(), s.monthlyPrice().toString(), s.yearlyPrice().toString(), s.hourlyPrice().toString(),
                Math.max(s.stock(), 0));
    }

    public static <T, V> ListView<V> list(Page<T> page, Function<T, V> view) {
        return new ListView<>(page.items().stream().map(view).toList(), page.nextToken());
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Bill")
    public record BillView(String id, String instanceId, @Schema(format = "date-time") String periodStart, @Schema(format = "date-time") String periodEnd, long seconds,
                           @Schema(pattern = Fields.MONEY_ANSWER) String amount, @Schema(allowableValues = {"PAID", "UNPAID"}) String status) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Instance")
    public record InstanceView(String id, String accountId, String nodeId, String specId,
                               @Schema(allowableValues = {"MONTHLY_PACKAGE", "PAY_BY_CONFIGURATION"}) String billingMethod,
                               @Schema(allowableValues = {"NORMAL", "EXPIRED", "OVERDUE", "RELEASED"}) String billingState,
                               @Schema(allowableValues = {"RUNNING", "STOPPED"}) String powerState,
                               @Nullable @Schema(format = "date-time") String termStartsAt, @Nullable @Schema(format = "date-time") String expiresAt,
                               @Nullable @Schema(format = "date-time") String overdueSince, @Nullable @Schema(format = "date-time") String releaseAt, @Schema(format = "date-time") String createdAt,
                               AutoRenewalView autoRenewal) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "AutoRenewal")
    public record AutoRenewalView(boolean enabled,
                                  // always written, null when never set; not "required" in the document because
                                  // micronaut-openapi drops null members of examples (an example must still validate).
                                  // A bare $ref: OpenAPI 3.0 has no nullable $ref that the contract check's validator
                                  // accepts null for (allOf + nullable fails on null there). name, implementation and ref:
                                  // without them micronaut-openapi 6.20 files a property-level @Schema's type a second
                                  // time under its nested-class name ('Views.DurationView') instead of 'Duration'
                                  @Schema(name = "duration", requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                                          description = "Null when auto-renewal was never set", implementation = DurationView.class, ref = "#/components/schemas/Duration") DurationView duration) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Account")
    public record AccountView(String accountId, boolean activated,
                              @Schema(allowableValues = {"NONE", "PERSONAL", "ENTERPRISE"}) String verification,
                              @Schema(pattern = Fields.MONEY_ANSWER) String cashBalance, @Schema(pattern = Fields.MONEY_ANSWER) String couponBalance, @Schema(pattern = Fields.MONEY_ANSWER) String availableBalance, @Schema(pattern = Fields.MONEY_ANSWER) String arrears,
                              @Schema(pattern = Fields.MONEY_ANSWER) String payByConfigurationHourly,
                              @Nullable @Schema(format = "date-time") String coversUntil,
                              ContactView contact) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Contact", nullable = true, description = "The account holder's contact; null until an operator sets one")
    public record ContactView(@Nullable String name, @Nullable String phone, @Nullable String email) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "LedgerEntry")
    public record LedgerEntryView(String id, @Schema(format = "date-time") String at, String type, @Schema(pattern = Fields.MONEY_ANSWER) String cash, @Schema(pattern = Fields.MONEY_ANSWER) String coupon, @Nullable String couponId,
                                  @Nullable String instanceId, @Nullable String orderId) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Payment")
    public record PaymentView(String paymentId, @Schema(pattern = Fields.MONEY_ANSWER) String amount,
                              @Schema(allowableValues = {"PENDING", "SUCCEEDED", "FAILED"}) String status) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Coupon")
    public record CouponView(String couponId, @Schema(pattern = Fields.MONEY_ANSWER) String amount, @Schema(pattern = Fields.MONEY_ANSWER) String remaining, @Schema(format = "date-time") String expiresAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Node")
    public record NodeView(String nodeId, String name, String region, String city, double latitude,
                           double longitude, @Schema(allowableValues = {"OPEN", "UNDER_CONSTRUCTION"}) String status,
                           @Nullable BigDecimal distanceKm) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Spec")
    public record SpecView(String nodeId, String specId, String name, CpuView cpu, int memoryGiB,
                           List<DiskView> disks, int bandwidthMbps, @Schema(pattern = Fields.MONEY_ANSWER) String monthlyPrice, @Schema(pattern = Fields.MONEY_ANSWER) String yearlyPrice,
                           @Schema(pattern = Fields.MONEY_ANSWER) String hourlyPrice, int stock) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Cpu")
    public record CpuView(String model, int cores) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Disk")
    public record DiskView(String type, int sizeGiB, int count) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Term")
    public record TermView(@Schema(format = "date-time") String termStartsAt, @Schema(format = "date-time") String expiresAt, DurationView duration, @Schema(pattern = Fields.MONEY_ANSWER) String amount,
                           @Nullable String orderId, @Nullable String renewalId) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Duration", nullable = true, description = "A P1 duration; null in an auto-renewal never given one (R4)")
    public record DurationView(@Schema(allowableValues = {"MONTH", "YEAR"}) String unit, int count) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Operation")
    public record OperationView(String id, @Schema(format = "date-time") String at, String operation, String by, @Nullable String powerStateFrom,
                                @Nullable String powerStateTo) {
    }

    /** SPEC §11: every list is {@code {items, nextToken}}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ListView<V>(List<V> items, @Nullable @Schema(description = "Null on the last page") String nextToken) {
    }
}
