package com.edgecloud.notify;

/**
 * N3: the channels this module sends through. In-site messages (N1's third channel) are
 * stored and read through the API, not sent, so they have no sender here.
 */
public enum Channel {
    EMAIL, SMS
}
