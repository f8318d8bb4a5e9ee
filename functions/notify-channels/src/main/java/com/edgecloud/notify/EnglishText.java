package com.edgecloud.notify;

import com.edgecloud.billing.money.Money;
import java.time.Instant;

/** The {@code en} texts. */
final class EnglishText {

    private EnglishText() {
    }

    static NotificationText render(NotificationFacts f) {
        return switch (f.type()) {
            case EXPIRY_WARNING -> expiryWarning(f);
            case EXPIRED -> expired(f);
            case OVERDUE -> overdue(f);
            case SERVER_STOPPED -> serverStopped(f);
            case SERVER_RELEASED -> serverReleased(f);
            case ORDER_PAID -> orderPaid(f);
            case AUTO_RENEWED -> autoRenewed(f);
            case AUTO_RENEWAL_FAILED -> autoRenewalFailed(f);
            case BALANCE_LOW -> balanceLow(f);
        };
    }

    // E4; E3: not renewed, it runs on for the retention days, then is stopped and released.
    private static NotificationText expiryWarning(NotificationFacts f) {
        String expires = time(f.expiresAt(), f);
        return new NotificationText(
                "Your server " + f.instanceId() + " expires in " + days(f.daysBefore()),
                "Your monthly-package server " + f.instanceId() + location(f) + " expires at " + expires + ".\n\n"
                        + "Renew it before then to keep it running without interruption.\n\n"
                        + "If it is not renewed, it keeps running and its data is kept for "
                        + days(Retention.DAYS) + " after expiry; then the server is stopped and released, "
                        + "and its data is deleted for good.",
                "Server " + f.instanceId() + " expires " + expires + ". Renew to keep it; "
                        + Retention.DAYS + " days after expiry it is released.");
    }

    // E3: an expired server still runs until its release time; R3: renewing makes it normal again.
    private static NotificationText expired(NotificationFacts f) {
        String release = time(f.releaseAt(), f);
        return new NotificationText(
                "Your server " + f.instanceId() + " has expired",
                "Your monthly-package server " + f.instanceId() + location(f) + " expired at "
                        + time(f.expiresAt(), f) + ".\n\n"
                        + "It is still running; the server and its data are kept until " + release
                        + ". Renew it before then to keep it.\n\n"
                        + "If it is not renewed by then, the server will be stopped and released, "
                        + "and its data deleted for good.",
                "Server " + f.instanceId() + " expired. Renew by " + release
                        + " or it is released and its data deleted.");
    }

    // G3, G4: an unpaid bill suspends metering; G5: a recharge that covers it settles it; E3: release.
    private static NotificationText overdue(NotificationFacts f) {
        String release = time(f.releaseAt(), f);
        String bill = f.amount() == null ? "An hourly bill" : "An hourly bill of " + money(f.amount());
        return new NotificationText(
                "Your server " + f.instanceId() + " is overdue",
                bill + " for your pay-by-configuration server " + f.instanceId() + location(f)
                        + " could not be paid from your balance. The server has been overdue since "
                        + time(f.overdueSince(), f) + ". It keeps running, but no further usage is billed "
                        + "until the bill is paid.\n\n"
                        + "Recharge your account to settle the bill; the server then returns to normal.\n\n"
                        + "If the bill is not settled by " + release + ", the server will be stopped and "
                        + "released, and its data deleted for good.",
                "Server " + f.instanceId() + " is overdue"
                        + (f.amount() == null ? "" : ", " + money(f.amount()) + " unpaid")
                        + ". Recharge by " + release + " or it is released.");
    }

    // E5: sent even if the owner had stopped it already, because its data is now gone.
    private static NotificationText serverStopped(NotificationFacts f) {
        return new NotificationText(
                "Your server " + f.instanceId() + " has been stopped",
                "Your server " + f.instanceId() + location(f) + " was stopped" + at(f.releaseAt(), f)
                        + " because the " + Retention.DAYS + "-day retention period after its expiry or unpaid bill "
                        + "has ended. Its data has been deleted and cannot be recovered.",
                "Server " + f.instanceId() + " was stopped at the end of its retention period. "
                        + "Its data has been deleted.");
    }

    // E3, E5: released for good; no renewal or recharge brings it back.
    private static NotificationText serverReleased(NotificationFacts f) {
        return new NotificationText(
                "Your server " + f.instanceId() + " has been released",
                "Your server " + f.instanceId() + location(f) + " was released" + at(f.releaseAt(), f)
                        + " because the " + Retention.DAYS + "-day retention period after its expiry or unpaid bill "
                        + "has ended. Its data has been deleted and cannot be recovered, "
                        + "and it is no longer billed. To use a server again, buy a new one.",
                "Server " + f.instanceId() + " was released at the end of its retention period. "
                        + "Its data has been deleted.");
    }

