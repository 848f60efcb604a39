package se.forebygg.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import se.forebygg.identity.OrganisationNumber;
import se.forebygg.identity.PersonalIdentityNumber;
import se.forebygg.json.ForebyggJson;

/**
 * Writes realistic synthetic cases as JSON Lines, calibrated on the 2020 figures in RiR 2021:19
 * (see {@code docs/synthetic-data.md}). Reproducible: the same settings give byte-identical output.
 * Streams: memory holds one employer's applications at a time, never the output.
 *
 * <p>Order of the output: the provider approvals, then the grant applications employer by employer
 * (each employer's in order of submission, so a reader that keeps an employer's run together sees
 * its yearly cap), then the preventive-sickness-benefit cases.
 */
public final class CaseGenerator {
    /**
     * Expected applications of an employer in a year: {@code APPLICATIONS_SCALE × employees^APPLICATIONS_EXPONENT}
     * (2 employees: 2.4, 100: 25, 1 000: 100); about ten per employer on average.
     */
    static final double APPLICATIONS_SCALE = 1.6;
    static final double APPLICATIONS_EXPONENT = 0.6;
    /** Share of applications that reach the agency after 1 February of the following year. */
    static final double LATE_SHARE = 0.07;
    /** Share of applications that include a treatment line (never covered, ARS-2). */
    static final double TREATMENT_SHARE = 0.06;
    /** Share of applications that are an employee's second (or later) one of the year. */
    static final double REPEAT_EMPLOYEE_SHARE = 0.2;
    private static final int LARGEST_EMPLOYER = 20_000;

    private final Random random;
    private final int year;
    private final int providers;
    private final ObjectMapper mapper = ForebyggJson.newMapper();
    private final boolean[] providerApproved;

    /**
     * @param year the year of the measures and claimed days; decisions and late applications fall in
     *             the year after, so the parameter table must cover both
     */
    public CaseGenerator(long seed, int year, int providers) {
        if (providers < 1) {
            throw new IllegalArgumentException("need at least one provider");
        }
        this.random = new Random(seed);
        this.year = year;
        this.providers = providers;
        this.providerApproved = new boolean[providers];
    }

    /** Writes {@code providers} approvals, {@code grants} grant applications and {@code preventive} PSB cases. */
    public void write(Writer out, long grants, long preventive) throws IOException {
        for (int p = 0; p < providers; p++) {
            line(out, providerApproval(p));
        }
        long written = 0;
        int employer = 0;
        while (written < grants) {
            employer++;
            List<ObjectNode> applications = employerApplications(employer, grants - written);
            for (ObjectNode application : applications) {
                written++;
                application.put("caseId", String.format("ars-%07d", written));
                line(out, application);
            }
        }
        for (long i = 1; i <= preventive; i++) {
            line(out, preventiveCase(i));
        }
        out.flush();
    }

    private void line(Writer out, ObjectNode node) throws IOException {
        out.write(mapper.writeValueAsString(node));
        out.write('\n');
    }

    // ---- provider approvals (PRV) -------------------------------------------------------------

