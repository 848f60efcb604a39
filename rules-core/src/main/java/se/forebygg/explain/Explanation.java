package se.forebygg.explain;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import se.forebygg.engine.Calculation;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Finding;
import se.forebygg.engine.Result;
import se.forebygg.engine.Outcome;
import se.forebygg.engine.Severity;
import se.forebygg.grant.GrantCalculation;
import se.forebygg.preventive.CalculationMethod;
import se.forebygg.preventive.PreventiveCalculation;
import se.forebygg.provider.ProviderCalculation;

/**
 * A decision as text a person can check: outcome and amount first, then each finding with its legal
 * reference, then the calculation step by step. Swedish for a Swedish locale, else English.
 * Words and figures are written by {@link Wording}: in Swedish every decimal figure the Swedish way
 * ("588 000 kr", "0,2708", "0,25"), every enum value by its Swedish term ("utredning", "friskvård");
 * whole numbers (minutes, years, measure numbers, line numbers) and dates alike in both languages.
 * A calculation type without its own wording (a host's) is shown by its components, so every
 * decision can be explained.
 *
 * <pre>{@code
 * String text = Explanation.of(decision, Locale.forLanguageTag("sv"));
 * }</pre>
 */
public final class Explanation {
    private static final String INDENT = "  ";

    private final ResourceBundle words;
    private final Locale locale;
    private final boolean swedish;
    private final StringBuilder out = new StringBuilder();

