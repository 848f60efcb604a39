package se.forebygg.http;

import java.util.List;

/** Grant applications for the tests, with valid Swedish organisation and personal identity numbers. */
final class Applications {
    static final List<String> EMPLOYERS = List.of("556000-0001", "556000-0100", "556000-0209", "556000-0308",
            "556000-0407", "556000-0506", "556000-0605", "556000-0704", "556000-0803");
    static final List<String> EMPLOYEES = List.of("19850101-0014", "19900215-1232", "19780630-4569", "19650505-3212",
            "19930909-1115", "19720101-2221", "19550606-3337");

    private Applications() {
    }

    /** An application for an investigation that cost {@code amountPaid} (the grant asked is half of it), in 2025. */
    static String grant(String caseId, String employerId, String employeeId, int amountPaid) {
        return grant(caseId, employerId, employeeId, amountPaid, 0);
    }

    /** As {@link #grant(String, String, String, int)}, the employer having been granted {@code employerBefore} elsewhere. */
    static String grant(String caseId, String employerId, String employeeId, int amountPaid, int employerBefore) {
        return "{\"type\":\"workplace-rehabilitation-grant\",\"caseId\":\"" + caseId + "\",\"employerId\":\"" + employerId
                + "\",\"employeeId\":\"" + employeeId + "\",\"employeeCondition\":\"AT_RISK_OF_REDUCED_WORK_CAPACITY\","
                + "\"provider\":{\"id\":\"P-3\",\"approvedByAgency\":true},\"measures\":[{\"kind\":\"INVESTIGATE\","
                + "\"performedOn\":\"2025-04-02\",\"amountPaid\":" + amountPaid + "}],\"submittedOn\":\"2025-09-01\""
                + (employerBefore == 0 ? "" : ",\"alreadyGranted\":{\"employee\":0,\"employer\":" + employerBefore + "}")
                + "}";
    }
}
