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
            case AUTO_RENEWED -> autoRenewed(f);
            case AUTO_RENEWAL_FAILED -> autoRenewalFailed(f);
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

    // R4, R2: renewed from the balance as the owner set it; it stays on for the next term.
    private static NotificationText autoRenewed(NotificationFacts f) {
        String expires = time(f.expiresAt(), f);
        return new NotificationText(
                "您的服务器 " + f.instanceId() + " 已自动续费",
                yours(f) + "包年包月服务器 " + f.instanceId() + " 已按您的设置自动续费，从账户余额扣除 "
                        + money(f.amount()) + "，新的到期时间为 " + expires + "。\n\n"
                        + "自动续费对下一个周期仍然有效；如需关闭，请修改该实例的自动续费设置。",
                "服务器 " + f.instanceId() + " 已自动续费 " + money(f.amount()) + "，新到期时间 " + expires + "。");
    }

    // R4: the sweep tries again until expiry; E3: after expiry it runs on, then is released.
    private static NotificationText autoRenewalFailed(NotificationFacts f) {
        String expires = time(f.expiresAt(), f);
        String price = f.amount() == null ? "续费金额" : "续费金额 " + money(f.amount());
        return new NotificationText(
                "您的服务器 " + f.instanceId() + " 自动续费失败",
                yours(f) + "包年包月服务器 " + f.instanceId() + " 自动续费失败：账户可用余额不足以支付" + price
                        + "。服务器将于 " + expires + " 到期。\n\n"
                        + "请在到期前充值，系统会在到期前继续尝试自动续费；您也可以手动续费。",
                "服务器 " + f.instanceId() + " 自动续费失败（余额不足），请于 " + expires + " 前充值。");
    }

    // G7: at the current hourly prices; G3: a bill that cannot be paid makes its server overdue.
    private static NotificationText balanceLow(NotificationFacts f) {
        String until = time(f.coversUntil(), f);
        return new NotificationText(
                "您的账户余额预计仅够使用" + hours(f.hoursLeft()),
                "您的账户可用余额为 " + money(f.amount()) + "，按当前小时价格，预计仅够您的按配置计费服务器使用"
                        + hours(f.hoursLeft()) + "，将于 " + until + " 用完。\n\n"
                        + "请及时充值：账单无法支付时服务器将进入欠费状态，欠费 " + Retention.DAYS
                        + " 天后服务器将被停止并释放，数据将被永久删除。",
                "账户余额 " + money(f.amount()) + "预计仅够使用" + hours(f.hoursLeft()) + "（至 " + until
                        + "），请及时充值。");
    }

    private static String hours(int n) {
        return n == 0 ? "不到 1 小时" : "约 " + n + " 小时";
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
