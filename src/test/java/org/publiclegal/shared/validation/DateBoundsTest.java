package org.publiclegal.shared.validation;

import jakarta.validation.ConstraintValidatorContext;
import org.junit.jupiter.api.Test;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.problem.ErrorCode;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.publiclegal.shared.validation.DateBounds.Kind.HAPPENED;
import static org.publiclegal.shared.validation.DateBounds.Kind.PLANNED;

class DateBoundsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static Instant chinaStartOf(LocalDate day) {
        return day.atStartOfDay(TimeSource.CHINA).toInstant();
    }

    @Test
    void aHappenedDateFrom2000_01_01ToTomorrowInclusiveIsAccepted() {
        assertEquals(Optional.empty(), DateBounds.problem(LocalDate.of(2000, 1, 1), HAPPENED, TODAY));
        assertEquals(Optional.empty(), DateBounds.problem(TODAY, HAPPENED, TODAY));
        assertEquals(Optional.empty(), DateBounds.problem(TODAY.plusDays(1), HAPPENED, TODAY));
    }

    @Test
    void aHappenedDateOnTheDayBefore2000OrTheDayAfterTomorrowIsRefusedWithTheBoundsInTheMessage() {
        assertEquals(Optional.of("日期须在 2000-01-01 至 2026-12-03 之间"),
                DateBounds.problem(LocalDate.of(1999, 12, 31), HAPPENED, TODAY));
        assertEquals(Optional.of("日期须在 2000-01-01 至 2026-12-03 之间"),
                DateBounds.problem(TODAY.plusDays(2), HAPPENED, TODAY));
    }

    @Test
    void theIssuesMinusNineHundredMillionYearDateIsRefused() {
        LocalDate absurd = LocalDate.parse("-999999999-01-01");
        assertTrue(DateBounds.problem(absurd, HAPPENED, TODAY).isPresent());
        assertTrue(DateBounds.problem(absurd, PLANNED, TODAY).isPresent());
        assertTrue(DateBounds.problem(LocalDate.MAX, PLANNED, TODAY).isPresent());
        assertTrue(DateBounds.problem(Instant.MIN, HAPPENED, TODAY).isPresent());
        assertTrue(DateBounds.problem(Instant.MAX, PLANNED, TODAY).isPresent());
    }

    @Test
    void aPlannedDateMayLieYearsAheadUpTo2100_12_31ButNotBefore2000() {
        assertEquals(Optional.empty(), DateBounds.problem(TODAY.plusYears(5), PLANNED, TODAY));
        assertEquals(Optional.empty(), DateBounds.problem(LocalDate.of(2100, 12, 31), PLANNED, TODAY));
        assertEquals(Optional.of("日期须在 2000-01-01 至 2100-12-31 之间"),
                DateBounds.problem(LocalDate.of(2101, 1, 1), PLANNED, TODAY));
        assertEquals(Optional.of("日期须在 2000-01-01 至 2100-12-31 之间"),
                DateBounds.problem(LocalDate.of(1999, 12, 31), PLANNED, TODAY));
        assertEquals(LocalDate.of(2100, 12, 31), DateBounds.latest(PLANNED, TODAY));
        assertEquals(TODAY.plusDays(1), DateBounds.latest(HAPPENED, TODAY));
    }

    @Test
    void anInstantIsJudgedByItsDayInChinaTimeAtBothEnds() {
        Instant first = chinaStartOf(LocalDate.of(2000, 1, 1));
        assertEquals(Optional.empty(), DateBounds.problem(first, HAPPENED, TODAY));
        assertTrue(DateBounds.problem(first.minusNanos(1), HAPPENED, TODAY).isPresent());
        Instant dayAfterTomorrow = chinaStartOf(TODAY.plusDays(2));
        assertEquals(Optional.empty(), DateBounds.problem(dayAfterTomorrow.minusNanos(1), HAPPENED, TODAY));
        assertTrue(DateBounds.problem(dayAfterTomorrow, HAPPENED, TODAY).isPresent());
        // 1999-12-31T23:00 UTC is already 2000-01-01 in China
        assertEquals(Optional.empty(), DateBounds.problem(Instant.parse("1999-12-31T23:00:00Z"), HAPPENED, TODAY));
    }

    @Test
    void anOffsetDateTimeIsJudgedAsItsInstant() {
        OffsetDateTime late = OffsetDateTime.of(1999, 12, 31, 23, 59, 0, 0, ZoneOffset.ofHours(8));
        assertTrue(DateBounds.problem(late, HAPPENED, TODAY).isPresent());
        assertEquals(Optional.empty(), DateBounds.problem(late.plusMinutes(1), HAPPENED, TODAY));
    }

    @Test
    void aMissingDateIsLeftToTheNotNullCheck() {
        assertEquals(Optional.empty(), DateBounds.problem(null, HAPPENED, TODAY));
    }

    @Test
    void aValueThatIsNotADateIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> DateBounds.problem(LocalDateTime.of(2020, 1, 1, 0, 0), HAPPENED, TODAY));
    }

    @Test
    void requireThrowsA400NamingTheFieldAndReadsTodayFromTheClock() {
        Clock clock = Clock.fixed(chinaStartOf(TODAY), TimeSource.CHINA);
        DomainException e = assertThrows(DomainException.class,
                () -> DateBounds.require("screenedOn", TODAY.plusDays(2), HAPPENED, clock));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals("screenedOn", e.errors().get(0).field());
        assertEquals("日期须在 2000-01-01 至 2026-12-03 之间", e.errors().get(0).message());
        DateBounds.require("screenedOn", TODAY.plusDays(1), HAPPENED, clock);
        // just before midnight UTC on the 1st is already the 2nd in China: tomorrow is the 3rd
        Clock utcEvening = Clock.fixed(Instant.parse("2026-12-01T17:00:00Z"), ZoneOffset.UTC);
        DateBounds.require("screenedOn", TODAY.plusDays(1), HAPPENED, utcEvening);
    }

    @Test
    void theValidatorReportsTheBoundsAsItsMessageAndUsesTheAnnotatedKind() {
        Clock clock = Clock.fixed(chinaStartOf(TODAY), TimeSource.CHINA);
        EnteredDate.Validator happened = new EnteredDate.Validator(clock);
        happened.initialize(annotation(HAPPENED));
        EnteredDate.Validator planned = new EnteredDate.Validator(clock);
        planned.initialize(annotation(PLANNED));

        List<String> messages = new ArrayList<>();
        assertTrue(happened.isValid(TODAY, context(messages)));
        assertTrue(happened.isValid(null, context(messages)));
        assertEquals(List.of(), messages);
        assertFalse(happened.isValid(TODAY.plusYears(1), context(messages)));
        assertEquals(List.of("日期须在 2000-01-01 至 2026-12-03 之间"), messages);
        assertTrue(planned.isValid(TODAY.plusYears(1), context(messages)));
        assertEquals(1, messages.size());
    }

    private static EnteredDate annotation(DateBounds.Kind kind) {
        return new EnteredDate() {
            @Override
            public DateBounds.Kind value() {
                return kind;
            }

            @Override
            public String message() {
                return "";
            }

            @Override
            public Class<?>[] groups() {
                return new Class<?>[0];
            }

            @SuppressWarnings("unchecked")
            @Override
            public Class<? extends jakarta.validation.Payload>[] payload() {
                return new Class[0];
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return EnteredDate.class;
            }
        };
    }

    /** Records the messages of the violations built; refuses to keep the default one. */
    private static ConstraintValidatorContext context(List<String> messages) {
        boolean[] defaultDisabled = {false};
        String[] pending = {null};
        Object builder = Proxy.newProxyInstance(DateBoundsTest.class.getClassLoader(),
                new Class<?>[]{ConstraintValidatorContext.ConstraintViolationBuilder.class}, (p, m, a) -> {
                    if (m.getName().equals("addConstraintViolation")) {
                        assertTrue(defaultDisabled[0], "the default message must be disabled");
                        messages.add(pending[0]);
                    }
                    return null;
                });
        return (ConstraintValidatorContext) Proxy.newProxyInstance(DateBoundsTest.class.getClassLoader(),
                new Class<?>[]{ConstraintValidatorContext.class}, (p, m, a) -> switch (m.getName()) {
                    case "disableDefaultConstraintViolation" -> {
                        defaultDisabled[0] = true;
                        yield null;
                    }
                    case "buildConstraintViolationWithTemplate" -> {
                        pending[0] = (String) a[0];
                        yield builder;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
