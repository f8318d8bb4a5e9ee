package com.edgecloud.account;

import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/** Lambda entry point of AccountFunction: API Gateway HTTP API, payload format 2.0. */
public class AccountHandler extends APIGatewayV2HTTPEventFunction {
}
