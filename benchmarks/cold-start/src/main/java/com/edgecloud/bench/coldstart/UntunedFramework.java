package com.edgecloud.bench.coldstart;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;

/**
 * The "untuned" variant: a function's handler on the context micronaut-function-aws builds by
 * default (eager singletons and configuration, environment deduction), as the handlers did before
 * {@code FunctionContexts}. Lets one benchmark run compare both under the same machine load.
 * Loaded by name only, so that other variants never load it.
 */
final class UntunedFramework {

    private UntunedFramework() {
    }

    static Object construct(String handlerClass) throws ReflectiveOperationException {
        Class<?> type = Class.forName(handlerClass);
        // As AbstractExecutor.buildApplicationContext does, with the builder's defaults.
        ApplicationContext context = new LambdaApplicationContextBuilder().packages(type.getPackageName()).build().start();
        return type.getConstructor(ApplicationContext.class).newInstance(context);
    }
}
