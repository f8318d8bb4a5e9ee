package com.edgecloud.billing.purchase;

public enum PaymentMethod {
    BALANCE, THIRD_PARTY
}
