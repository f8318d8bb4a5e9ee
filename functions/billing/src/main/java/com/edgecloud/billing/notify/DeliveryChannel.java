package com.edgecloud.billing.notify;

/** N1: the channels a notification type can go out on. */
public enum DeliveryChannel {
    SMS, EMAIL, IN_SITE
}
