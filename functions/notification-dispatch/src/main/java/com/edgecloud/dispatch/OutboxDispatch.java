package com.edgecloud.dispatch;

import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.account.AccountRepository;
import com.edgecloud.billing.account.Contact;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.catalog.Node;
import com.edgecloud.billing.dynamodb.DynamoDeliveries;
import com.edgecloud.billing.dynamodb.DynamoMessageSettings;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.InstanceRepository;
import com.edgecloud.billing.notify.Delivery;
import com.edgecloud.billing.notify.DeliveryChannel;
import com.edgecloud.billing.notify.DeliveryStatus;
import com.edgecloud.billing.notify.MessageSettings;
import com.edgecloud.billing.notify.MessageSettings.Receiver;
import com.edgecloud.billing.notify.MessageSettings.TypeSetting;
import com.edgecloud.billing.notify.NotificationType;
import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.billing.purchase.Order;
import com.edgecloud.billing.purchase.PurchaseStore;
import com.edgecloud.billing.time.ExpiryCalendar;
import com.edgecloud.billing.time.SystemTime;
import com.edgecloud.notify.Deliverer;
import com.edgecloud.notify.Language;
import com.edgecloud.notify.NotificationFacts;
import com.edgecloud.notify.NotificationText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.Map;
import java.util.Optional;

/**
 * N1, N2: one outbox record into its deliveries. The account's settings choose channels and
 * receivers; the texts are rendered in its language; each (notification, channel, receiver)
 * becomes one Delivery with a deterministic id, written once, then sent once by the
 * {@link Deliverer}. Seeing the same record again creates nothing and sends nothing new.
 */
public final class OutboxDispatch {

    /** E3: data is kept 7 days after expiry or overdue; a release time the record lacks is derived so. */
    private static final Duration RETENTION = Duration.ofDays(7);

    private final AccountRepository accounts;
    private final DynamoMessageSettings settings;
    private final InstanceRepository instances;
    private final CatalogRepository catalog;
    private final PurchaseStore orders;
    private final DynamoDeliveries deliveries;
    private final Deliverer deliverer;
    private final SystemTime time;
    private final ZoneId zone;

    public OutboxDispatch(AccountRepository accounts, DynamoMessageSettings settings, InstanceRepository instances,
                          CatalogRepository catalog, PurchaseStore orders, DynamoDeliveries deliveries,
                          Deliverer deliverer, SystemTime time, ExpiryCalendar calendar) {
        this.accounts = accounts;
        this.settings = settings;
        this.instances = instances;
        this.catalog = catalog;
        this.orders = orders;
        this.deliveries = deliveries;
        this.deliverer = deliverer;
        this.time = time;
        this.zone = calendar.zone();
    }

    /** Creates what is missing of the record's deliveries and attempts each that is due; their ids. */
    public List<String> dispatch(OutboxMessage m) {
        return dispatch(m, () -> true);
    }

    /**
     * As {@link #dispatch(OutboxMessage)}, attempting a delivery only while {@code timeForAnother}
     * says so (issue 16); the others stay stored and due, for the retry sweep (N2).
     */
    public List<String> dispatch(OutboxMessage m, BooleanSupplier timeForAnother) {
        MessageSettings s = settings.find(m.accountId()).settings();
        TypeSetting setting = s.of(m.type());
        if (setting.channels().isEmpty()) {
            return List.of();
        }
        NotificationText text = NotificationText.render(facts(m), Language.fromTag(s.language()));
        return createAndAttempt(deliveries(m, setting, receivers(m.accountId(), s), text), timeForAnother);
    }

    /** The account's own contact ({@code self}) and the receivers of its settings, by id. */
    private Map<String, Receiver> receivers(String accountId, MessageSettings s) {
        Map<String, Receiver> receivers = new LinkedHashMap<>();
        Contact self = accounts.find(accountId).map(Account::contact).orElse(null);
        if (self != null) {
            receivers.put(MessageSettings.SELF, new Receiver(MessageSettings.SELF, self.name(), self.phone(), self.email()));
        }
        s.receivers().forEach(r -> receivers.put(r.id(), r));
        return receivers;
    }

