package com.edgecloud.billing.account;

/** The account's own contact, the default receiver of its notifications (N1). */
public record Contact(String name, String phone, String email) {
}