    private ObjectNode providerApproval(int index) {
        ObjectNode c = mapper.createObjectNode();
        c.put("type", "provider-approval");
        c.put("caseId", String.format("prv-%04d", index + 1));
        c.put("decisionDate", dayOfYear(year - 1, random.nextInt(365)).toString());
        ArrayNode competences = c.putArray("competences");
        // Most occupational health services have it all; a few lack a nurse, a physician or breadth.
        boolean physician = random.nextDouble() >= 0.04;
        boolean nurse = random.nextDouble() >= 0.04;
        if (physician) {
            competences.add("PHYSICIAN");
        }
        if (nurse) {
            competences.add("NURSE");
        }
        List<String> others = new ArrayList<>(List.of("WORK_ORGANISATION", "HEALTH_SCIENCE", "BEHAVIOURAL_SCIENCE",
                "PHYSIOTHERAPY", "TECHNOLOGY"));
        int count = random.nextDouble() < 0.06 ? 1 + random.nextInt(2) : 3 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            competences.add(others.remove(random.nextInt(others.size())));
        }
        providerApproved[index] = physician && nurse && count >= 3;
        return c;
    }

    // ---- workplace rehabilitation grants (ARS) ------------------------------------------------

    private List<ObjectNode> employerApplications(int employer, long remaining) {
        int employees = employerSize();
        int count = (int) Math.min(remaining, Math.max(1, poisson(APPLICATIONS_SCALE * Math.pow(employees, APPLICATIONS_EXPONENT))));
        String employerId = organisationNumber(employer);
        int provider = pickProvider();
        List<ObjectNode> applications = new ArrayList<>(count);
        List<Integer> earlier = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int employee = !earlier.isEmpty() && random.nextDouble() < REPEAT_EMPLOYEE_SHARE
                    ? earlier.get(random.nextInt(earlier.size())) : 1 + random.nextInt(employees);
            earlier.add(employee);
            // Big employers sometimes use a second provider.
            int usedProvider = random.nextDouble() < 0.1 ? pickProvider() : provider;
            applications.add(application(employerId, employee, usedProvider));
        }
        applications.sort(Comparator.comparing((ObjectNode a) -> a.get("submittedOn").asText()));
        return applications;
    }

    /** Employees: from two to thousands, Pareto-distributed (most are small, a few are very large). */
    private int employerSize() {
        double u = 1 - random.nextDouble();
        return (int) Math.min(LARGEST_EMPLOYER, Math.floor(2 * Math.pow(u, -1 / 0.75)));
    }

    private int pickProvider() {
        // Employers mostly buy from approved providers; the rest lead to ARS-4 refusals.
        for (int tries = 0; tries < 3; tries++) {
            int p = random.nextInt(providers);
            if (providerApproved[p] || random.nextDouble() < 0.3) {
                return p;
            }
        }
        return random.nextInt(providers);
    }

    /** The {@code employer}-th employer's organisation number: 556NNN-NNNC with its Luhn check digit. */
    static String organisationNumber(int employer) {
        return OrganisationNumber.withCheckDigit(String.format("556%06d", employer % 1_000_000)).canonical();
    }

    /**
     * The personal identity number of an employer's {@code employee}-th employee: a birth day in
     * 1960–1999 and a serial, both from the pair, with its Luhn check digit; distinct within one employer.
     */
    static String personalIdentityNumber(String employerId, int employee) {
        // Day by 7919 · employee (7919 is prime to 14 600), serial by employee mod 900: the pair repeats only
        // after 131 400 employees, more than the largest employer has.
        LocalDate born = LocalDate.of(1960, 1, 1).plusDays(Math.floorMod(employerId.hashCode() * 31 + employee * 7919, 14_600));
        return PersonalIdentityNumber.withCheckDigit(born, 100 + employee % 900).canonical();
    }

    private ObjectNode application(String employerId, int employee, int provider) {
        ObjectNode c = mapper.createObjectNode();
        c.put("type", "workplace-rehabilitation-grant");
        c.put("caseId", "");
        c.put("employerId", employerId);
        c.put("employeeId", personalIdentityNumber(employerId, employee));
        double condition = random.nextDouble();
        c.put("employeeCondition", condition < 0.58 ? "AT_RISK_OF_REDUCED_WORK_CAPACITY"
                : condition < 0.97 ? "REDUCED_WORK_CAPACITY" : "NONE");
        ObjectNode p = c.putObject("provider");
        p.put("id", String.format("P-%04d", provider + 1));
        p.put("approvedByAgency", providerApproved[provider]);

        // A chain of measures over a few weeks: investigate, plan, then maybe initiate, implement, follow up.
        String[] chain = {"INVESTIGATE", "PLAN", "INITIATE", "IMPLEMENT", "FOLLOW_UP"};
        int first = random.nextDouble() < 0.8 ? 0 : 1 + random.nextInt(4);
        int length = 1 + (int) Math.min(3, Math.floor(-Math.log(1 - random.nextDouble()) * 2.5));
        LocalDate on = dayOfYear(year, random.nextInt(330));
        ArrayNode measures = c.putArray("measures");
        for (int k = first; k < Math.min(chain.length, first + length); k++) {
            measures.add(measure(chain[k], on));
            on = on.plusDays(7 + random.nextInt(35));
            if (on.getYear() != year) {
                break;
            }
        }
        if (random.nextDouble() < TREATMENT_SHARE && on.getYear() == year) {
            measures.add(measure("TREATMENT", on));
        }
        LocalDate last = LocalDate.parse(measures.get(measures.size() - 1).get("performedOn").asText());
        LocalDate deadline = LocalDate.of(year + 1, 2, 1);
        LocalDate submitted;
        if (random.nextDouble() < LATE_SHARE) {
            submitted = deadline.plusDays(1 + random.nextInt(75));
        } else {
            submitted = last.plusDays(5 + random.nextInt(90));
            if (submitted.isAfter(deadline)) {
                submitted = deadline.minusDays(random.nextInt(10));
            }
        }
        c.put("submittedOn", submitted.toString());
        return c;
    }

    private ObjectNode measure(String kind, LocalDate on) {
        ObjectNode m = mapper.createObjectNode();
        m.put("kind", kind);
        m.put("performedOn", on.toString());
        m.put("amountPaid", price(kind));
        return m;
    }

    /** Kronor paid to the provider: log-normal around typical prices, most in whole hundreds. */
    private BigDecimal price(String kind) {
        double median = switch (kind) {
            case "INVESTIGATE" -> 12_000;
            case "PLAN" -> 9_000;
            case "INITIATE" -> 6_000;
            case "IMPLEMENT" -> 14_000;
            case "FOLLOW_UP" -> 4_000;
            default -> 6_000;
        };
        double amount = Math.max(1_000, Math.min(45_000, median * Math.exp(0.45 * random.nextGaussian())));
        if (random.nextDouble() < 0.15) {
            // An invoice with VAT added gives öre.
            return BigDecimal.valueOf(Math.round(amount / 1.25)).multiply(new BigDecimal("1.25"))
                    .setScale(2, RoundingMode.HALF_UP);
        }
        return BigDecimal.valueOf(Math.round(amount / 100) * 100);
    }

    // ---- preventive sickness benefit (PSB) ----------------------------------------------------

    private ObjectNode preventiveCase(long index) {
        ObjectNode c = mapper.createObjectNode();
        c.put("type", "preventive-sickness-benefit");
        c.put("caseId", String.format("psb-%07d", index));
        boolean compensation = random.nextDouble() < 0.65;
        c.put("step", compensation ? "COMPENSATION" : "PLAN_APPROVAL");
        c.put("decisionDate", "");

        double o = random.nextDouble();
        String occupation = o < 0.85 ? "EMPLOYED" : o < 0.93 ? "SELF_EMPLOYED" : "UNEMPLOYED";
        ObjectNode insured = c.putObject("insured");
        insured.put("annualIncome", income(occupation));
        insured.put("occupation", occupation);
        if (occupation.equals("EMPLOYED")) {
            insured.put("annualWorkingHours", annualWorkingHours());
        }

        double r = random.nextDouble();
        c.putObject("risk").put("expectedWorkCapacityReduction",
                new BigDecimal(r < 0.03 ? "0.2" : r < 0.35 ? "0.25" : r < 0.8 ? "0.5" : r < 0.95 ? "0.75" : "1"));

        ObjectNode plan = c.putObject("plan");
        double k = random.nextDouble();
        plan.put("kind", k < 0.6 ? "MEDICAL_TREATMENT" : k < 0.97 ? "MEDICAL_REHABILITATION" : k < 0.99 ? "WELLNESS" : "OTHER");
        double p = random.nextDouble();
        if (p >= 0.01) {
            plan.put("purpose", p < 0.55 ? "PREVENT_ILLNESS" : p < 0.7 ? "SHORTEN_ILLNESS" : "PREVENT_REDUCED_WORK_CAPACITY");
        }
        plan.put("orderedByPhysician", random.nextDouble() >= 0.02);
        plan.put("approvedByAgency", compensation && random.nextDouble() >= 0.02);
        plan.put("sessions", random.nextDouble() < 0.02 ? 1 : 2 + (int) Math.min(28, Math.floor(-Math.log(1 - random.nextDouble()) * 8)));

        LocalDate start = dayOfYear(year, random.nextInt(300));
        if (!compensation) {
            c.put("decisionDate", start.toString());
            return c;
        }
        ArrayNode days = c.putObject("claim").putArray("days");
        int count = 1 + Math.min(30, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 10));
        int gap = random.nextDouble() < 0.5 ? 7 : 2 + random.nextInt(3);
        boolean partTime = random.nextDouble() < 0.15;
        LocalDate day = start;
        for (int i = 0; i < count && day.getYear() == year; i++) {
            days.add(claimDay(day, partTime));
            day = day.plusDays(gap);
        }
        c.put("decisionDate", day.plusDays(3 + random.nextInt(25)).toString());
        return c;
    }

    /** Expected yearly work income: log-normal around typical pay; about one in ten above the SGI ceiling. */
    /**
     * An employee's annual working hours (årsarbetstid, contract version 2): mostly full time, 40 or
     * 38 hours a week over 52 weeks, some part time at 80, 75 or 50 %.
     */
    private int annualWorkingHours() {
        double h = random.nextDouble();
        return h < 0.70 ? 2080 : h < 0.78 ? 1976 : h < 0.88 ? 1664 : h < 0.95 ? 1560 : 1040;
    }

    private long income(String occupation) {
        if (occupation.equals("UNEMPLOYED") && random.nextDouble() < 0.15) {
            return random.nextInt(12_000);
        }
        double median = switch (occupation) {
            case "EMPLOYED" -> 400_000;
            case "SELF_EMPLOYED" -> 330_000;
            default -> 220_000;
        };
        return Math.round(median * Math.exp(0.33 * random.nextGaussian()));
    }

    private ObjectNode claimDay(LocalDate date, boolean partTime) {
        ObjectNode d = mapper.createObjectNode();
        d.put("date", date.toString());
        double kind = random.nextDouble();
        int treatment = kind < 0.3 ? 420 : kind < 0.6 ? 60 + 15 * random.nextInt(13) : 30 + 15 * random.nextInt(5);
        d.put("treatmentMinutes", treatment);
        d.put("preparationMinutes", random.nextDouble() < 0.3 ? 15 * random.nextInt(5) : 0);
        d.put("travelMinutes", random.nextDouble() < 0.2 ? 0 : 10 * (1 + random.nextInt(9)));
        d.put("normalWorkingMinutes", partTime ? 240 : 480);
        return d;
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static LocalDate dayOfYear(int year, int offset) {
        LocalDate first = LocalDate.of(year, 1, 1);
        return first.plusDays(Math.min(offset, first.lengthOfYear() - 1));
    }

    /** Knuth's method for small means, a rounded normal approximation for large ones. */
    private int poisson(double mean) {
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
