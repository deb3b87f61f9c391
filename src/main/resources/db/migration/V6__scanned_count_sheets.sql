-- Count sheets read from scanned (or text-layer) documents: the count remembers its document, and each line how
-- sure the reading was (0..1; NULL for typed sheets and forms), which variance-approval.dmn takes into account.
ALTER TABLE stock_count ADD COLUMN document_id VARCHAR(36);
ALTER TABLE stock_count_line ADD COLUMN reading_confidence DECIMAL(4, 3);
