package com.edgecloud.dispatch;

import com.edgecloud.billing.account.AccountRepository;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.dynamodb.DynamoDeliveries;
import com.edgecloud.billing.dynamodb.DynamoIdempotencyStore;
import com.edgecloud.billing.dynamodb.DynamoMessageSettings;
import com.edgecloud.billing.dynamodb.DynamoPurchaseStore;
import com.edgecloud.billing.dynamodb.TableNames;
import com.edgecloud.billing.instance.InstanceRepository;
import com.edgecloud.billing.time.ExpiryCalendar;
import com.edgecloud.billing.time.SystemTime;
import com.edgecloud.notify.Deliverer;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@Factory
public class DispatchBeans {

    @Singleton
    public OutboxDispatch outboxDispatch(AccountRepository accounts, DynamoMessageSettings settings,
                                         InstanceRepository instances, CatalogRepository catalog, DynamoDbClient dynamo,
                                         TableNames tables, DynamoIdempotencyStore idempotency,
                                         DynamoDeliveries deliveries, Deliverer deliverer, SystemTime time,
                                         ExpiryCalendar calendar) {
        return new OutboxDispatch(accounts, settings, instances, catalog,
                new DynamoPurchaseStore(dynamo, tables, catalog, idempotency), deliveries, deliverer, time, calendar);
    }
}
