package com.edgecloud.billing.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.edgecloud.billing.catalog.PriceHistory.PriceChange;
import com.edgecloud.billing.money.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceHistoryTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final PriceHistory TWO_THEN_TWENTY = PriceHistory.startingAt(T0, Money.parse("2.00"))
            .changedTo(Money.parse("20.00"), T0.plusSeconds(1800));

    @Test
    void eachSecondCostsThePriceInEffectAtThatSecond_G2() {
        assertEquals(200L * 1800 + 2000L * 1800, TWO_THEN_TWENTY.fenSeconds(T0, T0.plusSeconds(3600)));
        assertEquals(200L * 10, TWO_THEN_TWENTY.fenSeconds(T0.plusSeconds(1790), T0.plusSeconds(1800)));
        assertEquals(0, TWO_THEN_TWENTY.fenSeconds(T0.plusSeconds(100), T0.plusSeconds(100)));
    }

    @Test
    void theFirstPriceAlsoCoversTheTimeBeforeIt_G2() {
        assertEquals(Money.parse("2.00"), TWO_THEN_TWENTY.priceAt(T0.minusSeconds(86_400)));
        assertEquals(200L * 60, TWO_THEN_TWENTY.fenSeconds(T0.minusSeconds(60), T0));
    }

    @Test
    void aChangeAppliesFromItsSecondOn_G2() {
        assertEquals(Money.parse("2.00"), TWO_THEN_TWENTY.priceAt(T0.plusSeconds(1799)));
        assertEquals(Money.parse("20.00"), TWO_THEN_TWENTY.priceAt(T0.plusSeconds(1800)));
        assertEquals(Money.parse("20.00"), TWO_THEN_TWENTY.latest());
    }

    @Test
    void theSamePriceAgainChangesNothing_G2() {
        assertSame(TWO_THEN_TWENTY, TWO_THEN_TWENTY.changedTo(Money.parse("20.00"), T0.plusSeconds(7200)));
    }

    @Test
    void aChangeDatedBeforeTheLatestReplacesWhatCameAfterIt_G2() {
        PriceHistory setBack = TWO_THEN_TWENTY.changedTo(Money.parse("5.00"), T0.plusSeconds(900));
        assertEquals(List.of(new PriceChange(T0, Money.parse("2.00")), new PriceChange(T0.plusSeconds(900),
                Money.parse("5.00"))), setBack.changes());
    }
}
