-- The audit line each decision was logged in (evaluate --audit-log): the log's id, the line's number
-- and the SHA-256 of its bytes, so that replaying the log can check that every committed grant has
-- its line, unchanged. Null for decisions recorded without an audit log. Portable between H2 and PostgreSQL.
ALTER TABLE grant_decision ADD COLUMN audit_log_id VARCHAR(100);
ALTER TABLE grant_decision ADD COLUMN audit_line BIGINT;
ALTER TABLE grant_decision ADD COLUMN audit_hash VARCHAR(100);
ALTER TABLE withdrawn_decision ADD COLUMN audit_log_id VARCHAR(100);
ALTER TABLE withdrawn_decision ADD COLUMN audit_line BIGINT;
ALTER TABLE withdrawn_decision ADD COLUMN audit_hash VARCHAR(100);
CREATE INDEX grant_decision_audit ON grant_decision (audit_log_id, audit_line);
CREATE INDEX withdrawn_decision_audit ON withdrawn_decision (audit_log_id, audit_line);
-- A caseId's history (withdrawn decisions, then the one that counts).
CREATE INDEX withdrawn_decision_case ON withdrawn_decision (case_id);
