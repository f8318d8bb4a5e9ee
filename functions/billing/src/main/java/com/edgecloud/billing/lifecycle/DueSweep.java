package com.edgecloud.billing.lifecycle;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.instance.Instance;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * SPEC §10: a sweep reads only what is due, page by page from the sparse due-time index, and
 * stops between pages when its time is running out (the rest stays due for the next run).
 */
public final class DueSweep {

    public static final int PAGE_SIZE = 100;

    private DueSweep() {
    }

    /** Summary of a run: instances read from the index, and whether it stopped early. */
    public record Swept(int read, boolean stoppedEarly) {
    }

    public static Swept run(LifecycleStore store, List<String> buckets, Instant now, BooleanSupplier timeLeft,
                            Consumer<List<Instance>> handlePage) {
        int read = 0;
        for (String bucket : buckets) {
            String token = null;
            do {
                if (!timeLeft.getAsBoolean()) {
                    return new Swept(read, true);
                }
                Page<Instance> page = store.due(bucket, now, PAGE_SIZE, token);
                read += page.items().size();
                handlePage.accept(page.items());
                token = page.nextToken();
            } while (token != null);
        }
        return new Swept(read, false);
    }
}
