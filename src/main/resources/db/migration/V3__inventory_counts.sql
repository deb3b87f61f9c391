-- Inventory reconciliation: stock counts (uploaded sheets, cycle counts), one line per SKU, problems found
-- while reading them, and the replenishment suggestions raised afterwards. ${datetime} is TIMESTAMP(3) on
-- H2 and DATETIME(3) on MySQL; ${clob} is CLOB on H2 and LONGTEXT on MySQL.

CREATE TABLE stock_count (
    count_id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    source              VARCHAR(16)  NOT NULL,
    status              VARCHAR(24)  NOT NULL,
    file_name           VARCHAR(255),
    content_type        VARCHAR(16),
    counted_at          ${datetime}  NOT NULL,
    created_by          VARCHAR(100) NOT NULL,
    process_instance_id VARCHAR(64),
    rows_read           INT          NOT NULL,
    problem_count       INT          NOT NULL,
    decision_version    VARCHAR(100),
    report_file         VARCHAR(255),
    note                ${clob},
    created_at          ${datetime}  NOT NULL,
    updated_at          ${datetime}  NOT NULL
);
CREATE INDEX ix_stock_count_created ON stock_count (created_at);

-- One line per SKU of a count: what was counted (bins added up), what the books said at the time of
-- counting, the variance, the decision of variance-approval.dmn and what became of it.
CREATE TABLE stock_count_line (
    count_id          VARCHAR(36)    NOT NULL,
    line_no           INT            NOT NULL,
    sku               VARCHAR(64)    NOT NULL,
    bins              VARCHAR(500),
    counted_quantity  INT,
    counted_at        ${datetime},
    recounts          INT            NOT NULL,
    expected_quantity INT,
    variance          INT,
    unit_price        DECIMAL(12, 2),
    variance_value    DECIMAL(16, 2),
    abc_class         CHAR(1),
    decision          VARCHAR(24),
    decision_reason   VARCHAR(200),
    status            VARCHAR(24)    NOT NULL,
    decided_by        VARCHAR(100),
    posted_quantity   INT,
    updated_at        ${datetime}    NOT NULL,
    PRIMARY KEY (count_id, line_no),
    CONSTRAINT uq_stock_count_line_sku UNIQUE (count_id, sku),
    CONSTRAINT fk_stock_count_line_count FOREIGN KEY (count_id) REFERENCES stock_count (count_id)
);
CREATE INDEX ix_stock_count_line_status ON stock_count_line (count_id, status);
CREATE INDEX ix_stock_count_line_sku ON stock_count_line (sku, status);

-- What could not be used: unknown SKUs, unreadable quantities, repeated lines. Capped per count.
CREATE TABLE stock_count_problem (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    count_id    VARCHAR(36)  NOT NULL,
    row_no      BIGINT,
    sku         VARCHAR(64),
    column_name VARCHAR(64),
    reason      VARCHAR(500) NOT NULL,
    CONSTRAINT fk_stock_count_problem_count FOREIGN KEY (count_id) REFERENCES stock_count (count_id)
);
CREATE INDEX ix_stock_count_problem_count ON stock_count_problem (count_id, id);

-- SKUs whose available stock fell below the reorder point; one open suggestion per SKU at most.
CREATE TABLE replenishment_suggestion (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sku                VARCHAR(64)  NOT NULL,
    available          INT          NOT NULL,
    reorder_point      INT          NOT NULL,
    suggested_quantity INT          NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    count_id           VARCHAR(36),
    decided_by         VARCHAR(100),
    created_at         ${datetime}  NOT NULL,
    updated_at         ${datetime}  NOT NULL,
    CONSTRAINT fk_replenishment_product FOREIGN KEY (sku) REFERENCES product (sku)
);
CREATE INDEX ix_replenishment_status ON replenishment_suggestion (status, sku);
