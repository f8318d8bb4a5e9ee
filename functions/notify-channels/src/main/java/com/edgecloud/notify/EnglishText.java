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

    // G7: the balance covers less than the cover threshold at current prices; recharge before it runs out (G3).
    private static NotificationText balanceLow(NotificationFacts f) {
        String hours = f.hoursLeft() == 1 ? "1 hour" : f.hoursLeft() + " hours";
        return new NotificationText(
                "Your balance covers about " + hours + " of usage",
                "At the current prices of your running pay-by-configuration servers, your available balance "
                        + "covers about " + hours + " more.\n\n"
                        + "Recharge your account before it runs out: an hourly bill that cannot be paid makes its "
                        + "server overdue.",
                "Your balance covers about " + hours + " of pay-by-configuration usage. Recharge to avoid overdue.");
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
