-- Why and when a decision was withdrawn, and the audit line that logged the withdrawal (forebygg
-- ledger withdraw, the service's withdrawal route). Null for withdrawals recorded before this
-- migration, and for one not logged. Portable between H2 and PostgreSQL.
ALTER TABLE withdrawn_decision ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE withdrawn_decision ADD COLUMN withdrawal_reason VARCHAR(1000);
ALTER TABLE withdrawn_decision ADD COLUMN withdrawal_log_id VARCHAR(100);
ALTER TABLE withdrawn_decision ADD COLUMN withdrawal_line BIGINT;
ALTER TABLE withdrawn_decision ADD COLUMN withdrawal_hash VARCHAR(100);
