package com.edgecloud.instances;

import io.swagger.v3.oas.annotations.Operation;
import com.edgecloud.http.ListAnswers;
import com.edgecloud.http.ProblemAnswers;
import com.edgecloud.http.Bound;
import com.edgecloud.http.PageLimit;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.instance.InstanceRepository;
import com.edgecloud.billing.metering.BillRepository;
import com.edgecloud.http.Caller;
import com.edgecloud.http.PageRequest;
import com.edgecloud.http.Views;
import com.edgecloud.http.Views.BillView;
import com.edgecloud.http.Views.ListView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;

/** GET /instances/{id}/bills (G2): the usage bills of the caller's own instance, oldest first. */
@Controller("/instances")
public class InstanceBillsController {

    private final InstanceRepository instances;
    private final BillRepository bills;
    private final Views views;

    public InstanceBillsController(InstanceRepository instances, BillRepository bills, Views views) {
        this.instances = instances;
        this.bills = bills;
        this.views = views;
    }

    @Get("/{id}/bills")
    @Operation(operationId = "listInstanceBills", summary = "List a pay-by-configuration instance's hourly bills", tags = "instances")
    @ListAnswers.Bills
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.NotFound
    @ProblemAnswers.InternalError
    public ListView<BillView> list(@Bound Caller caller, @PathVariable String id, @PageLimit @Nullable @QueryValue String limit,
                                   @Nullable @QueryValue String nextToken) {
        instances.find(id).filter(found -> found.accountId().equals(caller.accountId()))
                .orElseThrow(() -> BillingException.notFound("instance " + id));
        PageRequest page = PageRequest.of(limit, nextToken);
        return Views.list(bills.listByInstance(id, page.limit(), page.nextToken()), views::bill);
    }
}
