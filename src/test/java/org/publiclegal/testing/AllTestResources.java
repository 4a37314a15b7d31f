package org.publiclegal.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Test resources shared by every @QuarkusTest (one application start for the whole suite). */
@QuarkusTestResource(WeChatStub.class)
public class AllTestResources {
}
