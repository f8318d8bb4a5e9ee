package com.edgecloud.instances;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.InstanceRepository;
import com.edgecloud.http.Caller;
import com.edgecloud.http.PageRequest;
import com.edgecloud.http.Views;
import com.edgecloud.http.Views.InstanceView;
import com.edgecloud.http.Views.ListView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;

/** The caller's own servers; another account's answers 404, as if it did not exist (SPEC §9). */
@Controller("/instances")
public class InstancesController {

    private final InstanceRepository instances;
    private final Views views;

    public InstancesController(InstanceRepository instances, Views views) {
        this.instances = instances;
        this.views = views;
    }

    @Get
    public ListView<InstanceView> list(Caller caller, @Nullable @QueryValue String limit,
                                       @Nullable @QueryValue String nextToken) {
        PageRequest page = PageRequest.of(limit, nextToken);
        return Views.list(instances.listByAccount(caller.accountId(), page.limit(), page.nextToken()), views::instance);
    }

    @Get("/{id}")
    public InstanceView get(Caller caller, @PathVariable String id) {
        Instance instance = instances.find(id)
                .filter(found -> found.accountId().equals(caller.accountId()))
                .orElseThrow(() -> BillingException.notFound("instance " + id));
        return views.instance(instance);
    }
}
