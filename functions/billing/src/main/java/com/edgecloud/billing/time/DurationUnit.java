package com.edgecloud.billing.time;

/** P1: a monthly package is bought in months or years. */
public enum DurationUnit {
    MONTH, YEAR
}
