# `sam build` (BuildMethod: makefile, template.yaml) runs `make build-<LogicalId>` in a scratch copy
# of this folder with ARTIFACTS_DIR set. Each target builds its function's module with the modules
# it depends on (-am: the parent POM and the sibling modules come from this copy, never from a
# local Maven repository) and lays out ARTIFACTS_DIR as Lambda's Java runtime loads it: every jar
# in lib/, the function's own and its runtime dependencies only (no test scope, no test jars).
# Tests are not run here: `mvn -B verify` (README, .ci/run) runs them, against DynamoDB Local and
# moto, before anything is deployed. SamBuildTest (local-server) runs these targets as sam does.
#
# MAVEN_FLAGS: extra Maven options, e.g. `-o -Dmaven.repo.local=...` (the reproduction test).

MVN ?= mvn
MAVEN_FLAGS ?=
DEPENDENCY_PLUGIN := org.apache.maven.plugins:maven-dependency-plugin:3.8.1

# $(1): the function's module folder
define build_function
	$(MVN) -B $(MAVEN_FLAGS) -DskipTests -pl $(1) -am package \
		$(DEPENDENCY_PLUGIN):copy-dependencies -DincludeScope=runtime
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	find $(1)/target -maxdepth 1 -name '*.jar' ! -name '*-tests.jar' ! -name '*-sources.jar' -exec cp {} "$(ARTIFACTS_DIR)/lib/" \;
	cp $(1)/target/dependency/*.jar "$(ARTIFACTS_DIR)/lib/"
endef

build-CatalogFunction:
	$(call build_function,functions/catalog)
build-PurchaseFunction:
	$(call build_function,functions/purchase)
build-InstancesFunction:
	$(call build_function,functions/instances)
build-RenewalFunction:
	$(call build_function,functions/renewal)
build-UsageBillingFunction:
	$(call build_function,functions/usage-billing)
build-UsageBucketFunction:
	$(call build_function,functions/usage-billing)
build-ExpirySweepFunction:
	$(call build_function,functions/expiry-sweep)
build-AccountFunction:
	$(call build_function,functions/account)
build-PaymentCallbackFunction:
	$(call build_function,functions/payment-callback)
build-AdminFunction:
	$(call build_function,functions/admin)
build-NotificationDispatchFunction:
	$(call build_function,functions/notification-dispatch)

.PHONY: build-CatalogFunction build-PurchaseFunction build-InstancesFunction build-RenewalFunction \
	build-UsageBillingFunction build-UsageBucketFunction build-ExpirySweepFunction build-AccountFunction build-PaymentCallbackFunction \
	build-AdminFunction build-NotificationDispatchFunction
