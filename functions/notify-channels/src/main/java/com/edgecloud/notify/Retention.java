package com.edgecloud.notify;

/** E3, as the texts state it: data is kept 7 days after expiry or overdue, then released. */
final class Retention {

    static final int DAYS = 7;

    private Retention() {
    }
}
