package com.edgecloud.notify;

import com.edgecloud.billing.money.Money;
import java.time.Instant;

/** The {@code zh-CN} texts (the default language, §11). */
final class ChineseText {

    private ChineseText() {
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
                "您的服务器 " + f.instanceId() + " 将在 " + f.daysBefore() + " 天后到期",
                yours(f) + "包年包月服务器 " + f.instanceId() + " 将于 " + expires + " 到期。\n\n"
                        + "请在到期前续费，服务器将不间断运行。\n\n"
                        + "如未续费，服务器到期后仍会运行，数据保留 " + Retention.DAYS + " 天；"
                        + "保留期满后服务器将被停止并释放，数据将被永久删除。",
                "服务器 " + f.instanceId() + " 将于 " + expires + " 到期，请及时续费；到期 "
                        + Retention.DAYS + " 天后将被释放。");
    }

    // E3: an expired server still runs until its release time; R3: renewing makes it normal again.
    private static NotificationText expired(NotificationFacts f) {
        String release = time(f.releaseAt(), f);
        return new NotificationText(
                "您的服务器 " + f.instanceId() + " 已到期",
                yours(f) + "包年包月服务器 " + f.instanceId() + " 已于 " + time(f.expiresAt(), f) + " 到期。\n\n"
                        + "服务器仍在运行，服务器及其数据保留至 " + release + "，请在此之前续费。\n\n"
                        + "如届时仍未续费，服务器将被停止并释放，数据将被永久删除。",
                "服务器 " + f.instanceId() + " 已到期，请于 " + release + " 前续费，否则将被释放，数据删除。");
    }

    // G3, G4: an unpaid bill suspends metering; G5: a recharge that covers it settles it; E3: release.
    private static NotificationText overdue(NotificationFacts f) {
        String release = time(f.releaseAt(), f);
        String bill = f.amount() == null ? "一笔小时账单" : "一笔 " + money(f.amount()) + "的小时账单";
        return new NotificationText(
                "您的服务器 " + f.instanceId() + " 已欠费",
                yours(f) + "按配置计费服务器 " + f.instanceId() + " 有" + bill + "未能从账户余额中扣除，自 "
                        + time(f.overdueSince(), f) + " 起处于欠费状态。服务器仍在运行，欠费期间不再产生新的账单。\n\n"
                        + "请充值以结清账单，结清后服务器恢复正常。\n\n"
                        + "如在 " + release + " 前仍未结清，服务器将被停止并释放，数据将被永久删除。",
                "服务器 " + f.instanceId() + " 已欠费" + (f.amount() == null ? "" : " " + money(f.amount()))
                        + "，请于 " + release + " 前充值，否则将被释放。");
    }

    // E5: sent even if the owner had stopped it already, because its data is now gone.
    private static NotificationText serverStopped(NotificationFacts f) {
        return new NotificationText(
                "您的服务器 " + f.instanceId() + " 已被停止",
                yours(f) + "服务器 " + f.instanceId() + " 到期或欠费后的 " + Retention.DAYS + " 天数据保留期已满，"
                        + at(f.releaseAt(), f) + "被停止。其数据已被删除，无法恢复。",
                "服务器 " + f.instanceId() + " 保留期已满，已被停止，数据已删除。");
    }

    // E3, E5: released for good; no renewal or recharge brings it back.
    private static NotificationText serverReleased(NotificationFacts f) {
        return new NotificationText(
                "您的服务器 " + f.instanceId() + " 已被释放",
                yours(f) + "服务器 " + f.instanceId() + " 到期或欠费后的 " + Retention.DAYS + " 天数据保留期已满，"
                        + at(f.releaseAt(), f) + "被释放。其数据已被删除，无法恢复，此后不再计费。如需继续使用，请重新购买。",
                "服务器 " + f.instanceId() + " 保留期已满，已被释放，数据已删除。");
    }

    // G7: the balance covers less than the cover threshold at current prices; recharge before it runs out (G3).
    private static NotificationText balanceLow(NotificationFacts f) {
        return new NotificationText(
                "您的账户余额仅够约 " + f.hoursLeft() + " 小时的用量",
                "按您运行中的按配置计费服务器的当前价格，账户可用余额仅够约 " + f.hoursLeft() + " 小时。\n\n"
                        + "请在余额用尽前充值：小时账单无法支付时，对应服务器将进入欠费状态。",
                "账户余额仅够约 " + f.hoursLeft() + " 小时的按配置计费用量，请及时充值，以免欠费。");
    }

    // P2: the servers exist from the moment the payment is confirmed.
    private static NotificationText orderPaid(NotificationFacts f) {
        String servers = f.quantity() == null ? "服务器" : " " + f.quantity() + " 台服务器";
        return new NotificationText(
                "您的订单 " + f.orderId() + " 已支付",
                "您的订单 " + f.orderId() + " 已支付成功" + (f.amount() == null ? "" : "，金额 " + money(f.amount()))
                        + "。\n\n"
                        + yours(f) + servers + "已创建，可在实例列表中查看。",
                "订单 " + f.orderId() + " 已支付" + (f.amount() == null ? "" : " " + money(f.amount()))
                        + (f.quantity() == null ? "" : "，" + f.quantity() + " 台服务器已创建") + "。");
    }

    // "您位于节点 北京-01（北京）的", or just "您的" when the node is not known.
    private static String yours(NotificationFacts f) {
        if (f.nodeName() != null && f.city() != null) {
            return "您位于节点 " + f.nodeName() + "（" + f.city() + "）的";
        }
        if (f.nodeName() != null) {
            return "您位于节点 " + f.nodeName() + " 的";
        }
        if (f.city() != null) {
            return "您位于" + f.city() + "的";
        }
        return "您的";
    }

    private static String at(Instant instant, NotificationFacts f) {
        return instant == null ? "已" : "已于 " + time(instant, f) + " ";
    }

    private static String time(Instant instant, NotificationFacts f) {
        return BillingZoneTime.format(instant, f.zone());
    }

    private static String money(Money m) {
        return m + " 元";
    }
}
