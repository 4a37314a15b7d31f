package org.publiclegal.shared.domain;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.problem.ErrorCode;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared state-machine plumbing: refusals naming the allowed acts, steps recorded in order. */
class StepRecorderTest {

    enum S { A, B, C }

    record Step(String action, S from, S to, Instant at, String note) {
    }

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    private final StepRecorder<S, Step> steps = new StepRecorder<>("测试案件", Step::new);

    @Test
    void anActTheStatusAllowsPasses() {
        assertDoesNotThrow(() -> steps.require(S.A, "go", false, () -> List.of("go"), S.A, S.B));
        assertDoesNotThrow(() -> steps.require(S.B, "go", false, () -> List.of("go"), S.A, S.B));
    }

    @Test
    void anActTheStatusDoesNotAllowIsRefusedNamingTheAllowedActs() {
        IllegalTransition e = assertThrows(IllegalTransition.class,
                () -> steps.require(S.C, "go", false, () -> List.of("stop", "wait"), S.A, S.B));
        assertEquals(ErrorCode.ILLEGAL_TRANSITION, e.code());
        assertTrue(e.getMessage().startsWith("测试案件当前状态为 C，不能执行「go」"), e.getMessage());
        assertTrue(e.getMessage().endsWith("可执行：stop、wait"), e.getMessage());
    }

    @Test
    void aClosedCaseRefusesEvenAnActItsStatusWouldAllow() {
        assertThrows(IllegalTransition.class, () -> steps.require(S.A, "go", true, List::of, S.A));
    }

    @Test
    void movesAreRecordedInOrderAndDrainedOnce() {
        assertNull(steps.last());
        assertEquals(S.B, steps.move("first", S.A, S.B, NOW, "一"));
        assertEquals(S.B, steps.move("note", S.B, S.B, NOW, null));
        assertEquals(new Step("note", S.B, S.B, NOW, null), steps.last());
        assertEquals(List.of(new Step("first", S.A, S.B, NOW, "一"), new Step("note", S.B, S.B, NOW, null)),
                steps.drain());
        assertEquals(List.of(), steps.drain());
        assertNull(steps.last());
    }
}