    // P2: the servers exist from the moment the payment is confirmed.
    private static NotificationText orderPaid(NotificationFacts f) {
        String servers = f.quantity() == null ? "servers"
                : f.quantity() == 1 ? "1 server" : f.quantity() + " servers";
        String yours = f.quantity() == null ? "Your servers" : "Your " + servers;
        return new NotificationText(
                "Your order " + f.orderId() + " has been paid",
                "Your order " + f.orderId() + (f.amount() == null ? "" : " of " + money(f.amount()))
                        + " has been paid.\n\n"
                        + yours + location(f) + (f.quantity() != null && f.quantity() == 1 ? " has" : " have")
                        + " been created and can be found in your instance list.",
                "Order " + f.orderId() + " paid" + (f.amount() == null ? "" : ": " + money(f.amount()))
                        + (f.quantity() == null ? "" : ", " + servers) + ".");
    }

    // R4, R2: renewed from the balance as the owner set it; it stays on for the next term.
    private static NotificationText autoRenewed(NotificationFacts f) {
        String expires = time(f.expiresAt(), f);
        return new NotificationText(
                "Your server " + f.instanceId() + " has been renewed automatically",
                "Your monthly-package server " + f.instanceId() + location(f) + " was renewed automatically, "
                        + "as you set it. " + money(f.amount()) + " was charged to your balance, and the server "
                        + "now expires at " + expires + ".\n\n"
                        + "Auto-renewal stays on for the next term; you can turn it off in the instance's "
                        + "auto-renewal setting.",
                "Server " + f.instanceId() + " renewed automatically: " + money(f.amount())
                        + ", now expires " + expires + ".");
    }

    // R4: the sweep tries again until expiry; E3: after expiry it runs on, then is released.
    private static NotificationText autoRenewalFailed(NotificationFacts f) {
        String expires = time(f.expiresAt(), f);
        return new NotificationText(
                "Auto-renewal of your server " + f.instanceId() + " failed",
                "Your monthly-package server " + f.instanceId() + location(f) + " could not be renewed "
                        + "automatically: your available balance does not cover the renewal"
                        + (f.amount() == null ? "" : " price of " + money(f.amount())) + ". The server expires at "
                        + expires + ".\n\n"
                        + "Recharge your account before then: auto-renewal tries again until expiry. "
                        + "You can also renew it yourself.",
                "Auto-renewal of server " + f.instanceId() + " failed: balance too low. Recharge before "
                        + expires + ".");
    }

    // G7: at the current hourly prices; G3: a bill that cannot be paid makes its server overdue.
    private static NotificationText balanceLow(NotificationFacts f) {
        String until = time(f.coversUntil(), f);
        return new NotificationText(
                "Your balance lasts " + hours(f.hoursLeft()) + " more",
                "Your available balance of " + money(f.amount()) + " covers your pay-by-configuration servers "
                        + "for " + hours(f.hoursLeft()) + " more at their current hourly prices, until "
                        + until + ".\n\n"
                        + "Recharge in time: a bill that cannot be paid makes its server overdue, and "
                        + Retention.DAYS + " days later an overdue server is stopped and released, "
                        + "and its data deleted for good.",
                "Balance " + money(f.amount()) + " lasts " + hours(f.hoursLeft()) + " more, until " + until
                        + ". Recharge in time.");
    }

    private static String hours(int n) {
        return n == 0 ? "less than 1 hour" : n == 1 ? "about 1 hour" : "about " + n + " hours";
    }

    private static String location(NotificationFacts f) {
        if (f.nodeName() != null && f.city() != null) {
            return " on node " + f.nodeName() + " (" + f.city() + ")";
        }
        if (f.nodeName() != null) {
            return " on node " + f.nodeName();
        }
        if (f.city() != null) {
            return " in " + f.city();
        }
        return "";
    }

    private static String at(Instant instant, NotificationFacts f) {
        return instant == null ? "" : " at " + time(instant, f);
    }

    private static String time(Instant instant, NotificationFacts f) {
        return BillingZoneTime.format(instant, f.zone());
    }

    private static String days(int n) {
        return n == 1 ? "1 day" : n + " days";
    }

    private static String money(Money m) {
        return "CNY " + m;
    }
}
