package se.forebygg.rules.preventive;

import se.forebygg.preventive.ClaimDay;
import se.forebygg.preventive.PreventiveCalculation;
import se.forebygg.preventive.PreventiveCase;
import se.forebygg.preventive.Step;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.forebygg.engine.Calculation;
import se.forebygg.spi.Benefit;
import se.forebygg.spi.Dates;
import se.forebygg.spi.Facts;
import se.forebygg.parameters.Parameters;

/** Facts and calculation of a preventive-sickness-benefit case. Not API. */
public final class PreventiveKind implements Benefit<PreventiveCase> {

    @Override
    public Class<PreventiveCase> caseClass() {
        return PreventiveCase.class;
    }

    @Override
    public Class<PreventiveParameters> parameterRecord() {
        return PreventiveParameters.class;
    }

    @Override
    public List<Object> facts(PreventiveCase c, Parameters parameters) {
        Set<PreventiveParameters> periods = new LinkedHashSet<>();
        periods.add(Dates.parametersOn(parameters, PreventiveParameters.class, c.decisionDate(), "$.decisionDate"));
        List<ClaimDay> days = c.claimedDays();
        for (int i = 0; i < days.size(); i++) {
            periods.add(Dates.parametersOn(parameters, PreventiveParameters.class, days.get(i).date(), "$.claim.days[" + i + "].date"));
        }
        List<Object> facts = new ArrayList<>();
        facts.add(c);
        facts.add(SickPeriods.of(c));
        facts.addAll(periods);
        return facts;
    }

    @Override
    public Calculation calculation(PreventiveCase c, Facts facts) {
        Map<PreventiveParameters, DailyAmount> daily = facts.all(DailyAmount.class, Comparator.comparing(d -> d.period().from()))
                .stream().collect(Collectors.toMap(DailyAmount::period, Function.identity()));
        Map<PreventiveParameters, HourlyRate> hourly = facts.all(HourlyRate.class, Comparator.comparing(h -> h.period().from()))
                .stream().collect(Collectors.toMap(HourlyRate::period, Function.identity()));
        List<PreventiveCalculation.SgiFigures> sgi = new ArrayList<>();
        for (Sgi s : facts.all(Sgi.class, Comparator.comparing(s -> s.period().from()))) {
            DailyAmount amount = daily.get(s.period());
            HourlyRate rate = hourly.get(s.period());
            sgi.add(new PreventiveCalculation.SgiFigures(s.period().from(), s.period().until(), s.income(),
                    s.roundedIncome(), s.period().priceBaseAmount(), s.period().sgiFloor(), s.ceiling(), s.value(),
                    s.ceilingApplied(), s.period().benefitBase(s.value()), amount == null ? null : amount.amount(),
                    rate == null ? null : rate.annualWorkingHours(), rate == null ? null : rate.rate()));
        }
        for (NoSgi n : facts.all(NoSgi.class, Comparator.comparing(n -> n.period().from()))) {
            sgi.add(new PreventiveCalculation.SgiFigures(n.period().from(), n.period().until(), n.income(),
                    n.period().roundDownIncome(n.income()), n.period().priceBaseAmount(), n.floor(),
                    n.period().sgiCeiling(), null, false, null, null, null, null));
        }
        sgi.sort(Comparator.comparing(PreventiveCalculation.SgiFigures::from));

        Map<java.time.LocalDate, DayAmount> amounts = facts.all(DayAmount.class, Comparator.comparing(DayAmount::date))
                .stream().collect(Collectors.toMap(DayAmount::date, Function.identity()));
        Map<java.time.LocalDate, DayMethod> methods = facts.all(DayMethod.class, Comparator.comparing(DayMethod::date))
                .stream().collect(Collectors.toMap(DayMethod::date, Function.identity()));
        List<PreventiveCalculation.DayFigures> days = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (DayLevel d : facts.all(DayLevel.class, Comparator.comparing(DayLevel::date))) {
            DayAmount amount = amounts.get(d.date());
            DayMethod method = methods.get(d.date());
            BigDecimal paid = amount == null ? BigDecimal.ZERO : amount.amount();
            total = total.add(paid);
            days.add(new PreventiveCalculation.DayFigures(d.date(), d.absentMinutes(), d.uncountedMinutes(),
                    d.day().normalWorkingMinutes(),
                    d.fraction(), d.level(), method.method(), method.dayOfSickPeriod(),
                    amount == null ? null : amount.hourlyRate(), amount == null ? null : amount.hours(),
                    amount == null ? null : amount.groupDays(), amount == null ? null : amount.groupHours(),
                    amount == null ? null : amount.fullDailyAmount(), paid));
        }
        return new PreventiveCalculation(sgi, days, total);
    }

    @Override
    public BigDecimal amount(PreventiveCase c, Calculation calculation) {
        return c.step() == Step.PLAN_APPROVAL ? BigDecimal.ZERO : ((PreventiveCalculation) calculation).total();
    }
}
