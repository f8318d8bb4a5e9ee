package com.edgecloud.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where the org.webjars:swagger-ui jar keeps Swagger UI's files, for the static-resource mapping
 * behind the API page (LocalDocsController). The version is read from the jar itself, so the pom
 * is the one place it is written.
 */
final class SwaggerUiWebjar {

    /** Where the local server serves the files. */
    static final String MAPPING = "/_local/swagger-ui/**";

    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private SwaggerUiWebjar() {
    }

    /** The classpath folder holding swagger-ui-bundle.js and the rest. */
    static String classpathFolder() {
        return "classpath:META-INF/resources/webjars/swagger-ui/" + version();
    }

    static String version() {
        try (InputStream in = SwaggerUiWebjar.class.getClassLoader().getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("no " + POM_PROPERTIES + ": org.webjars:swagger-ui is not on the classpath");
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
