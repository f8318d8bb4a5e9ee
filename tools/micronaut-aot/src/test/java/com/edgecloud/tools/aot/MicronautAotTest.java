package com.edgecloud.tools.aot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MicronautAotTest {

    @TempDir
    Path classes;

    @Test
    void stripRemovesTheGeneratedPackageAndItsServiceLinesOnly() throws Exception {
        Path generated = Files.createDirectories(classes.resolve("com/edgecloud/aot"));
        Files.writeString(generated.resolve("AOTApplicationContextConfigurer.class"), "x");
        Files.writeString(generated.resolve("StaticServicesLoader.class"), "x");
        Path own = Files.createDirectories(classes.resolve("com/edgecloud/aot2"));
        Files.writeString(own.resolve("Kept.class"), "x");
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.write(services.resolve("io.micronaut.context.ApplicationContextConfigurer"),
                List.of("com.edgecloud.aot.AOTApplicationContextConfigurer", "com.edgecloud.aot.DeducedEnvironmentConfigurer"));
        Files.write(services.resolve("io.micronaut.core.optim.StaticOptimizations$Loader"),
                List.of("com.edgecloud.aot.StaticServicesLoader", "com.edgecloud.aot.sub.Other", "org.example.Loader"));

        assertEquals(4, MicronautAot.strip("com.edgecloud.aot", classes));

        assertFalse(Files.exists(generated));
        assertTrue(Files.exists(own.resolve("Kept.class")));
        assertFalse(Files.exists(services.resolve("io.micronaut.context.ApplicationContextConfigurer")));
        assertEquals(List.of("com.edgecloud.aot.sub.Other", "org.example.Loader"),
                Files.readAllLines(services.resolve("io.micronaut.core.optim.StaticOptimizations$Loader")));
        assertEquals(0, MicronautAot.strip("com.edgecloud.aot", classes), "nothing left to strip");
    }

    @Test
    void configIsTheBuiltInOneWithOverrides() throws Exception {
        Properties config = MicronautAot.config("deduce.environment.enabled=false; target.environments=function");

        assertEquals("true", config.getProperty("serviceloading.jit.enabled"));
        assertEquals("false", config.getProperty("deduce.environment.enabled"));
        assertEquals("function", config.getProperty("target.environments"));
        assertEquals("false", config.getProperty("precompute.environment.properties.enabled"));
        assertTrue(config.getProperty("serviceloading.force.include.impls").contains("$SnapStartPriming$Definition"));
    }
}
