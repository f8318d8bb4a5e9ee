package com.edgecloud.billing.purchase;

import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.time.TermDuration;
import java.time.Instant;

/** C4: what a purchase made now would cost; computed by the code that charges, and writes nothing. */
public sealed interface Quote {

    int quantity();

    /** P2, P3: the whole price, charged at once, and the term bought. */
    record MonthlyPackage(int quantity, TermDuration duration, Money amount, Instant termStartsAt, Instant expiresAt)
            implements Quote {
    }

    /** G1, G2: nothing charged at launch; the running cost (daily = 24 h, monthly = 30 days). */
    record PayByConfiguration(int quantity, Money hourly, Money daily, Money monthly, Money launchThreshold)
            implements Quote {
    }
}
