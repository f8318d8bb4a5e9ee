package com.edgecloud.billing.notify;

import java.time.Instant;

/** N3, §11: an in-site message, stored and read through the API. */
public record InSiteMessage(String id, String accountId, NotificationType type, String instanceId, Integer daysBefore,
                            Instant createdAt, String title, String body, boolean read) {
}
