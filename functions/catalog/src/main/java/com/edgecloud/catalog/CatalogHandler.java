package com.edgecloud.catalog;

import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/** Lambda entry point of CatalogFunction: API Gateway HTTP API, payload format 2.0. */
public class CatalogHandler extends APIGatewayV2HTTPEventFunction {
}
