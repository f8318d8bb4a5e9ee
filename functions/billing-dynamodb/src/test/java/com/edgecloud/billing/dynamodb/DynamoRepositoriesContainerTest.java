package com.edgecloud.billing.dynamodb;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link DynamoRepositoriesContract} against LocalStack's DynamoDB in a container, with the
 * tables created by {@link Tables#createAll} as the local server does. Skipped (not failed)
 * where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class DynamoRepositoriesContainerTest extends DynamoRepositoriesContract {

    @Container
    static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:3.8")).withServices(Service.DYNAMODB);

    static DynamoDbClient client;

    @BeforeAll
    static void createTables() {
        client = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(LOCALSTACK.getEndpointOverride(Service.DYNAMODB))
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .build();
        Tables.createAll(client, TableNames.defaults());
    }

    @AfterAll
    static void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    @Override
    DynamoDbClient client() {
        return client;
    }

    @Override
    TableNames tables() {
        return TableNames.defaults();
    }
}
