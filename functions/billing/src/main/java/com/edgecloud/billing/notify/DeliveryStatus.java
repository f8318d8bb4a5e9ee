package com.edgecloud.billing.notify;

/**
 * N2: where one (notification, channel, receiver) stands. {@code SENDING} is a claim with a
 * lease (shown as {@code PENDING} on the wire): a dispatcher that dies mid-send leaves it to be
 * retried once the lease is over.
 */
public enum DeliveryStatus {
    PENDING, SENDING, SENT, FAILED
}
