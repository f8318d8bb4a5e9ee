package com.edgecloud.billing.wallet;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** An account's cash and coupons; {@code version} increases with every money movement (A4). */
public record Wallet(Money cash, List<Coupon> coupons, long version) {

    // A3: earliest expiry first, ties by id.
    private static final Comparator<Coupon> DRAW_ORDER =
            Comparator.comparing(Coupon::expiresAt).thenComparing(Coupon::id);

    public Wallet {
        Objects.requireNonNull(cash, "cash");
        coupons = List.copyOf(coupons);
        if (cash.isNegative()) {
            throw new IllegalArgumentException("A4: cash balance cannot be negative: " + cash);
        }
        Set<String> ids = new HashSet<>();
        for (Coupon c : coupons) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("Duplicate coupon id " + c.id());
            }
        }
    }

    public static Wallet empty() {
        return new Wallet(Money.ZERO, List.of(), 0);
    }

    public Optional<Coupon> coupon(String id) {
        return coupons.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** A2: remaining value of coupons that are neither expired nor used up. */
    public Money couponBalance(Instant now) {
        Money sum = Money.ZERO;
        for (Coupon c : coupons) {
            if (c.isAvailableAt(now)) {
                sum = sum.plus(c.remaining());
            }
        }
        return sum;
    }

    /** A2: cash + available coupons. */
    public Money available(Instant now) {
        return cash.plus(couponBalance(now));
    }

    /**
     * A3: coupons first (earliest expiry, then id; partial use allowed), then cash.
     * Throws INSUFFICIENT_BALANCE {required, available} when the amount exceeds A2's available balance.
     */
    public Charge plan(Money amount, Instant now) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(now, "now");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("Charge amount must be positive, got " + amount);
        }
        Money available = available(now);
        if (available.isLessThan(amount)) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("required", amount.toString());
            ext.put("available", available.toString());
            throw new BillingException(ErrorCode.INSUFFICIENT_BALANCE,
                    "Available balance " + available + " is less than the required " + amount + ".", ext);
        }
        List<Coupon> usable = coupons.stream().filter(c -> c.isAvailableAt(now)).sorted(DRAW_ORDER).toList();
        List<CouponDraw> draws = new ArrayList<>();
        Money left = amount;
        for (Coupon c : usable) {
            if (left.isZero()) {
                break;
            }
            Money take = Money.min(left, c.remaining());
            draws.add(new CouponDraw(c.id(), take, c.version()));
            left = left.minus(take);
        }
        return new Charge(amount, left, draws);
    }

    /**
     * The wallet after a planned charge (version + 1). A4: IllegalStateException if the plan is stale
     * (coupon missing, changed or short) or cash would go below zero.
     */
    public Wallet apply(Charge c) {
        Objects.requireNonNull(c, "charge");
        if (cash.isLessThan(c.fromCash())) {
            throw new IllegalStateException("A4: cash " + cash + " cannot cover " + c.fromCash());
        }
        Map<String, Coupon> byId = new LinkedHashMap<>();
        coupons.forEach(k -> byId.put(k.id(), k));
        for (CouponDraw d : c.fromCoupons()) {
            Coupon k = byId.get(d.couponId());
            if (k == null) {
                throw new IllegalStateException("Coupon " + d.couponId() + " is not in this wallet");
            }
            if (k.version() != d.couponVersion()) {
                throw new IllegalStateException("Coupon " + k.id() + " changed since the charge was planned");
            }
            if (k.remaining().isLessThan(d.amount())) {
                throw new IllegalStateException("A4: coupon " + k.id() + " has only " + k.remaining());
            }
            byId.put(k.id(), k.drawn(d.amount()));
        }
        return new Wallet(cash.minus(c.fromCash()), List.copyOf(byId.values()), version + 1);
    }

    /** A recharge (version + 1). */
    public Wallet credit(Money amount) {
        if (!Objects.requireNonNull(amount, "amount").isPositive()) {
            throw new IllegalArgumentException("Recharge amount must be positive, got " + amount);
        }
        return new Wallet(cash.plus(amount), coupons, version + 1);
    }

    /** The same wallet without coupons that can never count again (expired or used up, A2), same version. */
    public Wallet withoutDeadCoupons(Instant now) {
        return new Wallet(cash, coupons.stream().filter(c -> c.isAvailableAt(now)).toList(), version);
    }

    /** A coupon grant (version + 1). */
    public Wallet grant(Coupon coupon) {
        Objects.requireNonNull(coupon, "coupon");
        List<Coupon> next = new ArrayList<>(coupons);
        next.add(coupon);
        return new Wallet(cash, next, version + 1);
    }
}