    /** One delivery per channel of the type's setting and receiver that channel can reach. */
    private List<Delivery> deliveries(OutboxMessage m, TypeSetting setting, Map<String, Receiver> receivers,
                                      NotificationText text) {
        List<Delivery> planned = new ArrayList<>();
        for (DeliveryChannel channel : setting.orderedChannels()) {
            if (channel == DeliveryChannel.IN_SITE) {
                // An in-site message is the account's, whoever else is told: one per notification.
                planned.add(delivery(m, channel, "account", null, text.title(), text.body()));
                continue;
            }
            for (String receiverId : setting.receiverIds()) {
                Receiver r = receivers.get(receiverId);
                if (r == null) {
                    continue;
                }
                if (channel == DeliveryChannel.EMAIL && r.email() != null) {
                    planned.add(delivery(m, channel, receiverId, r.email(), text.title(), text.body()));
                } else if (channel == DeliveryChannel.SMS && r.phone() != null) {
                    planned.add(delivery(m, channel, receiverId, r.phone(), text.title(), text.smsBody()));
                }
            }
        }
        return planned;
    }

    /** N2: each delivery is created if missing, then attempted while there is time (the deliverer claims it first). */
    private List<String> createAndAttempt(List<Delivery> planned, BooleanSupplier timeForAnother) {
        Instant now = time.now();
        List<String> ids = new ArrayList<>();
        for (Delivery d : planned) {
            deliveries.create(d, now);
            if (timeForAnother.getAsBoolean()) {
                deliverer.attempt(d.id());
            }
            ids.add(d.id());
        }
        return ids;
    }

    private Delivery delivery(OutboxMessage m, DeliveryChannel channel, String receiverId, String to, String title,
                              String body) {
        return new Delivery(deliveryId(m.id(), channel, receiverId), m.id(), m.type(), m.accountId(),
                m.instanceId(), m.daysBefore(), channel, receiverId, to, title, body, m.createdAt(),
                DeliveryStatus.PENDING, 0, null, null, null);
    }

    /** N2: the same (notification, channel, receiver) always has the same delivery id. */
    static String deliveryId(String notificationId, DeliveryChannel channel, String receiverId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    (notificationId + "|" + channel + "|" + receiverId).getBytes(StandardCharsets.UTF_8));
            return "dlv-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private NotificationFacts facts(OutboxMessage m) {
        if (m.type() == NotificationType.ORDER_PAID) {
            Optional<Order> order = Optional.ofNullable(m.orderId()).flatMap(orders::findOrder);
            String nodeName = order.flatMap(o -> catalog.node(o.nodeId())).map(Node::name).orElse(null);
            return NotificationFacts.orderPaid(m.orderId(), order.map(Order::amount).orElse(null),
                    order.map(Order::quantity).orElse(null), nodeName, null, zone);
        }
        if (m.type() == NotificationType.BALANCE_LOW) {
            // G7: the facts of the hourly run that sent it, not of the balance now.
            long hours = Math.max(0, Duration.between(m.createdAt(), m.until()).toHours());
            return NotificationFacts.balanceLow(m.amount(), (int) Math.min(hours, Integer.MAX_VALUE), m.until(), zone);
        }
        Instance i = instances.find(m.instanceId())
                .orElseThrow(() -> new IllegalStateException("instance " + m.instanceId() + " not found"));
        String nodeName = catalog.node(i.nodeId()).map(Node::name).orElse(null);
        return switch (m.type()) {
            case EXPIRY_WARNING -> NotificationFacts.expiryWarning(i.id(), nodeName, null,
                    m.daysBefore() == null ? 1 : m.daysBefore(), i.expiresAt(), zone);
            case EXPIRED -> NotificationFacts.expired(i.id(), nodeName, null, i.expiresAt(),
                    i.releaseAt() != null ? i.releaseAt() : i.expiresAt().plus(RETENTION), zone);
            case OVERDUE -> {
                Instant since = i.overdueSince() != null ? i.overdueSince() : m.createdAt();
                yield NotificationFacts.overdue(i.id(), nodeName, null, null, since,
                        i.releaseAt() != null ? i.releaseAt() : since.plus(RETENTION), zone);
            }
            case SERVER_STOPPED -> NotificationFacts.serverStopped(i.id(), nodeName, null, m.createdAt(), zone);
            case SERVER_RELEASED -> NotificationFacts.serverReleased(i.id(), nodeName, null, m.createdAt(), zone);
            // R4: what was charged and the new expiry, or the price and the expiry, as at the sweep.
            case AUTO_RENEWED -> NotificationFacts.autoRenewed(i.id(), nodeName, null, m.amount(),
                    m.until() != null ? m.until() : i.expiresAt(), zone);
            case AUTO_RENEWAL_FAILED -> NotificationFacts.autoRenewalFailed(i.id(), nodeName, null, m.amount(),
                    m.until() != null ? m.until() : i.expiresAt(), zone);
            case ORDER_PAID, BALANCE_LOW -> throw new IllegalStateException("handled above");
        };
    }
}
