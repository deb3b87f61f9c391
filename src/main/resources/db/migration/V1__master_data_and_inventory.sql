-- Domain schema shared by H2 (embedded) and MySQL/MariaDB. Camunda owns its ACT_* tables;
-- Flyway owns everything below. ${datetime} is TIMESTAMP(3) on H2 and DATETIME(3) on MySQL.

CREATE TABLE depot (
    depot_code   VARCHAR(32)    NOT NULL PRIMARY KEY,
    name         VARCHAR(200)   NOT NULL,
    street       VARCHAR(200),
    city         VARCHAR(100),
    latitude     DECIMAL(9, 6)  NOT NULL,
    longitude    DECIMAL(9, 6)  NOT NULL,
    updated_at   ${datetime}    NOT NULL
);

CREATE TABLE product (
    sku              VARCHAR(64)    NOT NULL PRIMARY KEY,
    name             VARCHAR(200)   NOT NULL,
    unit_price       DECIMAL(12, 2) NOT NULL,
    weight_kg        DECIMAL(10, 3) NOT NULL,
    reorder_point    INT            NOT NULL,
    reorder_quantity INT            NOT NULL,
    abc_class        CHAR(1),
    created_at       ${datetime}    NOT NULL,
    updated_at       ${datetime}    NOT NULL
);

CREATE TABLE customer (
    customer_number       VARCHAR(64)   NOT NULL PRIMARY KEY,
    name                  VARCHAR(200)  NOT NULL,
    street                VARCHAR(200)  NOT NULL,
    city                  VARCHAR(100)  NOT NULL,
    latitude              DECIMAL(9, 6) NOT NULL,
    longitude             DECIMAL(9, 6) NOT NULL,
    delivery_window_start TIME,
    delivery_window_end   TIME,
    created_at            ${datetime}   NOT NULL,
    updated_at            ${datetime}   NOT NULL
);

-- Other names a customer is known by on documents (trading names, abbreviations).
CREATE TABLE customer_alias (
    alias           VARCHAR(200) NOT NULL,
    customer_number VARCHAR(64)  NOT NULL,
    PRIMARY KEY (alias, customer_number),
    CONSTRAINT fk_customer_alias_customer FOREIGN KEY (customer_number) REFERENCES customer (customer_number)
);

CREATE TABLE vehicle (
    vehicle_id  VARCHAR(64)    NOT NULL PRIMARY KEY,
    capacity_kg DECIMAL(10, 2) NOT NULL,
    shift_start TIME           NOT NULL,
    shift_end   TIME           NOT NULL,
    depot_code  VARCHAR(32),
    created_at  ${datetime}    NOT NULL,
    updated_at  ${datetime}    NOT NULL
);

-- Current stock per SKU. Every change to on_hand is also a row in stock_movement;
-- reserved is changed only by guarded UPDATEs so that it never exceeds on_hand.
CREATE TABLE stock_level (
    sku        VARCHAR(64) NOT NULL PRIMARY KEY,
    on_hand    INT         NOT NULL,
    reserved   INT         NOT NULL,
    updated_at ${datetime} NOT NULL,
    CONSTRAINT fk_stock_level_product FOREIGN KEY (sku) REFERENCES product (sku),
    CONSTRAINT ck_stock_level_reserved CHECK (reserved >= 0 AND reserved <= on_hand)
);

CREATE TABLE stock_movement (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sku         VARCHAR(64)  NOT NULL,
    quantity    INT          NOT NULL,
    movement_type VARCHAR(32) NOT NULL,
    reason      VARCHAR(500),
    reference   VARCHAR(200),
    actor       VARCHAR(100) NOT NULL,
    occurred_at ${datetime}  NOT NULL,
    CONSTRAINT fk_stock_movement_product FOREIGN KEY (sku) REFERENCES product (sku)
);
CREATE INDEX ix_stock_movement_sku ON stock_movement (sku, occurred_at);