    private Explanation(Locale locale) {
        this.swedish = Wording.swedish(locale);
        this.locale = swedish ? Locale.forLanguageTag("sv") : Locale.ENGLISH;
        this.words = ResourceBundle.getBundle("se.forebygg.explain.explain", swedish ? this.locale : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The explanation of {@code decision}, lines ending in a line break. */
    public static String of(Decision decision, Locale locale) {
        Objects.requireNonNull(decision, "decision");
        Explanation e = new Explanation(Objects.requireNonNull(locale, "locale"));
        e.render(decision);
        return e.out.toString();
    }

    /** The explanation of a refused input: which case, where in the input, what is wrong. */
    public static String of(Result.Refused error, Locale locale) {
        Objects.requireNonNull(error, "error");
        Explanation e = new Explanation(Objects.requireNonNull(locale, "locale"));
        e.line(0, e.say("badInput", error.caseId(), error.line(), error.path(), error.message()));
        return e.out.toString();
    }

    /** The explanation of one result: its decision's, or its refusal's. */
    public static String of(Result result, Locale locale) {
        return Objects.requireNonNull(result, "result") instanceof Result.Refused refused
                ? of(refused, locale) : of(result.orThrow(), locale);
    }

    private void render(Decision d) {
        // In English the case type is named by its id in the contract; in Swedish by its Swedish name.
        line(0, say("case", d.caseId(), swedish ? Wording.term(d.type(), locale) : d.type().id()));
        line(0, say("outcome", d.outcome(), number(d.amount())));
        if (d.findings().isEmpty()) {
            line(0, say("findings.none"));
        } else {
            line(0, say("findings"));
            int n = 1;
            for (Finding f : d.findings()) {
                line(1, n++ + ". " + Wording.term(f.severity(), locale) + ", " + f.rule() + " (" + f.legalReference() + "): "
                        + (swedish ? f.messageSv() : f.message()));
            }
        }
        Calculation c = d.calculation();
        if (c == null) {
            return;
        }
        line(0, say("calculation"));
        if (c instanceof PreventiveCalculation p) {
            preventive(p);
        } else if (c instanceof GrantCalculation g) {
            grant(g, d);
        } else if (c instanceof ProviderCalculation p) {
            provider(p);
        } else {
            components(1, c);
        }
    }

    private void preventive(PreventiveCalculation p) {
        for (PreventiveCalculation.SgiFigures s : p.sgi()) {
            line(1, say("sgi.period", s.from(), s.until()));
            line(2, say("sgi.income", n(s.annualIncome()), n(s.roundedIncome())));
            if (s.sgi() == null) {
                line(2, say("sgi.floor.below", n(s.floor()), n(s.priceBaseAmount())));
                continue;
            }
            line(2, say("sgi.floor.ok", n(s.floor()), n(s.priceBaseAmount())));
            line(2, say(s.ceilingApplied() ? "sgi.ceiling.applied" : "sgi.ceiling.ok", n(s.ceiling()), n(s.sgi())));
            line(2, say("sgi.base", n(s.benefitBase())));
            if (s.fullDailyAmount() != null) {
                line(2, say("sgi.daily", n(s.fullDailyAmount())));
            }
            if (s.hourlyRate() != null) {
                line(2, say("sgi.hourly", n(s.benefitBase()), n(BigDecimal.valueOf(s.annualWorkingHours())),
                        n(s.hourlyRate())));
            }
        }
        if (!p.days().isEmpty()) {
            line(1, say("days"));
            for (PreventiveCalculation.DayFigures day : p.days()) {
                if (day.uncountedMinutes() > 0) {
                    line(2, say("day.noTreatment", day.date(), day.uncountedMinutes(), day.normalWorkingMinutes()));
                } else if (day.level().signum() == 0) {
                    line(2, say("day.unpaid", day.date(), day.absentMinutes(), day.normalWorkingMinutes(), n(day.fraction())));
                } else if (day.fullDailyAmount() == null) {
                    line(2, say("day.noSgi", day.date(), day.absentMinutes(), day.normalWorkingMinutes(), n(day.fraction()),
                            n(day.level())));
                } else if (day.method() == CalculationMethod.CALENDAR_DAY) {
                    line(2, say("day.calendarDay", day.date(), day.absentMinutes(), day.normalWorkingMinutes(),
                            n(day.fraction()), n(day.level()), n(day.fullDailyAmount()), n(day.amount()), day.dayOfSickPeriod()));
                } else {
                    line(2, say(day.groupDays() == 1 ? "day.workingTime" : "day.workingTime.together", day.date(),
                            day.absentMinutes(), day.normalWorkingMinutes(), n(day.fraction()), n(day.level()),
                            n(day.fullDailyAmount()), n(day.amount()), day.dayOfSickPeriod(), n(day.hourlyRate()),
                            n(day.hours()), n(day.groupHours()), day.groupDays()));
                }
            }
            line(1, say("total", n(p.total())));
        }
    }

    private void grant(GrantCalculation g, Decision d) {
        line(1, say("grant.measures", g.year()));
        for (GrantCalculation.MeasureFigures m : g.measures()) {
            line(2, m.covered()
                    ? say("grant.measure.covered", m.number(), m.kind(), m.performedOn(), n(m.amountPaid()))
                    : say("grant.measure.excluded", m.number(), m.kind(), m.performedOn(), n(m.amountPaid()), m.excludedBy()));
        }
        line(1, say("grant.cost", n(g.coveredCost()), n(g.halfOfCost())));
        if (g.caps() == GrantCalculation.Caps.PER_APPLICATION) {
            line(1, say("grant.cap.application", n(g.applicationCap())));
        } else {
            line(1, say("grant.room.employee", n(g.employeeRoomBefore()), n(g.employeeRoomAfter())));
            line(1, say("grant.room.employer", n(g.employerRoomBefore()), n(g.employerRoomAfter())));
        }
        line(1, g.applicationDeadline().equals(g.statutoryDeadline())
                ? say("grant.deadline", g.applicationDeadline())
                : say("grant.deadline.moved", g.applicationDeadline(), g.statutoryDeadline()));
        // The least of half the cost and the caps' room is the grant unless a rejection makes it nothing.
        BigDecimal least;
        String leastOf;
        if (g.caps() == GrantCalculation.Caps.PER_APPLICATION) {
            least = min(g.halfOfCost(), g.applicationCap());
            leastOf = say("grant.least.application", n(g.halfOfCost()), n(g.applicationCap()));
        } else {
            least = min(min(g.halfOfCost(), g.employeeRoomBefore()), g.employerRoomBefore());
            leastOf = say("grant.least", n(g.halfOfCost()), n(g.employeeRoomBefore()), n(g.employerRoomBefore()));
        }
        if (least != null && g.grant() != null && least.compareTo(g.grant()) == 0) {
            line(1, say("grant.amount", leastOf, n(g.grant())));
        } else if (d.outcome() == Outcome.REJECTED) {
            String rules = String.join(", ", d.findings().stream().filter(f -> f.severity() == Severity.REJECTION)
                    .map(Finding::rule).distinct().toList());
            line(1, say("grant.amount.rejected", leastOf, n(least), rules, n(g.grant())));
        } else {
            line(1, say("grant.amount.other", leastOf, n(least), n(g.grant())));
        }
    }

    private static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.min(b);
    }

    private void provider(ProviderCalculation p) {
        line(1, say("provider.physician", p.physician()));
        line(1, say("provider.nurse", p.nurse()));
        String others = p.otherCompetences().isEmpty() ? say("provider.none")
                : String.join(", ", p.otherCompetences().stream().map(c -> Wording.term(c, locale)).toList());
        line(1, say("provider.others", others, p.otherCompetences().size(), p.otherCompetencesRequired()));
    }

    /** Any record by its components; lists item by item; nested records indented. */
    private void components(int depth, Object value) {
        for (RecordComponent rc : value.getClass().getRecordComponents()) {
            Object v = get(rc, value);
            if (v != null && v.getClass().isRecord()) {
                line(depth, rc.getName() + ":");
                components(depth + 1, v);
            } else if (v instanceof Collection<?> list && list.stream().anyMatch(i -> i != null && i.getClass().isRecord())) {
                line(depth, rc.getName() + ":");
                int i = 1;
                for (Object item : list) {
                    line(depth + 1, "[" + i++ + "]");
                    if (item != null && item.getClass().isRecord()) {
                        components(depth + 2, item);
                    } else {
                        line(depth + 2, text(item));
                    }
                }
            } else {
                line(depth, rc.getName() + ": " + text(v));
            }
        }
    }

    private static Object get(RecordComponent rc, Object record) {
        try {
            return rc.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return "?";
        }
    }

    private String text(Object v) {
        if (v == null) {
            return "–";
        }
        if (v instanceof BigDecimal d) {
            return n(d);
        }
        if (swedish && (v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())) {
            return number(new BigDecimal(v.toString()));
        }
        if (v instanceof Collection<?> c) {
            return String.join(", ", c.stream().map(this::text).toList());
        }
        return Wording.figure(v, locale);
    }

    /** A figure without trailing zeros: {@code 588000}, {@code 0.25}; in Swedish {@code 588 000}, {@code 0,25}. */
    private String n(BigDecimal d) {
        return d == null ? "–" : number(d.stripTrailingZeros());
    }

    /** A figure as it is (the decided amount keeps its öre: {@code 938.00}; in Swedish {@code 938,00}). */
    private String number(BigDecimal d) {
        return Wording.number(d, locale);
    }

    /** The text of {@code key} with its figures written by {@link Wording#format}. */
    private String say(String key, Object... args) {
        return Wording.format(words.getString(key), locale, args);
    }

    private void line(int depth, String text) {
        out.append(INDENT.repeat(depth)).append(text).append('\n');
    }
}
