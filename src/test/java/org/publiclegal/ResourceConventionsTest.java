package org.publiclegal;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every HTTP resource class is {@code @Cancellable(false)}: a client hanging up must not cancel a write in the
 * middle of its transaction (HR000090, see README "Clients that hang up" and {@code CancelledRequestsTest}).
 */
class ResourceConventionsTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.publiclegal");

    @Test
    void everyResourceClassFinishesItsWorkWhenTheClientHangsUp() {
        List<JavaClass> resources = CLASSES.stream()
                .filter(c -> c.isAnnotatedWith(Path.class) && !c.isInterface())
                .toList();
        assertTrue(resources.size() > 30, "resources found: " + resources.size());
        List<String> missing = resources.stream()
                .filter(c -> {
                    Cancellable cancellable = c.reflect().getAnnotation(Cancellable.class);
                    return cancellable == null || cancellable.value();
                })
                .map(JavaClass::getName).toList();
        assertEquals(List.of(), missing, "resource classes without @Cancellable(false)");
    }
}
