-- Orders (SPEC §4.2). One order per customer and PO number: the unique key makes a repeated or
-- concurrent submission find the existing order instead of creating a second one. Orders from
-- documents may not know customer or PO number until a clerk reviews them (NULLs do not collide).

CREATE TABLE customer_order (
    order_id                VARCHAR(36)    NOT NULL PRIMARY KEY,
    customer_number         VARCHAR(64),
    po_number               VARCHAR(64),
    order_date              DATE,
    requested_delivery_date DATE,
    delivery_address        VARCHAR(500),
    document_total          DECIMAL(14, 2),
    status                  VARCHAR(16)    NOT NULL,
    source                  VARCHAR(16)    NOT NULL,
    review_required         BOOLEAN        NOT NULL,
    reviewed_by             VARCHAR(100),
    document_id             VARCHAR(36),
    process_instance_id     VARCHAR(64),
    problems                ${clob},
    received_by             VARCHAR(100)   NOT NULL,
    created_at              ${datetime}    NOT NULL,
    updated_at              ${datetime}    NOT NULL,
    CONSTRAINT uq_order_customer_po UNIQUE (customer_number, po_number)
);
CREATE INDEX ix_order_status ON customer_order (status);
CREATE INDEX ix_order_document ON customer_order (document_id);

CREATE TABLE order_line (
    order_id          VARCHAR(36)    NOT NULL,
    line_no           INT            NOT NULL,
    sku               VARCHAR(64),
    description       VARCHAR(300),
    quantity          INT,
    unit_price        DECIMAL(12, 2),
    reserved_quantity INT            NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_order_line_order FOREIGN KEY (order_id) REFERENCES customer_order (order_id)
);
CREATE INDEX ix_order_line_sku ON order_line (sku);
