package org.publiclegal.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/** Before each {@code @QuarkusTest} method: test time catches up with the wall clock if it fell behind. */
public class TestClockCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        TestClock.catchUp();
    }
}
