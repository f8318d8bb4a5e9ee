package com.edgecloud.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.notify.NotificationType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NotificationTextTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // P3's example: 2016-02-01 23:59:59 in Shanghai.
    static final Instant EXPIRES_AT = Instant.parse("2016-02-01T15:59:59Z");
    // E3: 7 × 24 h later.
    static final Instant RELEASE_AT = Instant.parse("2016-02-08T15:59:59Z");

    @Test
    void expiryWarningInEnglish_E4() {
        NotificationText t = NotificationText.render(
                NotificationFacts.expiryWarning("i-123", "sh-01", "Shanghai", 7, EXPIRES_AT, SHANGHAI), Language.EN);

        assertEquals("Your server i-123 expires in 7 days", t.title());
        assertEquals("Your monthly-package server i-123 on node sh-01 (Shanghai) expires at "
                + "2016-02-01 23:59:59 (UTC+08:00).\n\n"
                + "Renew it before then to keep it running without interruption.\n\n"
                + "If it is not renewed, it keeps running and its data is kept for 7 days after expiry; "
                + "then the server is stopped and released, and its data is deleted for good.", t.body());
        assertEquals("Server i-123 expires 2016-02-01 23:59:59 (UTC+08:00). Renew to keep it; "
                + "7 days after expiry it is released.", t.smsBody());
    }

    @Test
    void expiryWarningInChinese_E4() {
        NotificationText t = NotificationText.render(
                NotificationFacts.expiryWarning("i-123", "sh-01", "上海", 7, EXPIRES_AT, SHANGHAI), Language.ZH_CN);

        assertEquals("您的服务器 i-123 将在 7 天后到期", t.title());
        assertEquals("您位于节点 sh-01（上海）的包年包月服务器 i-123 将于 2016-02-01 23:59:59 (UTC+08:00) 到期。\n\n"
                + "请在到期前续费，服务器将不间断运行。\n\n"
                + "如未续费，服务器到期后仍会运行，数据保留 7 天；保留期满后服务器将被停止并释放，数据将被永久删除。",
                t.body());
        assertEquals("服务器 i-123 将于 2016-02-01 23:59:59 (UTC+08:00) 到期，请及时续费；到期 7 天后将被释放。",
                t.smsBody());
    }

    @Test
    void lastWarningSaysOneDayNotOneDays_E4() {
        NotificationText t = NotificationText.render(
                NotificationFacts.expiryWarning("i-123", null, null, 1, EXPIRES_AT, SHANGHAI), Language.EN);

        assertEquals("Your server i-123 expires in 1 day", t.title());
        assertTrue(t.body().startsWith("Your monthly-package server i-123 expires at "), t.body());
    }

    @Test
    void expiredTellsHowLongTheServerIsKept_E3() {
        NotificationFacts facts = NotificationFacts.expired("i-123", "sh-01", "Shanghai", EXPIRES_AT, RELEASE_AT, SHANGHAI);

        NotificationText en = NotificationText.render(facts, Language.EN);
        assertEquals("Your server i-123 has expired", en.title());
        assertEquals("Your monthly-package server i-123 on node sh-01 (Shanghai) expired at "
                + "2016-02-01 23:59:59 (UTC+08:00).\n\n"
                + "It is still running; the server and its data are kept until 2016-02-08 23:59:59 (UTC+08:00). "
                + "Renew it before then to keep it.\n\n"
                + "If it is not renewed by then, the server will be stopped and released, "
                + "and its data deleted for good.", en.body());
        assertEquals("Server i-123 expired. Renew by 2016-02-08 23:59:59 (UTC+08:00) "
                + "or it is released and its data deleted.", en.smsBody());

        NotificationText zh = NotificationText.render(facts, Language.ZH_CN);
        assertEquals("您的服务器 i-123 已到期", zh.title());
        assertEquals("您位于节点 sh-01（Shanghai）的包年包月服务器 i-123 已于 2016-02-01 23:59:59 (UTC+08:00) 到期。\n\n"
                + "服务器仍在运行，服务器及其数据保留至 2016-02-08 23:59:59 (UTC+08:00)，请在此之前续费。\n\n"
                + "如届时仍未续费，服务器将被停止并释放，数据将被永久删除。", zh.body());
        assertEquals("服务器 i-123 已到期，请于 2016-02-08 23:59:59 (UTC+08:00) 前续费，否则将被释放，数据删除。",
                zh.smsBody());
    }

    @Test
    void overdueNamesTheUnpaidBillAndTheReleaseTime_G3_E5() {
        Instant overdueSince = Instant.parse("2016-03-01T02:00:00Z");
        NotificationFacts facts = NotificationFacts.overdue("i-9", "bj-02", "北京", Money.parse("3.50"),
                overdueSince, overdueSince.plus(Duration.ofDays(7)), SHANGHAI);

        NotificationText en = NotificationText.render(facts, Language.EN);
        assertEquals("Your server i-9 is overdue", en.title());
        assertEquals("An hourly bill of CNY 3.50 for your pay-by-configuration server i-9 on node bj-02 (北京) "
                + "could not be paid from your balance. The server has been overdue since "
                + "2016-03-01 10:00:00 (UTC+08:00). It keeps running, but no further usage is billed "
                + "until the bill is paid.\n\n"
                + "Recharge your account to settle the bill; the server then returns to normal.\n\n"
                + "If the bill is not settled by 2016-03-08 10:00:00 (UTC+08:00), the server will be stopped "
                + "and released, and its data deleted for good.", en.body());
        assertEquals("Server i-9 is overdue, CNY 3.50 unpaid. Recharge by 2016-03-08 10:00:00 (UTC+08:00) "
                + "or it is released.", en.smsBody());

        NotificationText zh = NotificationText.render(facts, Language.ZH_CN);
        assertEquals("您的服务器 i-9 已欠费", zh.title());
        assertEquals("您位于节点 bj-02（北京）的按配置计费服务器 i-9 有一笔 3.50 元的小时账单未能从账户余额中扣除，"
                + "自 2016-03-01 10:00:00 (UTC+08:00) 起处于欠费状态。服务器仍在运行，欠费期间不再产生新的账单。\n\n"
                + "请充值以结清账单，结清后服务器恢复正常。\n\n"
                + "如在 2016-03-08 10:00:00 (UTC+08:00) 前仍未结清，服务器将被停止并释放，数据将被永久删除。", zh.body());
        assertEquals("服务器 i-9 已欠费 3.50 元，请于 2016-03-08 10:00:00 (UTC+08:00) 前充值，否则将被释放。",
                zh.smsBody());
    }

    @Test
    void releasedSaysTheDataIsGone_E5() {
        NotificationFacts facts = NotificationFacts.serverReleased("i-123", "sh-01", null, RELEASE_AT, SHANGHAI);

        NotificationText en = NotificationText.render(facts, Language.EN);
        assertEquals("Your server i-123 has been released", en.title());
        assertEquals("Your server i-123 on node sh-01 was released at 2016-02-08 23:59:59 (UTC+08:00) because "
                + "the 7-day retention period after its expiry or unpaid bill has ended. Its data has been deleted "
                + "and cannot be recovered, and it is no longer billed. To use a server again, buy a new one.",
                en.body());

        NotificationText zh = NotificationText.render(facts, Language.ZH_CN);
        assertEquals("您的服务器 i-123 已被释放", zh.title());
        assertEquals("您位于节点 sh-01 的服务器 i-123 到期或欠费后的 7 天数据保留期已满，"
                + "已于 2016-02-08 23:59:59 (UTC+08:00) 被释放。其数据已被删除，无法恢复，此后不再计费。"
                + "如需继续使用，请重新购买。", zh.body());
        assertEquals("服务器 i-123 保留期已满，已被释放，数据已删除。", zh.smsBody());
    }

    @Test
    void stoppedAtEndOfRetentionSaysTheDataIsGone_E5() {
        NotificationText en = NotificationText.render(
                NotificationFacts.serverStopped("i-123", null, null, null, SHANGHAI), Language.EN);

        assertEquals("Your server i-123 has been stopped", en.title());
        assertEquals("Your server i-123 was stopped because the 7-day retention period after its expiry or "
                + "unpaid bill has ended. Its data has been deleted and cannot be recovered.", en.body());
    }

    @Test
    void orderPaidGivesAmountAndServerCount_P2() {
        NotificationFacts facts = NotificationFacts.orderPaid("ord-7", Money.parse("240"), 2, "sh-01", "上海", SHANGHAI);

        NotificationText en = NotificationText.render(facts, Language.EN);
        assertEquals("Your order ord-7 has been paid", en.title());
        assertEquals("Your order ord-7 of CNY 240.00 has been paid.\n\n"
                + "Your 2 servers on node sh-01 (上海) have been created and can be found in your instance list.",
                en.body());
        assertEquals("Order ord-7 paid: CNY 240.00, 2 servers.", en.smsBody());

        NotificationText zh = NotificationText.render(facts, Language.ZH_CN);
        assertEquals("您的订单 ord-7 已支付", zh.title());
        assertEquals("您的订单 ord-7 已支付成功，金额 240.00 元。\n\n"
                + "您位于节点 sh-01（上海）的 2 台服务器已创建，可在实例列表中查看。", zh.body());
        assertEquals("订单 ord-7 已支付 240.00 元，2 台服务器已创建。", zh.smsBody());
    }

    @Test
    void orderOfOneServerIsSingular_P2() {
        NotificationText en = NotificationText.render(
                NotificationFacts.orderPaid("ord-7", Money.parse("80.00"), 1, null, null, SHANGHAI), Language.EN);

        assertEquals("Your order ord-7 of CNY 80.00 has been paid.\n\n"
                + "Your 1 server has been created and can be found in your instance list.", en.body());
    }

    @Test
    void timesArePrintedInTheBillingZoneWithItsOffset_T1() {
        Instant withMillis = Instant.parse("2016-02-01T15:59:59.999Z");
        NotificationFacts inUtc = NotificationFacts.expiryWarning("i-1", null, null, 3, withMillis, ZoneOffset.UTC);
        NotificationFacts inNewYork = NotificationFacts.expiryWarning("i-1", null, null, 3, withMillis,
                ZoneId.of("America/New_York"));

        assertTrue(NotificationText.render(inUtc, Language.EN).body()
                .contains(" expires at 2016-02-01 15:59:59 (UTC+00:00)."));
        assertTrue(NotificationText.render(inNewYork, Language.EN).body()
                .contains(" expires at 2016-02-01 10:59:59 (UTC-05:00)."));
    }

    // Ids as long as Ids.next makes them, long names, large amounts: the worst case for length.
    // en: the 140 characters of one SMS; zh: at most two UCS-2 segments, with room to spare.
    @ParameterizedTest
    @EnumSource(NotificationType.class)
    void smsStaysShort_N3(NotificationType type) {
        NotificationFacts facts = longest(type);

        String en = NotificationText.render(facts, Language.EN).smsBody();
        String zh = NotificationText.render(facts, Language.ZH_CN).smsBody();

        assertTrue(en.length() <= 140, en.length() + ": " + en);
        assertTrue(zh.length() <= 90, zh.length() + ": " + zh);
    }

    @Test
    void defaultLanguageIsChinese_N1() {
        assertEquals(Language.ZH_CN, Language.fromTag(null));
        assertEquals(Language.ZH_CN, Language.fromTag("zh-CN"));
        assertEquals(Language.EN, Language.fromTag("en"));
        assertThrows(IllegalArgumentException.class, () -> Language.fromTag("fr"));
    }

    @Test
    void factsWithoutWhatTheTextIsAboutAreRefused() {
        List<Runnable> incomplete = List.of(
                () -> NotificationFacts.expiryWarning(null, null, null, 7, EXPIRES_AT, SHANGHAI),
                () -> NotificationFacts.expiryWarning("i-1", null, null, 7, null, SHANGHAI),
                () -> NotificationFacts.expiryWarning("i-1", null, null, 0, EXPIRES_AT, SHANGHAI),
                () -> NotificationFacts.expired("i-1", null, null, EXPIRES_AT, null, SHANGHAI),
                () -> NotificationFacts.overdue("i-1", null, null, null, null, RELEASE_AT, SHANGHAI),
                () -> NotificationFacts.orderPaid(null, null, null, null, null, SHANGHAI),
                () -> NotificationFacts.autoRenewed("i-1", null, null, null, EXPIRES_AT, SHANGHAI),
                () -> NotificationFacts.autoRenewalFailed("i-1", null, null, null, null, SHANGHAI),
                () -> NotificationFacts.balanceLow(Money.parse("1.00"), -1, EXPIRES_AT, SHANGHAI),
                () -> NotificationFacts.balanceLow(null, 3, EXPIRES_AT, SHANGHAI));
        for (Runnable r : incomplete) {
            assertThrows(IllegalArgumentException.class, r::run);
        }
    }

    @Test
    void autoRenewedSaysWhatWasChargedAndTheNewExpiry_R4() {
        Instant newExpiry = Instant.parse("2016-03-02T15:59:59Z");
        NotificationFacts facts = NotificationFacts.autoRenewed("i-123", "sh-01", "Shanghai", Money.parse("1000"),
                newExpiry, SHANGHAI);

        NotificationText en = NotificationText.render(facts, Language.EN);
        assertEquals("Your server i-123 has been renewed automatically", en.title());
        assertEquals("Your monthly-package server i-123 on node sh-01 (Shanghai) was renewed automatically, as you "
                + "set it. CNY 1000.00 was charged to your balance, and the server now expires at "
                + "2016-03-02 23:59:59 (UTC+08:00).\n\n"
                + "Auto-renewal stays on for the next term; you can turn it off in the instance's auto-renewal "
                + "setting.", en.body());
        assertEquals("Server i-123 renewed automatically: CNY 1000.00, now expires 2016-03-02 23:59:59 (UTC+08:00).",
                en.smsBody());

        NotificationText zh = NotificationText.render(facts, Language.ZH_CN);
        assertEquals("您的服务器 i-123 已自动续费", zh.title());
        assertEquals("您位于节点 sh-01（Shanghai）的包年包月服务器 i-123 已按您的设置自动续费，从账户余额扣除 1000.00 元，"
                + "新的到期时间为 2016-03-02 23:59:59 (UTC+08:00)。\n\n"
                + "自动续费对下一个周期仍然有效；如需关闭，请修改该实例的自动续费设置。", zh.body());
        assertEquals("服务器 i-123 已自动续费 1000.00 元，新到期时间 2016-03-02 23:59:59 (UTC+08:00)。", zh.smsBody());
    }

    @Test
    void autoRenewalFailedAsksForARechargeBeforeExpiry_R4() {
        NotificationFacts facts = NotificationFacts.autoRenewalFailed("i-123", null, null, Money.parse("1000.00"),
                EXPIRES_AT, SHANGHAI);

        NotificationText en = NotificationText.render(facts, Language.EN);
        assertEquals("Auto-renewal of your server i-123 failed", en.title());
        assertEquals("Your monthly-package server i-123 could not be renewed automatically: your available balance "
                + "does not cover the renewal price of CNY 1000.00. The server expires at "
                + "2016-02-01 23:59:59 (UTC+08:00).\n\n"
                + "Recharge your account before then: auto-renewal tries again until expiry. "
                + "You can also renew it yourself.", en.body());
        assertEquals("Auto-renewal of server i-123 failed: balance too low. Recharge before "
                + "2016-02-01 23:59:59 (UTC+08:00).", en.smsBody());

        NotificationText zh = NotificationText.render(facts, Language.ZH_CN);
        assertEquals("您的服务器 i-123 自动续费失败", zh.title());
        assertEquals("您的包年包月服务器 i-123 自动续费失败：账户可用余额不足以支付续费金额 1000.00 元。"
                + "服务器将于 2016-02-01 23:59:59 (UTC+08:00) 到期。\n\n"
                + "请在到期前充值，系统会在到期前继续尝试自动续费；您也可以手动续费。", zh.body());
        assertEquals("服务器 i-123 自动续费失败（余额不足），请于 2016-02-01 23:59:59 (UTC+08:00) 前充值。", zh.smsBody());
    }

    @Test
    void balanceLowSaysHowLongTheBalanceLasts_G7() {
        NotificationFacts facts = NotificationFacts.balanceLow(Money.parse("40.00"), 20, EXPIRES_AT, SHANGHAI);

        NotificationText en = NotificationText.render(facts, Language.EN);
        assertEquals("Your balance lasts about 20 hours more", en.title());
        assertEquals("Your available balance of CNY 40.00 covers your pay-by-configuration servers for about "
                + "20 hours more at their current hourly prices, until 2016-02-01 23:59:59 (UTC+08:00).\n\n"
                + "Recharge in time: a bill that cannot be paid makes its server overdue, and 7 days later an "
                + "overdue server is stopped and released, and its data deleted for good.", en.body());
        assertEquals("Balance CNY 40.00 lasts about 20 hours more, until 2016-02-01 23:59:59 (UTC+08:00). "
                + "Recharge in time.", en.smsBody());
        assertEquals("Your balance lasts less than 1 hour more", NotificationText.render(
                NotificationFacts.balanceLow(Money.parse("1.00"), 0, EXPIRES_AT, SHANGHAI), Language.EN).title());

        NotificationText zh = NotificationText.render(facts, Language.ZH_CN);
        assertEquals("您的账户余额预计仅够使用约 20 小时", zh.title());
        assertEquals("您的账户可用余额为 40.00 元，按当前小时价格，预计仅够您的按配置计费服务器使用约 20 小时，"
                + "将于 2016-02-01 23:59:59 (UTC+08:00) 用完。\n\n"
                + "请及时充值：账单无法支付时服务器将进入欠费状态，欠费 7 天后服务器将被停止并释放，数据将被永久删除。",
                zh.body());
        assertEquals("账户余额 40.00 元预计仅够使用约 20 小时（至 2016-02-01 23:59:59 (UTC+08:00)），请及时充值。",
                zh.smsBody());
    }

    private static NotificationFacts longest(NotificationType type) {
        String id = "i-0123456789abcdef0123";
        String node = "Shanghai-Pudong-Edge-01";
        String city = "Shanghai";
        Money bigOrder = Money.parse("99999999.99");
        Money bigHourlyBill = Money.parse("99999.99");
        Money bigRenewal = Money.parse("9999999.99"); // 3 years of a very large server
        return switch (type) {
            case EXPIRY_WARNING -> NotificationFacts.expiryWarning(id, node, city, 30, EXPIRES_AT, SHANGHAI);
            case EXPIRED -> NotificationFacts.expired(id, node, city, EXPIRES_AT, RELEASE_AT, SHANGHAI);
            case OVERDUE -> NotificationFacts.overdue(id, node, city, bigHourlyBill, EXPIRES_AT, RELEASE_AT, SHANGHAI);
            case SERVER_STOPPED -> NotificationFacts.serverStopped(id, node, city, RELEASE_AT, SHANGHAI);
            case SERVER_RELEASED -> NotificationFacts.serverReleased(id, node, city, RELEASE_AT, SHANGHAI);
            case ORDER_PAID -> NotificationFacts.orderPaid("ord-0123456789abcdef0123", bigOrder, 100, node, city, SHANGHAI);
            case AUTO_RENEWED -> NotificationFacts.autoRenewed(id, node, city, bigRenewal, EXPIRES_AT, SHANGHAI);
            case AUTO_RENEWAL_FAILED -> NotificationFacts.autoRenewalFailed(id, node, city, bigRenewal, EXPIRES_AT,
                    SHANGHAI);
            case BALANCE_LOW -> NotificationFacts.balanceLow(bigHourlyBill, 23, EXPIRES_AT, SHANGHAI);
        };
    }
}
