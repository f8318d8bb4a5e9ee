package com.edgecloud.http;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.edgecloud.http.Views.BillView;
import com.edgecloud.http.Views.InstanceView;
import com.edgecloud.http.Views.LedgerEntryView;
import com.edgecloud.http.Views.NodeView;
import com.edgecloud.http.Views.OperationView;
import com.edgecloud.http.Views.SpecView;
import com.edgecloud.http.Views.TermView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;

/**
 * What each list route answers, as the API document shows it: a {@link Views.ListView} of one kind
 * of item (SPEC §11). micronaut-openapi writes the {@code List<V>} of a generic record as a list of
 * bare objects, which a generated client reads as untyped maps (issue 17); so each list route names
 * its page here, with the item type written out. The answer on the wire is the ListView itself.
 */
public final class ListAnswers {

    static final String LAST_PAGE = "Null on the last page; otherwise pass it back as ?nextToken= for the next";

    private ListAnswers() {
    }

    @Retention(RUNTIME)
    @Target({METHOD})
    @ApiResponse(responseCode = "200", description = "A page of the caller's instances",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstanceList.class)))
    public @interface Instances {
    }

    @Retention(RUNTIME)
    @Target({METHOD})
    @ApiResponse(responseCode = "200", description = "A page of the instance's paid terms, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TermList.class)))
    public @interface Terms {
    }

    @Retention(RUNTIME)
    @Target({METHOD})
    @ApiResponse(responseCode = "200", description = "A page of the instance's operations, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OperationList.class)))
    public @interface Operations {
    }

    @Retention(RUNTIME)
    @Target({METHOD})
    @ApiResponse(responseCode = "200", description = "A page of the instance's hourly bills",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BillList.class)))
    public @interface Bills {
    }

    @Retention(RUNTIME)
    @Target({METHOD})
    @ApiResponse(responseCode = "200", description = "A page of the caller's ledger entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LedgerEntryList.class)))
    public @interface LedgerEntries {
    }

    @Retention(RUNTIME)
    @Target({METHOD})
    @ApiResponse(responseCode = "200", description = "The nodes (one page)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NodeList.class)))
    public @interface Nodes {
    }

    @Retention(RUNTIME)
    @Target({METHOD})
    @ApiResponse(responseCode = "200", description = "The node's specs and prices (one page)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SpecList.class)))
    public @interface Specs {
    }

    @Schema(name = "InstanceList")
    public record InstanceList(List<InstanceView> items, @Nullable @Schema(description = LAST_PAGE) String nextToken) {
    }

    @Schema(name = "TermList")
    public record TermList(List<TermView> items, @Nullable @Schema(description = LAST_PAGE) String nextToken) {
    }

    @Schema(name = "OperationList")
    public record OperationList(List<OperationView> items, @Nullable @Schema(description = LAST_PAGE) String nextToken) {
    }

    @Schema(name = "BillList")
    public record BillList(List<BillView> items, @Nullable @Schema(description = LAST_PAGE) String nextToken) {
    }

    @Schema(name = "LedgerEntryList")
    public record LedgerEntryList(List<LedgerEntryView> items, @Nullable @Schema(description = LAST_PAGE) String nextToken) {
    }

    @Schema(name = "NodeList")
    public record NodeList(List<NodeView> items, @Nullable @Schema(description = LAST_PAGE) String nextToken) {
    }

    @Schema(name = "SpecList")
    public record SpecList(List<SpecView> items, @Nullable @Schema(description = LAST_PAGE) String nextToken) {
    }
}
