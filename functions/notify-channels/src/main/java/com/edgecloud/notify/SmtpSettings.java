package com.edgecloud.notify;

import java.util.Objects;

/**
 * N3: where email goes. {@code ssl} is TLS from the first byte (usually port 465);
 * {@code startTls} upgrades a plain connection (usually port 587) and is then required, so
 * credentials never cross in the clear. {@code username} null means no authentication.
 * {@code from} may carry a display name: {@code "Edge Cloud <noreply@example.com>"}.
 */
public record SmtpSettings(String host, int port, boolean startTls, boolean ssl,
                           String username, String password, String from) {

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SMTP port must be 1-65535, was " + port);
        }
        if (startTls && ssl) {
            throw new IllegalArgumentException("SMTP: choose ssl (implicit TLS) or startTls, not both");
        }
        if (username == null && password != null) {
            throw new IllegalArgumentException("SMTP: a password without a username");
        }
    }

    /** Never prints the password: settings end up in logs. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", startTls=" + startTls + ", ssl=" + ssl
                + ", username=" + username + ", password=" + (password == null ? "null" : "****")
                + ", from=" + from + "]";
    }
}
